"""The archive tree on disk: where a filed file goes, and how it gets there without a gap.

A file is first written beside its final place under a staging name, read-only; the register
row is committed; then the staging file is renamed into place. Whatever moment a run is
killed at, `recover` brings the tree back to what the register says: a staged file whose row
was committed is moved into place, one whose row never was is removed. Files in the tree are
never modified in place.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from docgen.archive.register import FiledCopy, filed_copies, filing_notes, stored_files
from docgen.archive.schema import open_register
from docgen.digest import sha256_file

T = TypeVar("T")

ARCHIVE = "luu-tru"
REGISTER = "so-dang-ky.sqlite"
STAGING = ".dang-luu"  # suffix of a file being filed
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
OK, ALTERED, MISSING = "ok", "altered", "missing"  # an archived copy against its register row


@dataclass(frozen=True)
class Store:
    """The archive folder of a workspace and its register beside the files."""

    folder: Path

    @classmethod
    def of(cls, root: Path) -> Store:
        """The archive of the workspace at `root`."""
        return cls(root / ARCHIVE)

    @property
    def register_file(self) -> Path:
        """The SQLite register."""
        return self.folder / REGISTER

    def open(self) -> tuple[sqlite3.Connection, list[str]]:
        """The register, and what recovery did to the tree (relative paths)."""
        db = open_register(self.register_file)
        return db, recover(self, stored_files(db))

    def notes(self, campaign: str) -> dict[str, list[str]]:
        """The campaign's archived files that were filed with notes (a match by name only,
        another signer) → the notes."""
        return self._read(filing_notes, campaign) if self.register_file.is_file() else {}

    def filed_copies(self, campaign: str) -> list[FiledCopy]:
        """The campaign's documents with a signed copy filed, and the register's facts."""
        return self._read(filed_copies, campaign) if self.register_file.is_file() else []

    def _read(self, query: Callable[[sqlite3.Connection, str], T], campaign: str) -> T:
        """One read of an existing register (no recovery: reading changes nothing)."""
        with closing(open_register(self.register_file)) as db:
            return query(db, campaign)

    def path(self, stored: str) -> Path:
        """The absolute path of a stored (relative, forward-slash) name."""
        return self.folder.joinpath(*PurePosixPath(stored).parts)

    def free_name(self, folder: str, stem: str, suffix: str, taken: set[str]) -> str:
        """`folder/stem.suffix`, or `stem-2.suffix`… when that name is in use."""
        for n in range(1, 10_000):
            name = f"{folder}/{stem}{suffix}" if n == 1 else f"{folder}/{stem}-{n}{suffix}"
            if name not in taken and not self.path(name).exists():
                return name
        raise OSError(f"too many versions of {stem}{suffix} in {folder}")

    def stage(self, stored: str, data: bytes) -> Path:
        """Write `data` read-only under the staging name of `stored`; the staging path."""
        target = self.path(stored)
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(target.name + STAGING)
        staged.unlink(missing_ok=True)
        with open(staged, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(staged, READ_ONLY)
        return staged

    def place(self, staged: Path) -> None:
        """Move a staged file to its final name (after its register row was committed).

        A file already there (an altered copy being repaired) is made writable first:
        Windows refuses to replace a read-only file.
        """
        final = staged.with_name(staged.name[: -len(STAGING)])
        if final.exists():
            os.chmod(final, stat.S_IWUSR | READ_ONLY)
        os.replace(staged, final)
        _sync_folder(staged.parent)

    def state(self, stored: str, digest: str) -> str:
        """The archived copy of `stored` against the hash it was filed with: "ok", "altered"
        or "missing"."""
        path = self.path(stored)
        if not path.is_file():
            return MISSING
        return OK if sha256_file(path) == digest else ALTERED

    def files(self) -> list[str]:
        """Every file in the tree (relative), the register and staged files left out."""
        found = []
        for path in self.folder.rglob("*"):
            if path.is_file() and not _internal(path):
                found.append(path.relative_to(self.folder).as_posix())
        return sorted(found)


def recover(store: Store, registered: dict[str, str]) -> list[str]:
    """Finish or undo filings (and repairs) a killed run left staged; the paths touched."""
    touched: list[str] = []
    if not store.folder.is_dir():
        return touched
    for staged in sorted(store.folder.rglob(f"*{STAGING}")):
        final = staged.relative_to(store.folder).as_posix()[: -len(STAGING)]
        if final in registered and (
            not store.path(final).exists()
            or store.state(final, registered[final]) != OK
            and sha256_file(staged) == registered[final]  # a repair stopped before its rename
        ):
            store.place(staged)
        else:
            os.chmod(staged, stat.S_IWUSR | READ_ONLY)  # Windows refuses to delete read-only
            staged.unlink()
        touched.append(final)
    return touched


def _internal(path: Path) -> bool:
    """The register and its staged files: part of the store, not archived documents."""
    return path.name.startswith(REGISTER) or path.name.endswith(STAGING)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
