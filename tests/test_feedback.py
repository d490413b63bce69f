"""Feedback workbooks: highlighted copy, comments, the "Lỗi" sheet, confirmation, safety."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from docgen.campaign.model import Campaign
from docgen.feedback import feedback_name, write_feedback
from docgen.validate.run import validate_folder
from docgen.workbook.write import ERROR_FILL, WARNING_FILL
from tests.conftest import (
    GOOD_COLLECTIVE,
    GOOD_INDIVIDUAL,
    GOOD_UNIT,
    MakeWorkbook,
    forms_only,
    libreoffice_convert,
)

LOI_HEADERS = [
    "STT",
    "Mức độ",
    "Trang",
    "Dòng",
    "Cột",
    "Tiêu đề",
    "Giá trị",
    "Nội dung lỗi",
    "Cách sửa",
]


def run(campaign: Campaign, folder: Path, out: Path) -> list[Path]:
    return write_feedback(validate_folder(forms_only(campaign), folder), folder, out)


def sha(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def bad_file(make_workbook: MakeWorkbook) -> Path:
    people = [
        {**GOOD_INDIVIDUAL, "ngay_sinh": "31/02/1990"},
        {**GOOD_INDIVIDUAL, "ho_ten": '=HYPERLINK("x")', "thuc_hien_cchc": "Không"},
        {**GOOD_INDIVIDUAL, "ho_ten": "-5", "ngay_sinh": "01/01/1990"},
    ]
    unit = {**GOOD_UNIT, "ngay_gui": "22/12/2023"}
    return make_workbook(
        "khoi-vhxh.xlsx", unit=unit, individuals=people, collectives=[GOOD_COLLECTIVE]
    )


def test_copy_highlights_and_comments_bad_cells(
    campaign: Campaign, bad_file: Path, tmp_path: Path
) -> None:
    (out,) = run(campaign, bad_file.parent, tmp_path / "out")
    assert re.fullmatch(r"phan-hoi-khoi-van-hoa-xa-hoi-\d{4}-\d\d-\d\d-\d{4}\.xlsx", out.name)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Lỗi" and wb.active.title == "Lỗi"
    ws = wb["Cá nhân"]
    assert ws["C3"].fill.fgColor.rgb == ERROR_FILL.fgColor.rgb
    assert ws["C3"].comment.text.startswith(
        "Lỗi: “31/02/1990” không phải ngày hợp lệ.\nCách sửa: Ghi ngày"
    )
    assert ws["C3"].comment.author == "docgen"
    unit = wb["Đơn vị"]
    late = next(c for row in unit.iter_rows() for c in row if c.comment is not None)
    assert late.value is not None and late.fill.fgColor.rgb == WARNING_FILL.fgColor.rgb
    assert late.comment.text.startswith("Cảnh báo: Phiếu gửi ngày 22/12/2023")
    assert ws["A5"].comment is None  # a good cell stays as it was
    assert not any(sheet.protection.sheet for sheet in wb.worksheets)


def test_issues_sheet_rows_and_links(campaign: Campaign, bad_file: Path, tmp_path: Path) -> None:
    (out,) = run(campaign, bad_file.parent, tmp_path / "out")
    ws = load_workbook(out)["Lỗi"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == LOI_HEADERS
    assert [r[:5] for r in rows[1:4]] == [
        (1, "Lỗi", "Cá nhân", 3, "C"),
        (2, "Lỗi", "Cá nhân", 4, "T"),
        (3, "Cảnh báo", "Đơn vị", 6, "B"),
    ]
    assert rows[4][0] is None  # then the line saying which file, received when, was checked
    assert re.fullmatch(
        r"Tệp đã kiểm tra: khoi-vhxh\.xlsx \(chép vào thư mục, tệp sửa lần cuối lúc .+\)",
        rows[5][0],
    )
    assert rows[2][7].startswith("Không đạt tiêu chí CN2") and rows[2][8]
    assert ws["C2"].hyperlink.location == "'Cá nhân'!C3"
    assert ws["C3"].hyperlink.location == "'Cá nhân'!T4"
    assert ws["C4"].hyperlink.location == "'Đơn vị'!B6"


FORMULA_LIKE = ['=HYPERLINK("x")', "-5"]


@pytest.mark.parametrize("text", FORMULA_LIKE, ids=["equals", "minus"])
def test_formula_like_text_stays_text(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path, text: str
) -> None:
    path = make_workbook(individuals=[{**GOOD_INDIVIDUAL, "ho_ten": text, "ngay_sinh": "x"}])
    (out,) = run(campaign, path.parent, tmp_path / "out")
    with zipfile.ZipFile(out) as archive:
        xml = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        )
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere in what we wrote
    wb = load_workbook(out)
    assert wb["Cá nhân"]["A3"].value == text and wb["Cá nhân"]["A3"].data_type == "s"
    loi = wb["Lỗi"]
    assert loi["G2"].value == "x" and loi["G2"].data_type == "s"


def test_formula_like_value_in_issues_sheet(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    path = make_workbook(individuals=[{**GOOD_INDIVIDUAL, "ngay_sinh": "=1+1"}])
    (out,) = run(campaign, path.parent, tmp_path / "out")
    cell = load_workbook(out)["Lỗi"]["G2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_received_bytes_unchanged(campaign: Campaign, bad_file: Path, tmp_path: Path) -> None:
    macro = bad_file.parent / "macro.xlsm"
    with zipfile.ZipFile(bad_file) as src, zipfile.ZipFile(macro, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Evil"')
    before = sha(bad_file.parent)
    written = run(campaign, bad_file.parent, tmp_path / "out")
    assert sha(bad_file.parent) == before
    # macro.xlsm is the same department's later version: only it gets feedback.
    assert [p.suffix for p in written] == [".xlsx"]
    for path in written:
        with zipfile.ZipFile(path) as archive:
            assert not any("vba" in n.lower() for n in archive.namelist())


def test_clean_department_gets_confirmation(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL], collectives=[GOOD_COLLECTIVE])
    (out,) = run(campaign, path.parent, tmp_path / "out")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Kết quả"]
    texts = [c for (c,) in wb.active.iter_rows(values_only=True, max_col=1) if c]
    assert texts[0] == "Phiếu của đơn vị “Khối Văn hóa - Xã hội” hợp lệ, không có lỗi."
    assert "- Cấp phường: 01 tập thể" in texts and "- Cấp phường: 01 cá nhân" in texts


UNOPENABLE = [
    ("text", "a.xlsx", b"Ho ten;Ngay sinh\n"),
    ("legacy xls", "b.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    ("broken zip", "c.xlsx", b"PK\x03\x04broken"),
    ("empty", "d.xlsx", b""),
]


@pytest.mark.parametrize(
    ("name", "data"), [c[1:] for c in UNOPENABLE], ids=[c[0] for c in UNOPENABLE]
)
def test_unopenable_file_gets_issues_sheet_only(
    campaign: Campaign, tmp_path: Path, name: str, data: bytes
) -> None:
    folder = tmp_path / "phieu"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (out,) = run(campaign, folder, tmp_path / "out")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Lỗi"]
    rows = list(wb["Lỗi"].iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][1] == "Lỗi" and rows[1][7]  # + "Tệp đã kiểm tra"
    assert wb["Lỗi"]["C2"].hyperlink is None


def test_zip_bomb_is_not_opened_for_feedback(campaign: Campaign, tmp_path: Path) -> None:
    folder = tmp_path / "phieu"
    folder.mkdir()
    with zipfile.ZipFile(folder / "bom.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    report = validate_folder(forms_only(campaign), folder)
    assert [i.code for i in report.issues] == ["FILE_ZIP_BOMB"]
    (out,) = write_feedback(report, folder, tmp_path / "out")
    assert load_workbook(out).sheetnames == ["Lỗi"]


NAMES = [
    ("department", "Khối Văn hóa - Xã hội", "x.xlsx", set(), "phan-hoi-khoi-van-hoa-xa-hoi.xlsx"),
    ("file stem", "", "Phiếu Đảng ủy.xlsx", set(), "phan-hoi-phieu-dang-uy.xlsx"),
    ("path tricks", "../../etc/passwd", "x.xlsx", set(), "phan-hoi-etc-passwd.xlsx"),
    ("nothing usable", "", "—.xlsx", set(), "phan-hoi-tep.xlsx"),
    ("taken", "Khối Đảng", "x.xlsx", {"phan-hoi-khoi-dang.xlsx"}, "phan-hoi-khoi-dang-2.xlsx"),
]


@pytest.mark.parametrize(
    ("department", "file", "taken", "expected"), [c[1:] for c in NAMES], ids=[c[0] for c in NAMES]
)
def test_feedback_names(department: str, file: str, taken: set[str], expected: str) -> None:
    name = feedback_name(department, file, taken)
    assert name == expected and re.fullmatch(r"[a-z0-9-]+\.xlsx", name) and name in taken


def test_resent_feedback_is_cleaned(campaign: Campaign, bad_file: Path, tmp_path: Path) -> None:
    """A department may fix and resend our feedback workbook: old sheet and notes go."""
    (first,) = run(campaign, bad_file.parent, tmp_path / "out1")
    bad_file.write_bytes(first.read_bytes())
    (second,) = run(campaign, bad_file.parent, tmp_path / "out2")
    wb = load_workbook(second)
    assert wb.sheetnames.count("Lỗi") == 1
    assert wb["Cá nhân"]["C3"].comment.text.count("Cách sửa") == 1


def test_feedback_converts_in_libreoffice(
    campaign: Campaign, bad_file: Path, tmp_path: Path
) -> None:
    (out,) = run(campaign, bad_file.parent, tmp_path / "out")
    pdf = libreoffice_convert([out], "pdf", tmp_path / "pdf") / (out.stem + ".pdf")
    assert pdf.stat().st_size > 0


FALLBACKS = [
    ("legacy-xls", "tệp .xls đời cũ không chép lại được để đánh dấu; lần sau hãy dùng mẫu .xlsx"),
    ("openpyxl-fails", "Excel lưu tệp theo cách thư viện openpyxl không chép lại được: KeyError"),
]


@pytest.mark.parametrize(("case", "reason"), FALLBACKS, ids=[c for c, _ in FALLBACKS])
def test_a_feedback_without_the_copy_says_why_on_the_issues_sheet(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    reason: str,
) -> None:
    if case == "legacy-xls":
        folder = tmp_path / "phieu"
        folder.mkdir()
        (folder / "cu.xls").write_bytes(
            (Path(__file__).parent / "data" / "legacy.xls").read_bytes()
        )
    else:
        folder = make_workbook(individuals=[{**GOOD_INDIVIDUAL, "ngay_sinh": "31/02/1990"}]).parent

        def broken(*args: object, **kwargs: object) -> None:
            raise KeyError("xl/styles.xml")

        monkeypatch.setattr("docgen.workbook.marks.load_workbook", broken)
    (out,) = run(campaign, folder, tmp_path / "out")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Lỗi"]
    first = [c.value for c in wb["Lỗi"][2]]
    assert first[1] == "Cảnh báo"
    assert first[7] == (
        f"Không đánh dấu được lỗi trên bản sao phiếu của đơn vị ({reason}); "
        "các lỗi được liệt kê ở trang này."
    )
