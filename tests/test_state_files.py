"""State files that never lie: each one damaged in many ways, through the commands that read it.

Every damage is reported in Vietnamese, naming the file (and the line, where a text file has
lines, or the sheet, row and column), with no traceback; the damaged file is kept beside
(`<name>.hong-…`) and the command that rebuilds the state says so. What a re-save changes
without changing the content (a UTF-8 byte order mark, CRLF line ends) reads as it is.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from docgen import lock
from docgen.campaign import Campaign
from docgen.cli import main
from docgen.digest import sha256
from docgen.output.journal import JOURNAL, Journal, Line
from docgen.output.state import OutputState
from docgen.workspace import Workspace
from tests.test_dossier_state import VOTES_2, set_votes

CAMPAIGN_ID = "kh19-2023-cchc"
MANIFEST = f"output/{CAMPAIGN_ID}/manifest.json"
JOURNAL_FILE = f"output/{CAMPAIGN_ID}/{JOURNAL}"
REGISTER = "luu-tru/so-dang-ky.sqlite"
MEETING = "input/hop-xet.xlsx"
LOCK = "output/.docgen-khoa"
HASH = "a" * 64


@pytest.fixture(scope="module")
def built(
    pristine_example: Path, campaign: Campaign, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The example built twice (votes changed: two reports retired, so the history has two
    entries), its archive register made: every state file exists."""
    root = tmp_path_factory.mktemp("dựng sẵn") / "Hồ sơ thi đua"
    shutil.copytree(pristine_example, root)
    assert _run(root, "ho-so").exit_code == 0
    set_votes(campaign, Workspace(root), VOTES_2, tmp_path_factory.mktemp("phiếu"))
    assert _run(root, "ho-so").exit_code == 0
    assert _run(root, "luu-tru", "--kiem-tra").exit_code == 0
    assert len(_history(root)) == 2
    return root


