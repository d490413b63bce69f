"""Received workbooks gone from the input folder, and putting them back from their messages.

The journal names every imported file with its SHA-256 and the message it came in. A file that
is no longer in the folder (deleted or moved by mistake) is "lost"; with `nhan-thu --khoi-phuc`
the importer opens its message again (already journaled, so normally skipped unread) and writes
the attachment with the same bytes back under its stored name, its modification time the
message's received time. Nothing else changes: the journal keeps its first arrival, and a
restore row records the repair. A workbook dropped on the page comes back the same way from the
copy the page kept (`dropped_again`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from docgen.mail import journal as j
from docgen.mail.attachments import WORKBOOK_SUFFIXES, sort_out
from docgen.mail.message import Incoming
from docgen.mail.parse import content_key
from docgen.mail.uploads import is_dropped, uploaded
from docgen.output.files import write_atomic
from docgen.text import in_vietnam

FROM_MAIL = "thư đã nhận"
FROM_PAGE = "tệp đã tải lên trang"  # the copy the page kept of a workbook dropped on it


def came_from(entries: Iterable[j.JournalEntry], joined: str = " và ") -> str:
    """Where these files came in, as the clerk reads it: "thư đã nhận", "tệp đã tải lên
    trang", or both, `joined`."""
    dropped = {is_dropped(e.message_id) for e in entries}
    return joined.join(w for d, w in ((False, FROM_MAIL), (True, FROM_PAGE)) if d in dropped)


def restored_reason(msg: Incoming) -> str:
    """The journal's reason for a file written back from `msg` (a mail, or a dropped file)."""
    origin = FROM_PAGE if is_dropped(msg.key) else FROM_MAIL
    return f"Chép lại từ {origin}: tệp đã nhập trước đó không còn trong thư mục phiếu."


def lost_files(rows: list[j.JournalEntry], folder: Path) -> list[j.JournalEntry]:
    """Imported file rows whose bytes are no longer anywhere in `folder` (first row of each)."""
    imported = [
        e for e in rows if e.kind == j.RowKind.FILE and e.result == j.Result.IMPORTED and e.stored
    ]
    gone = [e for e in imported if not (folder / Path(e.stored).name).is_file()]
    if not gone:
        return []
    here = _hashes_on_disk(folder)  # a file renamed by the clerk is not lost
    lost: dict[str, j.JournalEntry] = {}
    for entry in gone:
        if entry.sha256 not in here:
            lost.setdefault(entry.sha256, entry)
    return list(lost.values())


def by_message(lost: Iterable[j.JournalEntry]) -> dict[str, list[j.JournalEntry]]:
    """Lost file rows grouped by the key of the message they came in."""
    grouped: dict[str, list[j.JournalEntry]] = {}
    for entry in lost:
        grouped.setdefault(entry.message_id, []).append(entry)
    return grouped


def restore_message(
    stamp: str, msg: Incoming, lost: list[j.JournalEntry], folder: Path
) -> list[j.JournalEntry]:
    """Write back every lost attachment of `msg` (matched by SHA-256); one journal row each."""
    wanted = {e.sha256: e for e in lost}
    rows: list[j.JournalEntry] = []
    for attachment in msg.attachments:
        for verdict in sort_out(attachment):
            entry = wanted.pop(verdict.sha256, None)
            if entry is None or not verdict.accepted:
                continue
            path = _free(folder / Path(entry.stored).name)
            write_atomic(path, verdict.data)
            if msg.received:  # as the import did: the file's time is its arrival
                os.utime(path, (msg.received.timestamp(), msg.received.timestamp()))
            received = (
                in_vietnam(msg.received).isoformat(timespec="seconds") if msg.received else ""
            )
            rows.append(
                j.JournalEntry(
                    recorded=stamp,
                    kind=j.RowKind.FILE,
                    source=msg.origin,
                    message_id=msg.key,
                    sender=msg.sender,
                    department=entry.department,
                    subject=msg.subject,
                    received=received,
                    original=entry.original,
                    sha256=verdict.sha256,
                    stored=path.name,
                    result=j.Result.RESTORED,
                    reason=restored_reason(msg),
                )
            )
    return rows


def local_sources(lost: Iterable[j.JournalEntry]) -> tuple[list[Path], list[str]]:
    """Where the messages of the lost files were read: saved files still on disk, and the
    origins that cannot be re-read without the clerk (IMAP, or a saved file gone too).
    Workbooks dropped on the page are not messages to read: see `dropped_again`."""
    origins = dict.fromkeys(e.source for e in lost if not is_dropped(e.message_id))
    paths: list[Path] = []
    elsewhere: list[str] = []
    for origin in origins:
        path = Path(origin.split("#", 1)[0])
        if not origin.startswith("imap://") and path.exists():
            paths.append(path)
        else:
            elsewhere.append(origin)
    return list(dict.fromkeys(paths)), elsewhere


def dropped_again(lost: Iterable[j.JournalEntry]) -> list[Incoming]:
    """The lost workbooks that were dropped on the page, as their messages again, read from
    the copies the page kept (`uploads.keep_dropped`); a copy gone or changed is left out."""
    found: list[Incoming] = []
    for entry in lost:
        kept = Path(entry.source)
        if is_dropped(entry.message_id) and kept.is_file() and entry.received_at:
            data = kept.read_bytes()
            message = uploaded(
                entry.original, data, entry.department, entry.received_at, entry.source
            )
            if message.key == entry.message_id:
                found.append(message)
    return found


def saved_again(journal: Path, folder: Path) -> tuple[list[Path], list[Incoming]]:
    """What `nhan-thu --khoi-phuc` reads when given no source: the saved messages still on disk
    and the page's kept drops that hold the files lost from `folder` (both empty when none is
    lost, or when they came over IMAP)."""
    lost = lost_files(j.read_journal(journal), folder)
    return local_sources(lost)[0], dropped_again(lost)


def _free(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _hashes_on_disk(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES:
            with path.open("rb") as handle:
                found.add(content_key(handle))
    return found
