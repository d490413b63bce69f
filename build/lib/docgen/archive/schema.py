"""The archive register's schema: versioned migrations, applied in order when it is opened.

The register is an embedded SQLite database beside the archive tree, opened in WAL mode with
foreign keys on. Each migration runs in its own transaction together with the version bump,
so a register is always at one version or the next, never in between.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from docgen.errors import DocgenError

# (version, statements). Never edit a released migration: add the next one.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            campaign TEXT NOT NULL,
            level TEXT NOT NULL,
            path TEXT NOT NULL,              -- the manifest's path: <level>/<file>.docx
            kind TEXT NOT NULL,              -- to-trinh, danh-sach, bien-ban, bao-cao
            number TEXT NOT NULL DEFAULT '', -- số, ký hiệu: 12/TTr-UBND
            issued TEXT NOT NULL DEFAULT '', -- ngày văn bản, ISO date
            title TEXT NOT NULL,             -- tên loại và trích yếu
            signer TEXT NOT NULL DEFAULT '',
            recipients TEXT NOT NULL DEFAULT '', -- nơi nhận, one per line
            generated_sha256 TEXT NOT NULL,
            UNIQUE (campaign, path)
        );
        CREATE TABLE filings (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            form TEXT NOT NULL
                CHECK (form IN ('signed-pdf', 'signed-docx', 'scan-pdf', 'pdf', 'docx')),
            stored TEXT NOT NULL UNIQUE,     -- relative to the archive folder, forward slashes
            original_name TEXT NOT NULL,
            signature TEXT NOT NULL DEFAULT '',   -- integrity verdict, in Vietnamese
            signer_name TEXT NOT NULL DEFAULT '',
            signed_at TEXT NOT NULL DEFAULT '',
            trust TEXT NOT NULL DEFAULT '',
            filed_by TEXT NOT NULL,
            filed_at TEXT NOT NULL,
            replaces INTEGER UNIQUE REFERENCES filings (id)
        );
        CREATE INDEX filings_document ON filings (document_id);
        CREATE INDEX filings_sha256 ON filings (sha256);
        """,
    ),
)
LATEST = MIGRATIONS[-1][0]


class RegisterError(DocgenError):
    """The register cannot be opened or is newer than this docgen."""

    def __init__(self, message: str) -> None:
        super().__init__("REGISTER_INVALID", message)


def open_register(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the register at `path`, migrated to the latest version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        migrate(db, path)
    except sqlite3.DatabaseError as exc:
        raise RegisterError(
            f"Sổ đăng ký lưu trữ {path} bị hỏng hoặc không đọc được: {exc}."
        ) from exc
    return db


def version(db: sqlite3.Connection) -> int:
    """The schema version the register is at (0: empty)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply every migration above the register's version, each in one transaction."""
    current = version(db)
    if current > LATEST:
        raise RegisterError(
            f"Sổ đăng ký lưu trữ {path} ở phiên bản {current}, mới hơn phiên bản docgen này "
            f"biết ({LATEST}). Hãy cập nhật docgen rồi chạy lại."
        )
    for number, statements in MIGRATIONS:
        if number <= current:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
