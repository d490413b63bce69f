"""RFC 5322 messages → Incoming: decoded sender, subject, received time and attachments.

The MIME tree is walked from the file by `docgen.mail.stream` (bounded memory); headers are
parsed with the compat32 policy and only those intake needs are decoded (RFC 2047 words,
RFC 2231 parameters): the default policy builds a typed object for every header, which is
more than half of the import's CPU time for nothing used here.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email.errors import HeaderParseError
from email.header import Header, decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from typing import IO

from docgen.digest import sha256_stream
from docgen.mail.message import Incoming
from docgen.mail.stream import read_headers, walk
from docgen.text import nfc


def parse_bytes(raw: bytes, origin: str, received: datetime | None = None) -> Incoming:
    """The message in `raw`; `received` (e.g. IMAP INTERNALDATE) wins over its headers."""
    return parse_file(io.BytesIO(raw), origin, received)


def parse_file(handle: IO[bytes], origin: str, received: datetime | None = None) -> Incoming:
    """The message in a seekable binary file, read from its position without holding it:
    headers parsed, attachments decoded to temporary files (see `docgen.mail.stream`)."""
    start = handle.tell()
    top = read_headers(handle)
    found = walk(handle, top, file_name)
    return Incoming(
        origin=origin,
        key=message_id(top) or content_key(handle, start),
        sender=sender_of(top),
        subject=" ".join(nfc(decoded(top.get("Subject", ""))).split()),
        received=received or received_time(top),
        attachments=tuple(found.attachments),
        nested=tuple(found.nested),
        damaged=found.damaged,
    )


def message_id(headers: Message) -> str:
    """The Message-ID ('' when there is none)."""
    return decoded(headers.get("Message-ID", "")).strip()


def content_key(handle: IO[bytes], start: int = 0) -> str:
    """A message without a Message-ID is known by the SHA-256 of its bytes (read in pieces)."""
    return sha256_stream(handle, start)


def file_name(part: Message) -> str:
    """The attachment's name: RFC 2231 (filename*=), RFC 2047 words in quotes as Outlook writes,
    or raw UTF-8 (RFC 6532)."""
    if _raw_8bit(part):
        part = _unicode_headers(part)
    name = part.get_filename() or part.get_param("name") or ""
    if isinstance(name, tuple):  # an RFC 2231 value get_param did not collapse
        name = name[2]
    return nfc(decoded(str(name)))


def _raw_8bit(part: Message) -> bool:
    return any(isinstance(v, Header) for v in part.values())


def _unicode_headers(part: Message) -> Message:
    """The part's content headers with raw UTF-8 bytes read as UTF-8 (for the name only)."""
    fixed = Message()
    for header in ("Content-Type", "Content-Disposition"):
        raw = part.get(header)
        if raw is not None:
            fixed[header] = _text(raw)
    return fixed


def sender_of(msg: Message) -> str:
    """The From address in lower case ('' when there is none)."""
    # Parsed before decoding: a decoded display name may hold a comma or a quote.
    addresses = getaddresses([_text(msg.get("From", ""))])
    return addresses[0][1].strip().lower() if addresses else ""


def received_time(msg: Message) -> datetime | None:
    """When the last server received it (top Received header), else the Date header."""
    top = msg.get("Received")
    if top and ";" in str(top):
        when = _date(str(top).rsplit(";", 1)[1])
        if when:
            return when
    return _date(decoded(msg.get("Date", "")))


def _date(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def decoded(value: object) -> str:
    """A header's text with RFC 2047 encoded words decoded (undecodable bytes replaced)."""
    text = _text(value)
    if "=?" not in text:
        return text
    try:
        return str(make_header(decode_header(text)))
    except (HeaderParseError, LookupError, UnicodeDecodeError, ValueError):
        return text


def _text(value: object) -> str:
    """A header as text; raw 8-bit bytes (UTF-8 mailers, RFC 6532) read as UTF-8."""
    if isinstance(value, Header):  # compat32 keeps 8-bit header bytes this way
        return "".join(
            part.decode("utf-8" if charset in (None, "unknown-8bit") else charset, "replace")
            if isinstance(part, bytes)
            else part
            for part, charset in decode_header(value)
        )
    return str(value) if value is not None else ""
