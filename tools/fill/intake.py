"""Fill an intake workbook with rows, as a department would: for examples, benchmarks, tests.

A test session fills a few hundred workbooks from the same blank one. Loading the blank is half
the time of a fill, so it is loaded once per process (:class:`_Blank`): each fill writes its
cells, saves, then puts back the cells and style tables it changed, so the next fill starts
from the blank again. The saved bytes are those of a fresh load (tests/test_fill.py).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.workbook import Workbook

from docgen.campaign.model import Campaign
from docgen.digest import sha256
from docgen.intake.schema import FIRST_DATA_ROW, KEY_ROW, build_schema
from docgen.intake.template import write_template
from docgen.output.files import write_atomic
from docgen.workbook.write import put, workbook_bytes

RowData = Mapping[str, object]


def fill_workbook(
    campaign: Campaign,
    path: Path,
    unit: RowData,
    sheets: Mapping[str, Sequence[RowData]],
    template: bytes | None = None,
) -> Path:
    """Write a filled intake workbook: `unit` by key, `sheets` maps sheet name → rows by key."""
    blank = _blank(template if template is not None else blank_template(campaign))
    with blank.filling() as wb:
        write_atomic(path, filled_bytes(campaign, wb, unit, sheets))
    return path


def filled_bytes(
    campaign: Campaign, wb: Workbook, unit: RowData, sheets: Mapping[str, Sequence[RowData]]
) -> bytes:
    """The bytes of the blank workbook `wb` with `unit` and `sheets` written into it."""
    schema = build_schema(campaign)
    unit_ws = wb[schema.unit.name]
    for row in range(2, unit_ws.max_row + 1):
        key = unit_ws.cell(row=row, column=3).value
        if key in unit:
            put(unit_ws.cell(row=row, column=2), unit[key])
    for name, rows in sheets.items():
        ws = wb[name]
        columns = {ws.cell(row=KEY_ROW, column=c).value: c for c in range(1, ws.max_column + 1)}
        for offset, data in enumerate(rows):
            for key, value in data.items():
                put(ws.cell(row=FIRST_DATA_ROW + offset, column=columns[key]), value)
    return workbook_bytes(wb)


_TEMPLATES: dict[str, bytes] = {}  # repr of the campaign → its blank workbook


def blank_template(campaign: Campaign) -> bytes:
    """The blank intake workbook's bytes (write it once, fill many)."""
    key = repr(campaign)
    if key not in _TEMPLATES:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path, _ = write_template(campaign, Path(tmp) / "mau.xlsx")
            _TEMPLATES[key] = path.read_bytes()
    return _TEMPLATES[key]


class _Blank:
    """A blank workbook loaded once, lent to one fill at a time and put back after it."""

    def __init__(self, template: bytes) -> None:
        self.wb = load_workbook(io.BytesIO(template))
        self.lock = threading.Lock()
        self._cells = {ws: dict(ws._cells) for ws in self.wb.worksheets}
        self._states = {id(c): _state(c) for cells in self._cells.values() for c in cells.values()}
        self._styles = list(self.wb._cell_styles)
        self._formats = list(self.wb._number_formats)
        # Saving records the sheets' column outline levels: a second save would write them.
        self._outlines = [
            (ws, ws.sheet_format.outlineLevelCol, ws.column_dimensions.max_outline)
            for ws in self.wb.worksheets
        ]

    @contextmanager
    def filling(self) -> Iterator[Workbook]:
        """The blank workbook, to write cells into and save; as blank again afterwards."""
        with self.lock:
            try:
                yield self.wb
            finally:
                self._put_back()

    def _put_back(self) -> None:
        for ws, cells in self._cells.items():
            ws._cells = dict(cells)  # drops the cells a fill added
            for cell in cells.values():
                value, data_type, style = self._states[id(cell)]
                if cell._value is not value or cell.data_type != data_type or cell._style != style:
                    cell._value, cell.data_type, cell._style = value, data_type, copy(style)
        self.wb._cell_styles = IndexedList(self._styles)
        self.wb._number_formats = IndexedList(self._formats)
        for ws, level, outline in self._outlines:
            ws.sheet_format.outlineLevelCol = level
            ws.column_dimensions.max_outline = outline


def _state(cell: Cell) -> tuple[Any, str, Any]:
    return cell._value, cell.data_type, copy(cell._style)


_LOADED: dict[str, _Blank] = {}  # SHA-256 of the blank workbook → it, loaded
_LOADED_LOCK = threading.Lock()


def _blank(template: bytes) -> _Blank:
    key = sha256(template)
    with _LOADED_LOCK:
        if key not in _LOADED:
            _LOADED[key] = _Blank(template)
        return _LOADED[key]
