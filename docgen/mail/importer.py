"""Import workbook attachments into the input folder, unchanged, journaling every step."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docgen.mail import journal as j
from docgen.mail.attachments import WORKBOOK_SUFFIXES, Verdict, sort_out
from docgen.mail.message import Envelope, Incoming, Unreadable
from docgen.mail.parse import content_key
from docgen.mail.restore import by_message, lost_files, restore_message
from docgen.mail.senders import department_of
from docgen.output.files import write_atomic
from docgen.text import in_vietnam

NESTED = "Thư lồng trong thư không được mở; đề nghị đơn vị gửi trực tiếp tệp Excel."
NO_WORKBOOK = "Thư không có phiếu Excel đính kèm."
DAMAGED = (
    "Thư bị hỏng cấu trúc (MIME), không đọc được tệp đính kèm nào; đề nghị đơn vị gửi lại thư."
)
DAMAGED_READ = "Thư bị hỏng cấu trúc (MIME); đã đọc được các tệp đính kèm ghi ở các dòng dưới."


@dataclass
class ImportResult:
    """What one import did: journal rows written, by outcome."""

    entries: list[j.JournalEntry] = field(default_factory=list)
    known: int = 0  # messages already in the journal, not read again
    lost: list[j.JournalEntry] = field(default_factory=list)  # imported files gone from the folder
    restoring: bool = False  # asked to write the lost files back

    def files(self, result: j.Result) -> list[j.JournalEntry]:
        """Attachment rows with this result."""
        return [e for e in self.entries if e.kind == j.RowKind.FILE and e.result == result]

    @property
    def messages(self) -> list[j.JournalEntry]:
        """Message rows (new messages and unreadable sources)."""
        return [e for e in self.entries if e.kind == j.RowKind.MESSAGE]

    @property
    def problems(self) -> list[j.JournalEntry]:
        """Refused attachments and unreadable sources: what the clerk must look at."""
        return [e for e in self.entries if e.result == j.Result.REFUSED]

    @property
    def unknown_senders(self) -> list[j.JournalEntry]:
        """Messages whose address is not in the campaign file."""
        return [e for e in self.messages if e.message_id and not e.department]


class _Folder:
    """The input folder's workbooks by SHA-256, and the names already taken."""

    def __init__(self, folder: Path, journal_rows: list[j.JournalEntry]) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.by_hash = {e.sha256: e.stored for e in journal_rows if e.result == j.Result.IMPORTED}
        self._on_disk: dict[str, str] | None = None  # hashed when a new file first needs it

    def same_as(self, digest: str) -> str:
        """The stored file with these bytes ('' when none): journaled, or copied by hand."""
        if digest in self.by_hash:
            return self.by_hash[digest]
        if self._on_disk is None:
            self._on_disk = {}
            for path in sorted(self.folder.iterdir()):
                if path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES:
                    self._on_disk.setdefault(_file_sha(path), path.name)
        return self._on_disk.get(digest, "")

    def arrived(self, name: str, received: datetime | None) -> None:
        """An earlier copy of a stored file: its modification time goes back to that arrival."""
        path = self.folder / name
        if received and path.is_file() and path.stat().st_mtime > received.timestamp():
            os.utime(path, (received.timestamp(), received.timestamp()))

    def store(self, verdict: Verdict, received: datetime | None) -> str:
        """Write the workbook under a free name; its modification time is when it arrived."""
        path = self._free(verdict.file_name)
        write_atomic(path, verdict.data)
        if received:
            stamp = received.timestamp()
            os.utime(path, (stamp, stamp))
        self.by_hash[verdict.sha256] = path.name
        return path.name

    def _free(self, name: str) -> Path:
        path = self.folder / name
        n = 1
        while path.exists() or path.name.startswith("~$"):
            n += 1
            path = self.folder / f"{Path(name).stem.removeprefix('~$')}-{n}{Path(name).suffix}"
        return path


