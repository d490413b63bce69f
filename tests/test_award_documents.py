"""The ward's own award documents: the proposer's Tờ trình, the Quyết định, its Danh sách."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from docgen.award.decision import NotFinalError
from docgen.award.documents import (
    council_proposal_context,
    decision_context,
    decision_list_context,
)
from docgen.campaign import Campaign
from docgen.checks import sample
from docgen.checks.docx_format import check_docx
from docgen.documents.forms import DOCUMENT_TEMPLATES
from docgen.dossier.run import build_dossiers
from docgen.meeting.model import Assigned, Meeting
from docgen.meeting.select import read_and_select
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tests.test_dossier_state import _docx_text, set_votes
from tests.test_templates import find, render, text_of
from tools.example.data import VOTES

BUILDERS = {
    "to-trinh-khen-thuong": council_proposal_context,
    "quyet-dinh": decision_context,
    "danh-sach-khen-thuong": decision_list_context,
}
NUMBERED = {
    "bien-ban": Assigned("05", "BB-HĐTĐKT", dt.date(2023, 12, 5)),
    "to-trinh-hd:phuong": Assigned("07", "TTr-HĐTĐKT", dt.date(2023, 12, 8)),
    "quyet-dinh:phuong": Assigned("215", "QĐ-UBND", dt.date(2023, 12, 12)),
}


def _context(campaign: Campaign, kind: str, meeting: Meeting | None = None) -> dict[str, Any]:
    level = campaign.level("phuong")
    chosen = sample.selection(campaign, "phuong")
    return BUILDERS[kind](campaign, level, meeting or sample.meeting(), chosen)


def _text(campaign: Campaign, kind: str, meeting: Meeting | None = None) -> str:
    return text_of(render(DOCUMENT_TEMPLATES[kind], _context(campaign, kind, meeting)))


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("to-trinh-khen-thuong", [
            "UBND PHƯỜNG TIẾN THÀNH", "HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG", "Số:      /TTr-HĐTĐKT",
            "TỜ TRÌNH", "Kính gửi: Chủ tịch Ủy ban nhân dân phường Tiến Thành.",
            "Thường trực Hội đồng Thi đua - Khen thưởng phường Tiến Thành kính đề nghị Chủ tịch "
            "Ủy ban nhân dân phường Tiến Thành xem xét, tặng Giấy khen",
            "cho 01 tập thể và 02 cá nhân, gồm:",
            "(Có dự thảo quyết định, danh sách và báo cáo thành tích kèm theo)",
            "- Như trên;", "- Lưu: VT, HĐTĐKT.", "TM. THƯỜNG TRỰC HỘI ĐỒNG", "PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
        ]),
        ("quyet-dinh", [
            "ỦY BAN NHÂN DÂN", "PHƯỜNG TIẾN THÀNH", "Số:      /QĐ-UBND", "QUYẾT ĐỊNH",
            "Về việc tặng Giấy khen", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TIẾN THÀNH",
            "Căn cứ Nghị định số 91/2017/NĐ-CP",
            "Xét đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng phường Tiến Thành tại Tờ "
            "trình số      /TTr-HĐTĐKT ngày     tháng     năm 2023.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành cho 01 tập thể "
            "và 02 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào",
            "Điều 2. Kèm theo Giấy khen là tiền thưởng theo quy định tại Nghị định số "
            "91/2017/NĐ-CP: mỗi tập thể 540.000 đồng, mỗi cá nhân 270.000 đồng; tổng số tiền "
            "thưởng là 1.080.000 đồng (một triệu không trăm tám mươi nghìn đồng), chi từ Quỹ Thi "
            "đua, khen thưởng của phường Tiến Thành.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng",
            "chịu trách nhiệm thi hành Quyết định này./.", "- Như Điều 3;", "CHỦ TỊCH",
            "Lê Thanh Hoan",
        ]),
        ("danh-sach-khen-thuong", [
            "DANH SÁCH", "Tập thể, cá nhân được tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường",
            "(Kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm 2023 của Chủ tịch Ủy ban "
            "nhân dân phường Tiến Thành)",
            "TẬP THỂ", "CÁ NHÂN", "540.000", "270.000", "Tổng cộng", "1.080.000",
            "Bằng chữ: Một triệu không trăm tám mươi nghìn đồng.",
            "Danh sách này có 01 tập thể và 02 cá nhân./.",
        ]),
    ],
    ids=["to-trinh", "quyet-dinh", "danh-sach"],
)  # fmt: skip
def test_rendered_content(campaign: Campaign, kind: str, expected: list[str]) -> None:
    text = _text(campaign, kind)
    missing = [snippet for snippet in expected if snippet not in text]
    assert not missing, text
    assert "Lê Văn Cường" not in text  # not proposed


def test_the_proposal_never_comes_from_the_ubnd_to_its_own_chairman(campaign: Campaign) -> None:
    text = _text(campaign, "to-trinh-khen-thuong")
    assert "TM. ỦY BAN NHÂN DÂN" not in text
    assert not text.startswith("ỦY BAN NHÂN DÂN")


def test_without_a_proposer_signer_the_meeting_chair_signs_for_the_council(
    campaign: Campaign,
) -> None:
    assert campaign.award is not None
    bare = dataclasses.replace(campaign, award=dataclasses.replace(campaign.award, signer=""))
    text = _text(bare, "to-trinh-khen-thuong")
    assert "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in text and "Lê Thanh Hoan" in text


def test_numbers_print_and_are_cited(campaign: Campaign) -> None:
    meeting = sample.meeting(NUMBERED)
    proposal = _text(campaign, "to-trinh-khen-thuong", meeting)
    assert "Số: 07/TTr-HĐTĐKT" in proposal
    assert "Tiến Thành, ngày 08 tháng 12 năm 2023" in proposal
    assert "Căn cứ Biên bản số 05/BB-HĐTĐKT ngày 05 tháng 12 năm 2023" in proposal
    decision = _text(campaign, "quyet-dinh", meeting)
    assert "Số: 215/QĐ-UBND" in decision
    assert "Tiến Thành, ngày 12 tháng 12 năm 2023" in decision
    assert "tại Tờ trình số 07/TTr-HĐTĐKT ngày 08 tháng 12 năm 2023." in decision
    annex = _text(campaign, "danh-sach-khen-thuong", meeting)
    assert "Kèm theo Quyết định số 215/QĐ-UBND ngày 12 tháng 12 năm 2023" in annex


def test_a_vice_chairman_signs_for_the_chairman(campaign: Campaign) -> None:
    signers = dict(campaign.signers)
    signers["pct"] = dataclasses.replace(
        signers["chu_tich"], title="PHÓ CHỦ TỊCH", name="Hà Văn Bé"
    )
    level = dataclasses.replace(campaign.level("phuong"), decision_signer="pct")
    levels = tuple(level if lv.id == "phuong" else lv for lv in campaign.levels)
    vice = dataclasses.replace(campaign, signers=signers, levels=levels)
    doc = render(DOCUMENT_TEMPLATES["quyet-dinh"], _context(vice, "quyet-dinh"))
    assert find(doc, "KT. CHỦ TỊCH").runs[0].bold
    assert "PHÓ CHỦ TỊCH" in text_of(doc) and "Hà Văn Bé" in text_of(doc)
    assert "TM. ỦY BAN NHÂN DÂN" not in text_of(doc)  # the chairman's own decision: two lines


def test_no_decision_documents_from_a_result_that_is_not_final(campaign: Campaign) -> None:
    level = campaign.level("phuong")
    chosen = sample.selection(campaign, "phuong")
    tied = dataclasses.replace(chosen, ties=[chosen.decisions[1:3]])
    with pytest.raises(NotFinalError):
        decision_context(campaign, level, sample.meeting(), tied)


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_documents_pass_the_format_check(campaign: Campaign, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.docx"
    render(DOCUMENT_TEMPLATES[kind], _context(campaign, kind)).save(str(path))
    assert check_docx(path) == []


def test_the_dossier_numbers_and_files_the_wards_documents(
    campaign: Campaign, example_workspace: Path, tmp_path: Path
) -> None:
    """`ho-so` on the example: the văn thư's numbers print, are cited, reach the manifest."""
    ws = Workspace(example_workspace)
    numbers = {
        "to-trinh-hd:phuong": ("07", "16/12/2023"),
        "quyet-dinh:phuong": ("215", "20/12/2023"),
    }
    set_votes(campaign, ws, VOTES, tmp_path, numbers=numbers)
    built = build_dossiers(campaign, ws)
    assert not built.blocked and not built.missing
    folder = built.folder / "phuong"
    decision = _docx_text(folder / "quyet-dinh-khen-thuong.docx")
    assert "Số: 215/QĐ-UBND" in decision
    assert "tại Tờ trình số 07/TTr-HĐTĐKT ngày 16 tháng 12 năm 2023." in decision
    assert "Kèm theo Quyết định số 215/QĐ-UBND ngày 20 tháng 12 năm 2023" in _docx_text(
        folder / "danh-sach-kem-theo-quyet-dinh.docx"
    )
    manifest = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    entries = {f["path"]: f for f in manifest["files"]}
    entry = entries["phuong/quyet-dinh-khen-thuong.docx"]
    assert (entry["number"], entry["symbol"], entry["date"]) == ("215", "QĐ-UBND", "2023-12-20")
    proposal = entries["phuong/to-trinh-de-nghi-khen-thuong.docx"]
    assert (proposal["symbol"], proposal["signer"]) == ("TTr-HĐTĐKT", "Nguyễn Văn An")
    for path in ("to-trinh-de-nghi-khen-thuong", "quyet-dinh-khen-thuong"):
        assert check_docx(folder / f"{path}.docx") == []
    summary = (built.folder / "tom-tat.txt").read_text(encoding="utf-8")
    assert (
        "Phường tự quyết định: tờ trình của Thường trực Hội đồng Thi đua - Khen thưởng phường "
        "Tiến Thành, quyết định của Chủ tịch Ủy ban nhân dân phường Tiến Thành; tiền thưởng mỗi "
        "tập thể 540.000 đồng, mỗi cá nhân 270.000 đồng, tổng 1.350.000 đồng (mức chưa đối "
        "chiếu văn bản gốc, kế toán kiểm tra lại)." in summary
    )  # no source path a clerk cannot open; the note only while the rates are unverified


