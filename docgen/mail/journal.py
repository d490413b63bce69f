"""The mail journal: one CSV row per message, attachment and reply sent, appended, never rewritten.

It lives in the workspace (input/thu-nhan.csv), opens in Excel (UTF-8 with BOM, Vietnamese
headers), and is what later commands read to know when and from whom each file arrived.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from docgen.output.files import write_atomic
from docgen.statefile import Damage, StateFileDamaged, decode, keep_copy
from docgen.text import VIETNAM, nfc


class RowKind(StrEnum):
    """What a journal row is about."""

    MESSAGE = "message"
    FILE = "file"
    REPLY = "reply"


class Result(StrEnum):
    """What became of a message, a file or a reply."""

    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"
    REFUSED = "refused"
    SENT = "sent"
    RESTORED = "restored"  # a lost file written back from its message (`nhan-thu --khoi-phuc`)


# As the clerk reads them in the journal (the CSV holds these words, journals of every
# docgen version alike): the code compares members, never the words.
KIND_WORDS = {RowKind.MESSAGE: "thư", RowKind.FILE: "tệp", RowKind.REPLY: "phản hồi"}
RESULT_WORDS = {
    Result.IMPORTED: "đã nhập",
    Result.DUPLICATE: "trùng",
    Result.SKIPPED: "bỏ qua",
    Result.REFUSED: "từ chối",
    Result.SENT: "đã gửi",
    Result.RESTORED: "khôi phục",
}
_KIND_OF = {word: kind for kind, word in KIND_WORDS.items()}
_RESULT_OF = {word: result for result, word in RESULT_WORDS.items()}

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
class JournalEntry:
    """One journal row; times are ISO 8601 with their UTC offset."""

    recorded: str
    kind: RowKind
    source: str
    message_id: str
    sender: str
    department: str
    subject: str
    received: str
    original: str
    sha256: str
    stored: str
    result: Result
    reason: str = ""

    @property
    def received_at(self) -> datetime | None:
        """The received time, or None when the row has none; a time typed without its offset
        (a hand edit: "2023-12-10 09:30") is Vietnam time."""
        if not self.received:
            return None
        when = datetime.fromisoformat(self.received)
        return when if when.tzinfo else when.replace(tzinfo=VIETNAM)


_FIELDS = tuple(f.name for f in fields(JournalEntry))
assert len(HEADERS) == len(_FIELDS)
_NEVER = datetime.max.replace(tzinfo=UTC)
_OWN_HEAD = ("\ufeff" + ",".join(HEADERS) + "\r\n").encode()
_SHA256 = re.compile("[0-9a-f]{64}")


@dataclass(frozen=True)
class Receipt:
    """How one file of the input folder arrived: by mail, when, from whom."""

    file: str
    received: datetime | None
    sender: str
    department: str
    subject: str
    message_id: str


def read_journal(path: Path) -> list[JournalEntry]:
    """Every row of the journal; an absent journal is empty; a damaged one aborts by name.

    Read through the state-file door (`docgen.statefile`). What Excel changes when it saves
    the journal again (`;` separators, UTF-16 "Unicode text", no BOM, LF line ends, rows of
    bare separators) reads the same; anything else docgen did not write raises
    StateFileDamaged naming the line, a copy kept beside, the way back said.
    """
    if not path.is_file():
        return []
    try:
        return _rows(path.read_bytes())
    except Damage as damage:
        raise StateFileDamaged(WHAT, path, damage, keep_copy(path), _remedy(path)) from None


WHAT = "Nhật ký thư"


def _remedy(path: Path) -> str:
    return (
        f"Cách sửa: mở {path.name} bằng Notepad (không mở bằng Excel), sửa dòng hỏng theo các "
        "dòng khác rồi chạy lại lệnh; hoặc để docgen ghi lại nhật ký: chuyển "
        f"{path.name} ra khỏi thư mục rồi chạy “docgen nhan-thu” với tất cả thư đã nhận (phiếu "
        "đã có không bị nhập lại, giờ nhận được ghi lại theo thư)."
    )


def _rows(raw: bytes) -> list[JournalEntry]:
    text = _decode(raw)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[JournalEntry] = []
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != HEADERS:
            raise Damage("dòng đầu không phải dòng tiêu đề của nhật ký thư do docgen ghi", 1)
        for row in reader:
            if any(cell.strip() for cell in row):  # Excel leaves rows of bare separators
                rows.append(_entry(row, reader.line_num))
    except csv.Error as exc:
        raise Damage(f"không đọc được dòng CSV ({exc})", reader.line_num) from None
    return rows


def _decode(raw: bytes) -> str:
    """UTF-8; also what Excel writes (the journal is written back whole before appending):
    UTF-16 ("Unicode text") and code page 1258 (plain "CSV" on a Vietnamese Windows)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Damage("tệp UTF-16 bị cắt cụt hoặc hỏng", 1) from None
    try:
        return decode(raw)
    except Damage:
        legacy = _windows_vietnamese(raw)
        if legacy is None:
            raise
        return legacy


