"""Every entry of the input folder: the workbooks to read, and why each other one is not read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import DocgenError, not_found
from docgen.issues.codes import make_issue
from docgen.issues.model import Place, ValidationIssue

# .csv is listed so that the reader refuses it with a word (how to send the workbook instead),
# never skipped in silence.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
_LOCKS = ("~$", ".~lock.")  # Excel's and LibreOffice's "file is open" markers


@dataclass
class Listing:
    """The workbooks to read (name order) and one issue per entry left unread."""

    workbooks: list[Path] = field(default_factory=list)
    issues: list[ValidationIssue] = field(default_factory=list)


def list_entries(folder: Path) -> Listing:
    """Sort out `folder`: workbooks, lock files, sub-folders, other types, duplicate content."""
    if not folder.is_dir():
        missing = f"Không tìm thấy thư mục phiếu nhập: {folder.absolute()}"
        raise not_found(DocgenError("INPUT_MISSING", missing), folder)
    listing = Listing()
    seen: dict[str, str] = {}  # SHA-256 → the first file with that content
    for path in sorted(folder.iterdir()):
        issue = _unread(path, seen)
        if issue is None:
            listing.workbooks.append(path)
        else:
            listing.issues.append(issue)
    if not listing.workbooks:
        listing.issues.append(make_issue("FOLDER_EMPTY", Place(str(folder)), folder=folder))
    return listing


def _unread(path: Path, seen: dict[str, str]) -> ValidationIssue | None:
    """None for a workbook to read; otherwise the issue saying why it is not read."""
    place = Place(path.name)
    if path.is_dir():
        return make_issue("ENTRY_FOLDER", place)
    if path.name.startswith(_LOCKS):
        return make_issue("ENTRY_LOCK_FILE", place)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES or not path.is_file():
        return make_issue("ENTRY_UNSUPPORTED", place, suffix=path.suffix or "(không có đuôi)")
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the reader reports it as unreadable, with its own message
    if digest in seen:
        return make_issue("FILE_DUPLICATE", place, same=seen[digest])
    seen[digest] = path.name
    return None
