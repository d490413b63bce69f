"""Messages built in code for tests and the bench: RFC 5322 with stdlib `email`, Outlook .msg.

No hand-made binaries: every message a test reads is written here from its parts.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from datetime import UTC, datetime
from email import encoders
from email.header import Header
from email.message import EmailMessage
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid
from pathlib import Path

from extract_msg.ole_writer import OleWriter

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

Files = Sequence[tuple[str, bytes]]


def message(
    sender: str,
    subject: str,
    files: Files = (),
    when: datetime | None = None,
    to: str = "thiduakhenthuong.tienthanh@dongxoai.gov.vn",
    nested: EmailMessage | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """A message with `files` attached (names RFC 2231-encoded as mailers do)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when or datetime(2023, 12, 10, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = message_id or make_msgid(domain="dongxoai.gov.vn")
    msg.set_content("Kính gửi Thường trực Hội đồng,\nĐơn vị gửi phiếu đề nghị khen thưởng.\n")
    for name, data in files:
        maintype, subtype = XLSX_TYPE if name.endswith("x") else ("application", "octet-stream")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if nested is not None:
        msg.add_attachment(nested)
    return msg


def rfc2047_message(sender: str, subject: str, files: Files) -> bytes:
    """A message whose attachment names are RFC 2047 words in quotes, as Outlook writes them."""
    msg = MIMEMultipart()
    msg["From"] = sender
    msg["To"] = "thiduakhenthuong.tienthanh@dongxoai.gov.vn"
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Date"] = format_datetime(datetime(2023, 12, 10, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = make_msgid(domain="dongxoai.gov.vn")
    msg.attach(MIMEText("Kính gửi Thường trực Hội đồng.", "plain", "utf-8"))
    for name, data in files:
        part = MIMEBase(*XLSX_TYPE)
        part.set_payload(data)
        encoders.encode_base64(part)
        part.add_header(
            "Content-Disposition", f'attachment; filename="{Header(name, "utf-8").encode()}"'
        )
        msg.attach(part)
    return msg.as_bytes()


def _u(text: str) -> bytes:
    return text.encode("utf-16-le")


def _prop(tag: int, value: bytes) -> bytes:
    return struct.pack("<II", tag, 6) + value.ljust(8, b"\0")


def _filetime(when: datetime) -> bytes:
    return struct.pack("<Q", int((when.timestamp() + 11_644_473_600) * 10**7))


def outlook_msg(
    path: Path,
    sender: str,
    sender_name: str,
    subject: str,
    files: Files,
    when: datetime,
    message_id: str = "<outlook-1@dongxoai.gov.vn>",
) -> Path:
    """An Outlook .msg (compound file, MS-OXMSG) written with extract-msg's own writer."""
    w = OleWriter()
    header = b"\0" * 8 + struct.pack("<IIII", 0, len(files), 0, len(files)) + b"\0" * 8
    w.addEntry("__properties_version1.0", header + _prop(0x0E060040, _filetime(when)))
    for tag, text in (
        ("001A", "IPM.Note"),
        ("0037", subject),
        ("0C1A", sender_name),
        ("5D01", sender),
        ("1000", "Kính gửi Thường trực Hội đồng."),
        ("1035", message_id),
    ):
        w.addEntry(f"__substg1.0_{tag}001F", _u(text))
    w.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        w.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    for number, (name, data) in enumerate(files):
        storage = f"__attach_version1.0_#{number:08X}"
        w.addEntry(storage, storage=True)
        w.addEntry(f"{storage}/__properties_version1.0", b"\0" * 8 + _prop(0x37050003, b"\1"))
        w.addEntry(f"{storage}/__substg1.0_3707001F", _u(name))
        w.addEntry(f"{storage}/__substg1.0_37010102", data)
    w.write(str(path))
    return path
