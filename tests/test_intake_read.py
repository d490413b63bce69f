"""Reading what departments really send: every messy case, built in code from a good file."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from docgen.campaign import Campaign
from docgen.intake.read import read_intake_file
from docgen.intake.schema import build_schema
from docgen.validate.run import validate_folder
from tests.conftest import GOOD_INDIVIDUAL, MakeWorkbook, forms_only, libreoffice_convert

Edit = Callable[[Worksheet], None]
ROW = 3  # first data row of the template


def _edited(path: Path, sheet: str, edit: Edit) -> Path:
    wb = load_workbook(path)
    edit(wb[sheet])
    wb.save(path)
    return path


def _col(ws: Worksheet, key: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(row=1, column=c).value == key)


def _set(key: str, value: object, font: str | None = None) -> Edit:
    def edit(ws: Worksheet) -> None:
        cell = ws.cell(row=ROW, column=_col(ws, key))
        cell.value = value
        if font:
            cell.font = Font(name=font)

    return edit


def _read_one(campaign: Campaign, path: Path) -> tuple[dict[str, object], list[str]]:
    report = validate_folder(forms_only(campaign), path.parent)
    nominee = report.nominees[0] if report.nominees else None
    return (nominee.values if nominee else {}), [i.code for i in report.issues]


@pytest.mark.parametrize(
    ("key", "typed", "font", "expected", "codes"),
    [
        ("ngay_sinh", "24/02/1990", None, date(1990, 2, 24), []),
        ("ngay_sinh", "24-2-1990", None, date(1990, 2, 24), []),
        ("ngay_sinh", "24.02.1990", None, date(1990, 2, 24), []),
        ("ngay_sinh", 32928, None, date(1990, 2, 24), []),  # an Excel serial typed as a number
        ("ngay_sinh", "02/24/1990", None, None, ["CELL_DATE"]),  # month-first is never guessed
        ("ho_ten", "Nguye\u0302\u0303n Va\u0306n An", None, "Nguyễn Văn An", []),  # NFD
        ("ho_ten", "Nguyễn\u00a0Văn   An ", None, "Nguyễn Văn An", []),  # NBSP, repeated spaces
        ("ho_ten", "NGUYỄN VĂN AN", None, "Nguyễn Văn An", []),  # capitals
        ("que_quan", "Céng hßa", ".VnTime", "Cộng hòa", ["TEXT_LEGACY_CONVERTED"]),  # TCVN3
        ("que_quan", "Coäng hoøa", "VNI-Times", "Cộng hòa", ["TEXT_LEGACY_CONVERTED"]),  # VNI
        ("xep_loai_nam", "hoàn thành xuất sắc nhiệm vụ", None, "Hoàn thành xuất sắc nhiệm vụ", []),
        ("xep_loai_nam", "Xuất sắc", None, "Xuất sắc", ["CELL_CHOICE"]),  # paste past the drop-down
    ],
    ids=[
        "date-slashes",
        "date-dashes",
        "date-dots",
        "date-serial",
        "date-month-first",
        "nfd",
        "nbsp",
        "capitals",
        "tcvn3-by-font",
        "vni-by-font",
        "choice-any-case",
        "choice-pasted",
    ],
)
def test_cell_values_as_read(
    campaign: Campaign, make_workbook: MakeWorkbook,
    key: str, typed: object, font: str | None, expected: object, codes: list[str],
) -> None:  # fmt: skip
    path = _edited(make_workbook(individuals=[GOOD_INDIVIDUAL]), "Cá nhân", _set(key, typed, font))
    values, found = _read_one(campaign, path)
    assert values[key] == expected
    assert sorted(set(found)) == codes


def _merge(ws: Worksheet) -> None:
    ws.merge_cells(
        start_row=ROW,
        start_column=_col(ws, "que_quan"),
        end_row=ROW,
        end_column=_col(ws, "tru_quan"),
    )


def _formula(ws: Worksheet) -> None:
    ws.cell(
        row=ROW, column=_col(ws, "chuc_vu")
    ).value = '=CONCAT("Công ", "chức")'  # no cached value


def _hide(ws: Worksheet) -> None:
    ws.row_dimensions[ROW].hidden = True


@pytest.mark.parametrize(
    ("edit", "code", "column"),
    [
        (_merge, "CELL_MERGED", "D"),
        (_formula, "CELL_FORMULA_NO_VALUE", "F"),
        (_hide, "ROW_HIDDEN", ""),
    ],
    ids=["merged", "formula-without-value", "hidden-row"],
)
def test_sheet_oddities_are_reported_with_their_place(
    campaign: Campaign, make_workbook: MakeWorkbook, edit: Edit, code: str, column: str
) -> None:
    path = _edited(make_workbook(individuals=[GOOD_INDIVIDUAL]), "Cá nhân", edit)
    issue = next(
        i for i in validate_folder(forms_only(campaign), path.parent).issues if i.code == code
    )
    assert (issue.place.file, issue.place.sheet, issue.place.row, issue.place.column) == (
        path.name,
        "Cá nhân",
        ROW,
        column,
    )


def _reorder_and_rename(ws: Worksheet) -> None:
    """Swap two columns and rename a header: the hidden keys still say what each column is."""
    a, b = _col(ws, "ho_ten"), _col(ws, "chuc_vu")
    for row in range(1, ROW + 1):
        first, second = ws.cell(row=row, column=a), ws.cell(row=row, column=b)
        first.value, second.value = second.value, first.value
    ws.cell(row=2, column=b).value = "Tên cán bộ"


def _headers_only(ws: Worksheet) -> None:
    """The key row deleted, headers typed without diacritics: matched by header."""
    for c in range(1, ws.max_column + 1):
        ws.cell(row=1, column=c).value = None
    ws.cell(row=2, column=_col_by_header(ws, "Họ và tên")).value = "HO VA TEN"
    ws.cell(row=2, column=_col_by_header(ws, "Ngày sinh")).value = "ngay sinh"


def _col_by_header(ws: Worksheet, header: str) -> int:
    return next(
        c
        for c in range(1, ws.max_column + 1)
        if str(ws.cell(row=2, column=c).value).startswith(header)
    )


@pytest.mark.parametrize("edit", [_reorder_and_rename, _headers_only], ids=["by-key", "by-header"])
def test_columns_found_when_moved_or_renamed(
    campaign: Campaign, make_workbook: MakeWorkbook, edit: Edit
) -> None:
    path = _edited(make_workbook(individuals=[GOOD_INDIVIDUAL]), "Cá nhân", edit)
    values, codes = _read_one(campaign, path)
    assert values["ho_ten"] == "Nguyễn Văn An"
    assert values["chuc_vu"] == GOOD_INDIVIDUAL["chuc_vu"]
    assert values["ngay_sinh"] == date(1985, 8, 15)
    assert codes == []


def _meta(key: str, value: object) -> Edit:
    def edit(ws: Worksheet) -> None:
        row = next(r for r in range(1, 4) if ws.cell(row=r, column=1).value == key)
        ws.cell(row=row, column=2).value = value

    return edit


@pytest.mark.parametrize(
    ("edit", "codes", "nominees"),
    [
        (_meta("campaign_id", "khen-thuong-2022"), ["FILE_WRONG_CAMPAIGN"], 0),
        (_meta("template_version", 0), ["FILE_OLD_TEMPLATE"], 1),
        (_meta("generator", "someone"), ["FILE_NO_MARKER"], 1),
    ],
    ids=["wrong-campaign", "old-template", "no-marker"],
)
def test_template_marker(
    campaign: Campaign, make_workbook: MakeWorkbook, edit: Edit, codes: list[str], nominees: int
) -> None:
    path = _edited(make_workbook(individuals=[GOOD_INDIVIDUAL]), "_docgen", edit)
    report = validate_folder(forms_only(campaign), path.parent)
    assert [i.code for i in report.issues] == codes
    assert len(report.nominees) == nominees


def test_missing_sheet(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    wb = load_workbook(path)
    del wb["Tập thể"]
    wb.save(path)
    codes = [i.code for i in validate_folder(forms_only(campaign), path.parent).issues]
    assert codes == ["SHEET_MISSING"]


def test_trailing_formatted_rows_are_not_read(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    def format_down(ws: Worksheet) -> None:
        for row in range(ROW + 1, 5000):
            ws.cell(row=row, column=1).font = Font(bold=True)

    path = _edited(make_workbook(individuals=[GOOD_INDIVIDUAL]), "Cá nhân", format_down)
    read = read_intake_file(path, build_schema(campaign))
    assert [r.source.row for r in read.tables["Cá nhân"]] == [ROW]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "FILE_EMPTY"),
        ("Họ và tên,Ngày sinh\nAn,1/1/1990\n".encode(), "FILE_NOT_WORKBOOK"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "FILE_NOT_WORKBOOK"),
    ],
    ids=["empty", "csv-renamed", "png-renamed"],
)
def test_not_a_workbook(campaign: Campaign, tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "phieu" / "khoi-x.xlsx"
    path.parent.mkdir()
    path.write_bytes(content)
    issues = validate_folder(forms_only(campaign), path.parent).issues
    assert [(i.code, i.place.file) for i in issues] == [(code, "khoi-x.xlsx")]
    assert "Excel" in issues[0].message or "rỗng" in issues[0].message


def test_damage_deep_in_a_sheet_is_one_clear_issue(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    good = make_workbook("a-tot.xlsx", individuals=[GOOD_INDIVIDUAL])
    bad = good.with_name("b-hong.xlsx")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet5.xml":  # the individuals sheet
                data = data.replace(b'<row r="4"', b'<broken r="4"', 1)  # mismatched end tag
            dst.writestr(item, data)
    report = validate_folder(forms_only(campaign), good.parent)
    assert [(i.code, i.place.file) for i in report.issues] == [("FILE_CORRUPT", "b-hong.xlsx")]
    assert [n.source.file for n in report.nominees] == ["a-tot.xlsx"]


def test_macro_workbook_is_read_without_its_macros(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    xlsm = path.with_suffix(".xlsm")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    path.unlink()
    values, codes = _read_one(campaign, xlsm)
    assert values["ho_ten"] == "Nguyễn Văn An"
    assert codes == ["FILE_MACROS"]


def test_legacy_xls_is_read(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    out = libreoffice_convert([path], "xls", tmp_path / "xls")
    values, codes = _read_one(campaign, out / "don-vi.xls")
    assert values["ho_ten"] == "Nguyễn Văn An"
    assert values["ngay_sinh"] == date(1985, 8, 15)
    assert "FILE_LEGACY_XLS" in codes


@pytest.mark.parametrize(
    ("typed", "font", "codes_per_row"),
    [
        pytest.param("Céng hßa", ".VnTime", ["TEXT_LEGACY_CONVERTED"], id="tcvn3-each-row"),
        pytest.param("Coäng hoøa", "VNI-Times", ["TEXT_LEGACY_CONVERTED"], id="vni-each-row"),
        pytest.param("Cộng hòa", None, [], id="plain-repeated"),
        pytest.param("Cộng hòa", ".VnTime", [], id="unicode-in-legacy-font"),
    ],
)
def test_a_repeated_value_is_read_and_reported_on_every_row(
    campaign: Campaign, make_workbook: MakeWorkbook, typed: str, font: str | None,
    codes_per_row: list[str],
) -> None:  # fmt: skip
    """Short texts repeated down a column are read once; a finding still names each row."""

    def edit(ws: Worksheet) -> None:
        for row in range(ROW, ROW + 3):
            cell = ws.cell(row=row, column=_col(ws, "que_quan"))
            cell.value = typed
            if font:
                cell.font = Font(name=font)

    people = [{**GOOD_INDIVIDUAL, "ho_ten": f"Nguyễn Văn {n}"} for n in ("An", "Bình", "Cường")]
    path = _edited(make_workbook(individuals=people), "Cá nhân", edit)
    report = validate_folder(forms_only(campaign), path.parent)
    assert [n.values["que_quan"] for n in report.nominees] == ["Cộng hòa"] * 3
    found = [(i.code, i.place.row) for i in report.issues if i.code in codes_per_row]
    assert found == [(code, row) for row in range(ROW, ROW + 3) for code in codes_per_row]


def _every_oddity(ws: Worksheet) -> None:
    """Each hostile case on its own row, the rows after them repeating the same values."""
    for row in range(ROW, ROW + 6):
        ws.cell(row=row, column=_col(ws, "que_quan")).value = "Céng hßa"
        ws.cell(row=row, column=_col(ws, "que_quan")).font = Font(name=".VnTime")
        ws.cell(row=row, column=_col(ws, "tru_quan")).value = "Phường_x000D_Tiến Thành"
    ws.cell(row=ROW + 1, column=_col(ws, "chuc_vu")).value = '=CONCAT("Công ", "chức")'
    ws.row_dimensions[ROW + 2].hidden = True
    col = _col(ws, "chuc_vu")
    ws.merge_cells(start_row=ROW + 3, start_column=col, end_row=ROW + 4, end_column=col)


def test_warm_memos_read_hostile_rows_as_a_first_read_does(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    """The memos kept across rows and files (texts, cells, conversions, person keys) never
    change a value or a finding: a second read in the same process gives the same report."""
    from docgen.workbook import strings

    people = [{**GOOD_INDIVIDUAL, "ho_ten": f"Nguyễn Văn {n}"} for n in "ABCDEF"]
    path = _edited(make_workbook(individuals=people), "Cá nhân", _every_oddity)
    strings._XSTRINGS.clear()
    first = validate_folder(forms_only(campaign), path.parent)
    second = validate_folder(forms_only(campaign), path.parent)
    assert [repr(i) for i in second.issues] == [repr(i) for i in first.issues]
    assert [n.values for n in second.nominees] == [n.values for n in first.nominees]
    codes = {i.code for i in first.issues}
    assert {"TEXT_LEGACY_CONVERTED", "CELL_FORMULA_NO_VALUE", "ROW_HIDDEN", "CELL_MERGED"} <= codes
    legacy = [i.place.row for i in first.issues if i.code == "TEXT_LEGACY_CONVERTED"]
    assert legacy == list(range(ROW, ROW + 6))  # every row, not only the first read
    assert {n.values["tru_quan"] for n in first.nominees} == {"Phường Tiến Thành"}


@pytest.mark.parametrize("typed", ["Bộ phận “Một cửa” phường", 'Bộ phận "Một cửa" phường'])
def test_a_list_choice_with_curly_quotes_is_its_own_choice(
    campaign: Campaign, tmp_path: Path, typed: str
) -> None:
    """The wizard offers “Một cửa” with curly quotes: the drop-down's own value (and the same
    typed with straight quotes) is that choice, never CELL_CHOICE."""
    from dataclasses import replace

    from tests.conftest import GOOD_COLLECTIVE, GOOD_UNIT
    from tools.fill.intake import fill_workbook

    curly = "Bộ phận “Một cửa” phường"
    subjects = tuple(
        replace(s, label=curly) if s.label == 'Bộ phận "Một cửa" phường' else s
        for s in campaign.subjects
    )
    assert curly in [s.label for s in subjects]
    ours = forms_only(replace(campaign, subjects=subjects))
    row = {**GOOD_COLLECTIVE, "doi_tuong": typed}
    sheets = {"Cá nhân": [], "Tập thể": [row], "Khen thưởng đã nhận": []}
    fill_workbook(ours, tmp_path / "phieu" / "don-vi.xlsx", GOOD_UNIT, sheets)
    report = validate_folder(ours, tmp_path / "phieu")
    assert [i.code for i in report.issues if i.code == "CELL_CHOICE"] == []
    assert report.nominees[0].values["doi_tuong"] == curly
