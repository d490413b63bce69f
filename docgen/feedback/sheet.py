"""The "Lỗi" sheet listing a file's problems, and the confirmation sheet of a clean file."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docgen.issues.model import Severity, ValidationIssue
from docgen.workbook.listsheet import add_list_sheet, add_text_sheet
from docgen.workbook.marks import CellRef
from docgen.workbook.write import WriteBook, WriteSheet

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
LINK = (3, "Đến ô có lỗi")  # "Trang": a click jumps to the cell
SEVERITY = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo"}

# The cell an issue points at in the workbook, None for file-level problems.
Locate = Callable[[ValidationIssue], CellRef | None]


def add_issues_sheet(
    wb: WriteBook, issues: Sequence[ValidationIssue], locate: Locate, checked: str = ""
) -> WriteSheet:
    """Insert the "Lỗi" sheet first and make it the sheet Excel opens on.

    `checked` (the file and when it arrived) is written under the table and in the print header.
    """
    rows = []
    for number, issue in enumerate(issues, start=1):
        target = locate(issue)
        rows.append((_values(number, issue, target), target))
    footer = f"Tệp đã kiểm tra: {checked}" if checked else ""
    return add_list_sheet(wb, ISSUES_SHEET, COLUMNS, rows, LINK, footer)


def _values(number: int, issue: ValidationIssue, target: CellRef | None) -> tuple[object, ...]:
    """One problem; where the place lacks a row or column, the located cell supplies it."""
    place = issue.place
    return (
        number,
        SEVERITY[issue.severity],
        place.sheet,
        place.row if place.row is not None or target is None else target.row,
        place.column or (target.letter if target is not None else ""),
        place.header,
        issue.value,
        issue.message,
        issue.hint,
    )


def add_confirmation_sheet(
    wb: WriteBook, department: str, file: str, lines: Sequence[str]
) -> WriteSheet:
    """A short confirmation: the department's form is valid, with what it proposes."""
    who = f"“{department}”" if department else f"trong tệp {file}"
    rows = [f"Phiếu của đơn vị {who} hợp lệ, không có lỗi.", f"Tệp đã kiểm tra: {file}", "", *lines]
    return add_text_sheet(wb, CONFIRM_SHEET, [(text, n == 0) for n, text in enumerate(rows)])
