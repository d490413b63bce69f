"""Legacy .xls (BIFF, Excel 97-2003) through xlrd: cached values only, loaded sheet by sheet."""

from __future__ import annotations

import io
from collections.abc import Generator
from pathlib import Path
from typing import Any

import xlrd
from xlrd.compdoc import CompDoc

from docgen.workbook.raw import (
    FILE_ENCRYPTED,
    FILE_NOT_WORKBOOK,
    FILE_XLS_UNREADABLE,
    CellValue,
    MergedRange,
    RawCell,
    RawSheet,
    RawWorkbook,
    Row,
    SheetInfo,
    SheetState,
    WorkbookRefused,
)
from docgen.workbook.strings import plain

_STATES: tuple[SheetState, ...] = ("visible", "hidden", "veryHidden")
_OTHER_OFFICE = "Tệp là tài liệu Word hoặc PowerPoint đời cũ, không phải bảng tính Excel."
_RESAVE = " Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại."


def read_xls(path: Path, data: bytes) -> RawWorkbook:
    """Open the OLE2 compound file held in `data`; nothing is evaluated or written."""
    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
    # xlrd is a pure-Python BIFF decoder: a damaged file can fail with almost any exception
    # (struct.error, IndexError, AssertionError...). Every one of them means "cannot read".
    except Exception as exc:
        raise _refusal(data, exc) from exc
    visibility = list(getattr(book, "_sheet_visibility", []))
    names = book.sheet_names()
    infos = [SheetInfo(plain(name), _state(visibility, i)) for i, name in enumerate(names)]
    fonts = _xf_fonts(book)

    def load(info: SheetInfo) -> RawSheet:
        index = [plain(name) for name in names].index(info.name)
        try:
            sheet = book.sheet_by_index(index)
        except Exception as exc:  # same reason as above
            raise WorkbookRefused(FILE_XLS_UNREADABLE) from exc
        book.unload_sheet(index)  # our XlsSheet keeps the only reference; freed with it
        return XlsSheet(info, sheet, book.datemode, fonts)

    return RawWorkbook(path, "xls", infos, False, book.datemode == 1, _loader=load)


def _state(visibility: list[int], index: int) -> SheetState:
    level = visibility[index] if index < len(visibility) else 0
    return _STATES[level] if 0 <= level < len(_STATES) else "visible"


def _xf_fonts(book: Any) -> list[str | None]:
    """Font name for every cell style (XF record) of the workbook."""
    fonts = [font.name for font in book.font_list]
    return [fonts[xf.font_index] if xf.font_index < len(fonts) else None for xf in book.xf_list]


def _refusal(data: bytes, exc: Exception) -> WorkbookRefused:
    """Say why xlrd could not read the file: password, another Office file, or damage."""
    if "encrypted" in str(exc).lower():
        return WorkbookRefused(FILE_ENCRYPTED)
    try:
        streams = {entry.name for entry in CompDoc(data, logfile=io.StringIO()).dirlist}
    except Exception:  # not even a readable compound file
        return WorkbookRefused(FILE_XLS_UNREADABLE)
    if "EncryptedPackage" in streams:  # a password-protected .xlsx is an OLE2 envelope
        return WorkbookRefused(FILE_ENCRYPTED)
    if streams & {"WordDocument", "PowerPoint Document"}:
        return WorkbookRefused(FILE_NOT_WORKBOOK, _OTHER_OFFICE + _RESAVE)
    return WorkbookRefused(FILE_XLS_UNREADABLE)


class XlsSheet(RawSheet):
    """One loaded BIFF sheet (at most 65,536 rows, so holding it in memory is bounded)."""

    def __init__(self, info: SheetInfo, sheet: Any, datemode: int, fonts: list[str | None]) -> None:
        super().__init__(info)
        self.state = _STATES[sheet.visibility] if sheet.visibility in (0, 1, 2) else "visible"
        self._sheet = sheet
        self._datemode = datemode
        self._fonts = fonts
        self.hidden_cols = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}

    @property
    def merged(self) -> list[MergedRange]:
        """xlrd gives half-open 0-based (rlo, rhi, clo, chi); turn them into 1-based inclusive."""
        return [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in self._sheet.merged_cells]

    def _rows(self) -> Generator[Row, None, None]:
        sheet = self._sheet
        for r in range(sheet.nrows):
            info = sheet.rowinfo_map.get(r)
            if info is not None and info.hidden:
                self.hidden_rows.add(r + 1)
            cells = []
            for c, (ctype, value) in enumerate(
                zip(sheet.row_types(r), sheet.row_values(r), strict=True)
            ):
                cell = self._cell(r, c, ctype, value)
                if cell is not None:
                    cells.append(cell)
            yield r + 1, cells

    def _cell(self, r: int, c: int, ctype: int, value: Any) -> RawCell | None:
        if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or value == "":
            return None
        xf = self._sheet.cell_xf_index(r, c)
        font = self._fonts[xf] if 0 <= xf < len(self._fonts) else None
        if ctype == xlrd.XL_CELL_ERROR:
            return RawCell(
                r + 1, c + 1, None, font=font, error=xlrd.error_text_from_code.get(value, "#N/A")
            )
        return RawCell(r + 1, c + 1, self._value(ctype, value), font=font)

    def _value(self, ctype: int, value: Any) -> CellValue:
        if ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(value)
        if ctype == xlrd.XL_CELL_DATE:
            try:
                moment = xlrd.xldate_as_datetime(value, self._datemode)
            except (xlrd.XLDateError, OverflowError, ValueError):
                return value  # outside Excel's calendar: keep the number
            return moment.time() if 0 <= value < 1 else moment
        if ctype == xlrd.XL_CELL_NUMBER and float(value).is_integer() and abs(value) < 2**53:
            return int(value)
        return plain(value) if isinstance(value, str) else value
