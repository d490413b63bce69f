"""Mark problems on the department's own workbook: fill and comment each bad cell."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.utils.cell import column_index_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from docgen.feedback.sheet import ISSUES_SHEET
from docgen.issues.model import Place, Severity, ValidationIssue
from docgen.text import fold
from docgen.workbook.write import ERROR_FILL, WARNING_FILL

AUTHOR = "docgen"
HEADER_SCAN_ROWS = 10  # the key and header rows sit at the top of a data sheet
LABEL_SCAN_ROWS = 60  # the unit form is a short vertical list of labels
SCAN_COLUMNS = 256  # headers and labels sit in the first columns (the template has ~30)


def prepare(wb: Workbook) -> None:
    """Unprotect every sheet and drop what an earlier feedback run left (sheet, comments)."""
    wb.security = None
    for name in [n for n in wb.sheetnames if fold(n) == fold(ISSUES_SHEET)]:
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


def mark(wb: Workbook, issues: Sequence[ValidationIssue]) -> None:
    """Fill each located cell (errors over warnings) and comment it with message and hint."""
    by_cell: dict[tuple[str, str], list[ValidationIssue]] = {}
    for issue in issues:
        if (found := locate(wb, issue.place)) is not None:
            by_cell.setdefault((found.parent.title, found.coordinate), []).append(issue)
    for (title, coordinate), found_issues in by_cell.items():
        _annotate(wb[title][coordinate], found_issues)


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


def _annotate(cell: Cell, issues: list[ValidationIssue]) -> None:
    worst = (
        Severity.ERROR if any(i.severity is Severity.ERROR for i in issues) else Severity.WARNING
    )
    cell.fill = ERROR_FILL if worst is Severity.ERROR else WARNING_FILL
    notes = [_note(i) for i in issues]
    if cell.comment is not None:  # the department's own note stays, after ours
        notes.append(cell.comment.text)
    comment = Comment("\n\n".join(notes), AUTHOR)
    comment.width, comment.height = 320, 160
    cell.comment = comment
    if cell.row is not None:
        cell.parent.row_dimensions[cell.row].hidden = False


def _note(issue: ValidationIssue) -> str:
    label = "Lỗi" if issue.severity is Severity.ERROR else "Cảnh báo"
    text = f"{label}: {issue.message}"
    return f"{text}\nCách sửa: {issue.hint}" if issue.hint else text
