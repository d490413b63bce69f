"""What `nhan-thu` tells the clerk: what came in, what was left out and why, what to check."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docgen.mail import journal as j
from docgen.mail.importer import NO_WORKBOOK, ImportResult
from docgen.mail.senders import UNKNOWN_SENDER


def import_lines(result: ImportResult, folder: Path, journal: Path) -> list[str]:
    """The console summary of one import, in Vietnamese."""
    new = [e for e in result.messages if e.message_id]
    lines = [
        f"Đã đọc {len(new)} thư mới"
        + (f" ({result.known} thư đã nhận từ trước)." if result.known else ".")
    ]
    imported = result.files(j.IMPORTED)
    lines.append(f"Đã nhập {len(imported)} phiếu vào {folder}" + (":" if imported else "."))
    lines += [f"  - {e.stored} ← {_who(e)}, {_when(e)}" for e in imported]
    sections = [
        (result.files(j.DUPLICATE), "Trùng, không nhập lại"),
        (result.files(j.REFUSED), "Từ chối"),
        ([e for e in result.messages if e.result == j.REFUSED], "Không đọc được"),
        (result.files(j.SKIPPED), "Bỏ qua (không phải phiếu Excel)"),
        (_not_messages(result), "Bỏ qua (không phải thư)"),
        (_no_workbook(result), "Thư không có phiếu"),
    ]
    for entries, title in sections:
        if entries:
            lines.append(f"{title}: {len(entries)}")
            lines += [f"  - {_what(e)}: {e.reason}" for e in entries]
    unknown = result.unknown_senders
    if unknown:
        lines.append(f"Cần xác nhận, {UNKNOWN_SENDER}: {len(unknown)}")
        lines += [f"  - {e.sender} — “{e.subject}”, {_when(e)}" for e in unknown]
    lines.append(f"Nhật ký: {journal}. Tiếp theo: docgen kiem-tra")
    return lines


def _not_messages(result: ImportResult) -> list[j.Entry]:
    return [e for e in result.messages if e.result == j.SKIPPED and not e.message_id]


def _no_workbook(result: ImportResult) -> list[j.Entry]:
    return [e for e in result.messages if e.result == j.SKIPPED and e.reason == NO_WORKBOOK]


def _who(e: j.Entry) -> str:
    return f"{e.sender} ({e.department})" if e.department else f"{e.sender} ({UNKNOWN_SENDER})"


def _what(e: j.Entry) -> str:
    if e.kind == j.MESSAGE:
        return f"{e.source}" + (f" (“{e.subject}” từ {e.sender})" if e.sender else "")
    return f"{e.original} (thư “{e.subject}” từ {e.sender})"


def _when(e: j.Entry) -> str:
    if not e.received:
        return "không rõ thời gian nhận"
    return "nhận lúc " + datetime.fromisoformat(e.received).strftime("%H:%M:%S %d/%m/%Y")
