"""The "Lỗi" sheet listing a file's problems, and the confirmation sheet of a clean file."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from openpyxl.cell.cell import Cell
from openpyxl.utils.cell import quote_sheetname
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from docgen.issues.model import Severity, ValidationIssue
from docgen.workbook.printing import printable
from docgen.workbook.write import BODY_FONT, BOX, HEADER_FONT, WRAP, header, put

ISSUES_SHEET = "Lỗi"
CONFIRM_SHEET = "Kết quả"
COLUMNS = (
    ("STT", 6),
    ("Mức độ", 11),
    ("Trang", 18),
    ("Dòng", 7),
    ("Cột", 6),
    ("Tiêu đề", 26),
    ("Giá trị", 24),
    ("Nội dung lỗi", 60),
    ("Cách sửa", 45),
)
LINK_COLUMN = 3  # "Trang": a click jumps to the cell
SEVERITY = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo"}

# The cell an issue points at in the workbook, None for file-level problems.
Locate = Callable[[ValidationIssue], Cell | None]


def add_issues_sheet(
    wb: Workbook, issues: Sequence[ValidationIssue], locate: Locate, checked: str = ""
) -> Worksheet:
    """Insert the "Lỗi" sheet first and make it the sheet Excel opens on.

    `checked` (the file and when it arrived) is written under the table and in the print header.
    """
    ws = wb.create_sheet(ISSUES_SHEET, 0)
    for col, (title, width) in enumerate(COLUMNS, start=1):
        header(ws.cell(row=1, column=col), title)
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
    for number, issue in enumerate(issues, start=1):
        _issue_row(ws, number + 1, number, issue, locate(issue))
    if checked:
        put(ws.cell(row=len(issues) + 3, column=1), f"Tệp đã kiểm tra: {checked}")
        ws.oddHeader.left.text = f"Tệp đã kiểm tra: {checked}"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:I{max(len(issues), 1) + 1}"
    printable(ws, "1:1")  # one page wide, for the department
    _activate(wb, ws)
    return ws


def _wrapped_lines(values: Sequence[object]) -> int:
    """Lines the tallest cell of a row wraps to (spreadsheets do not grow rows on open)."""
    return max(
        1,
        *(
            -(-len(str(v)) // max(width - 2, 1))
            for v, (_, width) in zip(values, COLUMNS, strict=True)
        ),
    )


def _issue_row(
    ws: Worksheet, row: int, number: int, issue: ValidationIssue, target: Cell | None
) -> None:
    """One problem; where the place lacks a row or column, the located cell supplies it."""
    place = issue.place
    values = (
        number,
        SEVERITY[issue.severity],
        place.sheet,
        place.row if place.row is not None or target is None else target.row,
        place.column or (target.column_letter if target is not None else ""),
        place.header,
        issue.value,
        issue.message,
        issue.hint,
    )
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        put(cell, value)
        cell.font, cell.border, cell.alignment = BODY_FONT, BOX, WRAP
    ws.row_dimensions[row].height = 15 * _wrapped_lines(values)
    if target is not None:
        cell = ws.cell(row=row, column=LINK_COLUMN)
        location = f"{quote_sheetname(target.parent.title)}!{target.coordinate}"
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location, tooltip="Đến ô có lỗi")
        cell.style = "Hyperlink"
        cell.border, cell.alignment = BOX, WRAP


def _activate(wb: Workbook, ws: Worksheet) -> None:
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
    wb.active = wb.worksheets.index(ws)


def add_confirmation_sheet(
    wb: Workbook, department: str, file: str, lines: Sequence[str]
) -> Worksheet:
    """A short confirmation: the department's form is valid, with what it proposes."""
    ws = wb.active if isinstance(wb.active, Worksheet) else wb.create_sheet()
    ws.title = CONFIRM_SHEET
    who = f"“{department}”" if department else f"trong tệp {file}"
    rows = [f"Phiếu của đơn vị {who} hợp lệ, không có lỗi.", f"Tệp đã kiểm tra: {file}", "", *lines]
    for number, text in enumerate(rows, start=1):
        cell = ws.cell(row=number, column=1)
        put(cell, text)
        cell.font = HEADER_FONT if number == 1 else BODY_FONT
    ws.column_dimensions["A"].width = 90
    return ws
