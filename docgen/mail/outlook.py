"""Outlook .msg files → Incoming. The only module that uses extract-msg."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import extract_msg

from docgen.mail.message import Attachment, Incoming
from docgen.mail.parse import content_key as bytes_key
from docgen.text import nfc


class MsgUnreadable(Exception):
    """The file is not an Outlook message extract-msg can open."""


def read_msg(path: Path) -> Incoming:
    """The saved Outlook message at `path`; nested messages are listed, not opened."""
    try:
        msg: Any = extract_msg.openMsg(str(path), delayAttachments=False)
    except Exception as exc:  # extract-msg raises many kinds on a damaged or foreign file
        raise MsgUnreadable(str(exc)) from None
    try:
        attachments, nested = _attachments(msg)
        return Incoming(
            origin=str(path),
            key=str(getattr(msg, "messageId", "") or "").strip() or content_key(path),
            sender=_sender(msg),
            subject=nfc(str(getattr(msg, "subject", "") or "")),
            received=_when(getattr(msg, "receivedTime", None) or getattr(msg, "date", None)),
            attachments=tuple(attachments),
            nested=tuple(nested),
        )
    finally:
        msg.close()


def msg_key(path: Path) -> str:
    """The message's key without reading its attachments (a re-run skips it by this key)."""
    try:
        msg: Any = extract_msg.openMsg(str(path), delayAttachments=True)
    except Exception as exc:  # extract-msg raises many kinds on a damaged or foreign file
        raise MsgUnreadable(str(exc)) from None
    try:
        return str(getattr(msg, "messageId", "") or "").strip() or content_key(path)
    finally:
        msg.close()


def content_key(path: Path) -> str:
    """A message without a Message-ID is known by its bytes, never by its file name."""
    with path.open("rb") as handle:
        return bytes_key(handle)


def _attachments(msg: Any) -> tuple[list[Attachment], list[str]]:
    attachments: list[Attachment] = []
    nested: list[str] = []
    for att in getattr(msg, "attachments", []):
        name = nfc(str(att.longFilename or att.shortFilename or att.displayName or ""))
        if isinstance(att.data, bytes):
            mime = str(getattr(att, "mimetype", "") or "")
            attachments.append(Attachment(name, att.data, mime, bool(getattr(att, "cid", ""))))
        else:  # an embedded message or an OLE object
            nested.append(name)
    return attachments, nested


def _sender(msg: Any) -> str:
    """The SMTP address: from the saved headers' From, else the sender address properties."""
    raw = str(getattr(msg, "sender", "") or "")
    if "<" in raw and ">" in raw:
        return raw[raw.rfind("<") + 1 : raw.rfind(">")].strip().lower()
    for stream in ("__substg1.0_5D01", "__substg1.0_0C1F"):  # SMTP, then "email" address
        value = str(msg.getStringStream(stream) or "")
        if "@" in value:
            return value.strip().lower()
    return raw.strip().lower() if "@" in raw else ""


def _when(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
