"""Reading and writing the archive register (SQL lives here and in schema.py only)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from docgen.archive.source import Expected


@dataclass(frozen=True)
class Filing:
    """One file put into the archive for a document."""

    sha256: str
    size: int
    form: str
    stored: str
    original_name: str
    signature: str
    signer_name: str
    signed_at: str
    trust: str
    filed_by: str
    filed_at: str
    source_path: str = ""  # the file handed in, absolute: re-filing it repairs the copy
    matched_by: str = ""  # how the file was recognised (match.py's BY_…)
    notes: tuple[str, ...] = ()  # what the clerk was warned of when it was filed


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (BEGIN IMMEDIATE): committed when the block ends,
    rolled back when it raises — a kill inside it leaves the register as it was."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def save_document(db: sqlite3.Connection, doc: Expected) -> int:
    """Insert or refresh the document's row (numbers and dates may arrive later); its id."""
    db.execute(
        """INSERT INTO documents (campaign, level, path, kind, number, issued, title, signer,
                                  recipients, generated_sha256)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (campaign, path) DO UPDATE SET
             level = excluded.level, kind = excluded.kind, number = excluded.number,
             issued = excluded.issued, title = excluded.title, signer = excluded.signer,
             recipients = excluded.recipients, generated_sha256 = excluded.generated_sha256""",
        (
            doc.campaign,
            doc.level,
            doc.path,
            doc.kind,
            doc.number,
            doc.issued.isoformat() if doc.issued else "",
            doc.title,
            doc.signer,
            "\n".join(doc.recipients),
            doc.sha256,
        ),
    )
    row = db.execute(
        "SELECT id FROM documents WHERE campaign = ? AND path = ?", (doc.campaign, doc.path)
    ).fetchone()
    return int(row["id"])


def current_filing(db: sqlite3.Connection, document_id: int) -> sqlite3.Row | None:
    """The document's filing that nothing replaced, if it was filed."""
    row: sqlite3.Row | None = db.execute(
        """SELECT * FROM filings f WHERE document_id = ?
           AND NOT EXISTS (SELECT 1 FROM filings g WHERE g.replaces = f.id)""",
        (document_id,),
    ).fetchone()
    return row