def test_a_decision_dated_before_its_proposal_is_reported(
    campaign: Campaign, example_workspace: Path, tmp_path: Path
) -> None:
    ws = Workspace(example_workspace)
    numbers = {
        "to-trinh-hd:phuong": ("07", "18/12/2023"),
        "quyet-dinh:phuong": ("215", "16/12/2023"),
    }
    set_votes(campaign, ws, VOTES, tmp_path, numbers=numbers)
    outcome = read_and_select(campaign, validate_folder(campaign, ws.submissions), ws.meeting)
    (issue,) = [i for i in outcome.issues if i.code.startswith("DOC_")]
    assert issue.code == "DOC_DATE_INVALID"
    assert issue.message == (
        "Ngày “16/12/2023” không hợp lệ: trước ngày của Tờ trình đề nghị (18/12/2023)."
    )
    assert (issue.place.sheet, issue.place.column) == ("Số văn bản", "D")
    assert outcome.meeting is not None
    assert outcome.meeting.assigned("quyet-dinh:phuong") == Assigned("215", "QĐ-UBND", None)


def test_a_title_is_recognised_not_given(campaign: Campaign) -> None:
    level = dataclasses.replace(
        campaign.level("phuong"), form="chien-si-thi-dua-co-so", award="Chiến sĩ thi đua cơ sở"
    )
    chosen = sample.selection(campaign, "phuong")
    people = dataclasses.replace(
        chosen,
        level=level,
        decisions=[d for d in chosen.decisions if d.nominee.kind.value == "individual"],
    )
    text = text_of(
        render(
            DOCUMENT_TEMPLATES["quyet-dinh"],
            decision_context(campaign, level, sample.meeting(), people),
        )
    )
    assert "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở" in text
    assert "Điều 1. Công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 02 cá nhân" in text
    assert "Kèm theo danh hiệu Chiến sĩ thi đua cơ sở là tiền thưởng" in text
    assert "mỗi cá nhân 1.800.000 đồng" in text


