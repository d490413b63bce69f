"""The OpenDocument door: .ods workbooks (LibreOffice Calc) read through python-calamine.

python-calamine (Rust's calamine) reads the values that LibreOffice stored; it does not
give fonts, hidden rows or formulas without results, which an .ods never lacks anyway.
The package passed the zip checks first (`safety.open_zip`); calamine's XML reader expands
no DTD entities.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Generator, Sequence
from pathlib import Path
from zipfile import ZipFile

from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from docgen.workbook.raw import (
    FILE_CORRUPT,
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

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_DAMAGED = (
    "Tệp bảng tính OpenDocument (.ods) bị hỏng hoặc không đọc được. Hãy mở tệp bằng "
    "LibreOffice Calc hoặc Excel, lưu lại dưới dạng .xlsx rồi gửi lại."
)
_STATES: tuple[tuple[object, SheetState], ...] = (  # calamine's enum is not hashable
    (SheetVisibleEnum.Visible, "visible"),
    (SheetVisibleEnum.Hidden, "hidden"),
    (SheetVisibleEnum.VeryHidden, "veryHidden"),
)


def _state(visible: object) -> SheetState:
    return next((state for value, state in _STATES if value == visible), "visible")


def is_ods(archive: ZipFile) -> bool:
    """Whether the checked archive is an OpenDocument spreadsheet (by its mimetype member)."""
    try:
        with archive.open("mimetype") as member:
            return member.read(len(ODS_MIMETYPE) + 1).strip() == ODS_MIMETYPE
    except (KeyError, OSError, ValueError):
        return False


def read_ods(path: Path, data: bytes) -> RawWorkbook:
    """Open the .ods held in `data` (the bytes of `path`), read-only."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        metadata = book.sheets_metadata
    except (CalamineError, ValueError, OSError) as exc:
        raise WorkbookRefused(FILE_CORRUPT, _DAMAGED) from exc
    infos = [SheetInfo(plain(m.name), _state(m.visible)) for m in metadata]
    names = {info.name: m.name for info, m in zip(infos, metadata, strict=True)}

    def load(info: SheetInfo) -> RawSheet:
        try:
            sheet = book.get_sheet_by_name(names[info.name])
            rows = sheet.to_python(skip_empty_area=True)
            start, merged = sheet.start, sheet.merged_cell_ranges or []
        except (CalamineError, ValueError, OSError) as exc:
            raise WorkbookRefused(FILE_CORRUPT, _DAMAGED) from exc
        return OdsSheet(info, rows, start or (0, 0), merged)

    return RawWorkbook(path, "ods", infos, False, False, _loader=load)


class OdsSheet(RawSheet):
    """One sheet's values, held in memory as calamine returns them (offset by `start`)."""

    def __init__(
        self,
        info: SheetInfo,
        rows: Sequence[Sequence[object]],
        start: tuple[int, int],
        merged: list[tuple[tuple[int, int], tuple[int, int]]],
    ) -> None:
        super().__init__(info)
        self._values = rows
        self._start = start
        self._merged = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in merged]

    @property
    def merged(self) -> list[MergedRange]:
        """Merged ranges, 1-based and inclusive."""
        return self._merged

    def _rows(self) -> Generator[Row, None, None]:
        top, left = self._start
        for r, values in enumerate(self._values, start=top + 1):
            cells = [
                RawCell(r, c, value)
                for c, raw in enumerate(values, start=left + 1)
                if (value := _value(raw)) is not None
            ]
            yield r, cells


def _value(raw: object) -> CellValue:
    """A calamine value as the other readers give it (None for an empty cell)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        return plain(raw) or None
    if isinstance(raw, dt.datetime | dt.time | dt.timedelta | bool | int):
        return raw
    if isinstance(raw, dt.date):
        return dt.datetime(raw.year, raw.month, raw.day)
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() and abs(raw) < 2**53 else raw
    return str(raw)
