"""Proof that nothing changed: every archived file re-hashed against the register."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from docgen.archive.register import stored_files
from docgen.archive.store import Store
from docgen.digest import sha256_file


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
                {"problem": f.problem.name.lower(), "message": str(f.problem), "stored": f.stored}
                for f in self.findings
            ],
        }


def verify_archive(store: Store) -> VerifyReport:
    """Re-hash every registered file; report missing, altered and unregistered files."""
    db, recovered = store.open()
    try:
        registered = stored_files(db)
    finally:
        db.close()
    findings = [_check(store, stored, digest) for stored, digest in sorted(registered.items())]
    present = set(store.files())
    extra = [Finding(Problem.UNREGISTERED, p) for p in sorted(present - set(registered))]
    found = [f for f in findings if f is not None] + extra
    return VerifyReport(len(registered), found, recovered, store.folder)


def _check(store: Store, stored: str, digest: str) -> Finding | None:
    path = store.path(stored)
    if not path.is_file():
        return Finding(Problem.MISSING, stored)
    return None if sha256_file(path) == digest else Finding(Problem.ALTERED, stored)
