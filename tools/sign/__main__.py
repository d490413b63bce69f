"""``python -m tools.sign FILE… --vao FOLDER``: sign PDFs and .docx as a test signer would.

For trying the archive without a real signing token: each file is signed with a throwaway
self-signed certificate ("Lê Thanh Hoan") and written as `<name>-da-ky.<ext>` into FOLDER.
Real documents are signed with the signer's own certificate and tool (Ban Cơ yếu Chính phủ).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.sign import sign_docx, sign_pdf


def main(argv: list[str] | None = None) -> int:
    """Sign each file given into the target folder."""
    parser = argparse.ArgumentParser(prog="python -m tools.sign", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--vao", type=Path, required=True, help="thư mục ghi bản đã ký")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    args.vao.mkdir(parents=True, exist_ok=True)
    for path in args.files:
        signer = sign_pdf if path.suffix.lower() == ".pdf" else sign_docx
        target = args.vao / f"{path.stem}-da-ky{path.suffix}"
        target.write_bytes(signer(path.read_bytes()))
        print(f"Đã ký thử: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
