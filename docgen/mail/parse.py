"""RFC 5322 bytes → Incoming: decoded sender, subject, received time and attachments.

Parsed with the compat32 policy and only the headers intake needs decoded (RFC 2047 words,
RFC 2231 parameters): the default policy builds a typed object for every header, which is
more than half of the import's CPU time for nothing used here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from datetime import UTC, datetime
from email import errors, policy
from email.errors import HeaderParseError
from email.header import Header, decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from docgen.mail.message import Attachment, Incoming

_PARSER = BytesParser(policy=policy.compat32)
_NESTED = ("message/rfc822", "message/global", "application/vnd.ms-outlook")
_BODY = ("text", "multipart")
_DELIMITER = re.compile(r"^--([ -~]{1,70}?)(?:--)?[ \t]*\r?$", re.MULTILINE)
_BROKEN = (
    errors.StartBoundaryNotFoundDefect,
    errors.NoBoundaryInMultipartDefect,
    errors.CloseBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect,
)


def parse_bytes(raw: bytes, origin: str, received: datetime | None = None) -> Incoming:
    """The message in `raw`; `received` (e.g. IMAP INTERNALDATE) wins over its headers."""
    msg = _PARSER.parsebytes(raw)
    attachments: list[Attachment] = []
    nested: list[str] = []
    _collect(msg, attachments, nested)
    key = decoded(msg.get("Message-ID", "")).strip() or hashlib.sha256(raw).hexdigest()
    return Incoming(
        origin=origin,
        key=key,
        sender=sender_of(msg),
        subject=" ".join(nfc(decoded(msg.get("Subject", ""))).split()),
        received=received or received_time(msg),
        attachments=tuple(attachments),
        nested=tuple(nested),
        damaged=any(isinstance(d, _BROKEN) for part in msg.walk() for d in part.defects),
    )


def _collect(part: Message, attachments: list[Attachment], nested: list[str]) -> None:
    """Walk the MIME tree without entering attached messages (they are refused whole)."""
    if part.get_content_type() in _NESTED or part.get_content_maintype() == "message":
        nested.append(_file_name(part) or part.get_content_type())
        return
    if part.get_content_maintype() == "multipart" and not part.is_multipart():
        part = _recovered(part)  # a boundary that is missing or not the one used
    if part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                _collect(sub, attachments, nested)
        return
    name = _file_name(part)
    disposition = part.get_content_disposition()
    if not name and disposition != "attachment" and part.get_content_maintype() in _BODY:
        return  # the body text
    data = part.get_payload(decode=True)
    inline = disposition == "inline" or (disposition is None and bool(part.get("Content-ID")))
    attachments.append(
        Attachment(name, data if isinstance(data, bytes) else b"", part.get_content_type(), inline)
    )


def _recovered(part: Message) -> Message:
    """The parts of a multipart whose declared boundary is absent: split on the delimiter
    lines the body really uses (the most frequent `--token` line)."""
    body = part.get_payload()
    if not isinstance(body, str):
        return part
    found = Counter(m.group(1).rstrip() for m in _DELIMITER.finditer(body))
    if not found:
        return part
    boundary = found.most_common(1)[0][0]
    head = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode()
    return _PARSER.parsebytes(head + body.encode("utf-8", "surrogateescape"))


def _file_name(part: Message) -> str:
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


def nfc(text: str) -> str:
    """NFC text: names and subjects compare and print the same whatever the sender's mailer."""
    return unicodedata.normalize("NFC", text)
