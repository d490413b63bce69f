"""Every legal profile through the whole pipeline: its example built with `docgen ho-so`,
collectives and individuals, thematic and not; format check; LibreOffice."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign.profiles import PROFILES
from docgen.checks.docx_format import check_docx
from docgen.cli import main
from docgen.workspace import Workspace
from tests.examples import copy_example


@dataclass(frozen=True)
class Case:
    """A profile's example: where it comes from and what its documents must say."""

    profile: str
    variant: str  # "" for the shipped example in input/
    thematic: bool
    folder: str  # output/<campaign id>
    levels: tuple[str, str]
    place: str  # the reports' place-and-date line starts with this
    decree: str  # the decree the Tờ trình cites


CASES = [
    Case("nd91_2017", "", False, "kh19-2023-cchc", ("thanh-pho", "phuong"), "Tiến Thành, ngày", "91/2017"),
    Case("nd91_2017", "", True, "kh19-2023-cchc", ("thanh-pho", "phuong"), "Tiến Thành, ngày", "91/2017"),
    Case("nd98_2023", "nd98-2024", False, "kh21-2024-cchc", ("thanh-pho", "phuong"), "Bình Phước, ngày", "98/2023"),
    Case("nd152_2025", "nd152-2026", False, "kh12-2026-cchc", ("tinh", "phuong"), "Đồng Nai, ngày", "152/2025"),
    Case("nd152_2025", "nd152-2026", True, "kh12-2026-cchc", ("tinh", "phuong"), "Đồng Nai, ngày", "152/2025"),
]  # fmt: skip
IDS = [f"{c.profile}-{'chuyen-de' if c.thematic else 'cong-trang'}" for c in CASES]
DECREES = ("91/2017", "98/2023", "152/2025")


def _workspace(root: Path, variant: str, thematic: bool) -> Workspace:
    ws = copy_example(variant, root)
    if thematic:
        text = ws.campaign.read_text(encoding="utf-8")
        ws.campaign.write_text(text.replace("thematic = false", "thematic = true"), "utf-8")
    return ws


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


def _build(case: Case, root: Path) -> Path:
    _workspace(root, case.variant, case.thematic)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(root)])
    assert result.exit_code == 0, result.output
    return root / "output" / case.folder


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_each_profile_builds_its_own_forms_through_ho_so(case: Case, tmp_path: Path) -> None:
    folder = _build(case, tmp_path)
    forms = PROFILES[case.profile].forms
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    reports = [f for f in manifest["files"] if f["kind"] == "bao-cao"]
    used = {f["template"].removeprefix("templates_docx/") for f in reports}
    expected = {forms.thematic} if case.thematic else {forms.collective, forms.individual}
    assert used == expected
    assert {f["path"].split("/")[0] for f in manifest["files"]} == set(case.levels)
    for entry in reports:
        text = _text(folder / entry["path"])
        assert case.place in text, entry["path"]
    proposal = _text(folder / case.levels[0] / "to-trinh.docx")
    assert [d for d in DECREES if d in proposal] == [case.decree]
    decision = _text(folder / case.levels[-1] / "quyet-dinh-khen-thuong.docx")  # the ward's own
    assert f"Kèm theo Giấy khen là tiền thưởng theo quy định tại Nghị định số {case.decree}" in (
        decision.replace("\u2011", "-")
    )
    # the chairman's competence first (the law on local government of the dossier's day)
    assert decision.index("Căn cứ Luật Tổ chức chính quyền địa phương ngày ") < decision.index(
        "Căn cứ Luật Thi đua, khen thưởng"
    )
    problems = {f["path"]: check_docx(folder / f["path"]) for f in manifest["files"]}
    assert {p: [x.code for x in found] for p, found in problems.items() if found} == {}


def test_a_thematic_campaign_under_nd98_is_refused_clearly(tmp_path: Path) -> None:
    """ND 98's thematic form was not found: the build stops on the campaign key, never guesses."""
    _workspace(tmp_path, "nd98-2024", thematic=True)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == "Lỗi: Tệp chiến dịch campaign.toml có lỗi:"
    assert lines[1].startswith("  - khóa `campaign.thematic` (dòng ")
    assert "chưa có mẫu báo cáo thành tích theo chuyên đề" in lines[1]
    assert not (tmp_path / "output" / "kh21-2024-cchc").exists()