def add_filing(
    db: sqlite3.Connection, document_id: int, filing: Filing, replaces: int | None
) -> None:
    """Record `filing` for the document (replacing the filing `replaces`, when given)."""
    db.execute(
        """INSERT INTO filings (document_id, sha256, size, form, stored, original_name,
                                signature, signer_name, signed_at, trust, filed_by, filed_at,
                                replaces, source_path, matched_by, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            document_id,
            filing.sha256,
            filing.size,
            filing.form,
            filing.stored,
            filing.original_name,
            filing.signature,
            filing.signer_name,
            filing.signed_at,
            filing.trust,
            filing.filed_by,
            filing.filed_at,
            replaces,
            filing.source_path,
            filing.matched_by,
            "\n".join(filing.notes),
        ),
    )


def stored_files(db: sqlite3.Connection) -> dict[str, str]:
    """Every archived file (relative path) with the SHA-256 it was filed with."""
    return {
        row["stored"]: row["sha256"] for row in db.execute("SELECT stored, sha256 FROM filings")
    }


def filing_notes(db: sqlite3.Connection, campaign: str) -> dict[str, list[str]]:
    """The campaign's archived files (relative paths) filed with notes → those notes."""
    rows = db.execute(
        """SELECT f.stored, f.notes FROM filings f JOIN documents d ON d.id = f.document_id
           WHERE d.campaign = ? AND f.notes != ''""",
        (campaign,),
    )
    return {row["stored"]: row["notes"].splitlines() for row in rows}


@dataclass(frozen=True, kw_only=True)
class FiledCopy:
    """A document of a campaign with a signed copy in the archive: the register's facts."""

    path: str  # the manifest's path
    kind: str
    number: str  # số, ký hiệu as filed ("" when the document had none)
    issued: str  # ISO date ("" when not known at filing)
    title: str
    generated_sha256: str  # of the generated file the signed copy was matched to
    stored: str  # in the archive, relative
    filed_at: str  # ISO moment


def filed_copies(db: sqlite3.Connection, campaign: str) -> list[FiledCopy]:
    """The campaign's documents with their current (not replaced) filing, by path."""
    rows = db.execute(
        """SELECT d.path, d.kind, d.number, d.issued, d.title, d.generated_sha256, f.stored,
                  f.filed_at
           FROM documents d JOIN filings f ON f.document_id = d.id
           WHERE d.campaign = ?
             AND NOT EXISTS (SELECT 1 FROM filings g WHERE g.replaces = f.id)
           ORDER BY d.path, f.id""",
        (campaign,),
    )
    return [FiledCopy(**dict(row)) for row in rows]


def register_rows(db: sqlite3.Connection, campaign: str | None = None) -> list[sqlite3.Row]:
    """Every filing with its document, oldest first (replaced ones included, marked)."""
    return list(
        db.execute(
            """SELECT d.*, f.id AS filing_id, f.sha256, f.form, f.stored, f.original_name,
                      f.signature, f.signer_name, f.signed_at, f.trust, f.filed_by, f.filed_at,
                      f.replaces, f.matched_by, f.notes,
                      (SELECT g.stored FROM filings g WHERE g.replaces = f.id) AS replaced_by
               FROM filings f JOIN documents d ON d.id = f.document_id
               WHERE ? IS NULL OR d.campaign = ?
               ORDER BY f.filed_at, f.id""",
            (campaign, campaign),
        )
    )


@dataclass(frozen=True)
class Repair:
    """An archived copy found altered or missing, put back from the original handed in again."""

    found: str  # "altered" or "missing"
    found_sha256: str  # of the altered copy ("" when it was missing)
    source_name: str
    repaired_by: str
    repaired_at: str


def add_repair(db: sqlite3.Connection, filing_id: int, repair: Repair) -> None:
    """Record that the filing's archived copy was restored from the original."""
    db.execute(
        """INSERT INTO repairs (filing_id, found, found_sha256, source_name, repaired_by,
                                repaired_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (
            filing_id,
            repair.found,
            repair.found_sha256,
            repair.source_name,
            repair.repaired_by,
            repair.repaired_at,
        ),
    )


def repairs_of(db: sqlite3.Connection, stored: str) -> list[sqlite3.Row]:
    """The repairs of the archived file `stored`, oldest first."""
    return list(
        db.execute(
            """SELECT r.* FROM repairs r JOIN filings f ON f.id = r.filing_id
               WHERE f.stored = ? ORDER BY r.id""",
            (stored,),
        )
    )


def originals(db: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Every archived file (relative path) → the file handed in: its name and full path ("" for
    a filing recorded before the path was kept)."""
    return {
        row["stored"]: (row["original_name"], row["source_path"])
        for row in db.execute("SELECT stored, original_name, source_path FROM filings")
    }


# --- the award history: decisions and what they conferred ------------------------------------


@dataclass(frozen=True, kw_only=True)
class DecisionRow:
    """A decision as the register keeps it (the award stage builds it from its records)."""

    key: str  # one decision per key: "campaign|level", or its reference when it has no campaign
    campaign: str
    level: str
    number: str
    symbol: str
    issued: str  # ISO date
    authority: str
    year: int
    origin: str
    fingerprint: str


@dataclass(frozen=True, kw_only=True)
class ConfermentRow:
    """One line of a decision's list as the register keeps it."""

    kind: str
    name: str
    name_key: str
    birth: str  # ISO date or ""
    unit: str
    unit_key: str
    position: str
    form: str
    achievement: str
    bonus: int


def save_decision(
    db: sqlite3.Connection, decision: DecisionRow, lines: list[ConfermentRow], when: str
) -> str:
    """Record a decision and its list in one transaction, replacing the decision of the same
    key; "new", "replaced" or "unchanged" (same fingerprint: nothing is written)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        status = _save_decision(db, decision, lines, when)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return status


def _save_decision(
    db: sqlite3.Connection, decision: DecisionRow, lines: list[ConfermentRow], when: str
) -> str:
    old = db.execute(
        "SELECT id, fingerprint FROM decisions WHERE key = ?", (decision.key,)
    ).fetchone()
    if old is not None and old["fingerprint"] == decision.fingerprint:
        return "unchanged"
    if old is not None:
        db.execute("DELETE FROM decisions WHERE id = ?", (old["id"],))
    cursor = db.execute(
        """INSERT INTO decisions (key, campaign, level, number, symbol, issued, authority, year,
                                  origin, fingerprint, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            decision.key,
            decision.campaign,
            decision.level,
            decision.number,
            decision.symbol,
            decision.issued,
            decision.authority,
            decision.year,
            decision.origin,
            decision.fingerprint,
            when,
        ),
    )
    db.executemany(
        """INSERT INTO conferments (decision_id, kind, name, name_key, birth, unit, unit_key,
                                    position, form, achievement, bonus)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                cursor.lastrowid,
                line.kind,
                line.name,
                line.name_key,
                line.birth,
                line.unit,
                line.unit_key,
                line.position,
                line.form,
                line.achievement,
                line.bonus,
            )
            for line in lines
        ],
    )
    return "new" if old is None else "replaced"


def award_rows(db: sqlite3.Connection, name_key: str | None = None) -> list[dict[str, Any]]:
    """Every conferment with its decision (or those of one folded name), oldest first."""
    return [
        dict(row)
        for row in db.execute(
            """SELECT c.kind, c.name, c.name_key, c.birth, c.unit, c.unit_key, c.position,
                      c.form, c.achievement, c.bonus, d.key, d.campaign, d.level, d.number,
                      d.symbol, d.issued, d.authority, d.year, d.origin
               FROM conferments c JOIN decisions d ON d.id = c.decision_id
               WHERE ? IS NULL OR c.name_key = ?
               ORDER BY d.year, d.issued, d.id, c.id""",
            (name_key, name_key),
        )
    ]


def decision_rows(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every recorded decision with the number of its conferments, oldest first."""
    return [
        dict(row)
        for row in db.execute(
            """SELECT d.*, (SELECT COUNT(*) FROM conferments c WHERE c.decision_id = d.id)
                      AS lines
               FROM decisions d ORDER BY d.year, d.issued, d.id"""
        )
    ]
