"""The output folder equals the decision, and docgen knows its own files after any stop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.dossier.run import build_dossiers
from docgen.meeting.consolidate import write_consolidated
from docgen.meeting.model import nominee_key
from docgen.output.manifest import WriteOutcome
from docgen.text import person_key
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tests.conftest import ROOT
from tests.test_templates import plain
from tools.example.data import MEETING, VOTES
from tools.fill.meeting import fill_meeting

# Trần Thị Bích Ngọc falls below the threshold (her report must leave the city dossier);
# in the ward Lý Thị Mai drops and Hoàng Văn Hòa passes.
VOTES_2 = {**VOTES, "Trần Thị Bích Ngọc": 4, "Vũ Đức Thắng": 7, "Hoàng Văn Hòa": 6, "Lý Thị Mai": 4}
# Then the council's count changes again: every document that prints votes changes too.
VOTES_3 = {**VOTES_2, "Nguyễn Văn An": 6, "Vũ Đức Thắng": 8, "Phạm Minh Tâm": 8}


@pytest.fixture
def workspace(example_workspace: Path) -> Workspace:
    return Workspace(example_workspace)


def set_votes(
    campaign: Campaign,
    ws: Workspace,
    votes: Mapping[str, object],
    tmp: Path,
    runoffs: Mapping[str, object] | None = None,
    numbers: Mapping[str, tuple[object, object]] | None = None,
) -> None:
    """Fill a fresh meeting list as input/hop-xet.xlsx: votes and run-offs by name, numbers."""
    report = validate_folder(campaign, ws.submissions)
    blank = write_consolidated(campaign, report, tmp / "tong-hop.xlsx")

    def keyed(by: Mapping[str, object]) -> dict[str, object]:
        names = {person_key(name): v for name, v in by.items()}
        return {
            nominee_key(n): names[person_key(n.name)]
            for n in report.eligible()
            if person_key(n.name) in names
        }

    fill_meeting(blank, ws.meeting, MEETING, keyed(votes), None, keyed(runoffs or {}), numbers)


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return plain("\n".join(parts))  # no-break spaces and hyphens read as plain ones


def _level_files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for level in ("thanh-pho", "phuong")
        for p in (folder / level).glob("*")
    }


def test_changed_votes_move_the_stale_report_aside(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    first = build_dossiers(campaign, workspace)
    stale = first.folder / "thanh-pho" / "bao-cao-thanh-tich-tran-thi-bich-ngoc.docx"
    edited = first.folder / "phuong" / "bao-cao-thanh-tich-ly-thi-mai.docx"
    edited.write_bytes(edited.read_bytes() + b"sua tay")  # hand-edited, then voted out
    set_votes(campaign, workspace, VOTES_2, tmp_path)

    second = build_dossiers(campaign, workspace)

    assert not stale.exists() and not edited.exists()
    moved = {r.path: r for r in second.retired}
    assert sorted(moved) == [
        "phuong/bao-cao-thanh-tich-ly-thi-mai.docx",
        "thanh-pho/bao-cao-thanh-tich-tran-thi-bich-ngoc.docx",
    ]
    assert moved["phuong/bao-cao-thanh-tich-ly-thi-mai.docx"].edited
    aside = second.folder / moved["phuong/bao-cao-thanh-tich-ly-thi-mai.docx"].moved_to
    assert aside.read_bytes().endswith(b"sua tay")  # never deleted
    assert aside.parent.parent.parent.name == "da-thay-the"
    manifest = json.loads((second.folder / "manifest.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in manifest["files"]} == _level_files(second.folder)
    history = {h["path"]: h for h in manifest["history"]}
    assert "Không đạt tỷ lệ phiếu" in history[stale.relative_to(second.folder).as_posix()]["reason"]
    summary = (second.folder / "tom-tat.txt").read_text(encoding="utf-8")
    assert "VĂN BẢN KHÔNG CÒN TRONG HỒ SƠ" in summary
    assert (
        "  - phuong/bao-cao-thanh-tich-ly-thi-mai.docx (bản đã sửa tay) → "
        f"{moved['phuong/bao-cao-thanh-tich-ly-thi-mai.docx'].moved_to}" in summary
    )
    assert "Báo cáo thành tích — Trần Thị Bích Ngọc: không còn được đề nghị" in summary


def test_cli_reports_what_was_moved_aside(
    campaign: Campaign, workspace: Workspace, tmp_path: Path
) -> None:
    build_dossiers(campaign, workspace)
    set_votes(campaign, workspace, VOTES_2, tmp_path)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])
    assert result.exit_code == 0, result.output
    assert "VĂN BẢN KHÔNG CÒN TRONG HỒ SƠ (đã chuyển sang thư mục da-thay-the/, không xóa):" in (
        result.output
    )
    assert "chuyển sang da-thay-the 2" in result.output


_KILLER = """
import os, signal, sys
point, when, root = int(sys.argv[1]), sys.argv[2], sys.argv[3]
calls = [0]
real = os.replace
def replace(src, dst):
    calls[0] += 1
    if calls[0] == point and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
    if calls[0] == point and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from docgen.cli import main
