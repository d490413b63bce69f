"""`python -m docgen` runs the CLI."""

from docgen.cli import main

main()
