"""Every sheet with content is read or named: a copied sheet ("Cá nhân (2)") is read as the kind
it copies, by its name or its hidden key row; any other sheet with content is named as not read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from docgen.campaign import Campaign
from docgen.intake.schema import KEY_ROW
from docgen.intake.sheets import sheet_key
from docgen.validate.run import validate_folder
from tests.conftest import GOOD_COLLECTIVE, GOOD_INDIVIDUAL, MakeWorkbook, forms_only

SECOND = {**GOOD_INDIVIDUAL, "ho_ten": "Lê Thị Hoa", "ngay_sinh": "02/01/1990"}


def _copy(wb: Workbook, source: str, title: str, changes: dict[str, str]) -> Worksheet:
    """Copy sheet `source` as `title` (as Excel's "Di chuyển hoặc sao chép" does) and change
    the first nominee's cells by machine key."""
    ws = wb.copy_worksheet(wb[source])
    ws.title = title
    for col in range(1, ws.max_column + 1):
        key = ws.cell(KEY_ROW, col).value
        if key in changes:
            ws.cell(3, col).value = changes[key]
    return ws


def excel_copy(wb: Workbook) -> None:
    _copy(wb, "Cá nhân", "Cá nhân (2)", SECOND)


def libreoffice_copy(wb: Workbook) -> None:
    _copy(wb, "Cá nhân", "Cá nhân_2", SECOND)


def copy_in_capitals(wb: Workbook) -> None:
    _copy(wb, "Cá nhân", "CA NHAN (3)", SECOND)


def copy_named_freely(wb: Workbook) -> None:
    _copy(wb, "Cá nhân", "Bản sao của Cá nhân", SECOND)


def only_the_copy(wb: Workbook) -> None:
    wb["Cá nhân"].title = "Cá nhân (2)"


def collective_copy(wb: Workbook) -> None:
    _copy(wb, "Tập thể", "Tập thể (2)", {"ten": "Tổ dân phố 3"})


def misnamed_copy(wb: Workbook) -> None:
    _copy(wb, "Tập thể", "Cá nhân (2)", {"ten": "Tổ dân phố 3"})


def copy_without_key_row(wb: Workbook) -> None:
    ws = _copy(wb, "Cá nhân", "Sheet1", SECOND)
    ws.delete_rows(KEY_ROW)


def contacts(wb: Workbook) -> None:
    ws = wb.create_sheet("Liên hệ")
    ws.append(["Họ và tên", "Chức vụ (Đảng, chính quyền, đoàn thể)", "Điện thoại"])
    ws.append(["Trần Thị Bích", "Văn thư", "0912 345 678"])


def unit_copy(wb: Workbook) -> None:
    _copy(wb, "Đơn vị", "Đơn vị (2)", {})


def notes(wb: Workbook) -> None:
    wb.create_sheet("Ghi chú")["B4"] = "Danh sách gửi kèm công văn số 12"


def empty_sheet(wb: Workbook) -> None:
    wb.create_sheet("Sheet1")


def guide_copy(wb: Workbook) -> None:
    _copy(wb, "Hướng dẫn", "Hướng dẫn (2)", {})


def renamed_without_marks(wb: Workbook) -> None:
    wb["Cá nhân"].title = "CA NHAN"


def empty_copy(wb: Workbook) -> None:
    wb.create_sheet("Cá nhân (2)")


def only_the_unit_copy(wb: Workbook) -> None:
    wb["Đơn vị"].title = "Đơn vị (2)"


AN, HOA = GOOD_INDIVIDUAL["ho_ten"], SECOND["ho_ten"]
TEAM, TDP3 = GOOD_COLLECTIVE["ten"], "Tổ dân phố 3"
# (id, change, nominees as (name, sheet), file-level issues as (code, sheet))
CASES: list[tuple[str, Callable[[Workbook], None], list[tuple[str, str]], list[tuple[str, str]]]] = [
    ("excel copy", excel_copy, [(TEAM, "Tập thể"), (AN, "Cá nhân"), (HOA, "Cá nhân (2)")],
     [("SHEET_COPY_READ", "Cá nhân (2)")]),
    ("libreoffice copy", libreoffice_copy,
     [(TEAM, "Tập thể"), (AN, "Cá nhân"), (HOA, "Cá nhân_2")], [("SHEET_COPY_READ", "Cá nhân_2")]),
    ("copy in capitals", copy_in_capitals,
     [(TEAM, "Tập thể"), (AN, "Cá nhân"), (HOA, "CA NHAN (3)")],
     [("SHEET_COPY_READ", "CA NHAN (3)")]),
    ("copy named freely, by its key row", copy_named_freely,
     [(TEAM, "Tập thể"), (AN, "Cá nhân"), (HOA, "Bản sao của Cá nhân")],
     [("SHEET_COPY_READ", "Bản sao của Cá nhân")]),
    ("only the copy", only_the_copy, [(TEAM, "Tập thể"), (AN, "Cá nhân (2)")],
     [("SHEET_COPY_READ", "Cá nhân (2)")]),
    ("collective copy", collective_copy,
     [(TEAM, "Tập thể"), (TDP3, "Tập thể (2)"), (AN, "Cá nhân")],
     [("SHEET_COPY_READ", "Tập thể (2)")]),
    ("copy of collectives named as individuals", misnamed_copy,
     [(TEAM, "Tập thể"), (TDP3, "Cá nhân (2)"), (AN, "Cá nhân")],
     [("SHEET_COPY_READ", "Cá nhân (2)")]),
    ("copy without its key row, by its headers", copy_without_key_row,
     [(TEAM, "Tập thể"), (AN, "Cá nhân"), (HOA, "Sheet1")], [("SHEET_COPY_READ", "Sheet1")]),
    ("a list of contacts", contacts, [(TEAM, "Tập thể"), (AN, "Cá nhân")],
     [("SHEET_NOT_READ", "Liên hệ")]),
    ("second unit form", unit_copy, [(TEAM, "Tập thể"), (AN, "Cá nhân")],
     [("SHEET_NOT_READ", "Đơn vị (2)")]),
    ("notes sheet", notes, [(TEAM, "Tập thể"), (AN, "Cá nhân")], [("SHEET_NOT_READ", "Ghi chú")]),
    ("empty sheet", empty_sheet, [(TEAM, "Tập thể"), (AN, "Cá nhân")], []),
    ("guide copy", guide_copy, [(TEAM, "Tập thể"), (AN, "Cá nhân")], []),
    ("renamed without diacritics", renamed_without_marks, [(TEAM, "Tập thể"), (AN, "CA NHAN")],
     []),
    ("empty copy", empty_copy, [(TEAM, "Tập thể"), (AN, "Cá nhân")], []),
    ("only the unit form's copy", only_the_unit_copy, [(TEAM, "Tập thể"), (AN, "Cá nhân")],
     [("SHEET_COPY_READ", "Đơn vị (2)")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "nominees", "named"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_every_sheet_is_read_or_named(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    change: Callable[[Workbook], None],
    nominees: list[tuple[str, str]],
    named: list[tuple[str, str]],
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL], collectives=[GOOD_COLLECTIVE])
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    report = validate_folder(forms_only(campaign), path.parent)
    assert [(n.name, n.source.sheet) for n in report.nominees] == nominees
    sheet_issues = [i for i in report.issues if i.code.startswith("SHEET_")]
    assert [(i.code, i.place.sheet) for i in sheet_issues] == named
    assert all(i.place.file == path.name and i.place.row is None for i in sheet_issues)
    assert all(f"“{i.place.sheet}”" in i.message for i in sheet_issues)
    assert report.errors == []


def test_rows_of_a_copy_are_placed_on_the_copy(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    wb = load_workbook(path)
    excel_copy(wb)
    ws = wb["Cá nhân (2)"]
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(KEY_ROW, c).value == "ngay_sinh")
    ws.cell(3, col).value = "31/02/1990"
    wb.save(path)
    report = validate_folder(forms_only(campaign), path.parent)
    assert [(i.code, i.place.sheet, i.place.row) for i in report.errors] == [
        ("CELL_DATE", "Cá nhân (2)", 3)
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [("Cá nhân (2)", "canhan"), ("Cá nhân_2", "canhan"), ("CÁ NHÂN  ( 12 )", "canhan"),
     ("Khen thưởng đã nhận", "khenthuongdanhan"), ("Tập thể 2", "tapthe")],
    ids=["excel", "libreoffice", "spaces", "plain", "typed number"],
)  # fmt: skip
def test_sheet_key(name: str, key: str) -> None:
    assert sheet_key(name) == key


def test_feedback_marks_the_copy(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    from docgen.feedback.write import write_feedback

    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    wb = load_workbook(path)
    _copy(wb, "Cá nhân", "Cá nhân (2)", {**SECOND, "gioi_tinh": "Khác"})
    wb.save(path)
    report = validate_folder(forms_only(campaign), path.parent)
    [written] = write_feedback(report, path.parent, tmp_path / "phan-hoi")
    marked = load_workbook(written)["Cá nhân (2)"]
    col = next(c for c in range(1, marked.max_column + 1) if marked.cell(1, c).value == "gioi_tinh")
    comment = marked.cell(3, col).comment
    assert comment is not None and "Khác" in comment.text
