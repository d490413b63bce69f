"""Hostile and broken files through the clerk's command: named, refused, never a traceback."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from msoffcrypto.format.ooxml import OOXMLFile

from docgen.cli import main
from tests.conftest import ATTENDANCE, CAMPAIGN_FILE, GOOD_INDIVIDUAL, MakeWorkbook
from tests.test_workbook import _bomb, _unsafe_shared, _unsafe_sheet


@pytest.fixture
def folder(make_workbook: MakeWorkbook) -> Path:
    """A folder with one good department and every kind of bad file beside it."""
    good = make_workbook("a-tot.xlsx", individuals=[GOOD_INDIVIDUAL])
    folder = good.parent
    _bomb(folder / "bom-zip.xlsx")
    _unsafe_shared(folder / "billion-laughs.xlsx")
    _unsafe_sheet(folder / "thuc-the-ngoai.xlsx")
    (folder / "danh-sach.xlsx").write_text("Họ và tên;Ngày sinh\nAn;01/01/1990\n", encoding="utf-8")
    (folder / "rong.xls").write_bytes(b"")
    with good.open("rb") as source, (folder / "mat-khau.xlsx").open("wb") as out:
        OOXMLFile(source).encrypt("mat-khau", out)  # "Encrypt with Password" in Excel
    (folder / "~$a-tot.xlsx").write_bytes(b"Excel lock file")  # skipped: Excel's lock file
    return folder


def _run(folder: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["kiem-tra", "--chien-dich", str(CAMPAIGN_FILE), "--phieu", str(folder), *extra]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


def test_every_bad_file_is_named_and_the_good_one_still_read(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    monkeypatch.chdir(tmp_path)  # feedback goes to ./output
    code, output = _run(folder, "--json")
    assert code == 1
    assert "Traceback" not in output
    data = json.loads(output)
    codes = {(i["file"], i["code"]) for i in data["issues"] if i["code"] not in ATTENDANCE}
    assert codes == {
        ("bom-zip.xlsx", "FILE_ZIP_BOMB"),
        ("billion-laughs.xlsx", "FILE_XML_UNSAFE"),
        ("thuc-the-ngoai.xlsx", "FILE_XML_UNSAFE"),
        ("danh-sach.xlsx", "FILE_NOT_WORKBOOK"),
        ("rong.xls", "FILE_EMPTY"),
        ("mat-khau.xlsx", "FILE_ENCRYPTED"),
        ("~$a-tot.xlsx", "ENTRY_LOCK_FILE"),  # listed, not read
    }
    assert data["files"] == 7
    assert all(i["message"] and i["hint"] for i in data["issues"])
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before  # no received file touched


def test_console_output_names_each_file(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = _run(folder, "--khong-phan-hoi")
    assert code == 1
    for name in ("bom-zip.xlsx", "billion-laughs.xlsx", "danh-sach.xlsx", "rong.xls"):
        assert name in output
    assert "Traceback" not in output
