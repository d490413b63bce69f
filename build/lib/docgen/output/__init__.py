"""Writing results: atomic files, safe names, the manifest."""
