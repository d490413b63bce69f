"""The award history's workbooks: the statistics (with a chart) and the import sheet's template.

The one module of the award stage that writes workbooks (through docgen.workbook.write, as
the archive's registers are written); both print on A4 landscape, one page wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from docgen.award.stats import Statistics
from docgen.workbook.printing import fit_row_heights, printable
from docgen.workbook.write import BODY_FONT, BOX, UNLOCKED, WRAP, header, put, workbook_bytes

TITLE_FONT = Font(name="Times New Roman", bold=True, size=13)
NOTE_FONT = Font(name="Times New Roman", italic=True, size=11)
HEADER_ROW = 3
LINE_COLUMNS = (("Năm", 8), ("Đơn vị", 40), ("Hình thức khen thưởng", 40), ("Tập thể", 10),
                ("Cá nhân", 10), ("Tổng", 10))  # fmt: skip
CHART_ROWS = 20  # rows the chart covers below the table
KIND_CHOICES = ("Tập thể", "Cá nhân")


def statistics_bytes(stats: Statistics) -> bytes:
    """The statistics workbook: lines by year × unit × form, and by year × form with a chart."""
    wb = Workbook()
    lines = wb.active
    assert lines is not None
    lines.title = "Thống kê"
    rows: list[Sequence[object]] = [
        (ln.year, ln.unit, ln.form, ln.collectives, ln.individuals, ln.total) for ln in stats.lines
    ]
    rows.append(("Cộng", "", "", *_sums(rows)))
    _table(lines, "THỐNG KÊ KHEN THƯỞNG THEO NĂM, ĐƠN VỊ VÀ HÌNH THỨC", LINE_COLUMNS, rows)
    _bold_last(lines)
    _by_year(wb.create_sheet("Theo năm"), stats)
    return workbook_bytes(wb)


def _sums(rows: Sequence[Sequence[object]]) -> tuple[int, int, int]:
    return tuple(sum(int(r[i]) for r in rows) for i in (3, 4, 5))  # type: ignore[return-value, call-overload]


def _by_year(ws: Worksheet, stats: Statistics) -> None:
    columns = (("Năm", 8), *((form, 24) for form in stats.forms), ("Tổng", 10))
    rows = [
        (year, *(stats.by_year.get((year, f), 0) for f in stats.forms),
         sum(stats.by_year.get((year, f), 0) for f in stats.forms))
        for year in stats.years
    ]  # fmt: skip
    _table(ws, "SỐ KHEN THƯỞNG THEO NĂM VÀ HÌNH THỨC", columns, rows)
    if not rows:
        return
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "Số khen thưởng theo năm"
    chart.y_axis.title = "Số lượng"
    chart.y_axis.majorUnit = 1  # counts: whole numbers on the axis
    chart.y_axis.number_format = "0"
    chart.x_axis.title = "Năm"
    last = HEADER_ROW + len(rows)
    data = Reference(ws, min_col=2, max_col=1 + len(stats.forms), min_row=HEADER_ROW, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=HEADER_ROW + 1, max_row=last))
    chart.width, chart.height = 24, 10  # cm: fits an A4 landscape page below the table
    ws.add_chart(chart, f"A{last + 2}")
    ws.print_area = f"A1:{get_column_letter(max(len(columns), 10))}{last + 2 + CHART_ROWS}"


def _table(
    ws: Worksheet,
    title: str,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[object]],
) -> None:
    last = get_column_letter(len(columns))
    ws.merge_cells(f"A1:{last}1")
    put(ws.cell(1, 1), title)
    ws.cell(1, 1).font = TITLE_FONT
    ws.cell(1, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    ws.row_dimensions[1].height = 36
    for col, (name, width) in enumerate(columns, start=1):
        header(ws.cell(HEADER_ROW, col), name)
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col)
            put(cell, value)
            cell.font, cell.alignment, cell.border = BODY_FONT, WRAP, BOX
    fit_row_heights(ws, HEADER_ROW)
    printable(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)


def _bold_last(ws: Worksheet) -> None:
    for cell in ws[ws.max_row]:
        cell.font = Font(name="Times New Roman", bold=True, size=11)


def template_bytes(columns: Sequence[tuple[str, int]], guide: Sequence[str]) -> bytes:
    """The import sheet's template: a guide sheet, then the list to fill with its headers."""
    wb = Workbook()
    intro = wb.active
    assert intro is not None
    intro.title = "Hướng dẫn"
    intro.column_dimensions["A"].width = 110
    for r, line in enumerate(guide, start=1):
        put(intro.cell(r, 1), line)
        intro.cell(r, 1).font = TITLE_FONT if r == 1 else BODY_FONT
        intro.cell(r, 1).alignment = WRAP
    ws = wb.create_sheet("Khen thưởng")
    _table(ws, "DANH SÁCH KHEN THƯỞNG ĐÃ CÓ QUYẾT ĐỊNH", columns, [])
    note = "Mỗi dòng một tập thể hoặc cá nhân được khen; các dòng cùng số và ngày quyết định là một quyết định."
    put(ws.cell(2, 1), note)
    ws.cell(2, 1).font = NOTE_FONT
    ws.merge_cells(f"A2:{get_column_letter(len(columns))}2")
    _inputs(ws, columns)
    wb.active = 1
    return workbook_bytes(wb)


def _inputs(ws: Worksheet, columns: Sequence[tuple[str, int]]) -> None:
    """Input rows unlocked, dates shown day first, the kind chosen from a list."""
    first, last = HEADER_ROW + 1, HEADER_ROW + 500
    for col, (name, _) in enumerate(columns, start=1):
        letter = get_column_letter(col)
        for r in range(first, last + 1):
            cell = ws.cell(r, col)
            cell.protection = UNLOCKED
            cell.font = BODY_FONT
            if name.startswith("Ngày"):
                cell.number_format = "dd/mm/yyyy"
        if name.startswith("Loại"):
            choice = DataValidation(type="list", formula1='"' + ",".join(KIND_CHOICES) + '"')
            choice.error = "Chọn “Tập thể” hoặc “Cá nhân”."
            ws.add_data_validation(choice)
            choice.add(f"{letter}{first}:{letter}{last}")
