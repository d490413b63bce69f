"""A received message reduced to what intake needs: who, when, what, and its attachments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Attachment:
    """One attached file: its decoded name (NFC, '' when sent without one) and its bytes."""

    name: str
    data: bytes
    content_type: str = ""  # as declared: "image/png", "application/vnd.ms-excel"…
    inline: bool = False  # shown in the body (Content-ID or inline disposition), not attached


@dataclass(frozen=True)
class Incoming:
    """One message from any source (saved file, mailbox export, IMAP)."""

    origin: str  # where it was read: a file path, "mbox:…#3", "imap://host/INBOX;UID=7"
    key: str  # Message-ID, or the SHA-256 of the raw message when it has none
    sender: str  # address, lower case
    subject: str
    received: datetime | None  # timezone-aware; None when nothing says when
    attachments: tuple[Attachment, ...] = ()
    nested: tuple[str, ...] = field(default=())  # attached messages, refused unopened
    damaged: bool = False  # the MIME structure is broken; what could be read was read


@dataclass(frozen=True)
class Unreadable:
    """A source entry that is not a message docgen can read, and why."""

    origin: str
    reason: str
    skipped: bool = False  # True: simply not a message (a note beside saved messages)
