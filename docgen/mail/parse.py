"""RFC 5322 bytes → Incoming: decoded sender, subject, received time and attachments."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from docgen.mail.message import Attachment, Incoming

_PARSER = BytesParser(policy=policy.default)
_NESTED = ("message/rfc822", "message/global", "application/vnd.ms-outlook")


def parse_bytes(raw: bytes, origin: str, received: datetime | None = None) -> Incoming:
    """The message in `raw`; `received` (e.g. IMAP INTERNALDATE) wins over its headers."""
    msg = _PARSER.parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    attachments: list[Attachment] = []
    nested: list[str] = []
    _collect(msg, attachments, nested)
    key = _text(msg.get("Message-ID", "")).strip() or hashlib.sha256(raw).hexdigest()
    return Incoming(
        origin=origin,
        key=key,
        sender=sender_of(msg),
        subject=" ".join(nfc(_text(msg.get("Subject", ""))).split()),
        received=received or received_time(msg),
        attachments=tuple(attachments),
        nested=tuple(nested),
    )


def _collect(part: Message, attachments: list[Attachment], nested: list[str]) -> None:
    """Walk the MIME tree without entering attached messages (they are refused whole)."""
    if part.get_content_type() in _NESTED or part.get_content_maintype() == "message":
        nested.append(nfc(part.get_filename() or "") or part.get_content_type())
        return
    if part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                _collect(sub, attachments, nested)
        return
    name = part.get_filename()
    if name is None and part.get_content_disposition() != "attachment":
        return  # the body text
    data = part.get_payload(decode=True)
    attachments.append(
        Attachment(nfc(name or "khong-ten"), data if isinstance(data, bytes) else b"")
    )


def sender_of(msg: Message) -> str:
    """The From address in lower case ('' when there is none)."""
    header = msg.get("From")
    addresses = getattr(header, "addresses", ())
    if addresses:
        return str(addresses[0].addr_spec).lower()
    return _text(header or "").strip().lower()


def received_time(msg: Message) -> datetime | None:
    """When the last server received it (top Received header), else the Date header."""
    top = msg.get("Received")
    if top and ";" in str(top):
        when = _date(str(top).rsplit(";", 1)[1])
        if when:
            return when
    return _date(_text(msg.get("Date", "")))


def _date(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _text(value: object) -> str:
    return str(value) if value is not None else ""


def nfc(text: str) -> str:
    """NFC text: names and subjects compare and print the same whatever the sender's mailer."""
    return unicodedata.normalize("NFC", text)
