"""Notes on the cells of a copy of a received workbook: find the cell a place names, fill it
and comment it; the copy opened for that and made plain first (unprotected, earlier notes gone).

The feedback workbooks are made of such copies (`docgen.feedback`): this module is where that
work touches openpyxl.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.utils.cell import column_index_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from docgen.issues.model import Place
from docgen.text import fold
from docgen.workbook.write import ERROR_FILL, WARNING_FILL

AUTHOR = "docgen"
HEADER_SCAN_ROWS = 10  # the key and header rows sit at the top of a data sheet
LABEL_SCAN_ROWS = 60  # the unit form is a short vertical list of labels
SCAN_COLUMNS = 256  # headers and labels sit in the first columns (the template has ~30)


@dataclass(frozen=True)
class Note:
    """What to write on the cell at `place`: an error (red) or a warning (yellow) and its text."""

    place: Place
    error: bool
    text: str


def open_copy(data: bytes) -> Workbook:
    """The workbook in `data` (a checked, trimmed package), without macros or external links."""
    return load_workbook(io.BytesIO(data), keep_vba=False, keep_links=False, rich_text=False)


def prepare(wb: Workbook, our_sheets: str) -> None:
    """Unprotect every sheet and drop what an earlier run left: the sheet named `our_sheets`
    (compared without diacritics or case) and our comments."""
    wb.security = None
    for name in [n for n in wb.sheetnames if fold(n) == fold(our_sheets)]:
        del wb[name]
    for ws in wb.worksheets:
        ws.protection.sheet = False
        for cell in _stored(ws):
            if cell.comment is not None and cell.comment.author == AUTHOR:
                cell.comment = None


def _stored(ws: Worksheet) -> list[Cell]:
    """The cells `ws` holds. `iter_rows` would build every empty cell of the grid up to the
    last row and column: one value far right or far down must not cost a cell per position."""
    return list(ws._cells.values())  # openpyxl's own map: (row, column) -> cell


def mark(wb: Workbook, notes: Sequence[Note]) -> None:
    """Fill each located cell (errors over warnings) and comment it with its notes."""
    by_cell: dict[tuple[str, str], list[Note]] = {}
    for note in notes:
        if (found := locate(wb, note.place)) is not None:
            by_cell.setdefault((found.parent.title, found.coordinate), []).append(note)
    for (title, coordinate), found_notes in by_cell.items():
        _annotate(wb[title][coordinate], found_notes)


def locate(wb: Workbook, place: Place) -> Cell | None:
    """The cell a problem points at, when the workbook has it.

    Without a column letter, the header names the column (table sheets) or the label the row
    (the unit form: value right of the label). Merged cells resolve to their anchor.
    """
    ws = find_sheet(wb, place.sheet)
    if ws is None or place.sheet == "":
        return None
    row, col = place.row, _column(place.column)
    if row is not None and col is None and place.header:
        col = _header_column(ws, place.header)
    elif row is None and place.header:
        row, col = _label_value(ws, place.header)
    if row is None:
        return None
    return _anchor(ws, row, col or 1)


def find_sheet(wb: Workbook, name: str) -> Worksheet | None:
    """The sheet called `name`, compared without diacritics, case or spaces."""
    wanted = fold(name)
    return next((ws for ws in wb.worksheets if fold(ws.title) == wanted), None)


def _column(letters: str) -> int | None:
    try:
        return column_index_from_string(letters) if letters else None
    except ValueError:
        return None


def _header_column(ws: Worksheet, header: str) -> int | None:
    wanted = _bare(header)
    for row in ws.iter_rows(max_row=HEADER_SCAN_ROWS, max_col=_scan_columns(ws)):
        for cell in row:
            if isinstance(cell.value, str) and _bare(cell.value) == wanted:
                return cell.column
    return None


def _label_value(ws: Worksheet, label: str) -> tuple[int | None, int | None]:
    wanted = _bare(label)
    for row in ws.iter_rows(max_row=LABEL_SCAN_ROWS, max_col=_scan_columns(ws)):
        for cell in row:
            if isinstance(cell.value, str) and _bare(cell.value) == wanted:
                return cell.row, cell.column + 1
    return None, None


def _scan_columns(ws: Worksheet) -> int:
    # Scanning builds a cell at each position: a value far right must not widen the scan.
    return min(ws.max_column, SCAN_COLUMNS)


def _bare(text: str) -> str:
    """A header compared without diacritics, case or the "(*)" of required columns."""
    return fold(text).replace("(*)", "").strip()


def _anchor(ws: Worksheet, row: int, col: int) -> Cell:
    cell = ws.cell(row=row, column=col)
    if isinstance(cell, MergedCell):
        for merged in ws.merged_cells.ranges:
            if cell.coordinate in merged:
                return ws.cell(row=merged.min_row, column=merged.min_col)
    return cell


def _annotate(cell: Cell, notes: list[Note]) -> None:
    cell.fill = ERROR_FILL if any(n.error for n in notes) else WARNING_FILL
    texts = [n.text for n in notes]
    if cell.comment is not None:  # the department's own note stays, after ours
        texts.append(cell.comment.text)
    comment = Comment("\n\n".join(texts), AUTHOR)
    comment.width, comment.height = 320, 160
    cell.comment = comment
    if cell.row is not None:
        cell.parent.row_dimensions[cell.row].hidden = False


@dataclass(frozen=True)
class CellRef:
    """Where a located cell is: its sheet, row, column letter and A1 coordinate."""

    sheet: str
    row: int
    letter: str
    coordinate: str


def cell_ref(wb: Workbook, place: Place) -> CellRef | None:
    """The cell `place` points at in `wb` (see `locate`), as plain data."""
    cell = locate(wb, place)
    if cell is None or cell.row is None:
        return None
    return CellRef(cell.parent.title, cell.row, cell.column_letter, cell.coordinate)
