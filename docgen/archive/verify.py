"""Proof that nothing changed: every archived file re-hashed against the register."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from docgen.archive.register import originals, stored_files
from docgen.archive.store import ALTERED, MISSING, OK, Store


class Problem(StrEnum):
    """What can be wrong with the archive tree."""

    MISSING = "mất tệp"
    ALTERED = "tệp bị thay đổi"
    UNREGISTERED = "tệp không có trong sổ đăng ký"


@dataclass(frozen=True)
class Finding:
    """One problem with one archived path (relative to the archive folder)."""

    problem: Problem
    stored: str
    original: str = ""  # the name of the file that was filed
    source_path: str = ""  # where it was read from, when the register kept it

    def remedy(self) -> str:
        """How to put the archived copy back (Vietnamese); "" for an unregistered file."""
        if self.problem is Problem.UNREGISTERED:
            return (
                "Tệp không do docgen lưu: chuyển nó ra khỏi luu-tru/, hoặc nộp lưu đúng cách "
                "bằng “docgen luu-tru <tệp>”."
            )
        named = self.source_path or self.original
        return (
            f'Cách sửa: nộp lại bản gốc đã ký “{self.original}”: docgen luu-tru "{named}" — '
            "docgen so mã SHA-256 với sổ, chép lại bản lưu (chỉ đọc) và ghi lần sửa vào sổ."
            + ("" if self.source_path else " (ghi đường dẫn tới tệp đó trên máy)")
        )


@dataclass(frozen=True)
class VerifyReport:
    """How many registered files were checked, what was wrong, what recovery finished."""

    checked: int
    findings: list[Finding]
    recovered: list[str] = field(default_factory=list)
    folder: Path = Path()

    def to_json(self) -> dict[str, object]:
        """The check as data."""
        return {
            "archive": str(self.folder),
            "checked": self.checked,
            "recovered": self.recovered,
            "findings": [
                {
                    "problem": f.problem.name.lower(),
                    "message": str(f.problem),
                    "stored": f.stored,
                    "remedy": f.remedy(),
                }
                for f in self.findings
            ],
        }


def verify_archive(store: Store) -> VerifyReport:
    """Re-hash every registered file; report missing, altered and unregistered files."""
    db, recovered = store.open()
    try:
        registered = stored_files(db)
        handed_in = originals(db)
    finally:
        db.close()
    findings = [
        _check(store, stored, digest, *handed_in[stored])
        for stored, digest in sorted(registered.items())
    ]
    present = set(store.files())
    extra = [Finding(Problem.UNREGISTERED, p) for p in sorted(present - set(registered))]
    found = [f for f in findings if f is not None] + extra
    return VerifyReport(len(registered), found, recovered, store.folder)


_PROBLEMS = {ALTERED: Problem.ALTERED, MISSING: Problem.MISSING}


def _check(store: Store, stored: str, digest: str, original: str, source: str) -> Finding | None:
    state = store.state(stored, digest)
    return None if state == OK else Finding(_PROBLEMS[state], stored, original, source)