@pytest.fixture
def root(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built workspace that a test may damage."""
    copy = tmp_path / "Hồ sơ thi đua"
    shutil.copytree(built, copy)
    return copy


def _run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--thu-muc", str(root)])


def _history(root: Path) -> list[dict[str, object]]:
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    history: list[dict[str, object]] = data["history"]
    return history


# --- damages: each takes the file's bytes and returns the damaged bytes ----------------------


def appended(junk: bytes) -> Callable[[bytes], bytes]:
    return lambda data: data + junk


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def emptied(data: bytes) -> bytes:
    return b""


def utf16(data: bytes) -> bytes:
    return data.decode("utf-8").encode("utf-16")  # Excel's and Notepad's "Unicode"


def cp1258(data: bytes) -> bytes:
    return data.decode("utf-8").encode(
        "cp1258", errors="replace"
    )  # some letters become "?"  # the old Vietnamese page


def notepad(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")  # BOM and CRLF, content intact


def replaced(old: str, new: str) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert old in text
        return text.replace(old, new, 1).encode("utf-8")

    return damage


def older_manifest(data: bytes) -> bytes:
    """The manifest as the first docgen wrote it: indented, no history, fewer fields."""
    manifest = json.loads(data)
    keep = ("path", "sha256", "kind", "template", "level", "sources")
    files = [{k: v for k, v in f.items() if k in keep} for f in manifest["files"]]
    old = {k: manifest[k] for k in ("campaign", "campaign_sha256")} | {"files": files}
    return (json.dumps(old, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _journal_line(**fields: object) -> str:
    return json.dumps({"op": "write", "path": "phuong/bien-ban.docx", "sha256": HASH, **fields})


def journal(*lines: str, end: str = "\n") -> Callable[[bytes], bytes]:
    return lambda _data: (end.join(lines) + end).encode("utf-8")


def cp1258_line(good: str) -> bytes:
    """A good line, a line typed in the old Vietnamese code page, a good line."""
    return f"{good}\n".encode() + "đưa vào\n".encode("cp1258") + f"{good}\n".encode()


def sqlite_edit(statement: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        db = sqlite3.connect(path)
        try:
            db.execute(statement)
            db.commit()
        finally:
            db.close()

    return damage


def pages_overwritten(data: bytes) -> bytes:
    return data[:4096] + b"x" * 4096 + data[8192:]


def numbers_sheet(row: int, values: dict[int, object]) -> Callable[[Path], None]:
    """The văn thư's sheet edited by hand: `values` by column on `row`."""

    def damage(path: Path) -> None:
        wb = openpyxl.load_workbook(path)
        for column, value in values.items():
            wb["Số văn bản"].cell(row=row, column=column).value = value
        wb.save(path)

    return damage


def folder_instead(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "tep-la.txt").write_text("x", encoding="utf-8")


# --- the table -----------------------------------------------------------------------------


class Kept(Enum):
    """Where the damaged file is afterwards."""

    MOVED = "moved aside: the command that rebuilds the state runs again"
    COPIED = "copied beside: the original stays where it is, untouched"
    NONE = "no copy: read as it is, or the clerk's own file (never modified)"


@dataclass(frozen=True)
class Case:
    """One state file, one damage, the command that meets it and what it must do."""

    file: str  # relative to the workspace
    damage: Callable[[bytes], bytes] | Callable[[Path], None]  # of the bytes, or in place
    command: tuple[str, ...]
    exit_code: int
    says: tuple[str, ...] = ()  # fragments of the message, besides the file's name
    kept: Kept = Kept.MOVED
    on_path: bool = False  # `damage` edits the file in place instead of mapping its bytes


HO_SO = ("ho-so",)
CHECK = ("luu-tru", "--kiem-tra")
REBUILD = "Chạy lại “docgen ho-so”"
RESTORE = "Hãy chép bản sao lưu gần nhất của sổ"
NUMBER_CELL = "hop-xet.xlsx › Số văn bản › dòng {} › cột {}"

CASES = {
    # the manifest: ho-so, and the archive that reads it through the same door
    "manifest-garbage-appended": Case(MANIFEST, appended(b"garbage\n"), HO_SO, 2, ("ở dòng 25", "nội dung lạ", REBUILD)),
    "manifest-truncated": Case(MANIFEST, truncated, HO_SO, 2, ("cắt cụt", REBUILD)),
    "manifest-empty": Case(MANIFEST, emptied, HO_SO, 2, ("tệp rỗng", REBUILD)),
    "manifest-utf16": Case(MANIFEST, utf16, HO_SO, 2, ("ở dòng 1", "UTF-16", REBUILD)),
    "manifest-cp1258": Case(MANIFEST, cp1258, HO_SO, 2, ("không phải chữ UTF-8", REBUILD)),
    "manifest-hash-edited": Case(MANIFEST, replaced('"sha256": "', '"sha256": "x'), HO_SO, 2, ("ở dòng 5", "không phải SHA-256")),
    "manifest-field-removed": Case(MANIFEST, replaced('"kind": ', '"loai": '), HO_SO, 2, ("ở dòng 5", "thiếu trường “kind”")),
    "manifest-no-files": Case(MANIFEST, replaced('"files": [', '"tep": ['), HO_SO, 2, ("ở dòng 1", "mục “files”")),
    "manifest-history-edited": Case(MANIFEST, replaced('"edited": false', '"edited": "không"'), HO_SO, 2, ("trường “edited”",)),
    "manifest-notepad-bom-crlf": Case(MANIFEST, notepad, HO_SO, 0, kept=Kept.NONE),
    "manifest-older-docgen": Case(MANIFEST, older_manifest, HO_SO, 0, kept=Kept.NONE),
    "manifest-read-by-archive": Case(MANIFEST, truncated, ("luu-tru", "{root}/input"), 2, ("cắt cụt", REBUILD)),
    # the build journal a stopped run leaves
    "journal-garbage-line": Case(JOURNAL_FILE, journal(_journal_line(), "garbage", _journal_line()), HO_SO, 2, ("ở dòng 2", "không phải JSON", REBUILD, "--ghi-de")),
    "journal-unknown-step": Case(JOURNAL_FILE, journal(_journal_line(op="xoa")), HO_SO, 2, ("ở dòng 1", "write/retire")),
    "journal-wrong-type": Case(JOURNAL_FILE, journal(_journal_line(edited="có"), _journal_line()), HO_SO, 2, ("ở dòng 1", "trường “edited”")),
    "journal-utf16": Case(JOURNAL_FILE, lambda _: utf16(journal(_journal_line())(b"")), HO_SO, 2, ("UTF-16",)),
    "journal-cp1258": Case(JOURNAL_FILE, lambda _: cp1258_line(_journal_line()), HO_SO, 2, ("ở dòng 2", "không phải chữ UTF-8")),
    "journal-torn-last-line": Case(JOURNAL_FILE, lambda _: (_journal_line() + "\n" + _journal_line()[:20]).encode(), HO_SO, 0, kept=Kept.NONE),
    "journal-notepad-bom-crlf": Case(JOURNAL_FILE, lambda _: notepad(journal(_journal_line())(b"")), HO_SO, 0, kept=Kept.NONE),
    # the archive register (SQLite): never moved, never replaced by a new one
    "register-not-sqlite": Case(REGISTER, lambda _: "Sổ đăng ký\n".encode(), CHECK, 2, ("không phải cơ sở dữ liệu SQLite", RESTORE), Kept.COPIED),
    "register-empty": Case(REGISTER, emptied, CHECK, 2, ("tệp rỗng", RESTORE), Kept.COPIED),
    "register-truncated": Case(REGISTER, lambda data: data[:8192], CHECK, 2, ("SQLite báo", RESTORE), Kept.COPIED),
    "register-pages-overwritten": Case(REGISTER, pages_overwritten, CHECK, 2, ("SQLite báo", RESTORE), Kept.COPIED),
    "register-table-dropped": Case(REGISTER, sqlite_edit("DROP TABLE filings"), CHECK, 2, ("thiếu bảng “filings”", RESTORE), Kept.COPIED, on_path=True),
    "register-column-dropped": Case(REGISTER, sqlite_edit("ALTER TABLE documents DROP COLUMN signer"), CHECK, 2, ("bảng “documents” thiếu cột “signer”",), Kept.COPIED, on_path=True),
    "register-newer-docgen": Case(REGISTER, sqlite_edit("PRAGMA user_version = 9"), CHECK, 2, ("mới hơn phiên bản docgen này", "không ghi gì vào sổ"), Kept.NONE, on_path=True),
    # the văn thư's number sheet: the clerk's own file, reported at the cell, never modified
    "numbers-key-cleared": Case(MEETING, numbers_sheet(5, {3: "05", 5: None}), HO_SO, 1, (NUMBER_CELL.format(5, "C"), "ghi ở dòng không thuộc văn bản nào", "cột ẩn E"), Kept.NONE, on_path=True),
    "numbers-row-copied": Case(MEETING, numbers_sheet(7, {3: "06", 5: "bien-ban"}), HO_SO, 1, (NUMBER_CELL.format(7, "C"), "đã có dòng 5"), Kept.NONE, on_path=True),
    "numbers-word-for-number": Case(MEETING, numbers_sheet(5, {3: "năm"}), HO_SO, 1, (NUMBER_CELL.format(5, "C"), "chỉ ghi chữ số"), Kept.NONE, on_path=True),
    "numbers-impossible-date": Case(MEETING, numbers_sheet(6, {3: "12", 4: "31/02/2024"}), HO_SO, 1, (NUMBER_CELL.format(6, "D"), "ngày/tháng/năm"), Kept.NONE, on_path=True),
    "numbers-other-symbol": Case(MEETING, numbers_sheet(6, {3: "12/QĐ-UBND"}), HO_SO, 1, (NUMBER_CELL.format(6, "C"), "TTr-UBND"), Kept.NONE, on_path=True),
    "numbers-workbook-truncated": Case(MEETING, truncated, HO_SO, 1, ("hop-xet.xlsx: Tệp Excel bị hỏng",), Kept.NONE),
    # the lock: only who holds it, replaced by the next holder; a folder in its place is moved
    "lock-garbage": Case(LOCK, lambda _: b"\x00garbage{", HO_SO, 0, kept=Kept.NONE),
    "lock-utf16": Case(LOCK, utf16, HO_SO, 0, kept=Kept.NONE),
    "lock-empty": Case(LOCK, emptied, HO_SO, 0, kept=Kept.NONE),
    "lock-stale-from-killed-run": Case(LOCK, lambda _: b'{"command": "ho-so", "pid": 999999}', HO_SO, 0, kept=Kept.NONE),
    "lock-folder-instead": Case(LOCK, folder_instead, HO_SO, 2, ("thư mục", "chạy lại lệnh"), on_path=True),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_a_damaged_state_file_is_reported_by_name_and_kept(root: Path, case: Case) -> None:
    path = root / case.file
    if not path.exists():  # the journal: only a stopped run leaves one
        path.write_bytes(b"")
    if case.on_path:
        case.damage(path)  # type: ignore[arg-type]
    else:
        path.write_bytes(case.damage(path.read_bytes()))  # type: ignore[arg-type]
    damaged = path.read_bytes() if path.is_file() else None

    result = _run(root, *(arg.format(root=root) for arg in case.command))

    assert result.exit_code == case.exit_code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for fragment in case.says:
        assert fragment in result.output, result.output
    kept = sorted(path.parent.glob(f"{path.name}.hong-*"))
    if case.kept is Kept.MOVED:
        assert str(path) in result.output
        assert len(kept) == 1 and f"{kept[0].name} (cùng thư mục)" in result.output
        if damaged is not None:
            assert kept[0].read_bytes() == damaged  # nothing lost
        assert not path.exists() or case.exit_code == 0
    elif case.kept is Kept.COPIED:
        assert str(path) in result.output
        assert len(kept) == 1 and f"{kept[0].name} (cùng thư mục)" in result.output
        assert kept[0].read_bytes() == path.read_bytes() == damaged  # untouched, copied
    else:
        assert kept == []
        if case.file == MEETING:
            assert path.read_bytes() == damaged  # the clerk's file is never modified


def test_after_a_damaged_manifest_the_rerun_rebuilds_it_with_its_history(root: Path) -> None:
    manifest = root / MANIFEST
    manifest.write_bytes(manifest.read_bytes() + b"garbage\n")
    assert _run(root, "ho-so").exit_code == 2

    rerun = _run(root, "ho-so")

    assert rerun.exit_code == 0, rerun.output
    assert "giữ nguyên vì sửa tay 0" in rerun.output  # every document recognised by its hash
    moved = {h["moved_to"] for h in _history(root)}
    assert len(moved) == 2 and all(str(m).startswith("da-thay-the/") for m in moved)
    assert [p.name for p in manifest.parent.glob("manifest.json.hong-*")]  # still kept


@pytest.mark.parametrize(
    "damage",
    [notepad, older_manifest],
    ids=["notepad-bom-crlf", "older-docgen"],
)
def test_a_manifest_resaved_or_from_an_older_docgen_keeps_its_records(
    root: Path, damage: Callable[[bytes], bytes]
) -> None:
    manifest = root / MANIFEST
    files = json.loads(manifest.read_bytes())["files"]
    manifest.write_bytes(damage(manifest.read_bytes()))

    result = _run(root, "ho-so")

    assert result.exit_code == 0, result.output
    assert f"không đổi {len(files)}" in result.output
    assert "giữ nguyên vì sửa tay 0" in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="holds the lock with flock")
def test_a_busy_workspace_with_an_unreadable_note_still_says_who_to_wait_for(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    path = root / LOCK
    path.write_bytes("ghi dở\x00".encode("utf-16"))
    with open(path, "rb") as holder:  # another open file: flock conflicts even in one process
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        result = _run(root, "ho-so")
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Lỗi: Thư mục làm việc {root / 'output'} đang được một lệnh docgen khác ghi (không đọc "
        "được ai đang giữ khóa: tệp .docgen-khoa không ghi rõ); đã chờ 0 giây. Hãy chờ lệnh đó "
        "chạy xong rồi chạy lại (hai lệnh cùng ghi một lúc có thể làm lẫn kết quả).\n"
    )


def test_a_rebuilt_history_and_a_stopped_runs_journal_name_each_move_once(tmp_path: Path) -> None:
    moved_to = "da-thay-the/2026-12-06_09-00-00/phuong/bao-cao.docx"
    (tmp_path / moved_to).parent.mkdir(parents=True)
    (tmp_path / moved_to).write_bytes(b"report")
    older = "da-thay-the/2026-12-01_08-00-00/phuong/to-trinh.docx"
    (tmp_path / older).parent.mkdir(parents=True)
    (tmp_path / older).write_bytes(b"proposal")
    line = Line("retire", "phuong/bao-cao.docx", sha256(b"report"), moved_to, "Không đạt")
    Journal(tmp_path).append([line])  # the run after the manifest was set aside, stopped

    state = OutputState(tmp_path, CAMPAIGN_ID, "2026-12-06_10-00-00")

    assert [h.moved_to for h in state.manifest.history] == [older]  # rebuilt from the disk
    assert [(r.moved_to, r.reason) for r in state.retired] == [(moved_to, "Không đạt")]
