"""Done when: a second campaign of the same ward shows the first campaign's awards in its
reports — two workspaces side by side under one ward folder, through the real commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.workspace import WARD_FILE
from tests.test_templates import text_of
from tools.example.variants import build_variant

CITY_DECISION = ["--ghi-cap", "thanh-pho", "--so", "1234/QĐ-UBND", "--ngay", "10/01/2024"]


def number_the_decision(ws: Path, number: str = "15", day: str = "28/12/2023") -> None:
    """The văn thư enters the ward's decision number and date in the meeting workbook."""
    from openpyxl import load_workbook

    from docgen.meeting.numbers import DATE_COL, KEY_COL, NUMBER_COL, NUMBERS_SHEET

    path = ws / "input" / "hop-xet.xlsx"
    wb = load_workbook(path)
    sheet = wb[NUMBERS_SHEET]
    row = next(
        r
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, KEY_COL).value == "quyet-dinh:phuong"
    )
    sheet.cell(row, NUMBER_COL).value = number
    sheet.cell(row, DATE_COL).value = day
    wb.save(path)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _run_json(*args: str) -> str:
    """Standard output only: JSON, without the lines on stderr."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def ward(pristine_example: Path, tmp_path: Path) -> Path:
    """A ward folder holding the 2023 campaign, built and its ward decision recorded."""
    ward = tmp_path / "Phường Tiến Thành"
    ward.mkdir()
    (ward / WARD_FILE).write_text('ten = "Phường Tiến Thành"\n', encoding="utf-8")
    shutil.copytree(pristine_example, ward / "2023")
    number_the_decision(ward / "2023")
    out = _run("ho-so", "--thu-muc", str(ward / "2023"))
    assert (
        "Lịch sử khen thưởng: Quyết định số 15/QĐ-UBND ngày 28/12/2023 (1 tập thể, 3 cá nhân) — đã ghi."
        in out
    )
    return ward


def test_the_next_campaign_of_the_ward_reports_the_first_ones_awards(ward: Path) -> None:
    second = ward / "2024"
    build_variant("nd98-2024", second)
    _run("ho-so", "--thu-muc", str(second))
    folder = second / "output" / "kh21-2024-cchc" / "phuong"
    report = text_of(docx.Document(str(folder / "bao-cao-thanh-tich-pham-minh-tam.docx")))
    assert (
        "Quyết định số 15/QĐ-UBND ngày 28 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân "
        "phường Tiến Thành" in report
    )
    assert "Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành" in report
    # The first campaign's own reports, built again, do not list its own decision.
    _run("ho-so", "--thu-muc", str(ward / "2023"))
    first = ward / "2023" / "output" / "kh19-2023-cchc" / "phuong"
    own = text_of(docx.Document(str(first / "bao-cao-thanh-tich-pham-minh-tam.docx")))
    assert "15/QĐ-UBND" not in own


def test_every_campaign_of_the_ward_searches_the_same_history(ward: Path) -> None:
    second = ward / "2024"
    build_variant("nd98-2024", second)
    found = json.loads(
        _run_json("lich-su", "--thu-muc", str(second), "--ten", "pham minh tam", "--json")
    )
    assert [(f["nam"], f["quyet_dinh"], f["ngay_quyet_dinh"], f["nguon"]) for f in found] == [
        (2023, "15/QĐ-UBND", "2023-12-28", "chien-dich")
    ]
    assert (ward / "luu-tru" / "so-dang-ky.sqlite").is_file()
    assert not (second / "luu-tru").exists()


def test_building_again_records_nothing_new_and_a_renumbered_decision_replaces(ward: Path) -> None:
    first = ward / "2023"
    assert "— đã có." in _run("ho-so", "--thu-muc", str(first))
    number_the_decision(first, "16", "29/12/2023")
    assert "Quyết định số 16/QĐ-UBND ngày 29/12/2023 (1 tập thể, 3 cá nhân) — đã ghi, thay bản trước." in _run("ho-so", "--thu-muc", str(first))  # fmt: skip
    found = json.loads(_run_json("lich-su", "--thu-muc", str(first), "--json"))
    assert {(f["quyet_dinh"], f["ngay_quyet_dinh"]) for f in found} == {
        ("16/QĐ-UBND", "2023-12-29")
    }
    assert len(found) == 4


def test_the_city_decision_is_recorded_when_it_comes_back(ward: Path) -> None:
    first = ward / "2023"
    out = _run("lich-su", "--thu-muc", str(first), *CITY_DECISION, "--tru", "Nguyễn Văn An")
    assert "\nĐã ghi Quyết định số 1234/QĐ-UBND ngày 10/01/2024 (1 tập thể, 1 cá nhân)" in out
    assert "\nĐã có, không đổi Quyết định số 1234/QĐ-UBND" in _run(
        "lich-su", "--thu-muc", str(first), *CITY_DECISION, "--tru", "Nguyễn Văn An"
    )
    found = json.loads(_run_json("lich-su", "--thu-muc", str(first), "--nam", "2023", "--json"))
    city = [f for f in found if f["quyet_dinh"] == "1234/QĐ-UBND"]
    assert sorted(f["ten"] for f in city) == [
        "Trần Thị Bích Ngọc",
        "Ủy ban nhân dân phường Tiến Thành",
    ]
    assert {f["nguon"] for f in city} == {"cap-tren"}


def test_the_wards_own_level_is_not_recorded_by_hand(ward: Path) -> None:
    result = CliRunner().invoke(
        main, ["lich-su", "--thu-muc", str(ward / "2023"), "--ghi-cap", "phuong", "--so",
               "15/QĐ-UBND", "--ngay", "28/12/2023"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "do phường tự quyết định" in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--ghi-cap", "tinh", "--so", "1/QĐ-UBND", "--ngay", "01/01/2024"], "Chiến dịch không có cấp “tinh” (các cấp: thanh-pho, phuong)."),
        (["--ghi-cap", "thanh-pho", "--so", "1/QĐ-UBND", "--ngay", "01/01/2024", "--tru", "Lê Văn Không"], "“Lê Văn Không” không có trong danh sách đề nghị"),
        (["--ghi-cap", "thanh-pho", "--so", "1/QĐ-UBND", "--ngay", "32/01/2024"], "--ngay “32/01/2024” không phải ngày"),
    ],
    ids=["unknown-level", "not-proposed", "bad-date"],
)  # fmt: skip
def test_a_decision_recorded_wrongly_is_refused_and_nothing_written(
    pristine_example: Path, tmp_path: Path, args: list[str], said: str
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(pristine_example, ws)
    result = CliRunner().invoke(main, ["lich-su", "--thu-muc", str(ws), *args])
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert not (ws / "luu-tru").exists()


def test_a_damaged_register_is_named_and_kept(pristine_example: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(pristine_example, ws)
    register = ws / "luu-tru" / "so-dang-ky.sqlite"
    register.parent.mkdir()
    register.write_bytes(b"not a database at all" * 10)
    for command in (["lich-su"], ["kiem-tra", "--khong-phan-hoi"]):
        result = CliRunner().invoke(main, [*command, "--thu-muc", str(ws)])
        assert result.exit_code == 2, result.output
        assert "so-dang-ky.sqlite" in result.output
        assert "không phải cơ sở dữ liệu SQLite" in result.output
    assert register.read_bytes() == b"not a database at all" * 10
    assert list(register.parent.glob("so-dang-ky.sqlite.hong-*"))
