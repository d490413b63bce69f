"""`docgen lich-su`: search, the statistics workbook with its chart, the import sheet."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from docgen.award.history import load_history, record_decision
from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.award.stats import statistics
from docgen.campaign.model import Kind
from docgen.cli import main
from tools.fill.history import fill_awards_sheet

AN = Recipient(
    kind=Kind.INDIVIDUAL, name="Nguyễn Văn An", unit="Khối Kinh tế", birth=date(1985, 3, 2)
)
BINH = Recipient(
    kind=Kind.INDIVIDUAL, name="Trần Thị Bình", unit="Khối Nội chính", birth=date(1990, 1, 5)
)
KHOI = Recipient(kind=Kind.COLLECTIVE, name="Khối Kinh tế", unit="UBND phường Tân Phú")  # fmt: skip


def decision(year: int, number: str, lines: list[tuple[Recipient, str]]) -> AwardDecision:
    return AwardDecision(
        number=number,
        symbol="QĐ-UBND",
        date=date(year, 12, 20),
        authority="Chủ tịch UBND phường Tân Phú",
        level="phuong",
        campaign="",
        year=year,
        origin=Origin.IMPORTED,
        conferments=tuple(Conferment(recipient=r, form=f) for r, f in lines),
    )


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    ward = tmp_path / "Phường Tân Phú"
    (ward / "dot").mkdir(parents=True)
    (ward / "phuong.toml").write_text('ten = "Phường Tân Phú"\n', encoding="utf-8")
    record_decision(ward, decision(2022, "10", [(AN, "Giấy khen"), (KHOI, "Giấy khen")]))
    record_decision(ward, decision(2023, "20", [(AN, "Lao động tiên tiến"), (BINH, "Lao động tiên tiến")]))  # fmt: skip
    return ward


def run(ward: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["lich-su", "--thu-muc", str(ward / "dot"), *args])
    assert result.exit_code == code, result.output
    return result.output


def run_json(ward: Path, *args: str) -> str:
    """Standard output only (JSON, the table), without the line on stderr naming the register."""
    result = CliRunner().invoke(main, ["lich-su", "--thu-muc", str(ward / "dot"), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("args", "names"),
    [
        ((), ["Nguyễn Văn An", "Trần Thị Bình", "Khối Kinh tế", "Nguyễn Văn An"]),
        (("--ten", "NGUYEN  van an"), ["Nguyễn Văn An", "Nguyễn Văn An"]),
        (("--don-vi", "khoi noi chinh"), ["Trần Thị Bình"]),
        (("--nam", "2022", "--hinh-thuc", "giấy khen"), ["Khối Kinh tế", "Nguyễn Văn An"]),
        (("--ten", "Lê Văn C"), []),
    ],
    ids=["all", "name-folded", "unit", "year-and-form", "none"],
)
def test_search_by_name_unit_year_and_form(
    ward: Path, args: tuple[str, ...], names: list[str]
) -> None:
    found = json.loads(run_json(ward, *args, "--json"))
    assert sorted(f["ten"] for f in found) == sorted(names)
    if found:
        assert found[0]["nam"] == max(f["nam"] for f in found)  # newest first


def test_search_prints_a_table(ward: Path) -> None:
    out = run_json(ward, "--ten", "Bình")  # the table on stdout (stderr names the register)
    head, row = (re.split(r"\s{2,}", line) for line in out.splitlines()[:2])
    assert head == ["Năm", "Hình thức", "Tập thể / cá nhân", "Đơn vị", "Quyết định"]
    assert row == ["2023", "Lao động tiên tiến", "Trần Thị Bình", "Khối Nội chính", "20/QĐ-UBND ngày 20/12/2023"]  # fmt: skip
    assert out.rstrip().endswith("Cộng: 1 khen thưởng.")
    assert "Không tìm thấy khen thưởng nào" in run(ward, "--ten", "Không Có Ai")
    said = f"Lịch sử khen thưởng của phường: {ward / 'luu-tru' / 'so-dang-ky.sqlite'}"
    assert said in CliRunner().invoke(main, ["lich-su", "--thu-muc", str(ward / "dot")]).stderr


def test_search_results_go_to_a_json_file_for_powershell(ward: Path, tmp_path: Path) -> None:
    target = tmp_path / "kết quả.json"
    out = run(ward, "--nam", "2022", "--json-ra", str(target))
    assert "Cộng: 2 khen thưởng." in out  # the table still prints
    found = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(f["ten"] for f in found) == ["Khối Kinh tế", "Nguyễn Văn An"]


def test_statistics_count_by_year_unit_and_form() -> None:
    stats = statistics(
        [
            a
            for a in _awards(
                [(2022, AN, "Giấy khen"), (2022, KHOI, "Giấy khen"), (2023, AN, "Giấy khen")]
            )
        ]
    )
    assert [(ln.year, ln.unit, ln.form, ln.collectives, ln.individuals) for ln in stats.lines] == [
        (2022, "Khối Kinh tế", "Giấy khen", 0, 1),
        (2022, "UBND phường Tân Phú", "Giấy khen", 1, 0),
        (2023, "Khối Kinh tế", "Giấy khen", 0, 1),
    ]
    assert stats.by_year == {(2022, "Giấy khen"): 2, (2023, "Giấy khen"): 1}


def _awards(lines: list[tuple[int, Recipient, str]]) -> list:  # type: ignore[type-arg]
    from docgen.award.history import Award

    return [
        Award(recipient=r, form=f, year=y, number="1", symbol="QĐ-UBND", issued=date(y, 12, 1),
              authority="x", level="phuong", campaign="", origin=Origin.IMPORTED)
        for y, r, f in lines
    ]  # fmt: skip


def test_the_statistics_workbook_has_a_chart_and_prints_on_a4(ward: Path) -> None:
    out = run(ward, "--thong-ke")
    path = ward / "dot" / "output" / "lich-su" / "thong-ke-khen-thuong.xlsx"
    assert f"Đã tạo: {path} (4 khen thưởng, 2 năm)." in out
    wb = openpyxl.load_workbook(path)
    lines, by_year = wb["Thống kê"], wb["Theo năm"]
    assert [c.value for c in lines[3]] == ["Năm", "Đơn vị", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Tổng"]  # fmt: skip
    assert [c.value for c in lines[lines.max_row]] == ["Cộng", None, None, 1, 3, 4]
    assert [[c.value for c in row] for row in by_year.iter_rows(min_row=3)] == [
        ["Năm", "Giấy khen", "Lao động tiên tiến", "Tổng"],
        [2022, 2, 0, 2],
        [2023, 0, 2, 2],
    ]
    assert len(by_year._charts) == 1
    assert by_year._charts[0].y_axis.majorUnit == 1
    for ws in (lines, by_year):
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "Đã có, không thay đổi" in run(ward, "--thong-ke")  # same history, same bytes


ROW = [2021, "5/QĐ-UBND", "15/12/2021", "Chủ tịch UBND phường Tân Phú", "Cấp phường", "Cá nhân",
       "Nguyễn Văn An", "02/03/1985", "Khối Kinh tế", "Công chức", "Giấy khen", ""]  # fmt: skip


def test_past_years_are_imported_from_the_template(ward: Path, tmp_path: Path) -> None:
    run(ward, "--mau-nhap")
    template = ward / "dot" / "output" / "lich-su" / "mau-nhap-lich-su-khen-thuong.xlsx"
    blank = openpyxl.load_workbook(template)
    assert blank.sheetnames == ["Hướng dẫn", "Khen thưởng"]
    assert blank["Khen thưởng"].cell(3, 1).value == "Năm"
    second = [
        *ROW[:5],
        "Tập thể",
        "Khối Kinh tế",
        None,
        "UBND phường Tân Phú",
        None,
        "Giấy khen",
        None,
    ]
    sheet = fill_awards_sheet(template, [ROW, second], tmp_path / "cu.xlsx")
    out = run(ward, "--nhap", str(sheet))
    assert "Đã nhập 1 quyết định (2 dòng) từ cu.xlsx: 1 mới, 0 thay bản cũ, 0 đã có." in out
    assert "1 đã có" in run(ward, "--nhap", str(sheet))
    found = [a for a in load_history(ward).awards if a.year == 2021]
    assert [(a.recipient.name, a.recipient.birth, a.reference, a.level) for a in found] == [
        ("Nguyễn Văn An", date(1985, 3, 2), "5/QĐ-UBND", "cap-phuong"),
        ("Khối Kinh tế", None, "5/QĐ-UBND", "cap-phuong"),
    ]


def test_a_sheet_with_bad_lines_imports_nothing(ward: Path, tmp_path: Path) -> None:
    run(ward, "--mau-nhap")
    template = ward / "dot" / "output" / "lich-su" / "mau-nhap-lich-su-khen-thuong.xlsx"
    bad_date = [*ROW[:2], "31/02/2021", *ROW[3:]]
    bad_kind = [*ROW[:5], "Đơn vị", *ROW[6:]]
    other_year = [2020, *ROW[1:]]
    sheet = fill_awards_sheet(
        template, [ROW, bad_date, bad_kind, other_year], tmp_path / "loi.xlsx"
    )
    before = load_history(ward)
    out = run(ward, "--nhap", str(sheet), code=1)
    assert "Chưa nhập gì: tệp loi.xlsx còn 3 lỗi." in out
    assert (
        "loi.xlsx, trang “Khen thưởng”, dòng 5, cột C (Ngày quyết định): “31/02/2021” không phải ngày"
        in out
    )
    assert "dòng 6, cột F (Loại (Tập thể / Cá nhân)): “Đơn vị” không hợp lệ" in out
    assert (
        "dòng 7, cột A (Năm): cùng quyết định 5/QĐ-UBND với dòng trên nhưng khác năm (2021)." in out
    )
    assert load_history(ward) == before


def test_a_file_that_is_not_the_sheet_is_refused(ward: Path, tmp_path: Path) -> None:
    other = tmp_path / "khac.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Trang tính1"  # type: ignore[union-attr]
    wb.save(other)
    out = run(ward, "--nhap", str(other), code=2)
    assert "khac.xlsx: không có trang “Khen thưởng”" in out


def test_two_modes_at_once_are_a_usage_error(ward: Path) -> None:
    assert "Chỉ dùng một trong" in run(ward, "--thong-ke", "--mau-nhap", code=2)


def test_recording_needs_a_number_and_a_date(ward: Path) -> None:
    assert "Cần --so" in run(ward, "--ghi-cap", "phuong", code=2)
    assert "chỉ dùng cùng --ghi-cap" in run(ward, "--so", "5/QĐ-UBND", code=2)


def test_a_long_form_gets_a_row_tall_enough_to_print() -> None:
    """Spreadsheet programs do not grow rows when opening: wrapped text needs its height."""
    import io

    from docgen.award.books import statistics_bytes

    long_form = "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài, tỉnh Bình Phước"
    stats = statistics(_awards([(2023, AN, long_form), (2023, BINH, "Giấy khen")]))
    ws = openpyxl.load_workbook(io.BytesIO(statistics_bytes(stats)))["Thống kê"]
    rows = {ws.cell(r, 3).value: ws.row_dimensions[r].height for r in range(4, ws.max_row)}
    assert rows[long_form] and rows[long_form] >= 2 * 15
    assert rows["Giấy khen"] is None  # one line: the default height


def test_records_that_may_be_one_person_are_listed_not_merged(ward: Path) -> None:
    assert "Không có cặp khen thưởng nào chưa rõ" in run(ward, "--chua-ro")
    no_birth = Recipient(kind=Kind.INDIVIDUAL, name="NGUYỄN VĂN AN", unit="Khối  kinh tế")
    record_decision(ward, decision(2019, "3", [(no_birth, "Giấy khen")]))
    out = run(ward, "--chua-ro")
    assert "1. Có thể là cùng một người (chưa gộp):" in out
    assert "   - NGUYỄN VĂN AN (không ghi ngày sinh, Khối  kinh tế): Giấy khen năm 2019, Quyết định số 3/QĐ-UBND" in out  # fmt: skip
    assert "   - Nguyễn Văn An (sinh 02/03/1985, Khối Kinh tế): Giấy khen năm 2022" in out
    assert "Cộng: 2 cặp." in out  # the 2022 and the 2023 record of the same An
    pairs = json.loads(run_json(ward, "--chua-ro", "--json"))
    assert [[p["nam"] for p in pair] for pair in pairs] == [[2019, 2022], [2019, 2023]]
