"""Validation end to end: workbooks built in code, read, checked, summarised as text and JSON."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from docgen.campaign.model import Campaign
from docgen.issues.codes import CODES, Code
from docgen.validate.run import validate_folder
from docgen.validate.summary import issue_line, ordered, to_json, to_text
from tests.conftest import (
    GOOD_COLLECTIVE,
    GOOD_INDIVIDUAL,
    GOOD_UNIT,
    MakeWorkbook,
    forms_only,
)

KEYS = ["code", "severity", "file", "sheet", "row", "column", "header", "value", "message", "hint"]


def person(name: str, level: str = "Cấp phường", **more: object) -> dict[str, object]:
    return {**GOOD_INDIVIDUAL, "ho_ten": name, "cap_de_nghi": level, **more}


def codes(report, file: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(i.code for i in report.issues if file is None or i.place.file == file)


def test_clean_folder_has_no_issue(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    path = make_workbook("a.xlsx", individuals=[GOOD_INDIVIDUAL], collectives=[GOOD_COLLECTIVE])
    report = validate_folder(forms_only(campaign), path.parent)
    assert report.issues == []
    assert len(report.eligible()) == 2


def test_duplicate_across_two_files_and_levels(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    make_workbook("a.xlsx", individuals=[person("Nguyễn Văn Hòa")])
    other = {**GOOD_UNIT, "don_vi": "Khối Đảng"}
    path = make_workbook(
        "b.xlsx", unit=other, individuals=[person("NGUYỄN VĂN HOÀ", "Cấp thành phố")]
    )
    report = validate_folder(forms_only(campaign), path.parent)
    dups = [i for i in report.issues if i.code == "NOMINEE_DUPLICATE"]
    assert [(i.place.file, i.place.row) for i in dups] == [("a.xlsx", 3), ("b.xlsx", 3)]
    assert "b.xlsx › Cá nhân › dòng 3 (Cấp thành phố)" in dups[0].message
    assert "a.xlsx › Cá nhân › dòng 3 (Cấp phường)" in dups[1].message
    assert report.eligible() == []


def test_duplicate_within_one_file(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    path = make_workbook(
        individuals=[person("Lê Thị Thủy"), person("Lê Thị Thuỷ", "Cấp thành phố")]
    )
    report = validate_folder(forms_only(campaign), path.parent)
    assert codes(report) == ["NOMINEE_DUPLICATE", "NOMINEE_DUPLICATE"]


def test_quota_warning_counts_only_eligible(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    people = [person(f"Trần Văn {n}") for n in ("Ba", "Bốn", "Năm", "Sáu")]
    people.append(person("Trần Văn Bảy", xep_loai_nam="Hoàn thành tốt nhiệm vụ"))
    path = make_workbook(individuals=people)
    report = validate_folder(forms_only(campaign), path.parent)
    assert codes(report) == ["QUOTA_EXCEEDED", "ROW_CRITERION"]
    quota = next(i for i in report.issues if i.code == "QUOTA_EXCEEDED")
    assert quota.message.startswith("“Cấp phường”: 4 cá nhân đủ điều kiện")
    assert "tối đa 3" in quota.message and quota.place.file == "(tổng hợp)"


def test_superseded_submission_is_not_counted(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    make_workbook(
        "a-cu.xlsx", unit={**GOOD_UNIT, "ngay_gui": "01/12/2023"}, individuals=[GOOD_INDIVIDUAL]
    )
    path = make_workbook("a-moi.xlsx", individuals=[GOOD_INDIVIDUAL])
    report = validate_folder(forms_only(campaign), path.parent)
    assert codes(report) == ["FILE_SUPERSEDED"]  # no duplicate with its own earlier version


def test_bad_file_never_stops_the_others(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    path = make_workbook("a.xlsx", individuals=[GOOD_INDIVIDUAL])
    (path.parent / "b.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (path.parent / "c.xls").write_text("Họ tên;Ngày sinh\n", encoding="utf-8")
    report = validate_folder(forms_only(campaign), path.parent)
    assert codes(report, "a.xlsx") == []
    assert len(codes(report, "b.xlsx")) == 1 and len(codes(report, "c.xls")) == 1
    assert report.files == ["a.xlsx", "b.xlsx", "c.xls"]


def test_json_schema_and_ordering(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    make_workbook("b.xlsx", unit={**GOOD_UNIT, "don_vi": "Khối Đảng", "ngay_gui": "20/12/2023"})
    bad = [
        person("Phạm Thị Hạnh", ngay_sinh="31/02/1990"),
        person("Đỗ Văn Khoa", thuc_hien_cchc="Không"),
    ]
    path = make_workbook(
        "a.xlsx", individuals=bad, collectives=[{**GOOD_COLLECTIVE, "xep_loai_cchc": "Khá"}]
    )
    data = to_json(validate_folder(forms_only(campaign), path.parent))
    json.dumps(data)  # serialisable as is
    assert list(data) == ["campaign", "files", "summary", "issues"]
    assert (data["campaign"], data["files"]) == ("kh19-2023-cchc", 2)
    assert list(data["summary"]) == ["errors", "warnings", "by_code", "by_department"]
    assert data["summary"]["errors"] == 3 and data["summary"]["warnings"] == 1
    assert data["summary"]["by_code"]["ROW_CRITERION"] == {
        "severity": "error",
        "title": CODES["ROW_CRITERION"].title,
        "count": 2,
    }
    assert data["summary"]["by_department"] == {
        "Khối Văn hóa - Xã hội": {"errors": 3, "warnings": 0},
        "Khối Đảng": {"errors": 0, "warnings": 1},
    }
    issues = data["issues"]
    assert all(list(i) == KEYS for i in issues)
    assert [(i["file"], i["sheet"], i["row"], i["column"], i["code"]) for i in issues] == [
        ("a.xlsx", "Cá nhân", 3, "C", "CELL_DATE"),
        ("a.xlsx", "Cá nhân", 4, "T", "ROW_CRITERION"),
        ("a.xlsx", "Tập thể", 3, "Q", "ROW_CRITERION"),
        ("b.xlsx", "Đơn vị", None, "", "SUBMISSION_LATE"),
    ]


def test_ordering_puts_column_z_before_aa() -> None:
    from docgen.issues.codes import make_issue
    from docgen.issues.model import Place

    issues = [make_issue(Code.CELL_REQUIRED, Place("a", "S", 3, col)) for col in ("AA", "B", "Z")]
    issues.append(make_issue(Code.FILE_MACROS, Place("a")))
    assert [i.place.column for i in ordered(issues)] == ["", "B", "Z", "AA"]


def test_console_text(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    path = make_workbook(collectives=[{**GOOD_COLLECTIVE, "xep_loai_cchc": "Khá"}])
    report = validate_folder(forms_only(campaign), path.parent)
    text = to_text(report)
    assert text.splitlines()[0] == "Chiến dịch kh19-2023-cchc: 1 tệp, 1 lỗi, 0 cảnh báo."
    assert "Theo đơn vị:\n  Khối Văn hóa - Xã hội: 1 lỗi, 0 cảnh báo" in text
    assert "ROW_CRITERION — Không đạt tiêu chí của kế hoạch: 1" in text
    assert "\ndon-vi.xlsx (Khối Văn hóa - Xã hội)\n" in text
    line = issue_line(report.issues[0])
    assert line.startswith("Tập thể › dòng 3 › cột Q (Kết quả đánh giá, phân loại CCHC năm 2023")
    assert "giá trị nhập: Khá — Kiểm tra lại giá trị" in line


@pytest.mark.parametrize("code", sorted(CODES), ids=sorted(CODES))
def test_every_code_has_title_and_hint(code: str) -> None:
    entry = CODES[code]
    for text in (entry.title, entry.message, entry.hint):
        assert text.strip() and unicodedata.is_normalized("NFC", text)
    for text in (entry.title, entry.hint):  # Vietnamese: has letters with diacritics
        assert any(not c.isascii() and c.isalpha() for c in text), text
    assert code.isupper() and code.replace("_", "").isalnum()


def test_received_files_are_never_modified(campaign: Campaign, make_workbook: MakeWorkbook) -> None:
    path = make_workbook(individuals=[person("Bùi Văn Tư", ngay_sinh="x")])
    before = path.read_bytes()
    validate_folder(forms_only(campaign), Path(path.parent))
    assert path.read_bytes() == before
