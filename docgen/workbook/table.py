"""A table to print as a workbook: title lines, a header row, rows of values, on A4 landscape,
one page wide, the header repeated on every page (the archive's registers print this way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from docgen.workbook.write import (
    BODY_FONT,
    BOX,
    CENTER,
    TITLE_FONT,
    WRAP,
    header,
    put,
    workbook_bytes,
)

SUBTITLE_FONT = Font(name="Times New Roman", italic=True, size=12)
HEADER_ROW = 4
LINE_HEIGHT = 15  # points per line of 11 pt text


@dataclass(frozen=True)
class TableSheet:
    """A table to print: its sheet name, title lines, columns (header, width) and rows."""

    sheet: str
    title: str
    subtitle: str
    columns: tuple[tuple[str, int], ...]
    rows: Sequence[Sequence[object]]


def table_bytes(book: TableSheet) -> bytes:
    """The workbook of `book`, laid out for A4 landscape printing."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = book.sheet
    _titles(ws, book)
    widths = [width for _, width in book.columns]
    for col, (name, width) in enumerate(book.columns, start=1):
        header(ws.cell(HEADER_ROW, col), name)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * _lines(
        [n for n, _ in book.columns], widths
    )
    for r, row in enumerate(book.rows, start=HEADER_ROW + 1):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col)
            put(cell, value)
            cell.font, cell.alignment, cell.border = BODY_FONT, WRAP, BOX
        ws.row_dimensions[r].height = LINE_HEIGHT * _lines(row, widths)
    _print_setup(ws, len(book.columns))
    return workbook_bytes(wb)


def _lines(values: Sequence[object], widths: Sequence[int]) -> int:
    """Lines the tallest cell of a row wraps to (spreadsheet programs do not grow rows that a
    file gives no height, so wrapped text would overlap the next row when printed)."""
    tallest = 1
    for value, width in zip(values, widths, strict=False):
        chars = max(1, int(width * 1.1))  # Times New Roman 11 pt: about 1.1 characters per unit
        text = "" if value is None else str(value)
        lines = sum(max(1, -(-len(part) // chars)) for part in text.split("\n"))
        tallest = max(tallest, lines)
    return tallest


def _titles(ws: Worksheet, book: TableSheet) -> None:
    last = get_column_letter(len(book.columns))
    for row, text, font in ((1, book.title, TITLE_FONT), (2, book.subtitle, SUBTITLE_FONT)):
        ws.merge_cells(f"A{row}:{last}{row}")
        put(ws.cell(row, 1), text)
        ws.cell(row, 1).font = font
        ws.cell(row, 1).alignment = CENTER


def _print_setup(ws: Worksheet, columns: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_area = f"A1:{get_column_letter(columns)}{max(ws.max_row, HEADER_ROW)}"
