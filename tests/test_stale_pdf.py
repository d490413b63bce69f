"""No stale PDF passes as the current document: `ho-so` moves the PDF of a rewritten or retired
.docx aside with it (a signed one kept, said to be of the previous version), the stage counts
only PDFs of the current version, and the page neither offers nor zips a PDF older than its
.docx."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

from docgen.campaign import Campaign
from docgen.dossier.run import build_dossiers
from docgen.stage import Step, campaign_stage
from docgen.workspace import Workspace
from tests.test_dossier_state import set_votes
from tools.example.data import VOTES
from tools.sign import scan_pdf, sign_pdf
from tools.webclient import serving

PROPOSAL = "thanh-pho/to-trinh.docx"  # rewritten when the votes change
REPORT = "thanh-pho/bao-cao-thanh-tich-nguyen-van-an.docx"  # retired: An is voted out
KEPT = "phuong/bao-cao-thanh-tich-pham-minh-tam.docx"  # not changed


def _convert(folder: Path, files: list[dict[str, str]]) -> None:
    """A PDF beside every document (what `docgen pdf` leaves), An's report signed."""
    for entry in files:
        docx = folder / entry["path"]
        data = scan_pdf(entry["path"])
        docx.with_suffix(".pdf").write_bytes(sign_pdf(data) if entry["path"] == REPORT else data)


def test_a_rebuild_moves_the_stale_pdfs_aside_and_the_stage_counts_current_ones(
    campaign: Campaign, example_workspace: Path, tmp_path: Path
) -> None:
    ws = Workspace(example_workspace)
    first = build_dossiers(campaign, ws)
    manifest = json.loads((first.folder / "manifest.json").read_text(encoding="utf-8"))
    total = len(manifest["files"])
    _convert(first.folder, manifest["files"])
    assert campaign_stage(ws, campaign).done[Step.PDF] == f"{total}/{total} văn bản có PDF"

    set_votes(campaign, ws, {**VOTES, "Nguyễn Văn An": 1}, tmp_path)
    again = build_dossiers(campaign, ws)

    moved = {r.path: r for r in again.retired}
    proposal_pdf, report_pdf = (p.replace(".docx", ".pdf") for p in (PROPOSAL, REPORT))
    assert not (again.folder / proposal_pdf).exists()  # the PDF of the earlier Tờ trình…
    assert (again.folder / moved[proposal_pdf].moved_to).read_bytes() == scan_pdf(PROPOSAL)
    assert moved[proposal_pdf].reason == (
        f"PDF của bản trước ({PROPOSAL} được lập lại): không còn là văn bản hiện hành"
    )
    assert moved[report_pdf].moved_to.rsplit("/", 1)[0] == moved[REPORT].moved_to.rsplit("/", 1)[0]
    assert moved[report_pdf].reason.startswith(  # …and the signed one, kept, never deleted
        f"PDF ĐÃ KÝ của bản trước ({REPORT} được chuyển vào da-thay-the/): không phải văn bản "
        "hiện hành, được giữ ở đây (không xóa)"
    )
    assert (again.folder / KEPT).with_suffix(".pdf").read_bytes() == scan_pdf(KEPT)
    shutil.copy(tmp_path / "tong-hop.xlsx", again.folder)  # the meeting list set_votes made
    stage = campaign_stage(ws, campaign, errors=0)
    assert Step.PDF not in stage.done and stage.next is Step.PDF
    # 14 documents again: the Tờ trình, its Danh sách and the two Biên bản were rewritten and
    # Vũ Đức Thắng's report is new — 5 without a PDF of their current version
    assert (total, len(again.files)) == (14, 14)
    assert stage.advice.startswith("Mới có 9/14 văn bản có PDF của bản hiện hành (văn bản lập lại")

    # a PDF left older than its .docx (the .docx changed after the conversion)
    stale = (again.folder / KEPT).with_suffix(".pdf")
    os.utime(stale, ns=(0, (again.folder / KEPT).stat().st_mtime_ns - 10**9))
    with serving(example_workspace) as (_, client):
        client.login()
        page = client.request("GET", "/ho-so").text
        bundle = client.request("GET", "/ho-so/cap/phuong").body
    assert "PDF của bản trước: chuyển lại PDF" in page
    names = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    assert "phuong/bao-cao-thanh-tich-pham-minh-tam.docx" in names
    assert "phuong/bao-cao-thanh-tich-pham-minh-tam.pdf" not in names  # stale: not offered
    assert "phuong/bao-cao-thanh-tich-do-thi-hong-nhung.pdf" in names  # current: offered
