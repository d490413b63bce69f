"""A ready-to-send reply: To, a Vietnamese subject and body, the feedback workbook attached.

Headers are encoded with `email.header.Header` (compat32): the newer policy's folder can put the
space between two words outside the RFC 2047 encoded words, where mail clients drop it
("Hạ tầng" shown as "Hạtầng"); Header keeps every space inside an encoded word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.message import Message
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import format_datetime, make_msgid

from docgen.digest import sha256

XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIRE = compat32.clone(linesep="\r\n")  # what an SMTP client sends, and what the .eml holds


@dataclass(frozen=True)
class Draft:
    """What one department gets back."""

    department: str
    to: tuple[str, ...]
    subject: str
    body: str
    attachments: tuple[tuple[str, bytes], ...]  # (name, bytes): the feedback workbooks
    in_reply_to: str = ""  # the Message-ID of the submission it answers

    @property
    def attachment_names(self) -> str:
        """The attached files' names, for the journal."""
        return ", ".join(name for name, _ in self.attachments)

    def fingerprint(self) -> str:
        """The SHA-256 of the attachment (of their hashes when there are several)."""
        digests = [sha256(data) for _, data in self.attachments]
        if len(digests) == 1:
            return digests[0]
        return sha256(" ".join(digests).encode())


def compose(draft: Draft, sender: str, sender_name: str, when: datetime) -> Message:
    """The reply as a MIME message (UTF-8 body, RFC 2047 headers, the workbook attached)."""
    msg = MIMEMultipart()
    msg["From"] = f"{Header(sender_name, 'utf-8').encode()} <{sender}>" if sender_name else sender
    msg["To"] = ", ".join(draft.to)
    msg["Subject"] = Header(draft.subject, "utf-8")  # type: ignore[assignment]  # compat32 folds it
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    if draft.in_reply_to:
        msg["In-Reply-To"] = draft.in_reply_to
        msg["References"] = draft.in_reply_to
    msg.attach(MIMEText(draft.body, "plain", "utf-8"))
    for name, data in draft.attachments:
        part = MIMEApplication(data, XLSX)
        part.add_header("Content-Disposition", "attachment", filename=name)
        msg.attach(part)
    return msg


def as_bytes(msg: Message) -> bytes:
    """The message with CRLF line ends, as written to the .eml and sent."""
    return msg.as_bytes(policy=WIRE)
