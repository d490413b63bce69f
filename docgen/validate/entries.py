"""Every entry of the input folder: the workbooks to read, and why each other one is not read."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docgen.digest import sha256
from docgen.errors import DocgenError, not_found
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue

# Every spreadsheet goes to the reader, which reads it or refuses it with an error saying how
# to save it as .xlsx: a department's form sent as .xlsb, .csv or a template must stop the
# run with a word to the department, never be set aside with a warning about mail files.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
OTHER_SPREADSHEETS = (
    *(".xlsb", ".xltx", ".xltm", ".xlt", ".xlw"),  # Excel's binary, template and old formats
    *(".csv", ".tsv", ".xml"),  # text exports and the "XML Spreadsheet 2003"
    *(".ots", ".fods", ".numbers", ".et", ".ett"),  # LibreOffice, Apple Numbers, WPS
)
_ZIP_MAGIC = b"PK\x03\x04"
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
        listing.issues.append(make_issue(Code.FOLDER_EMPTY, Place(str(folder)), folder=folder))
    return listing


def _unread(path: Path, seen: dict[str, str]) -> ValidationIssue | None:
    """None for a workbook to read; otherwise the issue saying why it is not read."""
    place = Place(path.name)
    if path.is_dir():
        return make_issue(Code.ENTRY_FOLDER, place)
    if path.name.startswith(_LOCKS):
        return make_issue(Code.ENTRY_LOCK_FILE, place)
    if not path.is_file() or not (_spreadsheet_name(path) or _excel_inside(path)):
        return make_issue(Code.ENTRY_UNSUPPORTED, place, suffix=path.suffix or "(không có đuôi)")
    try:
        data = path.read_bytes()
    except OSError:
        return None  # the reader reports it as unreadable, with its own message
    if not data:
        return None  # nothing to compare: each empty file is FILE_EMPTY, none a copy of another
    digest = sha256(data)
    if digest in seen:
        return make_issue(Code.FILE_DUPLICATE, place, same=seen[digest])
    seen[digest] = path.name
    return None


def _spreadsheet_name(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in WORKBOOK_SUFFIXES or suffix in OTHER_SPREADSHEETS


def _excel_inside(path: Path) -> bool:
    """Whether a file saved without a suffix is an Excel package (a zip with parts under xl/).

    A file given another suffix (.bak, .old) was set aside on purpose and is not read.
    """
    if path.suffix:
        return False
    try:
        with path.open("rb") as handle:
            if handle.read(len(_ZIP_MAGIC)) != _ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as archive:
            return any(name.lower().startswith("xl/") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return False
