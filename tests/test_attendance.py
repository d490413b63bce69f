"""A department of the campaign without a form: named by `kiem-tra`; a received form that was
deleted is named with the way back, and `nhan-thu --khoi-phuc` writes it back from its message."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.campaign.model import Campaign
from docgen.cli import main
from docgen.mail import journal as j
from docgen.validate.run import validate_folder
from docgen.validate.summary import to_text
from tests.conftest import GOOD_UNIT, MakeWorkbook
from tools.fill.mail import message

KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"
NAME = "phieu-kinh-te.xlsx"
LISTED = [
    "Văn phòng HĐND - UBND phường",
    "Bộ phận Tiếp nhận và Trả kết quả (Một cửa)",
    "Khối Kinh tế - Hạ tầng",
    "Khối Nội chính",
    "Khối Văn hóa - Xã hội",
]


def test_every_listed_department_without_a_form_is_named(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    folder = tmp_path / "input" / "phieu"
    make_workbook("vhxh.xlsx", folder=folder)  # Khối Văn hóa - Xã hội
    report = validate_folder(campaign, folder)
    absent = [i for i in report.issues if i.code == "DEPARTMENT_NO_FORM"]
    assert [i.value for i in absent] == LISTED[:4]  # in the campaign file's order
    assert all(i.severity == "warning" for i in absent)
    assert absent[0].message == (
        "Đơn vị “Văn phòng HĐND - UBND phường” (có trong [[departments]] của tệp chiến dịch) "
        "chưa có phiếu nào trong thư mục phiếu; hạn nộp: trước ngày 20/12/2023."
    )
    assert report.errors == []
    lines = to_text(report).splitlines()
    assert lines[2 : lines.index("Theo mã:")] == [
        "Theo đơn vị:",
        "  Bộ phận Tiếp nhận và Trả kết quả (Một cửa): 0 lỗi, 1 cảnh báo",
        "  Khối Kinh tế - Hạ tầng: 0 lỗi, 1 cảnh báo",
        "  Khối Nội chính: 0 lỗi, 1 cảnh báo",
        "  Văn phòng HĐND - UBND phường: 0 lỗi, 1 cảnh báo",
        "  Không có vấn đề: Khối Văn hóa - Xã hội.",
        "",
    ]


def test_a_complete_folder_names_no_department(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    folder = tmp_path / "input" / "phieu"
    for n, name in enumerate(LISTED):
        make_workbook(f"{n}.xlsx", unit={**GOOD_UNIT, "don_vi": name}, folder=folder)
    report = validate_folder(campaign, folder)
    assert [i.code for i in report.issues] == []
    assert to_text(report).splitlines()[-1] == f"Không có vấn đề: {', '.join(sorted_vn())}."


def sorted_vn() -> list[str]:
    from docgen.text import vn_sort_key

    return sorted(LISTED, key=vn_sort_key)


@pytest.fixture
def workspace(campaign_workspace: Path) -> Path:
    (campaign_workspace / "input" / "phieu").mkdir()
    return campaign_workspace


def test_a_deleted_received_form_is_named_and_restored_from_its_message(
    workspace: Path, make_workbook: MakeWorkbook
) -> None:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    data = make_workbook("x.xlsx", unit=unit, folder=workspace / "made").read_bytes()
    when = datetime(2023, 12, 10, 2, 30, tzinfo=UTC)
    saved = workspace / "thu" / "kinh-te.eml"
    saved.parent.mkdir()
    saved.write_bytes(message(KINH_TE, "Gửi phiếu", [(NAME, data)], when).as_bytes())
    runner = CliRunner()
    assert runner.invoke(main, ["nhan-thu", "thu"]).exit_code == 0
    form = workspace / "input" / "phieu" / NAME
    form.unlink()  # deleted by mistake

    checked = runner.invoke(main, ["kiem-tra", "--khong-phan-hoi"])
    assert checked.exit_code == 0, checked.output
    assert (
        "  [Cảnh báo] Phiếu của đơn vị “Khối Kinh tế - Hạ tầng” nhận qua thư lúc 10/12/2023 "
        f"09:30:00 (tệp {NAME}) không còn trong thư mục phiếu: các đề nghị của đơn vị không được "
        "xét. — Chép lại tệp từ thư đã nhận bằng “docgen nhan-thu --khoi-phuc”"
    ) in checked.stdout

    again = runner.invoke(main, ["nhan-thu", "thu"])  # a plain rerun reads nothing new…
    assert again.exit_code == 0, again.output
    assert "Phiếu đã nhận không còn trong thư mục phiếu: 1" in again.stdout  # …but says so
    assert "docgen nhan-thu --khoi-phuc" in again.stdout
    assert not form.exists()

    restored = runner.invoke(main, ["nhan-thu", "--khoi-phuc"])  # sources from the journal
    assert restored.exit_code == 0, restored.output
    assert "Đã chép lại 1 phiếu từ thư đã nhận:" in restored.stdout
    assert form.read_bytes() == data
    assert form.stat().st_mtime == when.timestamp()
    rows = j.read_journal(workspace / "input" / "thu-nhan.csv")
    assert [r.result for r in rows if r.kind == j.RowKind.FILE] == [
        j.Result.IMPORTED,
        j.Result.RESTORED,
    ]

    checked = runner.invoke(main, ["kiem-tra", "--khong-phan-hoi"])
    assert (
        "FORM_GONE" not in checked.stdout and "Khối Kinh tế - Hạ tầng: 0 lỗi" not in checked.stdout
    )
    assert "Không có vấn đề: Khối Kinh tế - Hạ tầng." in checked.stdout


def test_nothing_to_restore_is_a_usage_error(workspace: Path) -> None:
    result = CliRunner().invoke(main, ["nhan-thu", "--khoi-phuc"])
    assert result.exit_code == 2
    assert "Không có thư đã lưu nào để chép lại phiếu" in result.stderr


def test_a_form_gone_after_the_meeting_is_named_not_dropped(
    example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example_workspace)
    meeting = example_workspace / "input" / "hop-xet.xlsx"
    before = meeting.read_bytes()
    (example_workspace / "input" / "phieu" / "khoi-kinh-te.xlsx").unlink()
    runner = CliRunner()

    built = runner.invoke(main, ["ho-so"])
    assert built.exit_code == 1, built.output
    assert "[MEETING_SOURCE_GONE]" not in built.stderr  # the line names the problem itself
    line = next(x for x in built.stderr.splitlines() if "khoi-kinh-te.xlsx" in x)
    assert "đề nghị của đơn vị “Khối Kinh tế - Hạ tầng” lấy từ tệp khoi-kinh-te.xlsx" in line
    assert "tệp này không còn trong thư mục phiếu" in line
    assert "docgen nhan-thu --khoi-phuc" in line and "đừng chạy lại “docgen tong-hop”" in line
    assert "hãy chạy lại tong-hop" not in built.stderr

    listed = runner.invoke(main, ["tong-hop"])
    assert listed.exit_code == 1, listed.output
    assert "Chú ý: hop-xet.xlsx: Danh sách họp xét có" in listed.stderr
    assert "khoi-kinh-te.xlsx" in listed.stderr and "--khoi-phuc" in listed.stderr
    assert meeting.read_bytes() == before