def import_messages(
    items: Iterable[Incoming | Unreadable | Envelope],
    folder: Path,
    journal: Path,
    book: Mapping[str, str],
    now: datetime,
    restore: bool = False,
) -> ImportResult:
    """Copy every new workbook attachment into `folder` and journal every message and file.

    With `restore`, a message already journaled whose imported files are gone from `folder`
    is opened again and those files written back (`docgen.mail.restore`).
    """
    rows = j.read_journal(journal)
    seen = {e.message_id for e in rows if e.kind == j.RowKind.MESSAGE and e.message_id}
    seen_bad = {e.source for e in rows if e.kind == j.RowKind.MESSAGE and not e.message_id}
    read_from = {e.source for e in rows if e.kind == j.RowKind.MESSAGE}
    target = _Folder(folder, rows)
    result = ImportResult(lost=lost_files(rows, folder), restoring=restore)
    to_restore = by_message(result.lost) if restore else {}
    # where the lost files' messages were read (an IMAP envelope may carry no Message-ID)
    lost_at = {e.source for e in result.lost} if restore else set()
    stamp = in_vietnam(now).isoformat(timespec="seconds")
    for item in items:
        if isinstance(item, Envelope):
            known = item.key in seen or (item.lasting and item.origin in read_from)
            wanted = item.key in to_restore or item.origin in lost_at
            if known and not wanted:  # not read again
                result.known += 1
                continue
            item = item.open()
        if isinstance(item, Unreadable):
            if item.origin in seen_bad:
                continue
            seen_bad.add(item.origin)
            new_rows = [_unreadable(stamp, item)]
        elif item.key in seen:
            result.known += 1
            if item.key not in to_restore:
                continue
            new_rows = _restore(stamp, item, to_restore.pop(item.key), folder)
        else:
            seen.add(item.key)
            try:
                department = item.department or department_of(item.sender, book)
                new_rows = _message(stamp, item, department, target)
            finally:
                for attachment in item.attachments:
                    attachment.close()
        j.append(journal, new_rows)  # message by message: an interrupted import loses nothing
        result.entries.extend(new_rows)
    return result


def _restore(
    stamp: str, msg: Incoming, lost: list[j.JournalEntry], folder: Path
) -> list[j.JournalEntry]:
    try:
        return restore_message(stamp, msg, lost, folder)
    finally:
        for attachment in msg.attachments:
            attachment.close()


def _message(stamp: str, msg: Incoming, department: str, target: _Folder) -> list[j.JournalEntry]:
    """The message row first, then one row per attachment (or zip member)."""
    files: list[j.JournalEntry] = []
    for attachment in msg.attachments:
        for verdict in sort_out(attachment):
            files.append(_file(stamp, msg, department, verdict, target))
    for name in msg.nested:
        files.append(
            _row(
                stamp,
                msg,
                department,
                j.RowKind.FILE,
                j.Result.REFUSED,
                original=name,
                reason=NESTED,
            )
        )
    results = {e.result for e in files}
    outcome = j.Result.IMPORTED if j.Result.IMPORTED in results else j.Result.SKIPPED
    reason = "" if outcome is j.Result.IMPORTED else _why_nothing(results)
    if msg.damaged:  # say which: a broken message, not one without a workbook
        outcome, reason = (outcome, DAMAGED_READ) if files else (j.Result.REFUSED, DAMAGED)
    return [_row(stamp, msg, department, j.RowKind.MESSAGE, outcome, reason=reason), *files]


def _why_nothing(results: set[j.Result]) -> str:
    if j.Result.DUPLICATE in results:
        return "Các phiếu đính kèm đã nhập từ trước."
    if j.Result.REFUSED in results:
        return "Tệp đính kèm bị từ chối (xem các dòng dưới)."
    return NO_WORKBOOK


def _file(
    stamp: str, msg: Incoming, department: str, v: Verdict, target: _Folder
) -> j.JournalEntry:
    def row(result: j.Result, stored: str = "", reason: str = "") -> j.JournalEntry:
        return _row(
            stamp, msg, department, j.RowKind.FILE, result,
            original=v.name, digest=v.sha256, stored=stored, reason=reason,
        )  # fmt: skip

    if not v.accepted:
        return row(j.Result.REFUSED if v.refused else j.Result.SKIPPED, reason=v.reason)
    same = target.same_as(v.sha256)
    if same:
        target.arrived(same, msg.received)
        reason = f"Trùng nội dung với {same}, đã có trong thư mục phiếu."
        return row(j.Result.DUPLICATE, same, reason)
    return row(j.Result.IMPORTED, target.store(v, msg.received))


def _row(
    stamp: str,
    msg: Incoming,
    department: str,
    kind: j.RowKind,
    result: j.Result,
    *,
    original: str = "",
    digest: str = "",
    stored: str = "",
    reason: str = "",
) -> j.JournalEntry:
    received = in_vietnam(msg.received).isoformat(timespec="seconds") if msg.received else ""
    return j.JournalEntry(
        recorded=stamp,
        kind=kind,
        source=msg.origin,
        message_id=msg.key,
        sender=msg.sender,
        department=department,
        subject=msg.subject,
        received=received,
        original=original,
        sha256=digest,
        stored=stored,
        result=result,
        reason=reason,
    )


def _unreadable(stamp: str, item: Unreadable) -> j.JournalEntry:
    result = j.Result.SKIPPED if item.skipped else j.Result.REFUSED
    return j.JournalEntry(
        recorded=stamp,
        kind=j.RowKind.MESSAGE,
        source=item.origin,
        message_id="",
        sender="",
        department="",
        subject="",
        received="",
        original="",
        sha256="",
        stored="",
        result=result,
        reason=item.reason,
    )


def _file_sha(path: Path) -> str:
    with path.open("rb") as handle:
        return content_key(handle)  # the SHA-256 of the bytes, read in pieces
