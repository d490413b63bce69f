"""What `docgen pdf` tells the clerk (the page's PDF button says the same): lines, then problems."""

from __future__ import annotations

from docgen.convert.pdf import PdfResult


def pdf_lines(result: PdfResult, pdfa: bool = False) -> tuple[list[str], list[str]]:
    """What was converted and kept, and each document that could not be converted."""
    kind = "PDF/A-2b" if pdfa else "PDF"
    kept = f"{len(result.current)} PDF đã mới hơn văn bản, giữ nguyên."
    if result.workers:
        done = f"Đã chuyển {len(result.written)} văn bản sang {kind}"
        lines = [f"{done} ({result.workers} tiến trình LibreOffice); {kept}"]
    else:
        lines = [f"Không có văn bản nào cần chuyển; {kept}"]
    lines += [f"Giữ nguyên PDF đã ký số: {path}" for path in result.signed]
    failed = [
        f"Không chuyển được: {path} — mở tệp bằng Word kiểm tra lại." for path in result.failed
    ]
    return lines, failed
