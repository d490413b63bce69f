"""Build the dossiers: plan the documents per level, render them, write them safely."""
