"""Workbooks we produce print as people expect: A4 landscape, one page wide, headers repeated,
rows tall enough for their wrapped text (spreadsheet programs do not grow rows on opening)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

LINE_HEIGHT = 15.0  # points per line of 11 pt text
_DEFAULT_WIDTH = 8.43


def printable(ws: Worksheet, title_rows: str | None = None) -> None:
    """A4 landscape, fitted to the page width, `title_rows` ("4:4") repeated on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "Trang &P/&N"


def fit_row_heights(ws: Worksheet, first_row: int, last_row: int | None = None) -> None:
    """Give each row of `first_row`..`last_row` the height its longest wrapped cell needs."""
    dims = {
        col: ws.column_dimensions[get_column_letter(col)] for col in range(1, ws.max_column + 1)
    }
    widths = {col: d.width or _DEFAULT_WIDTH for col, d in dims.items() if not d.hidden}
    merged = {c for r in ws.merged_cells.ranges for c in r.cells}
    for row in ws.iter_rows(min_row=first_row, max_row=last_row or ws.max_row):
        lines = max(
            (
                wrapped_lines(cell.value, widths[cell.column])
                for cell in row
                if cell.value is not None
                and cell.column in widths  # hidden columns do not print
                and (cell.row, cell.column) not in merged
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * LINE_HEIGHT + 2


def wrapped_lines(value: object, width: float) -> int:
    """Lines `value` takes in a column `width` characters wide (a cautious estimate)."""
    per_line = max(int(width * 0.95) - 1, 1)
    return sum(max(1, -(-len(part) // per_line)) for part in str(value).split("\n"))
