"""`docgen ho-so` on the shipped example: the right documents, safe reruns, real client."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign import Campaign
from docgen.checks.docx_format import check_docx
from docgen.cli import main
from docgen.dossier.run import BuildResult, build_dossiers
from docgen.output.manifest import Outcome
from docgen.workspace import Workspace
from tests.conftest import libreoffice_convert
from tests.test_templates import plain


@pytest.fixture
def workspace(example_workspace: Path) -> Workspace:
    """A copy of the shipped example workspace."""
    return Workspace(example_workspace)


@pytest.fixture
def built(campaign: Campaign, workspace: Workspace) -> BuildResult:
    return build_dossiers(campaign, workspace)


def _names(result: BuildResult) -> list[str]:
    return [path for path, _ in result.files]


def test_each_level_gets_exactly_its_documents(built: BuildResult) -> None:
    assert _names(built) == [
        "thanh-pho/to-trinh.docx",
        "thanh-pho/danh-sach.docx",
        "thanh-pho/bien-ban.docx",
        "thanh-pho/bao-cao-thanh-tich-uy-ban-nhan-dan-phuong-tien-thanh.docx",
        "thanh-pho/bao-cao-thanh-tich-nguyen-van-an.docx",
        "thanh-pho/bao-cao-thanh-tich-tran-thi-bich-ngoc.docx",
        "phuong/bien-ban.docx",
        "phuong/bao-cao-thanh-tich-bo-phan-mot-cua-phuong-tien-thanh.docx",
        "phuong/bao-cao-thanh-tich-pham-minh-tam.docx",
        "phuong/bao-cao-thanh-tich-do-thi-hong-nhung.docx",
        "phuong/bao-cao-thanh-tich-ly-thi-mai.docx",
        "phuong/to-trinh-de-nghi-khen-thuong.docx",  # the ward decides this level itself
        "phuong/quyet-dinh-khen-thuong.docx",
        "phuong/danh-sach-kem-theo-quyet-dinh.docx",
    ]
    assert all(outcome is Outcome.WRITTEN for _, outcome in built.files)


def test_selection_respects_the_plan_quotas(built: BuildResult) -> None:
    city, ward = built.selections
    assert [d.nominee.name for d in city.proposed()] == [
        "Ủy ban nhân dân phường Tiến Thành",
        "Nguyễn Văn An",
        "Trần Thị Bích Ngọc",
    ]
    assert [(d.nominee.name, d.reason.split(":")[0]) for d in city.not_proposed()] == [
        ("Vũ Đức Thắng", "Vượt số lượng")
    ]
    assert len(ward.proposed()) == 4  # 1 collective + 3 individuals
    assert [(d.nominee.name, d.reason.split(":")[0]) for d in ward.not_proposed()] == [
        ("Hoàng Văn Hòa", "Không đạt tỷ lệ phiếu")
    ]


def test_documents_carry_the_right_content(built: BuildResult) -> None:
    text = _text(built.folder / "thanh-pho" / "to-trinh.docx")
    assert "TỜ TRÌNH" in text
    assert "cho 01 tập thể và 02 cá nhân" in text
    assert "Số:      /TTr-UBND" in text
    assert "Tiến Thành, ngày      tháng      năm 2023" in text or "Tiến Thành, ngày" in text
    assert "Trần Thị Bích Ngọc" in text and "Vũ Đức Thắng" not in text
    assert "(Có danh sách và báo cáo thành tích kèm theo)" in text
    minutes = _text(built.folder / "phuong" / "bien-ban.docx")
    assert "04/09" in minutes and "44,44 %" in minutes
    assert "THƯ KÝ" in minutes and "CHỦ TỌA" in minutes


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return plain("\n".join(parts))


def test_every_document_passes_the_format_check(built: BuildResult) -> None:
    problems = {path: check_docx(built.folder / path) for path in _names(built)}
    assert {p: [f.code for f in found] for p, found in problems.items() if found} == {}


def test_rerun_is_byte_identical(
    campaign: Campaign, workspace: Workspace, built: BuildResult
) -> None:
    before = {p: (built.folder / p).read_bytes() for p in _names(built)}
    manifest = (built.folder / "manifest.json").read_bytes()
    again = build_dossiers(campaign, workspace)
    assert all(outcome is Outcome.UNCHANGED for _, outcome in again.files)
    assert {p: (again.folder / p).read_bytes() for p in _names(again)} == before
    assert (again.folder / "manifest.json").read_bytes() == manifest


def test_manifest_lists_hash_template_and_source(built: BuildResult) -> None:
    data = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in data["files"] if f["path"].endswith("nguyen-van-an.docx"))
    assert entry["template"] == "templates_docx/bao-cao-nd91-mau02.docx"
    assert entry["sources"] == [{"file": "van-phong-hdnd-ubnd.xlsx", "sheet": "Cá nhân", "row": 3}]
    assert len(entry["sha256"]) == 64
    assert data["campaign"] == "kh19-2023-cchc"


def test_hand_edited_document_is_kept(
    campaign: Campaign, workspace: Workspace, built: BuildResult
) -> None:
    edited = built.folder / "thanh-pho" / "to-trinh.docx"
    edited.write_bytes(edited.read_bytes() + b"edited in Word")
    again = build_dossiers(campaign, workspace)
    assert dict(again.files)["thanh-pho/to-trinh.docx"] is Outcome.KEPT_EDITED
    assert edited.read_bytes().endswith(b"edited in Word")
    forced = build_dossiers(campaign, workspace, force=True)
    assert dict(forced.files)["thanh-pho/to-trinh.docx"] is Outcome.FORCED
    backups = list(forced.folder.glob("da-thay-the/*/thanh-pho/to-trinh.docx"))
    assert len(backups) == 1 and backups[0].read_bytes().endswith(b"edited in Word")
    assert [(r.path, r.edited) for r in forced.retired] == [("thanh-pho/to-trinh.docx", True)]
    assert sorted(p.name for p in edited.parent.iterdir() if "to-trinh" in p.name) == [
        "to-trinh.docx"
    ]


def test_summary_names_who_was_not_proposed_and_why(built: BuildResult) -> None:
    summary = (built.folder / "tom-tat.txt").read_text(encoding="utf-8")
    assert "Vũ Đức Thắng (Khối Kinh tế - Hạ tầng) — Vượt số lượng" in summary
    assert "Hoàng Văn Hòa (Khối Kinh tế - Hạ tầng) — Không đạt tỷ lệ phiếu" in summary
    assert (
        "Bùi Quang Huy (khoi-van-hoa-xa-hoi.xlsx, Cá nhân, dòng 4): Chưa điền “Ngày sinh”."
        in summary
    )


def test_cli_builds_and_reports(workspace: Workspace) -> None:
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])
    assert result.exit_code == 0, result.output
    # 11, and the ward's own Tờ trình, Quyết định and Danh sách
    assert "Đã lập 14 văn bản" in result.output


def test_cli_missing_meeting_is_a_clear_error(workspace: Workspace) -> None:
    workspace.meeting.unlink()
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])
    assert result.exit_code in (1, 2)
    assert "hop-xet.xlsx" in result.output
    assert "Traceback" not in result.output


def test_every_document_converts_in_libreoffice(built: BuildResult, tmp_path: Path) -> None:
    for level in ("thanh-pho", "phuong"):
        docs = sorted((built.folder / level).glob("*.docx"))
        out = libreoffice_convert(docs, "pdf", tmp_path / level)
        assert sorted(p.stem for p in out.glob("*.pdf")) == [d.stem for d in docs]
        assert all(p.stat().st_size > 5000 for p in out.glob("*.pdf"))


def test_tie_at_the_quota_blocks_the_build_and_names_the_tied(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    """Two individuals share the last city seat: the council must settle it, docgen never does."""
    from docgen.meeting.consolidate import write_consolidated
    from docgen.meeting.model import nominee_key
    from docgen.text import person_key
    from docgen.validate.run import validate_folder
    from tools.example.data import MEETING, VOTES
    from tools.fill.meeting import fill_meeting

    report = validate_folder(campaign, workspace.submissions)
    votes = {**VOTES, "Vũ Đức Thắng": VOTES["Trần Thị Bích Ngọc"]}  # 7 and 7 for the second seat
    by_name = {person_key(name): v for name, v in votes.items()}
    blank = write_consolidated(campaign, report, tmp_path / "tong-hop.xlsx")
    fill_meeting(
        blank,
        workspace.meeting,
        MEETING,
        {nominee_key(n): by_name[person_key(n.name)] for n in report.eligible()},
    )
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])
    assert result.exit_code == 1
    assert "TIE" not in result.output  # the clerk reads Vietnamese, not codes
    assert "Trần Thị Bích Ngọc" in result.output and "Vũ Đức Thắng" in result.output
    assert not (workspace.output(campaign.id) / "thanh-pho").exists()


def test_unwritable_output_is_a_clear_message(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(workspace.root / "output"))

    monkeypatch.setattr("docgen.output.files.tempfile.mkstemp", refuse)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])
    assert result.exit_code == 2
    assert (
        f"Lỗi: Không đọc/ghi được thư mục ({workspace.root / 'output'}): không có quyền truy cập "
        "hoặc tệp đang được mở bằng chương trình khác.\n"
        "Đóng tệp nếu đang mở bằng Excel/Word, kiểm tra quyền đọc/ghi thư mục rồi chạy lại.\n"
    ) in result.output
    assert "Permission denied" not in result.output
    assert "Traceback" not in result.output


def test_summary_says_why_each_ineligible_nomination_is_left_out(built: BuildResult) -> None:
    text = (built.folder / "tom-tat.txt").read_text(encoding="utf-8")
    block = text.split("KHÔNG ĐỦ ĐIỀU KIỆN XÉT", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines()[1:] == [
        "  - Đinh Thị Lan (khoi-van-hoa-xa-hoi.xlsx, Cá nhân, dòng 3): Không đạt tiêu chí CN3: "
        "Có giải pháp trong công tác cải cách hành chính mang tính mới, tính thực tế, có thể nhân "
        "rộng, được Hội đồng sáng kiến của thành phố hoặc phường công nhận — “Ngày quyết định "
        "công nhận sáng kiến”: 15/12/2022 (ngoài thời gian phong trào (từ 24/02/2023 đến trước "
        "ngày 20/12/2023))",
        "  - Bùi Quang Huy (khoi-van-hoa-xa-hoi.xlsx, Cá nhân, dòng 4): Chưa điền “Ngày sinh”.",
        "  - Ngô Thanh Tùng (khoi-van-hoa-xa-hoi.xlsx, Cá nhân, dòng 5): “Hoàn thành xuất xắc "
        "nhiệm vụ” không có trong danh sách: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm "
        "vụ; Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ.",
    ]
