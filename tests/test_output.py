"""Output safety: ASCII names from hostile text, atomic writes, hand-edited files kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docgen.digest import sha256
from docgen.output.files import with_copies, write_atomic, write_beside
from docgen.output.manifest import Manifest, ManifestEntry, Retired, WriteOutcome, read_manifest
from docgen.output.names import MAX_STEM, NameBook, safe_stem
from docgen.output.state import OutputState
from docgen.statefile import StateFileDamaged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn An", "bao-cao-nguyen-van-an"),
        ("../../etc/passwd", "bao-cao-etc-passwd"),
        ("CON", "bao-cao-con-1"),
        ("ấ ề ỗ", "bao-cao-a-e-o"),
        ("́̀̃", "bao-cao-khong-ten"),  # only combining diacritics
        ("C:\\Windows\\win.ini", "bao-cao-c-windows-win-ini"),
        ("", "bao-cao-khong-ten"),
    ],
    ids=["vietnamese", "traversal", "reserved", "diacritics", "only-marks", "backslashes", "empty"],
)
def test_safe_stem(text: str, expected: str) -> None:
    assert safe_stem("bao-cao", text) == expected


def test_long_names_are_bounded() -> None:
    stem = safe_stem("bao-cao-thanh-tich", "Nguyễn " * 60)
    assert len(stem) <= MAX_STEM
    assert stem.startswith("bao-cao-thanh-tich-nguyen-nguyen")
    assert not stem.endswith("-")


def test_names_are_unique() -> None:
    book = NameBook()
    assert [book.claim("an", ".docx") for _ in range(3)] == ["an.docx", "an-2.docx", "an-3.docx"]


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.docx"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["b.docx"]


def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.docx"
    target.write_bytes(b"old")

    def boom(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("docgen.output.files.os.replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["b.docx"]


def _entry(data: bytes) -> ManifestEntry:
    return ManifestEntry("x.docx", sha256(data), "bao-cao", "t.docx")


@pytest.mark.parametrize(
    ("existing", "previous", "force", "outcome", "content_after"),
    [
        (None, None, False, WriteOutcome.WRITTEN, b"new"),
        (b"new", _entry(b"new"), False, WriteOutcome.UNCHANGED, b"new"),
        (b"gen", _entry(b"gen"), False, WriteOutcome.WRITTEN, b"new"),
        (b"edited", _entry(b"gen"), False, WriteOutcome.KEPT_EDITED, b"edited"),
        (b"stranger", None, False, WriteOutcome.KEPT_UNKNOWN, b"stranger"),
        (b"edited", _entry(b"gen"), True, WriteOutcome.FORCED, b"new"),
    ],
    ids=[
        "fresh",
        "same-bytes",
        "untouched-regenerated",
        "hand-edited-kept",
        "unknown-kept",
        "forced",
    ],
)
def test_rerun_never_destroys_work(
    tmp_path: Path,
    existing: bytes | None,
    previous: ManifestEntry | None,
    force: bool,
    outcome: WriteOutcome,
    content_after: bytes,
) -> None:
    target = tmp_path / "x.docx"
    if existing is not None:
        target.write_bytes(existing)
    if previous is not None:
        Manifest("kh19", entries={previous.path: previous}).save(tmp_path)
    state = OutputState(tmp_path, "kh19", "2023-12-05_10-00-00")
    assert state.place(_entry(b"new"), b"new", force) is outcome
    state.commit("")
    assert target.read_bytes() == content_after
    moved = tmp_path / "da-thay-the" / "2023-12-05_10-00-00" / "x.docx"
    assert (moved.read_bytes() if moved.exists() else None) == (
        existing if outcome is WriteOutcome.FORCED else None
    )
    assert not list(tmp_path.glob(".*.tmp")) and not (tmp_path / ".docgen-nhat-ky.jsonl").exists()


def test_manifest_round_trip_and_stable_bytes(tmp_path: Path) -> None:
    manifest = Manifest(
        "kh19",
        "abc",
        {
            "b.docx": _entry(b"1"),
            "a.docx": ManifestEntry(
                "a.docx",
                sha256(b"a"),
                "to-trinh",
                "t",
                "thanh-pho",
                ({"file": "x.xlsx", "sheet": "Cá nhân", "row": 3},),
            ),
        },
    )
    manifest.save(tmp_path)
    first = (tmp_path / "manifest.json").read_bytes()
    again = read_manifest(tmp_path)
    assert again is not None
    again.save(tmp_path)
    assert (tmp_path / "manifest.json").read_bytes() == first
    assert again.entries["a.docx"].sources[0]["sheet"] == "Cá nhân"


@pytest.mark.parametrize("retired", [0, 2], ids=["no-history", "history"])
def test_manifest_is_the_json_of_its_records_one_line_each(tmp_path: Path, retired: int) -> None:
    entries = {f"{n}.docx": _entry(str(n).encode()) for n in range(3)}
    history = [
        Retired(
            f"old-{n}.docx", "e", "bao-cao", "phuong", "Báo cáo “A”", f"da-thay-the/x/{n}", "Lý do"
        )
        for n in range(retired)
    ]
    manifest = Manifest("kh19", "abc", {p: entries[p] for p in reversed(entries)}, history)
    manifest.save(tmp_path)
    text = (tmp_path / "manifest.json").read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(json.dumps(manifest.to_json()))
    lines = text.splitlines()
    assert [line.strip().rstrip(",") for line in lines if '"path"' in line] == [
        json.dumps(record, ensure_ascii=False, sort_keys=True)
        for record in [*manifest.to_json()["files"], *manifest.to_json()["history"]]
    ]


def test_damaged_manifest_is_set_aside_and_reported_never_read_as_empty(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StateFileDamaged) as caught:
        read_manifest(tmp_path)
    assert caught.value.line == 1
    assert not (tmp_path / "manifest.json").exists()
    assert caught.value.kept.read_text(encoding="utf-8") == "{not json"
    assert read_manifest(tmp_path) is None  # the next run rebuilds it


def test_with_copies_finds_the_copies_write_beside_made(tmp_path: Path) -> None:
    sheet = tmp_path / "giay-khen.docx"
    assert with_copies(sheet) == []
    made = [write_beside(sheet, data)[0] for data in (b"1", b"2", b"3", b"2")]
    (tmp_path / "giay-khen-tren-phoi.docx").write_bytes(b"another file")
    assert made == [sheet, tmp_path / "giay-khen-2.docx", tmp_path / "giay-khen-3.docx", made[1]]
    assert with_copies(sheet) == made[:3]
