"""Which attachments are intake workbooks: sniffed, size-bounded, .zip unpacked safely.

Attachments are untrusted like any received file. A workbook is accepted only when its bytes
match its extension and pass the workbook zip limits; a .zip is opened with the same limits,
one level deep, and only its workbooks are taken. Everything else is refused or skipped with
a reason the clerk can read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from docgen.mail.message import Attachment
from docgen.workbook.raw import WorkbookRefused
from docgen.workbook.safety import MB, OLE2_MAGIC, open_zip, sniff

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_ATTACHMENT_BYTES = 25 * MB  # what the large webmail services accept in one message
MAX_ZIP_WORKBOOKS = 50
CSV = "Tệp CSV chỉ giữ một trang, không phải phiếu; đề nghị đơn vị gửi lại tệp Excel (.xlsx)."


@dataclass(frozen=True)
class Verdict:
    """An attachment (or a member of a .zip attachment): taken, or why not."""

    name: str  # shown to the clerk: "a.zip › phieu.xlsx" for a zip member
    file_name: str  # the bare file name to store under
    data: bytes
    accepted: bool
    refused: bool  # True: hostile or broken; False with accepted False: simply not a workbook
    reason: str = ""


def sort_out(attachment: Attachment) -> list[Verdict]:
    """The workbooks in one attachment, and every other part with its reason."""
    name = safe_name(attachment.name)
    suffix = PurePosixPath(name).suffix.lower()
    if len(attachment.data) > MAX_ATTACHMENT_BYTES:
        return [
            _refuse(name, attachment.data, f"Tệp quá lớn (trên {MAX_ATTACHMENT_BYTES // MB} MB).")
        ]
    if suffix == ".zip":
        return _unzip(name, attachment.data)
    if suffix in WORKBOOK_SUFFIXES:
        return [_workbook(name, name, attachment.data)]
    if suffix == ".csv":
        return [_refuse(name, attachment.data, CSV)]
    return [Verdict(name, name, attachment.data, False, False, "Không phải phiếu Excel.")]


def _workbook(shown: str, name: str, data: bytes) -> Verdict:
    problem = workbook_problem(PurePosixPath(name).suffix.lower(), data)
    if problem:
        return _refuse(shown, data, problem, name)
    return Verdict(shown, name, data, True, False)


def workbook_problem(suffix: str, data: bytes) -> str:
    """'' when the bytes are what the extension says and within the limits; else why not."""
    kind = sniff(data[:4096])
    if suffix == ".xls" and kind == "ole2" and data.startswith(OLE2_MAGIC):
        return ""
    if suffix in (".xlsx", ".xlsm", ".ods") and kind == "zip":
        try:
            open_zip(data).close()
        except WorkbookRefused as exc:
            return exc.message
        return ""
    if kind == "empty":
        return "Tệp rỗng."
    return f"Đuôi tệp là {suffix} nhưng nội dung không phải bảng tính Excel."


def _unzip(name: str, data: bytes) -> list[Verdict]:
    try:
        archive = open_zip(data)  # the workbook limits: members, ratio, total size, names
    except WorkbookRefused as exc:
        return [_refuse(name, data, f"Tệp nén bị từ chối: {exc.message}")]
    out: list[Verdict] = []
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = safe_name(info.filename)
            shown = f"{name} › {member}"
            suffix = PurePosixPath(member).suffix.lower()
            if suffix in (".zip", ".eml", ".msg", ".rar", ".7z"):
                out.append(
                    _refuse(shown, b"", "Tệp nén hay thư lồng bên trong tệp nén không được mở.")
                )
            elif suffix not in WORKBOOK_SUFFIXES:
                out.append(Verdict(shown, member, b"", False, False, "Không phải phiếu Excel."))
            elif sum(v.accepted for v in out) >= MAX_ZIP_WORKBOOKS:
                out.append(_refuse(shown, b"", f"Tệp nén có quá {MAX_ZIP_WORKBOOKS} phiếu."))
            else:
                out.append(_workbook(shown, member, archive.read(info)))
    return out


def _refuse(shown: str, data: bytes, reason: str, name: str = "") -> Verdict:
    return Verdict(shown, name or shown, data, False, True, reason)


def safe_name(name: str) -> str:
    """The last path component, NFC, without control or reserved characters, bounded."""
    base = PureWindowsPath(PurePosixPath(name.replace("\\", "/")).name).name
    base = unicodedata.normalize("NFC", base)
    base = "".join("_" if ord(c) < 32 or c in '<>:"/\\|?*' else c for c in base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[:120] or "tep"
    return f"{stem}.{suffix[:10]}" if suffix else stem
