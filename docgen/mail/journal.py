"""The mail journal: one CSV row per message, attachment and reply sent, appended, never rewritten.

It lives in the workspace (input/thu-nhan.csv), opens in Excel (UTF-8 with BOM, Vietnamese
headers), and is what later commands read to know when and from whom each file arrived.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

# Results, as the clerk reads them in the journal.
IMPORTED = "đã nhập"
DUPLICATE = "trùng"
SKIPPED = "bỏ qua"
REFUSED = "từ chối"
SENT = "đã gửi"
# Kinds of row.
MESSAGE = "thư"
FILE = "tệp"
REPLY = "phản hồi"

HEADERS = (
    "Ghi lúc",
    "Loại",
    "Nguồn",
    "Mã thư",
    "Người gửi",
    "Đơn vị",
    "Tiêu đề",
    "Nhận lúc",
    "Tệp gốc",
    "SHA-256",
    "Lưu vào",
    "Kết quả",
    "Lý do",
)


@dataclass(frozen=True)
class Entry:
    """One journal row; times are ISO 8601 with their UTC offset."""

    recorded: str
    kind: str
    source: str
    message_id: str
    sender: str
    department: str
    subject: str
    received: str
    original: str
    sha256: str
    stored: str
    result: str
    reason: str = ""

    @property
    def received_at(self) -> datetime | None:
        """The received time, or None when the row has none."""
        return datetime.fromisoformat(self.received) if self.received else None


assert len(HEADERS) == len(fields(Entry))
_NEVER = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Receipt:
    """How one file of the input folder arrived: by mail, when, from whom."""

    file: str
    received: datetime | None
    sender: str
    department: str
    subject: str
    message_id: str


def read_journal(path: Path) -> list[Entry]:
    """Every row of the journal; an absent journal is empty."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [Entry(*row) for row in rows[1:] if len(row) == len(HEADERS)]


def append(path: Path, entries: list[Entry]) -> None:
    """Add rows at the end (the header first when the journal is new)."""
    if not entries:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.is_file() or path.stat().st_size == 0
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if new:
        writer.writerow(HEADERS)
    writer.writerows(astuple(e) for e in entries)
    with path.open("a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
        handle.write(buffer.getvalue())


def receipts(path: Path, book: Mapping[str, str] | None = None) -> dict[str, Receipt]:
    """Stored file name → how it arrived: the first arrival of its bytes, whatever the order.

    A reply re-attaching bytes received before is journaled as a duplicate of the stored file;
    the file's arrival is the earliest of all its copies, so neither the order in which messages
    were read nor a later copy can make old bytes look new. With `book` (the campaign's current
    addresses), a sender confirmed since the import counts as confirmed.
    """
    copies: dict[str, list[Entry]] = {}
    for e in read_journal(path):
        if e.kind == FILE and e.result in (IMPORTED, DUPLICATE) and e.stored:
            copies.setdefault(Path(e.stored).name, []).append(e)
    return {
        name: _first_arrival(name, rows, book)
        for name, rows in copies.items()
        if any(r.result == IMPORTED for r in rows)
    }


def _first_arrival(name: str, rows: list[Entry], book: Mapping[str, str] | None) -> Receipt:
    def department(e: Entry) -> str:
        return book.get(e.sender, "") if book is not None and e.sender else e.department

    timed = [e for e in rows if e.received_at is not None] or rows
    first = min(e.received_at or _NEVER for e in timed) if timed else None
    confirmed = [e for e in timed if department(e)]
    who = min(confirmed or timed, key=lambda e: e.received_at or _NEVER)
    when = first if first is not _NEVER else None
    return Receipt(name, when, who.sender, department(who), who.subject, who.message_id)


JOURNAL_NAME = "thu-nhan.csv"


def journal_for(folder: Path) -> Path:
    """The journal of an input folder: beside it (input/thu-nhan.csv for input/phieu/)."""
    return folder.parent / JOURNAL_NAME
