"""The input folder's entries: every spreadsheet is read or refused with an error, and empty
files are each empty, never copies of one another."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.issues.model import Severity
from docgen.validate.run import validate_folder
from tests.conftest import CAMPAIGN_FILE, MakeWorkbook, forms_only

BINARY_MAIN = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsb_bytes() -> bytes:
    """An Excel binary workbook's package: the main part is xl/workbook.bin."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/xl/workbook.bin" ContentType="{BINARY_MAIN}"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.bin"/>'
            "</Relationships>",
        )
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return buffer.getvalue()


def _xlsb(folder: Path) -> list[str]:
    (folder / "Phiếu Văn phòng.xlsb").write_bytes(xlsb_bytes())
    return ["Phiếu Văn phòng.xlsb"]


def _xlsb_renamed(folder: Path) -> list[str]:
    (folder / "phieu.xlsx").write_bytes(xlsb_bytes())
    return ["phieu.xlsx"]


def _xlsb_without_suffix(folder: Path) -> list[str]:
    (folder / "phieu-kinh-te").write_bytes(xlsb_bytes())
    return ["phieu-kinh-te"]


def _upper_case_suffix(folder: Path) -> list[str]:
    (folder / "PHIEU.XLSB").write_bytes(xlsb_bytes())
    return ["PHIEU.XLSB"]


def _tsv(folder: Path) -> list[str]:
    (folder / "phieu.tsv").write_text("Họ và tên\tNgày sinh\nNguyễn Văn An\t15/08/1985\n")
    return ["phieu.tsv"]


OTHER_FORMATS: list[tuple[str, Callable[[Path], list[str]], str, str]] = [
    ("xlsb", _xlsb, "FILE_NOT_WORKBOOK", "Sổ làm việc Excel (.xlsx)"),
    ("xlsb named xlsx", _xlsb_renamed, "FILE_NOT_WORKBOOK", "Sổ làm việc Excel (.xlsx)"),
    ("xlsb without a suffix", _xlsb_without_suffix, "FILE_NOT_WORKBOOK", ".xlsb"),
    ("upper-case suffix", _upper_case_suffix, "FILE_NOT_WORKBOOK", ".xlsb"),
    ("tab-separated text", _tsv, "FILE_NOT_WORKBOOK", "Sổ làm việc Excel (.xlsx)"),
]


@pytest.mark.parametrize(
    ("build", "code", "advice"), [c[1:] for c in OTHER_FORMATS], ids=[c[0] for c in OTHER_FORMATS]
)
def test_a_spreadsheet_in_another_format_is_an_error_naming_the_file(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    build: Callable[[Path], list[str]],
    code: str,
    advice: str,
) -> None:
    folder = tmp_path / "phieu"
    make_workbook("tot.xlsx", folder=folder)
    names = build(folder)
    report = validate_folder(forms_only(campaign), folder)
    found = [(i.place.file, i.code, i.severity) for i in report.issues if i.place.file in names]
    assert found == [(name, code, Severity.ERROR) for name in names]
    assert all(advice in i.message for i in report.issues if i.place.file in names)
    assert "nhan-thu" not in " ".join(i.hint for i in report.issues if i.place.file in names)


def test_an_xlsb_changes_the_exit_status(make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    folder = tmp_path / "phieu"
    make_workbook("tot.xlsx", folder=folder)
    _xlsb(folder)
    args = ["kiem-tra", "--khong-phan-hoi", "--chien-dich", str(CAMPAIGN_FILE), "--phieu"]
    result = CliRunner().invoke(main, [*args, str(folder)])
    assert result.exit_code == 1, result.output
    assert "Phiếu Văn phòng.xlsb" in result.output


NOT_SPREADSHEETS = [
    ("a document", "ke-hoach.docx", b"PK\x03\x04" + b"\x00" * 26),
    ("a workbook set aside as .bak", "phieu.xlsx.bak", xlsb_bytes()),
    ("a saved message", "thu.eml", b"From: a@b.vn\n\nx"),
    ("a picture", "anh.png", b"\x89PNG\r\n"),
]


@pytest.mark.parametrize(
    ("name", "data"), [c[1:] for c in NOT_SPREADSHEETS], ids=[c[0] for c in NOT_SPREADSHEETS]
)
def test_other_files_stay_a_warning(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path, name: str, data: bytes
) -> None:
    folder = tmp_path / "phieu"
    make_workbook("tot.xlsx", folder=folder)
    (folder / name).write_bytes(data)
    report = validate_folder(forms_only(campaign), folder)
    assert [(i.place.file, i.code) for i in report.issues] == [(name, "ENTRY_UNSUPPORTED")]


EMPTY_FILES = [
    ("two empty workbooks", ["a.xlsx", "b.xlsx"]),
    ("three, different kinds", ["a.xlsx", "b.xls", "c.csv"]),
]


@pytest.mark.parametrize("names", [c[1] for c in EMPTY_FILES], ids=[c[0] for c in EMPTY_FILES])
def test_each_empty_file_is_empty_not_a_duplicate(
    campaign: Campaign, tmp_path: Path, names: list[str]
) -> None:
    folder = tmp_path / "phieu"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(b"")
    report = validate_folder(forms_only(campaign), folder)
    assert sorted((i.place.file, i.code) for i in report.issues) == [
        (name, "FILE_EMPTY") for name in names
    ]
