"""Filing signed files: recognise each, copy it into the archive tree, record it — atomically.

Each file is one transaction: the register row and the archived copy appear together or not
at all (see store.py). The same file filed again changes nothing; another file for a document
already filed is refused unless the clerk says it replaces it, and then both are kept.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath

from docgen.archive.match import BY_CONTENT, match
from docgen.archive.received import SCAN_PDF, NotFileable, Received, collect, receive
from docgen.archive.register import (
    Filing,
    Repair,
    add_filing,
    add_repair,
    current_filing,
    save_document,
    stored_files,
    transaction,
)
from docgen.archive.source import Expected
from docgen.archive.store import ALTERED, OK, Store
from docgen.archive.vetting import Vetting, vet
from docgen.digest import sha256_file
from docgen.text import format_date_short


class Status(StrEnum):
    """What happened to one file handed in."""

    FILED = "đã lưu"
    REPLACED = "đã lưu, thay bản trước"
    ALREADY = "đã lưu từ trước (không đổi)"
    REPAIRED = "đã chép lại bản lưu từ bản gốc"
    UNMATCHED = "không khớp văn bản nào"
    AMBIGUOUS = "khớp nhiều văn bản"
    CONFLICT = "văn bản đã có bản lưu khác"
    CONTRADICTED = "không nhận: nội dung tệp khác văn bản"
    REFUSED = "không nhận"

    @property
    def ok(self) -> bool:
        """True when the file is in the archive after this run."""
        return self in (Status.FILED, Status.REPLACED, Status.ALREADY, Status.REPAIRED)


@dataclass(frozen=True)
class FilingOutcome:
    """One file's result: status, the document it is, where it is stored, and why."""

    source: Path
    status: Status
    document: Expected | None = None
    stored: str = ""
    detail: str = ""
    received: Received | None = None
    notes: tuple[str, ...] = ()  # warnings the clerk should read (filed all the same)
    matched_by: str = ""  # how the file was recognised (match.py's BY_…)


@dataclass(frozen=True)
class FilingReport:
    """Every file's outcome, and what recovery of an interrupted run did."""

    outcomes: list[FilingOutcome]
    recovered: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[FilingOutcome]:
        """Outcomes that left a file outside the archive."""
        return [o for o in self.outcomes if not o.status.ok]

    def to_json(self) -> dict[str, object]:
        """The run as data: each file's status, document, stored path and signature."""
        return {"recovered": self.recovered, "files": [_outcome_json(o) for o in self.outcomes]}


def _outcome_json(outcome: FilingOutcome) -> dict[str, object]:
    received = outcome.received
    return {
        "file": str(outcome.source),
        "status": outcome.status.name.lower(),
        "message": str(outcome.status),
        "detail": outcome.detail,
        "document": outcome.document.path if outcome.document else None,
        "stored": outcome.stored or None,
        "sha256": received.sha256 if received else None,
        "form": received.form if received else None,
        "signature": received.verdict if received else None,
        "signer": received.signer if received else None,
        "signed_at": received.signed_at if received else None,
        "trust": received.trust if received else None,
        "notes": list(outcome.notes),
        "matched_by": outcome.matched_by or None,
    }


@dataclass(frozen=True)
class Request:
    """How to file: what may be replaced, who files, which roots decide trust, the year."""

    replace: bool = False
    clerk: str = ""
    roots: Sequence[tuple[str, bytes]] = ()  # the clerk's root certificates: (name, PEM or DER)
    year: int = 0
    lasting: bool = True  # False: the files are temporary copies (the page's), not kept as
    # where the original was read, since re-filing from there is impossible
    issuer: tuple[str, ...] = ()  # how the campaign's documents name their issuer (textcheck)


def file_documents(
    paths: Iterable[Path], expected: list[Expected], folder: Path, store: Store, request: Request
) -> FilingReport:
    """File every file in `paths` against the documents `expected` (generated in `folder`);
    RootUnreadableError, before anything is filed, when a root certificate is not one."""
    roots = _trust_roots(request.roots)
    db, recovered = store.open()
    try:
        outcomes = [
            _file_one(p, expected, folder, store, db, request, roots) for p in collect(paths)
        ]
    finally:
        db.close()
    return FilingReport(outcomes, recovered)


def _trust_roots(files: Sequence[tuple[str, bytes]]) -> tuple[bytes, ...]:
    if not files:
        return ()
    from docgen.archive.signatures import trust_roots  # pyHanko: only with roots to read

    return trust_roots(files)


