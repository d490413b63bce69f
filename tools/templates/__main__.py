"""`python -m tools.templates [folder]`: regenerate every Word template."""

import sys
from pathlib import Path

from tools.templates.build import TEMPLATE_DIR, build_all

if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR
    for path in build_all(folder):
        print(path)
