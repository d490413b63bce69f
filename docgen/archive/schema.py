"""The archive register's schema: versioned migrations, applied in order when it is opened.

The register is an embedded SQLite database beside the archive tree, opened in WAL mode with
foreign keys on. Each migration runs in its own transaction together with the version bump,
so a register is always at one version or the next, never in between.

Opening is the register's door (`docgen.statefile`): a file that is not SQLite, is empty or
truncated, fails SQLite's own check, or lacks a table or column this version needs is damage.
Nothing rebuilds a register from the files on disk, so the damaged file stays where it is (a
copy is kept beside, `so-dang-ky.sqlite.hong-…`), nothing is written to it, no new register
is made in its place, and the clerk is told to restore a backup.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path

from docgen.errors import DocgenError
from docgen.statefile import Damage, StateFileDamaged, keep_copy

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
    (
        2,
        """
        CREATE TABLE repairs (
            id INTEGER PRIMARY KEY,
            filing_id INTEGER NOT NULL REFERENCES filings (id),
            found TEXT NOT NULL,             -- what the archived copy was: 'altered' or 'missing'
            found_sha256 TEXT NOT NULL DEFAULT '', -- of the altered copy ('' when missing)
            source_name TEXT NOT NULL,       -- the original file handed in again
            repaired_by TEXT NOT NULL,
            repaired_at TEXT NOT NULL
        );
        CREATE INDEX repairs_filing ON repairs (filing_id);
        ALTER TABLE filings ADD COLUMN source_path TEXT NOT NULL DEFAULT ''; -- where it was read
        """,
    ),
    (
        3,
        """
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,        -- campaign and level, or the reference when none
            campaign TEXT NOT NULL DEFAULT '',
            level TEXT NOT NULL,
            number TEXT NOT NULL,            -- 15
            symbol TEXT NOT NULL,            -- QĐ-UBND, plain hyphen
            issued TEXT NOT NULL,            -- ISO date
            authority TEXT NOT NULL,
            year INTEGER NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('chien-dich', 'cap-tren', 'nhap')),
            fingerprint TEXT NOT NULL,       -- SHA-256 of the decision as recorded
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE conferments (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('collective', 'individual')),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,          -- case, spacing and tone placement folded
            birth TEXT NOT NULL DEFAULT '',  -- ISO date, individuals
            unit TEXT NOT NULL DEFAULT '',
            unit_key TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            form TEXT NOT NULL,
            achievement TEXT NOT NULL DEFAULT '',
            bonus INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX conferments_decision ON conferments (decision_id);
        CREATE INDEX conferments_name ON conferments (name_key);
        """,
    ),
    (
        4,
        """
        ALTER TABLE filings ADD COLUMN matched_by TEXT NOT NULL DEFAULT ''; -- how it was
            -- recognised: 'nội dung', 'chữ trong tệp', 'số, ký hiệu', 'tên tệp' ('' before v4)
        ALTER TABLE filings ADD COLUMN notes TEXT NOT NULL DEFAULT ''; -- warnings, one a line
        """,
    ),
)
LATEST = MIGRATIONS[-1][0]
WHAT = "Sổ đăng ký lưu trữ"
HEADER = b"SQLite format 3\x00"
RESTORE = (
    "docgen không ghi gì vào sổ này và không lập sổ mới thay nó; các tệp đã lưu trong luu-tru/ "
    "không bị đụng đến. Hãy chép bản sao lưu gần nhất của sổ đè lên tệp hỏng rồi chạy lại "
    "“docgen luu-tru --kiem-tra” (lệnh này báo tệp nào đã lưu mà bản sao lưu chưa ghi)."
)


class RegisterError(DocgenError):
    """The register cannot be opened or is newer than this docgen."""

    def __init__(self, message: str) -> None:
        super().__init__("REGISTER_INVALID", message)


def open_register(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the register at `path`, checked and migrated to the latest
    version; `StateFileDamaged` when it is damaged, `RegisterError` when it is newer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _check_file(path)
    try:
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, Damage("SQLite không mở được tệp")) from exc
    try:
        _open(db, path)
    except sqlite3.DatabaseError as exc:
        db.close()
        problem = _damage_of(exc)
        if problem is None:
            raise RegisterError(f"{WHAT} {path}: {_not_opened(exc)}") from None
        raise _damaged(path, Damage(problem)) from None
    except Damage as damage:
        db.close()
        raise _damaged(path, damage) from None
    except BaseException:
        db.close()
        raise
    return db


def _open(db: sqlite3.Connection, path: Path) -> None:
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    checked = db.execute("PRAGMA quick_check").fetchone()[0]
    if checked != "ok":
        raise Damage("SQLite báo cấu trúc bên trong bị hỏng (tệp bị cắt cụt hoặc ghi dở)")
    migrate(db, path)
    _check_schema(db)


def _check_file(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that cannot be a register."""
    if not path.exists():
        return
    with open(path, "rb") as handle:
        head = handle.read(len(HEADER))
    wal = path.with_name(path.name + "-wal")
    if not head and not (wal.exists() and wal.stat().st_size):
        raise _damaged(path, Damage("tệp rỗng (bị cắt cụt hoặc bị ghi đè)"))
    if head and head != HEADER:
        raise _damaged(
            path, Damage("tệp không phải cơ sở dữ liệu SQLite (bị ghi đè hoặc lưu nhầm)")
        )


