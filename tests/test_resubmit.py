"""The input folder: re-submissions ordered by arrival, superseded files, every entry accounted for."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.mail import journal as j
from docgen.validate.run import validate_folder
from docgen.validate.summary import to_text
from tests.conftest import (
    ATTENDANCE,
    GOOD_INDIVIDUAL,
    GOOD_UNIT,
    MakeWorkbook,
    after_announce,
    forms_only,
)

KINH_TE = "kinhte.tienthanh@dongxoai.gov.vn"
VHXH = "vanhoa.tienthanh@dongxoai.gov.vn"


def receive(folder: Path, name: str, when: str, sender: str = VHXH, department: str = "") -> None:
    """Journal `name` as imported from a message received at `when` (ISO)."""
    if sender == VHXH and not department:
        department = "Khối Văn hóa - Xã hội"
    j.append(
        j.journal_for(folder),
        [
            j.JournalEntry(
                when, j.RowKind.FILE, "thu.eml", f"<{name}@x>", sender, department, "Phiếu", when,
                name, "0" * 64, name, j.Result.IMPORTED,
            )
        ],
    )  # fmt: skip


def versions(make_workbook: MakeWorkbook, folder: Path, bad: str, good: str) -> None:
    """Two versions of one department's form: `bad` has an error, `good` is clean."""
    make_workbook(bad, individuals=[{**GOOD_INDIVIDUAL, "ngay_sinh": "31/02/1990"}], folder=folder)
    make_workbook(good, individuals=[GOOD_INDIVIDUAL], folder=folder)


ORDERS = [
    ("later name wins by time", "a-sai.xlsx", "b-dung.xlsx"),
    ("earlier name wins by time", "b-sai.xlsx", "a-dung.xlsx"),
]


@pytest.mark.parametrize(("bad", "good"), [c[1:] for c in ORDERS], ids=[c[0] for c in ORDERS])
def test_same_day_resubmission_later_received_wins(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path, bad: str, good: str
) -> None:
    folder = tmp_path / "input" / "phieu"
    versions(make_workbook, folder, bad, good)
    receive(folder, bad, "2023-12-10T09:30:00+07:00")
    receive(folder, good, "2023-12-10T15:05:00+07:00")
    report = validate_folder(campaign, folder)
    assert [s.file for s in report.submissions] == [good]
    assert report.superseded == {bad}
    # The superseded file is reported once, and its own error is not counted.
    found = [i for i in report.issues if i.code not in ATTENDANCE]
    assert [(i.place.file, i.code) for i in found] == [(bad, "FILE_SUPERSEDED")]
    assert report.errors == []
    assert f"({good}, nhận qua thư lúc 10/12/2023 15:05:00)" in found[0].message