def test_the_decisions_own_bases_come_first(campaign: Campaign) -> None:
    assert campaign.award is not None
    law = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    own = dataclasses.replace(campaign, award=dataclasses.replace(campaign.award, bases=(law,)))
    bases = _context(own, "quyet-dinh")["can_cu"]
    assert bases[0] == f"Căn cứ {law};" and bases[1].startswith("Căn cứ Luật Thi đua")


def test_a_meeting_workbook_made_before_the_wards_decision_says_what_rows_it_lacks(
    campaign: Campaign, example_workspace: Path, tmp_path: Path
) -> None:
    ws = Workspace(example_workspace)
    levels = tuple(dataclasses.replace(lv, decides=False) for lv in campaign.levels)
    set_votes(dataclasses.replace(campaign, levels=levels), ws, VOTES, tmp_path)  # an old sheet
    outcome = read_and_select(campaign, validate_folder(campaign, ws.submissions), ws.meeting)
    (issue,) = [i for i in outcome.issues if i.code == "DOC_NUMBER_ROWS_MISSING"]
    assert issue.severity.value == "warning" and not outcome.errors
    assert (
        "chưa có dòng cho: Tờ trình của Thường trực Hội đồng Thi đua - Khen thưởng phường Tiến "
        "Thành — Cấp phường; Quyết định khen thưởng — Cấp phường" in issue.message
    )
