"""The one door for received workbooks: sniffed, size-checked, parsed safely and lazily.

    with open_workbook(path) as wb:
        for number, cells in wb.sheet(wb.sheet_names[0]).iter_rows():
            ...

Every file that cannot be read safely raises `WorkbookRefused` (a `DocgenError`) with a
stable code (FILE_*) and a Vietnamese message telling the clerk what to do.
"""

from __future__ import annotations

from pathlib import Path

from docgen.workbook.raw import (
    FILE_CORRUPT,
    FILE_EMPTY,
    FILE_ENCRYPTED,
    FILE_NOT_WORKBOOK,
    FILE_TOO_LARGE,
    FILE_XLS_UNREADABLE,
    FILE_XML_UNSAFE,
    FILE_ZIP_BOMB,
    CellValue,
    MergedRange,
    RawCell,
    RawSheet,
    RawWorkbook,
    SheetInfo,
    WorkbookRefused,
)
from docgen.workbook.safety import check_zip, open_zip, read_limited, refusal_for, sniff


def open_workbook(path: Path) -> RawWorkbook:
    """Open a received .xlsx/.xlsm/.xls/.ods for reading, choosing the reader by content.

    The file is read once into memory (bounded) and never written or kept open, so the
    clerk's copy stays byte-for-byte unchanged and unlocked.
    """
    data = read_limited(Path(path))
    kind = sniff(data[:4096])
    if kind == "zip":
        from docgen.workbook.ods import is_ods, read_ods
        from docgen.workbook.xlsx import read_xlsx

        archive = open_zip(data)  # the zip limits apply to .ods as to .xlsx
        if is_ods(archive):
            return read_ods(Path(path), data)
        return read_xlsx(Path(path), archive)
    if kind == "ole2":
        from docgen.workbook.xls import read_xls  # xlrd is only imported for legacy files

        return read_xls(Path(path), data)
    raise refusal_for(kind)


__all__ = [
    "FILE_CORRUPT",
    "FILE_EMPTY",
    "FILE_ENCRYPTED",
    "FILE_NOT_WORKBOOK",
    "FILE_TOO_LARGE",
    "FILE_XLS_UNREADABLE",
    "FILE_XML_UNSAFE",
    "FILE_ZIP_BOMB",
    "CellValue",
    "MergedRange",
    "RawCell",
    "RawSheet",
    "RawWorkbook",
    "SheetInfo",
    "WorkbookRefused",
    "check_zip",
    "open_workbook",
]
