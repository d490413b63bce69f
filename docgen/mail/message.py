"""A received message reduced to what intake needs: who, when, what, and its attachments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO

from docgen.digest import sha256


@dataclass(frozen=True)
class Attachment:
    """One attached file: its decoded name (NFC, '' when sent without one) and its bytes,
    held in memory (`data`) or spooled to an anonymous temporary file (`spool`)."""

    name: str
    data: bytes = b""
    content_type: str = ""  # as declared: "image/png", "application/vnd.ms-excel"…
    inline: bool = False  # shown in the body (Content-ID or inline disposition), not attached
    spool: IO[bytes] | None = None
    size: int = -1
    sha256: str = ""

    def __post_init__(self) -> None:
        if self.spool is None:
            object.__setattr__(self, "size", len(self.data))
            object.__setattr__(self, "sha256", sha256(self.data))

    def read(self) -> bytes:
        """The bytes (read from the spool; callers check `size` first)."""
        if self.spool is None:
            return self.data
        self.spool.seek(0)
        return self.spool.read()

    def head(self, count: int) -> bytes:
        """The first `count` bytes."""
        if self.spool is None:
            return self.data[:count]
        self.spool.seek(0)
        return self.spool.read(count)

    def close(self) -> None:
        """Free the spool's disk space."""
        if self.spool is not None:
            self.spool.close()


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
    department: str = ""  # named by the clerk (a workbook dropped on the page), not by a sender


@dataclass(frozen=True)
class Unreadable:
    """A source entry that is not a message docgen can read, and why."""

    origin: str
    reason: str
    skipped: bool = False  # True: simply not a message (a note beside saved messages)


@dataclass(frozen=True)
class Envelope:
    """A message known by its key before it is read: a re-run skips it without reading it."""

    origin: str
    key: str  # as Incoming.key
    open: Callable[[], Incoming | Unreadable]  # the message itself, attachments spooled
    lasting: bool = False  # the origin names this message for ever (IMAP UIDVALIDITY and UID)