main(["ho-so", "--thu-muc", root])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize(
    ("point", "when"),
    [(1, "before"), (1, "after"), (3, "after"), (5, "before"), (6, "after"), (8, "after")],
    ids=["first-rename-before", "first-rename", "third", "fifth-before", "sixth", "eighth"],
)
def test_run_killed_anywhere_leaves_nothing_that_looks_hand_edited(
    campaign: Campaign, workspace: Workspace, tmp_path: Path, point: int, when: str
) -> None:
    build_dossiers(campaign, workspace)
    set_votes(campaign, workspace, VOTES_2, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run(
        [sys.executable, "-c", _KILLER, str(point), when, str(workspace.root)],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert killed.returncode == -9, killed.stderr.decode()
    set_votes(campaign, workspace, VOTES_3, tmp_path)

    final = build_dossiers(campaign, workspace)

    fates = dict(final.files)
    assert {
        p for p, o in fates.items() if o not in (WriteOutcome.WRITTEN, WriteOutcome.UNCHANGED)
    } == set()
    assert not [p for p in final.folder.rglob("*.tmp")]
    assert not (final.folder / ".docgen-nhat-ky.jsonl").exists()
    assert not any(r.edited for r in final.retired)
    minutes = _docx_text(final.folder / "thanh-pho" / "bien-ban.docx")
    assert "Vũ Đức Thắng" in minutes and "08/09" in minutes  # the last count, not a stale one
    manifest = json.loads((final.folder / "manifest.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in manifest["files"]} == _level_files(final.folder)


def test_interrupted_run_in_process_leaves_no_temp_file(
    campaign: Campaign, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C while the dossiers are being written: nothing half-done stays behind."""
    build_dossiers(campaign, workspace)
    set_votes(campaign, workspace, VOTES_2, tmp_path)
    from docgen.output import state

    real = state.OutputState._flush

    def interrupted(self: state.OutputState) -> None:
        if self._pending:
            raise KeyboardInterrupt
        real(self)

    monkeypatch.setattr(state.OutputState, "_flush", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_dossiers(campaign, workspace)
    monkeypatch.undo()
    assert not list((workspace.root / "output").rglob("*.tmp"))
    again = build_dossiers(campaign, workspace)
    assert {o for _, o in again.files} <= {WriteOutcome.WRITTEN, WriteOutcome.UNCHANGED}


def test_leftover_temp_files_are_removed_and_reported(
    campaign: Campaign, workspace: Workspace
) -> None:
    first = build_dossiers(campaign, workspace)
    leftover = first.folder / "thanh-pho" / ".to-trinh.docx.ab12cd_3.tmp"
    leftover.write_bytes(b"half")
    not_ours = first.folder / "thanh-pho" / "ghi-chu.tmp"
    not_ours.write_bytes(b"clerk's")
    again = build_dossiers(campaign, workspace)
    assert again.cleaned == ["thanh-pho/.to-trinh.docx.ab12cd_3.tmp"]
    assert not leftover.exists() and not_ours.exists()
    summary = (again.folder / "tom-tat.txt").read_text(encoding="utf-8")
    assert "Đã xóa 1 tệp tạm do lần chạy trước bị ngắt giữa chừng để lại:" in summary
