"""`python -m tools.example` (make example): regenerate the shipped example under input/."""

from __future__ import annotations

import sys
from pathlib import Path

from tools.example.build import build_example

if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")
    for path in build_example(root):
        print(f"Đã tạo: {path}")