def _windows_vietnamese(raw: bytes) -> str | None:
    """The text in code page 1258 (tone marks combining, made NFC), if its header reads right."""
    try:
        text = nfc(raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    first = text.split("\n", 1)[0]
    return text if all(header in first for header in HEADERS) else None


def _entry(row: list[str], line: int) -> JournalEntry:
    if len(row) != len(HEADERS):
        raise Damage(f"có {len(row)} cột, nhật ký thư có {len(HEADERS)} cột", line)
    cells: dict[str, Any] = dict(zip(_FIELDS, row, strict=True))
    kind, result = _KIND_OF.get(cells["kind"]), _RESULT_OF.get(cells["result"])
    if kind is None:
        raise Damage(f"cột “Loại” ghi “{cells['kind']}”, không phải {_choices(KIND_WORDS)}", line)
    if result is None:
        words = _choices(RESULT_WORDS)
        raise Damage(f"cột “Kết quả” ghi “{cells['result']}”, không phải {words}", line)
    entry = JournalEntry(**{**cells, "kind": kind, "result": result})
    for header, value in (("Ghi lúc", entry.recorded), ("Nhận lúc", entry.received)):
        if value and not _is_time(value):
            raise Damage(
                f"cột “{header}” ghi “{value}”, không phải thời điểm dạng 2023-12-10T09:30:00+07:00",
                line,
            )
    if entry.sha256 and not _SHA256.fullmatch(entry.sha256):
        raise Damage(f"cột “SHA-256” ghi “{entry.sha256}”, không phải mã SHA-256", line)
    return entry


def _is_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _choices(words: Mapping[Any, str]) -> str:
    return " hay ".join(f"“{w}”" for w in words.values())


def append(path: Path, entries: list[JournalEntry]) -> None:
    """Add rows at the end (the header first when the journal is new).

    A journal saved again by Excel in another form is first written back in docgen's own
    (UTF-8 with BOM, commas, CRLF), the file as Excel left it kept beside.
    """
    if not entries:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.stat().st_size and not _own_form(path):
        rows = read_journal(path)
        keep_copy(path)  # as Excel left it
        write_atomic(path, _csv(rows, header=True).encode("utf-8-sig"))
    new = not path.is_file() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
        handle.write(_csv(entries, header=new))


def _own_form(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(len(_OWN_HEAD))
    return head == _OWN_HEAD


def _csv(entries: list[JournalEntry], header: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header:
        writer.writerow(HEADERS)
    writer.writerows(tuple(_clean(v) for v in _cells(e)) for e in entries)
    return buffer.getvalue()


def _cells(entry: JournalEntry) -> tuple[str, ...]:
    """The row as the clerk reads it: kind and result in words."""
    words = {"kind": KIND_WORDS[entry.kind], "result": RESULT_WORDS[entry.result]}
    return tuple(
        words.get(name, value) for name, value in zip(_FIELDS, astuple(entry), strict=True)
    )


def _clean(value: str) -> str:
    """No control character (a NUL from a subject, a line break) ever reaches the CSV."""
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in value)


def receipts(path: Path, book: Mapping[str, str] | None = None) -> dict[str, Receipt]:
    """Stored file name → how it arrived: the first arrival of its bytes, whatever the order.

    A reply re-attaching bytes received before is journaled as a duplicate of the stored file;
    the file's arrival is the earliest of all its copies, so neither the order in which messages
    were read nor a later copy can make old bytes look new. With `book` (the campaign's current
    addresses), a sender confirmed since the import counts as confirmed.
    """
    copies: dict[str, list[JournalEntry]] = {}
    for e in read_journal(path):
        if e.kind is RowKind.FILE and e.result in (Result.IMPORTED, Result.DUPLICATE) and e.stored:
            copies.setdefault(Path(e.stored).name, []).append(e)
    return {
        name: _first_arrival(name, rows, book)
        for name, rows in copies.items()
        if any(r.result is Result.IMPORTED for r in rows)
    }


def _first_arrival(name: str, rows: list[JournalEntry], book: Mapping[str, str] | None) -> Receipt:
    def department(e: JournalEntry) -> str:
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
