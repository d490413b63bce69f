"""`python -m tools.example` (make example): regenerate the shipped example under input/.

`python -m tools.example --vi-du nd152-2026 output/vi-du/nd152-2026` writes the workspace of an
example of another legal profile (see tools/example/variants.py; `make examples` builds them all).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.example.build import build_example
from tools.example.variants import VARIANTS, build_variant

if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tools.example")
    parser.add_argument("root", nargs="?", type=Path, default=Path("."))
    parser.add_argument("--vi-du", choices=sorted(VARIANTS), help="ví dụ của bộ biểu mẫu khác")
    args = parser.parse_args()
    written = build_variant(args.vi_du, args.root) if args.vi_du else build_example(args.root)
    for path in written:
        print(f"Đã tạo: {path}")
