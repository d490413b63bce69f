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

WARD_DECISION = ["--ghi-cap", "phuong", "--so", "15/QĐ-UBND", "--ngay", "28/12/2023"]


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def ward(pristine_example: Path, tmp_path: Path) -> Path:
    """A ward folder holding the 2023 campaign, built and its ward decision recorded."""
    ward = tmp_path / "Phường Tiến Thành"
    ward.mkdir()
    (ward / WARD_FILE).write_text('ten = "Phường Tiến Thành"\n', encoding="utf-8")
    shutil.copytree(pristine_example, ward / "2023")
    _run("ho-so", "--thu-muc", str(ward / "2023"))
    _run("lich-su", "--thu-muc", str(ward / "2023"), *WARD_DECISION)
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
        _run("lich-su", "--thu-muc", str(second), "--ten", "pham minh tam", "--json")
    )
    assert [(f["nam"], f["quyet_dinh"], f["ngay_quyet_dinh"], f["nguon"]) for f in found] == [
        (2023, "15/QĐ-UBND", "2023-12-28", "cap-tren")
    ]
    assert (ward / "luu-tru" / "so-dang-ky.sqlite").is_file()
    assert not (second / "luu-tru").exists()


def test_recording_the_same_decision_again_changes_nothing(ward: Path) -> None:
    out = _run("lich-su", "--thu-muc", str(ward / "2023"), *WARD_DECISION)
    assert "\nĐã có, không đổi Quyết định số 15/QĐ-UBND ngày 28/12/2023 (4 " in out
    out = _run("lich-su", "--thu-muc", str(ward / "2023"), *WARD_DECISION[:-1], "29/12/2023",
               "--tru", "Lý Thị Mai")  # fmt: skip
    assert "\nĐã ghi (thay bản đã ghi trước) Quyết định số 15/QĐ-UBND ngày 29/12/2023 (3 " in out
    found = json.loads(_run("lich-su", "--thu-muc", str(ward / "2023"), "--json"))
    assert len(found) == 3
    assert {f["ngay_quyet_dinh"] for f in found} == {"2023-12-29"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--ghi-cap", "tinh", "--so", "1/QĐ-UBND", "--ngay", "01/01/2024"], "Chiến dịch không có cấp “tinh” (các cấp: thanh-pho, phuong)."),
        (["--ghi-cap", "phuong", "--so", "1/QĐ-UBND", "--ngay", "01/01/2024", "--tru", "Lê Văn Không"], "“Lê Văn Không” không có trong danh sách đề nghị"),
        (["--ghi-cap", "phuong", "--so", "1/QĐ-UBND", "--ngay", "32/01/2024"], "--ngay “32/01/2024” không phải ngày"),
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
