"""Workbooks the clerk drops on the page: each one a message of its own, through the same door.

A workbook that reached the clerk some other way (a USB stick, Zalo, a paper form typed in) is
handed to the importer as an `Incoming` message holding one attachment, so it meets exactly the
checks of a mailed attachment (size, zip bomb, content sniffing, safe name, duplicates) and is
journaled like one. There is no sender address: the clerk names the department, which is what
confirms it (`Incoming.department`); it arrives when it is dropped.
"""

from __future__ import annotations

from datetime import datetime

from docgen.digest import sha256
from docgen.mail.message import Attachment, Incoming

ORIGIN = "trang-giao-dien"
SUBJECT = "Tải lên qua trang giao diện"


def uploaded(name: str, data: bytes, department: str, when: datetime) -> Incoming:
    """One dropped workbook as a message: known by its bytes, so dropping it twice is a no-op."""
    digest = sha256(data)
    return Incoming(
        origin=f"{ORIGIN}/{name}",
        key=f"<{digest}@{ORIGIN}>",
        sender="",
        subject=SUBJECT,
        received=when,
        attachments=(Attachment(name, data),),
        department=department,
    )
