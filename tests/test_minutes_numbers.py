"""One meeting, one Biên bản; run-offs recorded, never counts edited; the văn thư's numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.dossier.run import build_dossiers
from docgen.meeting.select import decide
from docgen.output.manifest import Outcome
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tests.test_dossier_state import _docx_text, set_votes
from tools.example.data import VOTES

TIED = {**VOTES, "Vũ Đức Thắng": 7}  # Trần Thị Bích Ngọc and Vũ Đức Thắng: 7 and 7, one seat


@pytest.fixture
def workspace(example_workspace: Path) -> Workspace:
    return Workspace(example_workspace)


def _run(ws: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--thu-muc", str(ws.root)])
    return result.exit_code, result.output


# --- one meeting, one Biên bản -----------------------------------------------------------------
def test_one_meeting_gives_one_minutes_filed_in_both_dossiers(
    campaign: Campaign, workspace: Workspace
) -> None:
    built = build_dossiers(campaign, workspace)
    city = built.folder / "thanh-pho" / "bien-ban.docx"
    ward = built.folder / "phuong" / "bien-ban.docx"
    assert city.read_bytes() == ward.read_bytes()
    text = _docx_text(city)
    assert text.count("BIÊN BẢN") == 1 and text.count("1. Thời gian bắt đầu") == 1
    assert "6.1. Cấp thành phố: đề nghị tặng Giấy khen của Chủ tịch" in text
    assert "6.2. Cấp phường: đề nghị tặng Giấy khen của Chủ tịch" in text
    assert "I. TẬP THỂ" in text and "II. CÁ NHÂN" in text
    manifest = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    minutes = [f for f in manifest["files"] if f["kind"] == "bien-ban"]
    assert len({f["sha256"] for f in minutes}) == 1 and len(minutes) == 2


def test_minutes_give_reasons_as_sentences(campaign: Campaign, workspace: Workspace) -> None:
    built = build_dossiers(campaign, workspace)
    text = _docx_text(built.folder / "thanh-pho" / "bien-ban.docx")
    assert "Vượt số lượng:" not in text and "Không đạt tỷ lệ phiếu:" not in text
    assert (
        "Ông Vũ Đức Thắng, Công chức Tài chính - Kế toán, Ủy ban nhân dân phường Tiến Thành "
        "đạt 05/09 phiếu (55,56 %), xếp thứ 3 trong số cá nhân đạt tỷ lệ phiếu, ngoài số "
        "lượng 02 cá nhân được đề nghị nên không đề nghị." in text
    )
    assert "đạt 04/09 phiếu (44,44 %), chưa đạt tỷ lệ trên 50 % tổng số thành viên Hội đồng" in text
    assert "Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 15 tháng 12 năm 2023./." in text


# --- run-off -------------------------------------------------------------------------------------
def test_a_tie_says_exactly_where_to_record_the_runoff(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    set_votes(campaign, workspace, TIED, tmp_path)
    code, output = _run(workspace, "ket-qua", "--phieu", str(workspace.submissions),
                        "--hop-xet", str(workspace.meeting))  # fmt: skip
    assert code == 1
    assert (
        "thư ký ghi số phiếu biểu quyết lại vào trang “Cấp thành phố”, cột H “Số phiếu biểu "
        "quyết lại (chỉ khi bằng phiếu)”, dòng 8 và 10 (không sửa số phiếu vòng đầu)." in output
    )
    code, output = _run(workspace, "ho-so")
    assert (
        code == 1 and "cột H “Số phiếu biểu quyết lại (chỉ khi bằng phiếu)”, dòng 8 và 10" in output
    )


def test_a_runoff_settles_the_tie_and_the_minutes_report_both_rounds(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    runoff = {"Trần Thị Bích Ngọc": 3, "Vũ Đức Thắng": 5}
    set_votes(campaign, workspace, TIED, tmp_path, runoffs=runoff)
    built = build_dossiers(campaign, workspace)
    assert not built.blocked, built.meeting.errors
    city = built.selections[0]
    assert [d.nominee.name for d in city.proposed()][1:] == ["Nguyễn Văn An", "Vũ Đức Thắng"]
    text = _docx_text(built.folder / "thanh-pho" / "bien-ban.docx")
    # the first round as counted, for both; the run-off beside it
    assert (
        "Vũ Đức Thắng, Công chức Tài chính - Kế toán, Ủy ban nhân dân phường Tiến Thành (07/09 phiếu, đạt 77,78 %; biểu quyết lại 05/08 phiếu)"
        in text
    )
    assert "Ông Vũ Đức Thắng" in text and "Bà Trần Thị Bích Ngọc" in text
    assert (
        "Do Vũ Đức Thắng và Trần Thị Bích Ngọc cùng đạt 07/09 phiếu ở vị trí cuối trong số "
        "lượng 02 cá nhân được đề nghị, Hội đồng đã biểu quyết lại giữa 02 cá nhân này để "
        "chọn 01 cá nhân." in text
    )
    assert "- Vũ Đức Thắng: 05/08 phiếu (được chọn);" in text
    assert "- Trần Thị Bích Ngọc: 03/08 phiếu." in text
    assert "khi biểu quyết lại chỉ đạt 03/08 phiếu nên không đề nghị" in text
    proposal = _docx_text(built.folder / "thanh-pho" / "to-trinh.docx")
    assert "Vũ Đức Thắng" in proposal and "Trần Thị Bích Ngọc" not in proposal


@pytest.mark.parametrize(
    ("runoff", "codes"),
    [
        ({"Trần Thị Bích Ngọc": 4, "Vũ Đức Thắng": 4}, ["TIE_AT_QUOTA"]),
        ({"Vũ Đức Thắng": 5}, ["RUNOFF_INCOMPLETE"]),
        ({"Trần Thị Bích Ngọc": 3, "Vũ Đức Thắng": 5, "Nguyễn Văn An": 6}, ["RUNOFF_UNUSED"]),
        ({"Trần Thị Bích Ngọc": 3, "Vũ Đức Thắng": 9}, ["VOTES_INVALID", "RUNOFF_INCOMPLETE"]),
    ],
    ids=["still-tied", "one-missing", "not-tied", "more-than-present"],
)
def test_runoff_problems_are_reported_at_the_cell(
    campaign: Campaign,
    workspace: Workspace,
    tmp_path: Path,
    runoff: dict[str, int],
    codes: list[str],
) -> None:
    set_votes(campaign, workspace, TIED, tmp_path, runoffs=runoff)
    outcome = decide(campaign, validate_folder(campaign, workspace.submissions), workspace.meeting)
    found = [i for i in outcome.issues if i.code != "MEETING_MEMBERS_DIFFER"]
    assert [i.code for i in found] == codes
    if codes[0] in ("RUNOFF_INCOMPLETE", "RUNOFF_UNUSED", "VOTES_INVALID"):
        assert found[0].place.column == "H" and found[0].place.sheet == "Cấp thành phố"


# --- numbers and dates ---------------------------------------------------------------------------
NUMBERS = {"bien-ban": ("05", None), "to-trinh:thanh-pho": ("12", dt.date(2023, 12, 18))}


def test_numbers_entered_print_with_their_symbol_and_are_cited(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    first = build_dossiers(campaign, workspace)
    assert "Số:      /TTr-UBND" in _docx_text(first.folder / "thanh-pho" / "to-trinh.docx")
    set_votes(campaign, workspace, VOTES, tmp_path, numbers=NUMBERS)

    again = build_dossiers(campaign, workspace)

    fates = dict(again.files)
    assert fates["thanh-pho/to-trinh.docx"] is Outcome.WRITTEN  # not taken for a hand edit
    assert fates["phuong/bien-ban.docx"] is Outcome.WRITTEN
    minutes = _docx_text(again.folder / "phuong" / "bien-ban.docx")
    assert "Số: 05/BB-HĐTĐKT" in minutes
    proposal = _docx_text(again.folder / "thanh-pho" / "to-trinh.docx")
    assert "Số: 12/TTr-UBND" in proposal
    assert "Tiến Thành, ngày 18 tháng 12 năm 2023" in proposal
    assert "Căn cứ Biên bản số 05/BB-HĐTĐKT ngày 15 tháng 12 năm 2023 của Hội đồng" in proposal
    annex = _docx_text(again.folder / "thanh-pho" / "danh-sach.docx")
    assert "Kèm theo Tờ trình số 12/TTr-UBND ngày 18 tháng 12 năm 2023" in annex
    manifest = json.loads((again.folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f["path"] == "thanh-pho/to-trinh.docx")
    assert (entry["number"], entry["symbol"], entry["date"]) == ("12", "TTr-UBND", "2023-12-18")
    assert entry["signer"] == "Lê Thanh Hoan"
    assert entry["summary"].startswith("Về việc đề nghị tặng Giấy khen")
    assert "Phòng Nội vụ thành phố" in entry["recipients"]
    minutes_entry = next(f for f in manifest["files"] if f["path"] == "phuong/bien-ban.docx")
    assert (minutes_entry["number"], minutes_entry["date"]) == ("05", "2023-12-15")


def test_blank_numbers_keep_the_shape_for_the_clerk(
    campaign: Campaign, workspace: Workspace
) -> None:
    built = build_dossiers(campaign, workspace)
    assert "Số:      /BB-HĐTĐKT" in _docx_text(built.folder / "phuong" / "bien-ban.docx")
    proposal = _docx_text(built.folder / "thanh-pho" / "to-trinh.docx")
    assert "Căn cứ Biên bản số      /BB-HĐTĐKT ngày 15 tháng 12 năm 2023" in proposal
    annex = _docx_text(built.folder / "thanh-pho" / "danh-sach.docx")
    assert "Kèm theo Tờ trình số      /TTr-UBND ngày     tháng     năm 2023" in annex


@pytest.mark.parametrize(
    ("numbers", "code", "message"),
    [
        ({"bien-ban": ("5", None)}, "DOC_NUMBER_PADDING", "Số “5” nhỏ hơn 10 phải ghi thêm số 0 ở đầu: “05”."),
        ({"bien-ban": ("năm", None)}, "DOC_NUMBER_INVALID", "chỉ ghi chữ số, ví dụ 05 hoặc 12."),
        ({"bien-ban": ("05/QĐ-UBND", None)}, "DOC_NUMBER_INVALID", "ký hiệu của văn bản này là BB-HĐTĐKT."),
        ({"bien-ban": ("012", None)}, "DOC_NUMBER_INVALID", "số từ 10 trở lên không có số 0 ở đầu: 12."),
        ({"to-trinh:thanh-pho": ("12", dt.date(2023, 12, 1))}, "DOC_DATE_INVALID", "trước ngày họp 15/12/2023."),
    ],
    ids=["not-padded", "not-a-number", "other-symbol", "over-padded", "before-meeting"],
)  # fmt: skip
def test_bad_numbers_are_reported_at_their_cell(
    campaign: Campaign,
    workspace: Workspace,
    tmp_path: Path,
    numbers: dict[str, tuple[object, object]],
    code: str,
    message: str,
) -> None:
    set_votes(campaign, workspace, VOTES, tmp_path, numbers=numbers)
    outcome = decide(campaign, validate_folder(campaign, workspace.submissions), workspace.meeting)
    (issue,) = [i for i in outcome.issues if i.code.startswith("DOC_")]
    assert issue.code == code and message in issue.message
    assert issue.place.sheet == "Số văn bản" and issue.place.row in (5, 6)


def test_full_symbol_typed_and_excel_number_are_accepted(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    numbers = {"bien-ban": ("05/BB-HĐTĐKT", None), "to-trinh:thanh-pho": (7, None)}
    set_votes(campaign, workspace, VOTES, tmp_path, numbers=numbers)
    outcome = decide(campaign, validate_folder(campaign, workspace.submissions), workspace.meeting)
    assert not [i for i in outcome.issues if i.code.startswith("DOC_")]
    assert outcome.meeting is not None
    assert {k: a.full for k, a in outcome.meeting.numbers.items()} == {
        "bien-ban": "05/BB-HĐTĐKT",
        "to-trinh:thanh-pho": "07/TTr-UBND",
    }


def test_a_number_used_twice_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    from docgen.campaign import load_campaign

    text = workspace.campaign.read_text(encoding="utf-8")
    text = text.replace(
        'documents = ["bien-ban", "bao-cao"]',
        'documents = ["to-trinh", "bien-ban", "bao-cao"]\ndecides = false',  # its own Tờ trình
    )
    workspace.campaign.write_text(text, encoding="utf-8")
    campaign = load_campaign(workspace.campaign)
    numbers = {"to-trinh:thanh-pho": ("12", None), "to-trinh:phuong": ("12", None)}
    set_votes(campaign, workspace, VOTES, tmp_path, numbers=numbers)
    outcome = decide(campaign, validate_folder(campaign, workspace.submissions), workspace.meeting)
    (issue,) = [i for i in outcome.issues if i.code.startswith("DOC_")]
    assert issue.code == "DOC_NUMBER_DUPLICATE"
    assert issue.message == "Số 12/TTr-UBND đã dùng cho Tờ trình — Cấp thành phố."
    assert (issue.place.sheet, issue.place.row, issue.place.column) == ("Số văn bản", 7, "C")