def _file_one(
    path: Path,
    expected: list[Expected],
    folder: Path,
    store: Store,
    db: sqlite3.Connection,
    request: Request,
    roots: Sequence[bytes],
) -> FilingOutcome:
    try:
        received = receive(path, roots)
    except NotFileable as exc:
        return FilingOutcome(path, Status.REFUSED, detail=str(exc))
    if not received.intact:
        return FilingOutcome(path, Status.REFUSED, detail=received.verdict, received=received)
    found = match(PurePosixPath(path.parent.name, path.name), received.data, expected, folder)
    if found.how == BY_CONTENT and received.form == SCAN_PDF:
        detail = "đây là bản PDF docgen lập, chưa có chữ ký; hãy nộp bản đã ký"
        return FilingOutcome(path, Status.REFUSED, found.document, detail=detail, received=received)
    if found.document is None:
        status = Status.AMBIGUOUS if found.candidates else Status.UNMATCHED
        names = ", ".join(c.path for c in found.candidates)
        return FilingOutcome(path, status, detail=names, received=received)
    vetting = vet(received, found, request.issuer, request.year)
    if vetting.refusal:
        status, detail = Status.CONTRADICTED, vetting.refusal
        return FilingOutcome(path, status, found.document, detail=detail, received=received)
    return _record(received, found.document, store, db, request, vetting)


def _record(
    received: Received,
    doc: Expected,
    store: Store,
    db: sqlite3.Connection,
    request: Request,
    vetting: Vetting,
) -> FilingOutcome:
    with transaction(db):
        outcome, staged = _decide_and_stage(received, doc, store, db, request, vetting)
    if staged is not None:
        store.place(staged)
    if not outcome.status.ok:
        return outcome
    return replace(outcome, notes=vetting.notes, matched_by=vetting.matched_by)


def _decide_and_stage(
    received: Received,
    doc: Expected,
    store: Store,
    db: sqlite3.Connection,
    request: Request,
    vetting: Vetting,
) -> tuple[FilingOutcome, Path | None]:
    document_id = save_document(db, doc)
    current = current_filing(db, document_id)
    if current is not None and current["sha256"] == received.sha256:
        return _same_again(received, doc, current, store, db, request)
    if current is not None and not request.replace:
        filed = format_date_short(date.fromisoformat(current["filed_at"][:10]))
        detail = f"đã lưu {current['stored']} ngày {filed}"
        return FilingOutcome(
            received.path, Status.CONFLICT, doc, current["stored"], detail, received
        ), None
    stored = _name_for(received, doc, store, db, request)
    staged = store.stage(stored, received.data)
    replaces = int(current["id"]) if current is not None else None
    add_filing(db, document_id, _filing(received, stored, request, vetting), replaces)
    status = Status.REPLACED if current is not None else Status.FILED
    detail = f"thay {current['stored']}" if current is not None else ""
    return FilingOutcome(received.path, status, doc, stored, detail, received), staged


def _same_again(
    received: Received,
    doc: Expected,
    current: sqlite3.Row,
    store: Store,
    db: sqlite3.Connection,
    request: Request,
) -> tuple[FilingOutcome, Path | None]:
    """The very file filed before: nothing to do, unless its archived copy was altered or
    lost — then the original puts it back, and the register records the repair."""
    stored = current["stored"]
    found = store.state(stored, current["sha256"])
    if found == OK:
        return FilingOutcome(received.path, Status.ALREADY, doc, stored, "", received), None
    altered = sha256_file(store.path(stored)) if found == ALTERED else ""
    staged = store.stage(stored, received.data)
    repair = Repair(found, altered, received.path.name, request.clerk or _user(), _now())
    add_repair(db, int(current["id"]), repair)
    detail = "bản trong kho đã bị thay đổi" if found == ALTERED else "bản trong kho bị mất"
    return FilingOutcome(received.path, Status.REPAIRED, doc, stored, detail, received), staged


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _name_for(
    received: Received, doc: Expected, store: Store, db: sqlite3.Connection, request: Request
) -> str:
    year = doc.issued.year if doc.issued else request.year
    taken = set(stored_files(db))
    suffix = received.path.suffix.lower()
    return store.free_name(f"{year}/{doc.campaign}/{doc.level}", doc.stem, suffix, taken)


def _filing(received: Received, stored: str, request: Request, vetting: Vetting) -> Filing:
    return Filing(
        sha256=received.sha256,
        size=len(received.data),
        form=received.form,
        stored=stored,
        original_name=received.path.name,
        signature=received.verdict,
        signer_name=received.signer,
        signed_at=received.signed_at,
        trust=received.trust,
        filed_by=request.clerk or _user(),
        filed_at=_now(),
        source_path=str(received.path.absolute()) if request.lasting else "",
        matched_by=vetting.matched_by,
        notes=vetting.notes,
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "không rõ"