def _check_schema(db: sqlite3.Connection) -> None:
    """Every table and column the migrations made is there (a hand edit may drop one)."""
    for table, columns in _expected_columns().items():
        found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not found:
            raise Damage(f"thiếu bảng “{table}” (sổ đã bị sửa bằng chương trình khác)")
        missing = sorted(columns - found)
        if missing:
            raise Damage(f"bảng “{table}” thiếu cột “{missing[0]}” (sổ đã bị sửa)")


@cache
def _expected_columns() -> dict[str, set[str]]:
    """The tables and columns of a register at the latest version (built in memory)."""
    with closing(sqlite3.connect(":memory:")) as fresh:
        for _, statements in MIGRATIONS:
            fresh.executescript(statements)
        tables = [r[0] for r in fresh.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: {r[1] for r in fresh.execute(f"PRAGMA table_info({t})")} for t in tables}


def _damage_of(exc: sqlite3.DatabaseError) -> str | None:
    """What SQLite's (English) error says is damaged in the register; None when it is not
    damage (a lock, a read-only disk)."""
    said = str(exc)
    if "already exists" in said or "no such" in said:
        return "số phiên bản của sổ không khớp với các bảng trong sổ (sổ đã bị sửa)"
    if type(exc) is sqlite3.DatabaseError or "malformed" in said:
        return "SQLite báo cơ sở dữ liệu bị hỏng (tệp bị cắt cụt, ghi dở hoặc bị ghi đè)"
    return None


def _not_opened(exc: sqlite3.DatabaseError) -> str:
    """Why an undamaged register could not be opened, and what to do."""
    if "locked" in str(exc):
        return (
            "sổ đang được một chương trình khác mở để ghi. Hãy đóng chương trình đó (hoặc chờ "
            "lệnh docgen kia chạy xong) rồi chạy lại."
        )
    return (
        "không mở được sổ để ghi (ổ đĩa chỉ đọc, không có quyền ghi hoặc tệp đang bị chương "
        "trình khác giữ). Kiểm tra quyền ghi thư mục luu-tru/ rồi chạy lại."
    )


def _damaged(path: Path, damage: Damage) -> StateFileDamaged:
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        keep_copy(wal)
    return StateFileDamaged(WHAT, path, damage, keep_copy(path), RESTORE)


def version(db: sqlite3.Connection) -> int:
    """The schema version the register is at (0: empty)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply every migration above the register's version, each in one transaction."""
    current = version(db)
    if current > LATEST:
        raise RegisterError(
            f"Sổ đăng ký lưu trữ {path} ở phiên bản {current}, mới hơn phiên bản docgen này "
            f"biết ({LATEST}); docgen này không ghi gì vào sổ. Hãy cập nhật docgen rồi chạy lại."
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
