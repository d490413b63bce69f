"""A document whose signed copy is filed is never silently changed: `ho-so` refuses to rewrite
it under its number (exit 1, nothing written, the award history kept), names it, what would
change and the ways out; `--thay-ban-da-ky` does it deliberately, keeping the earlier file."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.archive import file_signed
from docgen.archive.filing import Request, Status
from docgen.award.history import recorded_decisions
from docgen.campaign import Campaign
from docgen.cli import main
from docgen.digest import sha256
from docgen.dossier.run import build_dossiers
from docgen.stage import Step, campaign_stage
from docgen.text import VIETNAM
from docgen.workspace import Workspace
from tests.test_dossier_agree import edit_by_hand
from tests.test_dossier_state import set_votes
from tools.example.data import VOTES
from tools.sign import scan_pdf, sign_docx
from tools.webclient import serving

NUMBERS = {"to-trinh-hd:phuong": ("07", "16/12/2023"), "quyet-dinh:phuong": ("215", "20/12/2023")}
DECISION = "phuong/quyet-dinh-khen-thuong.docx"
ANNEX = "phuong/danh-sach-kem-theo-quyet-dinh.docx"
REPORT = "phuong/bao-cao-thanh-tich-ly-thi-mai.docx"


def _snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` (relative path → SHA-256)."""
    return {
        p.relative_to(root).as_posix(): sha256(p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def signed(campaign: Campaign, example_workspace: Path, tmp_path: Path) -> Workspace:
    """The example with the ward's Quyết định 215 numbered, signed (Word) and filed, and Lý
    Thị Mai's achievement report signed and filed."""
    ws = Workspace(example_workspace)
    set_votes(campaign, ws, VOTES, tmp_path, numbers=NUMBERS)
    built = build_dossiers(campaign, ws)
    assert [r.status for r in built.recorded] == ["new"]
    copies = []
    for path in (DECISION, REPORT):
        copy = tmp_path / "da-ky" / Path(path).name
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(sign_docx((built.folder / path).read_bytes()))
        copies.append(copy)
    report = file_signed(copies, campaign, ws.root, Request(clerk="Văn thư Hà"))
    assert [o.status for o in report.outcomes] == [Status.FILED, Status.FILED]
    return ws


def test_a_vote_change_does_not_rewrite_the_filed_decision(
    campaign: Campaign, signed: Workspace, tmp_path: Path
) -> None:
    changed = {**VOTES, "Lý Thị Mai": 1, "Hoàng Văn Hòa": 8}  # the secretary corrects two counts
    set_votes(campaign, signed, changed, tmp_path, numbers=NUMBERS)
    output = signed.output(campaign.id)
    before, history = _snapshot(output), recorded_decisions(signed.ward)

    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(signed.root)])

    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    start = lines.index(
        "VĂN BẢN ĐÃ KÝ VÀ ĐÃ NỘP LƯU SẼ BỊ THAY ĐỔI — chưa ghi gì: thư mục hồ sơ và lịch sử "
        "khen thưởng giữ nguyên (2 văn bản):"
    )
    assert lines[start + 1].startswith(f"  - {REPORT}: Báo cáo thành tích")  # she is voted out
    assert lines[start + 2] == "    Lần chạy này sẽ đưa văn bản đó ra khỏi hồ sơ."
    del lines[start + 1 : start + 3]
    assert lines[start + 1].startswith(  # the decision's annex: signed with it, under its number
        f"  - {ANNEX}: Danh sách kèm theo Quyết định khen thưởng về việc tặng Giấy khen của Chủ "
        "tịch Ủy ban nhân dân phường Tiến Thành số 215/QĐ-UBND ngày 20/12/2023, bản đã ký lưu "
    )
    assert re.search(  # where the signed copy is, and when it was filed (Vietnam time)
        r"tại luu-tru/2023/kh19-2023-cchc/phuong/quyet-dinh-khen-thuong\.docx \(nộp lưu "
        r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\)\.$",
        lines[start + 1],
    )
    assert lines[start + 2] == (
        "    Lần chạy này sẽ đổi: người được đề nghị: bỏ Lý Thị Mai, thêm Hoàng Văn Hòa."
    )
    assert lines[start + 3] == "  Chọn một trong ba cách:"
    assert lines[start + 4].startswith(
        "  1. Văn bản đã ký cần sửa thì lập văn bản mới: xin văn thư"
    )
    assert lines[start + 6] == (
        "  3. Chắc chắn lập lại với cùng số: docgen ho-so --thay-ban-da-ky (bản lập trước chuyển "
        "vào da-thay-the/, bản đã ký trong lưu trữ giữ nguyên, lịch sử khen thưởng theo bản mới)."
    )
    assert _snapshot(output) == before  # no document, manifest or summary touched
    assert recorded_decisions(signed.ward) == history  # QĐ 215 still lists Lý Thị Mai

    # the page says the same in its own words, and does it when the box is ticked
    with serving(signed.root) as (_, client):
        client.login()
        refused = html.unescape(client.run("/ho-so/lap"))
        assert _snapshot(output) == before
        edit_by_hand(output / REPORT)  # moved aside as it is, not as it was signed
        forced = html.unescape(client.run("/ho-so/lap", {"thay_ban_da_ky": "co"}))

    assert "Lần chạy này sẽ đổi: người được đề nghị: bỏ Lý Thị Mai, thêm Hoàng Văn Hòa." in refused
    assert (
        "3. Chắc chắn lập lại với cùng số: đánh dấu ô “Lập lại cả văn bản đã ký, đã nộp lưu”, bấm "
        "“Lập hồ sơ” trên trang Hồ sơ (bản lập trước"
    ) in refused
    assert "Đã lập 14 văn bản" in forced and "VĂN BẢN ĐÃ KÝ" not in forced
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    (moved,) = [h for h in manifest["history"] if h["path"] == ANNEX]
    assert sha256((output / moved["moved_to"]).read_bytes()) == before[ANNEX]  # the signed one
    assert moved["reason"].endswith(
        "số 215/QĐ-UBND: bản đã ký, đã nộp lưu (2023/kh19-2023-cchc/phuong/"
        "quyet-dinh-khen-thuong.docx); được lập lại với nội dung khác theo yêu cầu "
        "(--thay-ban-da-ky), bản đã ký trong lưu trữ giữ nguyên"
    )
    assert sha256((output / ANNEX).read_bytes()) != before[ANNEX]
    stamp = dt.datetime.strptime(moved["moved_to"].split("/")[1], "%Y-%m-%d_%H-%M-%S")
    now = dt.datetime.now(VIETNAM).replace(tzinfo=None)
    assert dt.timedelta(0) <= now - stamp < dt.timedelta(minutes=5)  # Vietnam time, as shown
    assert recorded_decisions(signed.ward) != history  # replaced, as asked

    # the văn thư's way: a new number makes a new document, written, and said to need signing
    # (the report moved aside on request above is not asked about again)
    renumbered = {**NUMBERS, "quyet-dinh:phuong": ("216", "21/12/2023")}
    set_votes(campaign, signed, changed, tmp_path, numbers=renumbered)
    orphan = (output / REPORT).with_suffix(".pdf")  # left by an earlier docgen beside the
    orphan.write_bytes(scan_pdf("cu"))  # place of the report it had moved aside
    again = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(signed.root)])
    assert again.exit_code == 0, again.output
    assert not orphan.exists()
    assert (
        f"    Lý do: PDF của bản trước ({REPORT} đã được chuyển vào da-thay-the/ trước đó): không "
        "còn là văn bản hiện hành."
    ) in again.output.splitlines()
    assert (
        f"  - {DECISION}: số 216/QĐ-UBND thay số 215/QĐ-UBND (bản đã ký lưu tại luu-tru/2023/"
        "kh19-2023-cchc/phuong/quyet-dinh-khen-thuong.docx) — chuyển PDF, trình ký rồi nộp lưu "
        "bản mới: docgen luu-tru <tệp đã ký> --thay-the."
    ) in again.output.splitlines()
    # …and until it is signed and filed, the stage does not count the copy of QĐ 215 for it
    shutil.copy(tmp_path / "tong-hop.xlsx", output)  # the meeting list set_votes made
    for document in output.glob("*/*.docx"):
        document.with_suffix(".pdf").write_bytes(scan_pdf(document.name))  # converted
    stage = campaign_stage(signed, campaign, errors=0)
    assert stage.next is Step.ARCHIVE
    assert stage.advice.startswith("Đã nộp lưu 0/14 văn bản của hồ sơ; còn: ")
