"""Sheets put in front of a workbook for the reader: a table of rows whose cells link to the
cells they speak of (the feedback's "Lỗi" sheet), or a few lines of text (its confirmation).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell.cell import Cell
from openpyxl.utils.cell import quote_sheetname
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from docgen.workbook.marks import CellRef
from docgen.workbook.numfmt import column_letter
from docgen.workbook.printing import printable
from docgen.workbook.write import BODY_FONT, BOX, HEADER_FONT, WRAP, column_width, header, put

Columns = Sequence[tuple[str, int]]  # header, width


def add_list_sheet(
    wb: Workbook,
    title: str,
    columns: Columns,
    rows: Sequence[tuple[Sequence[object], CellRef | None]],
    link: tuple[int, str],
    footer: str = "",
) -> Worksheet:
    """Insert the sheet first and make it the one Excel opens on: a header row, then each row's
    values; the cell of column `link[0]` links to the row's cell (tooltip `link[1]`). `footer`
    is written under the table and in the print header."""
    ws = wb.create_sheet(title, 0)
    for col, (text, width) in enumerate(columns, start=1):
        header(ws.cell(row=1, column=col), text)
        column_width(ws, col, width)
    for row, (values, target) in enumerate(rows, start=2):
        _row(ws, row, values, columns)
        if target is not None:
            _link(ws.cell(row=row, column=link[0]), target, link[1])
    if footer:
        put(ws.cell(row=len(rows) + 3, column=1), footer)
        ws.oddHeader.left.text = footer
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{column_letter(len(columns))}{max(len(rows), 1) + 1}"
    printable(ws, "1:1")  # one page wide
    _activate(wb, ws)
    return ws


def _row(ws: Worksheet, row: int, values: Sequence[object], columns: Columns) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        put(cell, value)
        cell.font, cell.border, cell.alignment = BODY_FONT, BOX, WRAP
    ws.row_dimensions[row].height = 15 * _wrapped_lines(values, columns)


def _wrapped_lines(values: Sequence[object], columns: Columns) -> int:
    """Lines the tallest cell of a row wraps to (spreadsheets do not grow rows on open)."""
    return max(
        1,
        *(
            -(-len(str(v)) // max(width - 2, 1))
            for v, (_, width) in zip(values, columns, strict=True)
        ),
    )


def _link(cell: Cell, target: CellRef, tooltip: str) -> None:
    location = f"{quote_sheetname(target.sheet)}!{target.coordinate}"
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location, tooltip=tooltip)
    cell.style = "Hyperlink"
    cell.border, cell.alignment = BOX, WRAP


def _activate(wb: Workbook, ws: Worksheet) -> None:
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
    wb.active = wb.worksheets.index(ws)


def add_text_sheet(wb: Workbook, title: str, lines: Sequence[tuple[str, bool]]) -> Worksheet:
    """The workbook's first sheet as a few lines of text (bold where asked), one wide column."""
    ws = wb.active if isinstance(wb.active, Worksheet) else wb.create_sheet()
    ws.title = title
    for number, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(row=number, column=1)
        put(cell, text)
        cell.font = HEADER_FONT if bold else BODY_FONT
    ws.column_dimensions["A"].width = 90
    return ws
