"""Printable table workbooks we produce from plain rows: a title, ruled columns, an optional
column chart, input rows for a sheet to fill, and a guide sheet of plain lines.

The award history writes its statistics and its import template through here, so openpyxl
stays behind docgen/workbook/. Every sheet prints on A4 landscape, one page wide, the header
row repeated, rows as tall as their wrapped text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from docgen.workbook.printing import fit_row_heights, printable
from docgen.workbook.write import BODY_FONT, BOX, UNLOCKED, WRAP, header, put, workbook_bytes

TITLE_FONT = Font(name="Times New Roman", bold=True, size=13)
NOTE_FONT = Font(name="Times New Roman", italic=True, size=11)
BOLD_FONT = Font(name="Times New Roman", bold=True, size=11)
HEADER_ROW = 3
CHART_ROWS = 20  # rows a chart covers below its table


@dataclass(frozen=True)
class Chart:
    """A clustered column chart of a table: categories from the first column, one series per
    column between the first and the last (the last holds the total)."""

    title: str
    x_title: str
    y_title: str


@dataclass(frozen=True)
class TableSheet:
    """One sheet: a title over a ruled table (header in row 3)."""

    name: str
    title: str
    columns: Sequence[tuple[str, int]]  # header and width
    rows: Sequence[Sequence[object]] = ()
    note: str = ""  # an italic line under the title
    total: bool = False  # the last row is a total: bold
    chart: Chart | None = None
    inputs: int = 0  # rows left to fill, unlocked, under the header
    choices: Mapping[str, Sequence[str]] = field(default_factory=dict)  # header → list to pick
    dates: Sequence[str] = ()  # headers of date columns (shown dd/mm/yyyy)


@dataclass(frozen=True)
class GuideSheet:
    """A sheet of plain lines: the first is the title."""

    name: str
    lines: Sequence[str]


def book_bytes(sheets: Sequence[TableSheet | GuideSheet], active: int = 0) -> bytes:
    """The workbook of `sheets` in order, `active` the sheet it opens on."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        if isinstance(sheet, GuideSheet):
            _guide(ws, sheet)
        else:
            _table(ws, sheet)
    wb.active = active
    return workbook_bytes(wb)


def _guide(ws: Worksheet, sheet: GuideSheet) -> None:
    ws.column_dimensions["A"].width = 110
    for r, line in enumerate(sheet.lines, start=1):
        put(ws.cell(r, 1), line)
        ws.cell(r, 1).font = TITLE_FONT if r == 1 else BODY_FONT
        ws.cell(r, 1).alignment = WRAP
    fit_row_heights(ws, 1)
    printable(ws)


def _table(ws: Worksheet, sheet: TableSheet) -> None:
    last = get_column_letter(len(sheet.columns))
    _line(ws, 1, sheet.title, TITLE_FONT, last)
    if sheet.note:
        _line(ws, 2, sheet.note, NOTE_FONT, last)
    for col, (name, width) in enumerate(sheet.columns, start=1):
        header(ws.cell(HEADER_ROW, col), name)
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(sheet.rows, start=HEADER_ROW + 1):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col)
            put(cell, value)
            cell.font, cell.alignment, cell.border = BODY_FONT, WRAP, BOX
    if sheet.total and sheet.rows:
        for cell in ws[HEADER_ROW + len(sheet.rows)]:
            cell.font = BOLD_FONT
    if sheet.inputs:
        _inputs(ws, sheet)
    fit_row_heights(ws, HEADER_ROW)
    printable(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    if sheet.chart is not None and sheet.rows:
        _chart(ws, sheet, sheet.chart)


def _line(ws: Worksheet, row: int, text: str, font: Font, last: str) -> None:
    ws.merge_cells(f"A{row}:{last}{row}")
    put(ws.cell(row, 1), text)
    ws.cell(row, 1).font = font
    ws.cell(row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    ws.row_dimensions[row].height = 36 if row == 1 else 30


def _chart(ws: Worksheet, sheet: TableSheet, spec: Chart) -> None:
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title, chart.x_axis.title, chart.y_axis.title = spec.title, spec.x_title, spec.y_title
    chart.y_axis.majorUnit = 1  # counts: whole numbers on the axis
    chart.y_axis.number_format = "0"
    last = HEADER_ROW + len(sheet.rows)
    series = len(sheet.columns) - 2
    data = Reference(ws, min_col=2, max_col=1 + series, min_row=HEADER_ROW, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=HEADER_ROW + 1, max_row=last))
    chart.width, chart.height = 24, 10  # cm: fits an A4 landscape page below the table
    ws.add_chart(chart, f"A{last + 2}")
    ws.print_area = f"A1:{get_column_letter(max(len(sheet.columns), 10))}{last + 2 + CHART_ROWS}"


def _inputs(ws: Worksheet, sheet: TableSheet) -> None:
    """Input rows unlocked, date columns shown day first, closed lists chosen from a list."""
    first, last = HEADER_ROW + 1, HEADER_ROW + sheet.inputs
    for col, (name, _) in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col)
        for r in range(first, last + 1):
            cell = ws.cell(r, col)
            cell.protection, cell.font = UNLOCKED, BODY_FONT
            if name in sheet.dates:
                cell.number_format = "dd/mm/yyyy"
        if name in sheet.choices:
            listed = sheet.choices[name]
            choice = DataValidation(type="list", formula1='"' + ",".join(listed) + '"')
            choice.error = "Chọn một trong: " + ", ".join(f"“{c}”" for c in listed) + "."
            ws.add_data_validation(choice)
            choice.add(f"{letter}{first}:{letter}{last}")