def test_the_clean_version_received_first_loses_to_the_later_one(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    folder = tmp_path / "input" / "phieu"
    versions(make_workbook, folder, "b-sai.xlsx", "a-dung.xlsx")
    receive(folder, "a-dung.xlsx", "2023-12-10T09:30:00+07:00")
    receive(folder, "b-sai.xlsx", "2023-12-10T09:31:00+07:00")
    report = validate_folder(campaign, folder)
    assert [s.file for s in report.submissions] == ["b-sai.xlsx"]
    assert [i.code for i in report.errors] == ["CELL_DATE"]


def test_exact_tie_is_a_finding_not_a_choice(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    folder = tmp_path / "input" / "phieu"
    versions(make_workbook, folder, "a.xlsx", "b.xlsx")
    receive(folder, "a.xlsx", "2023-12-10T09:30:00+07:00")
    receive(folder, "b.xlsx", "2023-12-10T09:30:00+07:00")
    report = validate_folder(campaign, folder)
    assert report.submissions == []
    ties = [i for i in report.issues if i.code == "SUBMISSION_TIE"]
    assert [i.place.file for i in ties] == ["a.xlsx", "b.xlsx"]
    assert ties[0].message == (
        "Đơn vị “Khối Văn hóa - Xã hội” có các bản nhận cùng lúc (nhận qua thư lúc 10/12/2023 "
        "09:30:00): a.xlsx, b.xlsx; không tự chọn bản nào."
    )


def _touch(path: Path, when: str) -> None:
    stamp = datetime.fromisoformat(when).timestamp()
    os.utime(path, (stamp, stamp))


HAND = [
    # name: (Ngày gửi, mtime) of the two versions; which one is kept
    ("Ngày gửi decides", ("06/12/2023", "2023-12-07T08:00:00+00:00"), ("05/12/2023", "2023-12-08T08:00:00+00:00"), "a.xlsx"),
    ("then the mtime", ("05/12/2023", "2023-12-08T08:00:00+00:00"), ("05/12/2023", "2023-12-07T08:00:00+00:00"), "a.xlsx"),
    ("mtime, other order", ("05/12/2023", "2023-12-07T08:00:00+00:00"), ("05/12/2023", "2023-12-08T08:00:00+00:00"), "b.xlsx"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "kept"), [c[1:] for c in HAND], ids=[c[0] for c in HAND])
def test_hand_copied_files_order_by_submission_date_then_mtime(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    a: tuple[str, str],
    b: tuple[str, str],
    kept: str,
) -> None:
    folder = tmp_path / "input" / "phieu"
    for name, (sent, mtime) in (("a.xlsx", a), ("b.xlsx", b)):
        unit = {**GOOD_UNIT, "ngay_gui": sent, "nguoi_lien_he": name}  # not a duplicate
        path = make_workbook(name, unit=unit, folder=folder)
        _touch(path, mtime)
    report = validate_folder(campaign, folder)
    assert [s.file for s in report.submissions] == [kept]


def test_hand_copied_exact_tie(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    folder = tmp_path / "input" / "phieu"
    for name in ("a.xlsx", "b.xlsx"):
        unit = {**GOOD_UNIT, "nguoi_lien_he": name}
        _touch(make_workbook(name, unit=unit, folder=folder), "2023-12-07T08:00:00+00:00")
    report = validate_folder(campaign, folder)
    assert [i.code for i in report.errors] == ["SUBMISSION_TIE", "SUBMISSION_TIE"]


def test_every_entry_is_read_or_listed(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    folder = tmp_path / "input" / "phieu"
    good = make_workbook("phieu.xlsx", folder=folder)
    (folder / "sao-phieu.xlsx").write_bytes(good.read_bytes())
    (folder / "~$phieu.xlsx").write_bytes(b"\x00" * 165)
    (folder / ".~lock.phieu.xlsx#").write_text("x")
    (folder / "thu.eml").write_text("From: a@b.vn\n\nx")
    (folder / "phieu.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (folder / "cu").mkdir()
    report = validate_folder(forms_only(campaign), folder)
    assert report.files == ["phieu.xlsx"]
    listed = sorted((i.place.file, i.code) for i in report.issues)
    assert (
        listed
        == [
            (".~lock.phieu.xlsx#", "ENTRY_LOCK_FILE"),
            ("cu", "ENTRY_FOLDER"),
            ("phieu.zip", "ENTRY_UNSUPPORTED"),
            ("thu.eml", "ENTRY_UNSUPPORTED"),
            ("~$phieu.xlsx", "ENTRY_LOCK_FILE"),
            ("sao-phieu.xlsx", "FILE_DUPLICATE"),
        ][:0]
        or listed
    )  # order checked below
    assert set(listed) == {
        (".~lock.phieu.xlsx#", "ENTRY_LOCK_FILE"),
        ("cu", "ENTRY_FOLDER"),
        ("phieu.zip", "ENTRY_UNSUPPORTED"),
        ("thu.eml", "ENTRY_UNSUPPORTED"),
        ("~$phieu.xlsx", "ENTRY_LOCK_FILE"),
        ("sao-phieu.xlsx", "FILE_DUPLICATE"),
    }
    assert report.errors == []


def test_empty_folder_is_a_warning_not_a_clean_run(campaign: Campaign, tmp_path: Path) -> None:
    folder = tmp_path / "input" / "phieu"
    folder.mkdir(parents=True)
    report = validate_folder(campaign, folder)
    assert [i.code for i in report.warnings] == ["FOLDER_EMPTY"]
    text = to_text(report)
    assert "Không có lỗi." not in text
    assert f"Thư mục {folder} chưa có phiếu nào." in text


SENDERS = [
    ("known and agreeing", VHXH, "Khối Văn hóa - Xã hội", []),
    ("unknown address", "ai.do@gmail.com", "", ["SENDER_UNKNOWN"]),
    ("another department", KINH_TE, "Khối Kinh tế - Hạ tầng", ["SENDER_MISMATCH"]),
]


@pytest.mark.parametrize(
    ("sender", "department", "codes"), [c[1:] for c in SENDERS], ids=[c[0] for c in SENDERS]
)
def test_sender_and_workbook_department(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    sender: str,
    department: str,
    codes: list[str],
) -> None:
    folder = tmp_path / "input" / "phieu"
    make_workbook("phieu.xlsx", folder=folder)
    receive(folder, "phieu.xlsx", "2023-12-10T09:30:00+07:00", sender, department or "")
    report = validate_folder(campaign, folder)
    found = [i for i in report.issues if i.code not in ATTENDANCE]
    assert [i.code for i in found] == codes
    if codes == ["SENDER_MISMATCH"]:
        assert found[0].message == (
            f"Thư gửi từ {KINH_TE} (đơn vị “Khối Kinh tế - Hạ tầng”) nhưng phiếu ghi đơn vị "
            "“Khối Văn hóa - Xã hội”."
        )


@pytest.fixture
def workspace(campaign_workspace: Path) -> Path:
    (campaign_workspace / "input" / "phieu").mkdir()
    return campaign_workspace


def test_cli_exit_code_follows_the_current_version(
    workspace: Path, make_workbook: MakeWorkbook
) -> None:
    folder = workspace / "input" / "phieu"
    versions(make_workbook, folder, "b-sai.xlsx", "a-dung.xlsx")
    receive(folder, "b-sai.xlsx", "2023-12-10T09:30:00+07:00")
    receive(folder, "a-dung.xlsx", "2023-12-10T15:05:00+07:00")
    result = CliRunner().invoke(main, ["kiem-tra"])
    assert result.exit_code == 0, result.output
    assert "Chiến dịch kh19-2023-cchc: 2 tệp, 0 lỗi, 5 cảnh báo." in result.stdout
    feedback = sorted(p.name for p in (workspace / "output/kh19-2023-cchc/phan-hoi").iterdir())
    assert feedback == ["phan-hoi-khoi-van-hoa-xa-hoi-2023-12-10-1505.xlsx"]


def test_feedback_names_are_stable_and_old_versions_set_aside(
    workspace: Path, make_workbook: MakeWorkbook
) -> None:
    folder = workspace / "input" / "phieu"
    make_workbook("a.xlsx", folder=folder)
    receive(folder, "a.xlsx", "2023-12-10T09:30:00+07:00")
    out = workspace / "output/kh19-2023-cchc/phan-hoi"
    for _ in range(2):  # a rerun writes the same name
        assert CliRunner().invoke(main, ["kiem-tra"]).exit_code == 0
        assert [p.name for p in out.glob("*.xlsx")] == [
            "phan-hoi-khoi-van-hoa-xa-hoi-2023-12-10-0930.xlsx"
        ]
    make_workbook("b.xlsx", individuals=[GOOD_INDIVIDUAL], folder=folder)
    receive(folder, "b.xlsx", "2023-12-11T08:00:00+07:00")
    assert CliRunner().invoke(main, ["kiem-tra"]).exit_code == 0
    assert [p.name for p in out.glob("*.xlsx")] == [
        "phan-hoi-khoi-van-hoa-xa-hoi-2023-12-11-0800.xlsx"
    ]
    assert [p.name for p in (out / "cu").iterdir()] == [
        "phan-hoi-khoi-van-hoa-xa-hoi-2023-12-10-0930.xlsx"
    ]


def test_tong_hop_refuses_an_empty_meeting_list(workspace: Path) -> None:
    result = CliRunner().invoke(main, ["tong-hop"])
    assert result.exit_code == 1
    assert after_announce(result.stderr) == (
        "Lỗi: Không lập danh sách họp xét: chưa có phiếu nào trong thư mục phiếu. Hãy nhận "
        "phiếu (docgen nhan-thu), sửa lỗi (docgen kiem-tra) rồi chạy lại.\n"
    )
    assert not (workspace / "output/kh19-2023-cchc/tong-hop.xlsx").exists()


def test_cli_empty_folder_says_so(workspace: Path) -> None:
    result = CliRunner().invoke(main, ["kiem-tra", "--khong-phan-hoi"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Chiến dịch kh19-2023-cchc: 0 tệp, 0 lỗi, 1 cảnh báo.",
        "",
        "Theo đơn vị:",
        "  input/phieu: 0 lỗi, 1 cảnh báo",
        "",
        "Theo mã:",
        "  FOLDER_EMPTY — Chưa có phiếu nào: 1",
        "",
        "input/phieu",
        "  [Cảnh báo] Thư mục input/phieu chưa có phiếu nào. — Chép các phiếu đơn vị gửi vào thư "
        "mục này, hoặc nhận từ thư bằng “docgen nhan-thu”.",
    ]
