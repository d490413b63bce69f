"""A document kept as edited by hand must agree with the rest of the dossier (number, date,
nominees): `ho-so` names both places and the two ways out, and exits 1."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.digest import sha256
from docgen.dossier.run import build_dossiers
from docgen.dossier.summary import disagreement_lines
from docgen.output.manifest import WriteOutcome
from docgen.workspace import Workspace
from tests.test_dossier_state import set_votes
from tools.example.data import VOTES

NUMBERS = {"bien-ban": ("05", None), "to-trinh:thanh-pho": ("112", dt.date(2023, 12, 18))}
PROPOSAL = "thanh-pho/to-trinh.docx"


@pytest.fixture
def workspace(example_workspace: Path) -> Workspace:
    return Workspace(example_workspace)


def edit_by_hand(path: Path) -> None:
    """What the clerk does in Word: a sentence added, the number line left as it was."""
    document = Document(str(path))
    document.add_paragraph("Kính đề nghị Chủ tịch xem xét, quyết định.")
    document.save(str(path))


def test_a_kept_edit_that_still_agrees_is_no_problem(
    campaign: Campaign, workspace: Workspace
) -> None:
    first = build_dossiers(campaign, workspace)
    edit_by_hand(first.folder / PROPOSAL)
    again = build_dossiers(campaign, workspace)
    assert dict(again.files)[PROPOSAL] is WriteOutcome.KEPT_EDITED
    assert again.disagreements == []


def test_the_numbered_annex_against_the_unnumbered_kept_proposal(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    first = build_dossiers(campaign, workspace)
    edit_by_hand(first.folder / PROPOSAL)
    set_votes(campaign, workspace, VOTES, tmp_path, numbers=NUMBERS)  # the văn thư's numbers

    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])

    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    start = lines.index(
        "HỒ SƠ KHÔNG KHỚP: văn bản sửa tay được giữ nguyên ghi khác các văn bản còn lại (3 chỗ):"
    )
    assert lines[start + 1] == (
        "  - thanh-pho/to-trinh.docx (bản sửa tay) ghi “Số: /TTr-UBND”, còn "
        "thanh-pho/danh-sach.docx ghi “(Kèm theo Tờ trình số 112/TTr-UBND ngày 18 tháng 12 năm "
        "2023 của Ủy ban nhân dân phường Tiến Thành)” (số)."
    )
    assert lines[start + 2].startswith(
        "  - thanh-pho/to-trinh.docx (bản sửa tay) ghi “Tiến Thành, ngày tháng năm 2023”, còn "
    )
    assert "ngày 18 tháng 12 năm 2023" in lines[start + 2] and lines[start + 2].endswith("(ngày).")
    assert lines[start + 3].startswith(  # the Biên bản it cites was numbered meanwhile
        "  - thanh-pho/to-trinh.docx (bản sửa tay) ghi “Căn cứ Biên bản số /BB-HĐTĐKT ngày 15 "
        "tháng 12 năm 2023 của Hội đồng"
    )
    assert lines[start + 3].endswith(
        "”, còn phuong/bien-ban.docx ghi “Số: 05/BB-HĐTĐKT” (văn bản dẫn)."
    )
    assert lines[start + 4 :][:4] == [
        "  Chọn một trong hai cách:",
        "  1. Lập lại văn bản đó: docgen ho-so --ghi-de (bản sửa tay chuyển vào da-thay-the/, "
        "không mất).",
        "  2. Mở thanh-pho/to-trinh.docx bằng Word, sửa cho khớp (số: 112/TTr-UBND; ngày: ngày 18 "
        "tháng 12 năm 2023; văn bản dẫn: số 05/BB-HĐTĐKT ngày 15 tháng 12 năm 2023), lưu rồi "
        "chạy lại docgen ho-so.",
        "  Số, ngày do văn thư cấp mà docgen chưa biết (văn bản sửa tay ghi đúng): ghi vào trang "
        "“Số văn bản” của input/hop-xet.xlsx rồi chạy lại docgen ho-so.",
    ]
    summary = (workspace.output(campaign.id) / "tom-tat.txt").read_text(encoding="utf-8")
    assert "HỒ SƠ KHÔNG KHỚP" in summary

    forced = CliRunner().invoke(main, ["ho-so", "--ghi-de", "--thu-muc", str(workspace.root)])
    assert forced.exit_code == 0, forced.output
    assert "KHÔNG KHỚP" not in forced.output


def test_a_kept_edit_naming_a_nominee_no_longer_proposed(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    first = build_dossiers(campaign, workspace)
    edit_by_hand(first.folder / PROPOSAL)
    fewer = {**VOTES, "Nguyễn Văn An": 1}  # voted out after the Tờ trình was edited…
    set_votes(campaign, workspace, fewer, tmp_path)
    again = build_dossiers(campaign, workspace)
    named = [d for d in again.disagreements if d.what == "người được đề nghị"]
    assert [(d.path, d.says, d.other, d.other_says) for d in named] == [
        (PROPOSAL, "có tên Nguyễn Văn An", "hop-xet.xlsx", "không có tên Nguyễn Văn An"),
        (PROPOSAL, "không có tên Vũ Đức Thắng", "hop-xet.xlsx", "có tên Vũ Đức Thắng"),  # …in
    ]
    # the way out by hand says who to take out and who to put in, never both as "proposed"
    assert (
        f"  2. Mở {PROPOSAL} bằng Word, sửa cho khớp (người được đề nghị: bỏ Nguyễn Văn An, "
        "thêm Vũ Đức Thắng), lưu rồi chạy lại docgen ho-so."
    ) in disagreement_lines(again)


def test_the_number_applied_by_hand_reaches_the_manifest(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    """The second way out: the văn thư's number typed into the kept Tờ trình in Word."""
    first = build_dossiers(campaign, workspace)
    edit_by_hand(first.folder / PROPOSAL)
    set_votes(campaign, workspace, VOTES, tmp_path, numbers=NUMBERS)
    document = Document(str(first.folder / PROPOSAL))
    lines = {"Số:": "Số: 112/TTr-UBND", "Tiến Thành, ngày": "Tiến Thành, ngày 18 tháng 12 năm 2023"}
    cells = [c for table in document.tables for row in table.rows for c in row.cells]
    for paragraph in [*document.paragraphs, *(p for c in cells for p in c.paragraphs)]:
        text = paragraph.text.strip()
        start = next((k for k in lines if text.startswith(k)), None)
        if start is not None:
            new = lines[start]
        elif text.startswith("Căn cứ Biên bản số"):
            new = re.sub(r"số\s+/BB", "số 05/BB", text)
        else:
            continue
        for run in paragraph.runs[1:]:
            run.text = ""
        paragraph.runs[0].text = new
    document.save(str(first.folder / PROPOSAL))

    again = build_dossiers(campaign, workspace)

    assert dict(again.files)[PROPOSAL] is WriteOutcome.KEPT_EDITED
    assert again.disagreements == []
    manifest = json.loads((again.folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f["path"] == PROPOSAL)
    assert (entry["number"], entry["symbol"], entry["date"]) == ("112", "TTr-UBND", "2023-12-18")
    assert entry["sha256"] != sha256((again.folder / PROPOSAL).read_bytes())  # still "edited"