# Each profile's example is opened and printed by LibreOffice in tests/test_layout.py (its one
# conversion of every dossier, nd98-2024 and nd152-2026 included, checks the printed layout):
# converting the same documents again here only cost the suite time.


@pytest.mark.parametrize("variant", ["", "nd152-2026"], ids=["nd91_2017", "nd152_2025"])
def test_thematic_reports_keep_each_nominees_own_achievements(variant: str, tmp_path: Path) -> None:
    """The thematic form carries both kinds' keys; the other kind's blanks never hide a value."""
    case = next(c for c in CASES if c.variant == variant and c.thematic)
    folder = _build(case, tmp_path)
    collective = _text(
        folder / case.levels[0] / "bao-cao-thanh-tich-uy-ban-nhan-dan-phuong-tien-thanh.docx"
    )
    individual = _text(folder / case.levels[0] / "bao-cao-thanh-tich-nguyen-van-an.docx")
    assert "Tiếp nhận và giải quyết 4.126 hồ sơ thủ tục hành chính" in collective
    assert (
        "Trực tiếp chỉ đạo đưa 100 % thủ tục hành chính cấp xã lên Cổng dịch vụ công." in individual
    )
    assert "(Không có nội dung báo cáo.)" not in collective + individual


def test_ho_so_refuses_a_profile_not_in_force_and_names_the_right_one(tmp_path: Path) -> None:
    """Last year's campaign file left on nd91_2017 in 2026: the Quyết định would cite ND 152
    and pay the bonus under ND 91. Nothing is written; the way out is named."""
    ws = _workspace(tmp_path, "nd152-2026", thematic=False)
    text = ws.campaign.read_text(encoding="utf-8")
    ws.campaign.write_text(
        text.replace('legal_profile = "nd152_2025"', 'legal_profile = "nd91_2017"'), "utf-8"
    )
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(tmp_path)])
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert next(line for line in lines if line.startswith("Lỗi: ")) == (
        "Lỗi: Chưa lập hồ sơ: căn cứ pháp lý trong campaign.toml không đúng ngày lập hồ sơ — tờ "
        "trình, quyết định không được viện dẫn văn bản hết hiệu lực hay hai chế độ pháp lý khác "
        "nhau:"
    )
    period = next(line for line in lines if "khóa campaign.legal_profile" in line)
    assert "lập ngày 19/12/2026 (ngày cuối thời gian phong trào) nên theo bộ “nd152_2025”" in period
    assert 'ghi lý do vào khóa keep_legal_profile = "…"' in period
    assert sum("Nghị định số 152/2025/NĐ-CP" in line for line in lines) == 1  # its căn cứ
    assert not (tmp_path / "output" / "kh12-2026-cchc").exists()


def test_a_kept_profile_builds_on_its_own_regime_and_says_why(tmp_path: Path) -> None:
    """Kept with a reason, the old profile builds: its forms, its decree in the căn cứ and in
    the bonus line, and the reason among the warnings."""
    ws = _workspace(tmp_path, "", thematic=False)
    text = ws.campaign.read_text(encoding="utf-8")
    text = text.replace("deadline = 2023-12-20", "deadline = 2024-01-10")
    text = text.replace(
        "thematic = false", 'thematic = false\nkeep_legal_profile = "Hồ sơ trình trước 2024"'
    )
    ws.campaign.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "nhưng chiến dịch giữ bộ này vì: Hồ sơ trình trước 2024." in result.output
    decision = _text(
        tmp_path / "output" / "kh19-2023-cchc" / "phuong" / "quyet-dinh-khen-thuong.docx"
    )
    decision = decision.replace("\u2011", "-")
    assert [d for d in DECREES if d in decision] == ["91/2017"]
    assert "tiền thưởng theo quy định tại Nghị định số 91/2017/NĐ-CP" in decision
