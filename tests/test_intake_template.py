"""The intake workbook generated from the campaign: sheets, keys, drop-downs, protection."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from docgen.campaign import Campaign
from docgen.intake.schema import FIRST_DATA_ROW, HEADER_ROW, KEY_ROW, build_schema
from docgen.intake.template import write_template
from tests.conftest import CAMPAIGN_FILE, CSV_ALL_SHEETS, libreoffice_convert

_CAMPAIGN = ("--chien-dich", str(CAMPAIGN_FILE))


@pytest.fixture(scope="module")
def book(template_bytes: bytes) -> Workbook:
    return load_workbook(io.BytesIO(template_bytes))


def test_sheets_in_order_guide_first(book: Workbook) -> None:
    assert book.sheetnames[0] == "Hướng dẫn"
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Hướng dẫn", "Đơn vị", "Tập thể", "Cá nhân", "Khen thưởng đã nhận"]
    assert book["_DanhMuc"].sheet_state == "hidden"
    assert book["_docgen"].sheet_state == "veryHidden"


def test_version_marker(book: Workbook, campaign: Campaign) -> None:
    meta = {row[0]: row[1] for row in book["_docgen"].iter_rows(values_only=True)}
    assert meta == {"generator": "docgen", "campaign_id": campaign.id, "template_version": 1}


@pytest.mark.parametrize("sheet", ["Tập thể", "Cá nhân", "Khen thưởng đã nhận"])
def test_hidden_key_row_and_frozen_headers(book: Workbook, campaign: Campaign, sheet: str) -> None:
    ws = book[sheet]
    spec = next(s for s in build_schema(campaign).data_sheets if s.name == sheet)
    keys = [ws.cell(row=KEY_ROW, column=c).value for c in range(1, len(spec.columns) + 1)]
    assert keys == [c.key for c in spec.columns]
    assert ws.row_dimensions[KEY_ROW].hidden
    assert ws.cell(row=HEADER_ROW, column=1).value.startswith(spec.columns[0].header)
    assert ws.freeze_panes == f"B{FIRST_DATA_ROW}"
    assert ws.protection.sheet
    assert ws.cell(row=HEADER_ROW, column=1).protection.locked
    assert not ws.cell(row=FIRST_DATA_ROW, column=1).protection.locked


@pytest.mark.parametrize(
    ("sheet", "key", "expected"),
    [
        ("Cá nhân", "doi_tuong", ["Cán bộ", "Công chức", "Nhân viên"]),
        ("Cá nhân", "cap_de_nghi", ["Cấp thành phố", "Cấp phường"]),
        (
            "Cá nhân",
            "xep_loai_nam",
            [
                "Hoàn thành xuất sắc nhiệm vụ",
                "Hoàn thành tốt nhiệm vụ",
                "Hoàn thành nhiệm vụ",
                "Không hoàn thành nhiệm vụ",
            ],
        ),
        ("Cá nhân", "sang_kien_cap", ["Hội đồng sáng kiến thành phố", "Hội đồng sáng kiến phường"]),
        ("Cá nhân", "vi_pham_ky_luat", ["Có", "Không"]),
        ("Tập thể", "xep_loai_cchc", ["Tốt", "Khá", "Trung bình", "Yếu"]),
        ("Tập thể", "doi_tuong", ["Ủy ban nhân dân phường", 'Bộ phận "Một cửa" phường']),
    ],
    ids=[
        "subject",
        "level",
        "year-rating",
        "initiative-body",
        "discipline",
        "cchc-rating",
        "collective-subject",
    ],
)
def test_drop_down_lists_from_hidden_sheet(
    book: Workbook, sheet: str, key: str, expected: list[str]
) -> None:
    ws = book[sheet]
    col = next(
        c for c in range(1, ws.max_column + 1) if ws.cell(row=KEY_ROW, column=c).value == key
    )
    letter = ws.cell(row=FIRST_DATA_ROW, column=col).column_letter
    dv = next(
        d for d in ws.data_validations.dataValidation if f"{letter}{FIRST_DATA_ROW}" in d.sqref
    )
    assert dv.type == "list"
    name = dv.formula1.lstrip("=")
    dests = list(book.defined_names[name].destinations)
    assert dests[0][0] == "_DanhMuc"
    values = [c.value for row in book["_DanhMuc"][dests[0][1].replace("$", "")] for c in row]
    assert values == expected


def test_date_columns_validated_and_formatted(book: Workbook) -> None:
    ws = book["Cá nhân"]
    col = next(
        c
        for c in range(1, ws.max_column + 1)
        if ws.cell(row=KEY_ROW, column=c).value == "ngay_sinh"
    )
    cell = ws.cell(row=FIRST_DATA_ROW, column=col)
    assert cell.number_format == "dd/mm/yyyy"
    assert any(
        d.type == "date" and cell.coordinate in d.sqref for d in ws.data_validations.dataValidation
    )


def test_prefilled_department(tmp_path: Path, campaign: Campaign) -> None:
    path, status = write_template(campaign, tmp_path / "p.xlsx", department="Khối Kinh tế")
    assert status == "created"
    ws = load_workbook(path)["Đơn vị"]
    assert ws["B2"].value == "Khối Kinh tế"
    assert ws["C2"].value == "don_vi"


def test_guide_lists_criteria_and_quotas(book: Workbook) -> None:
    text = "\n".join(str(c.value) for c in book["Hướng dẫn"]["A"] if c.value)
    assert "Hạn gửi: trước ngày 20/12/2023." in text
    assert "CN3. Có giải pháp trong công tác cải cách hành chính" in text
    assert "không quá 01 tập thể, 02 cá nhân" in text


def test_opens_in_libreoffice(tmp_path: Path, template_bytes: bytes) -> None:
    source = tmp_path / "mau.xlsx"
    source.write_bytes(template_bytes)
    csv = libreoffice_convert([source], CSV_ALL_SHEETS, tmp_path / "csv") / "mau-Cá nhân.csv"
    assert csv.exists(), sorted(p.name for p in csv.parent.iterdir())
    assert "Họ và tên" in csv.read_text(encoding="utf-8")


def test_cli_never_overwrites_a_different_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from docgen.cli import main

    target = tmp_path / "phieu.xlsx"
    runner = CliRunner()
    first = runner.invoke(main, ["mau-nhap", *_CAMPAIGN, "--ra", str(target)])
    assert first.exit_code == 0 and "Đã tạo phiếu nhập" in first.output
    same = runner.invoke(main, ["mau-nhap", *_CAMPAIGN, "--ra", str(target)])
    assert "không thay đổi" in same.output  # deterministic bytes: a rerun is recognised
    other = runner.invoke(
        main, ["mau-nhap", *_CAMPAIGN, "--ra", str(target), "--don-vi", "Khối Kinh tế - Hạ tầng"]
    )
    assert other.stdout == (
        f"Tệp {target} đã có và khác bản mới, nên được giữ nguyên; bản mới ghi vào "
        f"{tmp_path / 'phieu-2.xlsx'}. Dùng --ghi-de để ghi đè.\n"
    )
    assert (tmp_path / "phieu-2.xlsx").exists()
    assert load_workbook(target)["Đơn vị"]["B2"].value is None
