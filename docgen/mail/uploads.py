"""Workbooks the clerk drops on the page: each one a message of its own, through the same door.

A workbook that reached the clerk some other way (a USB stick, Zalo, a paper form typed in) is
handed to the importer as an `Incoming` message holding one attachment, so it meets exactly the
checks of a mailed attachment (size, zip bomb, content sniffing, safe name, duplicates) and is
journaled like one. There is no sender address: the clerk names the department, which is what
confirms it (`Incoming.department`); it arrives when it is dropped.

Dropped files are kept in the workspace (`keep_dropped`, input/tai-len/): a saved mail (.eml,
.msg, mbox) is read from there as `nhan-thu` reads a mail named on its command line; a workbook
the intake door accepts is kept too, and its message names the kept copy. The journal's source then names a file that is still
there when `nhan-thu --khoi-phuc` needs to read it again (`docgen.mail.restore`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docgen.digest import sha256
from docgen.mail.attachments import sort_out
from docgen.mail.message import Attachment, Incoming
from docgen.mail.names import store_name
from docgen.output.files import write_beside

ORIGIN = "trang-giao-dien"
SUBJECT = "Tải lên qua trang giao diện"


def is_dropped(message_key: str) -> bool:
    """True for the key of a workbook dropped on the page (not a mail a department sent)."""
    return message_key.endswith(f"@{ORIGIN}>")


def uploaded(name: str, data: bytes, department: str, when: datetime, origin: str = "") -> Incoming:
    """One dropped workbook as a message: known by its bytes, so dropping it twice is a no-op;
    `origin` is where the page kept it (`keep_dropped`)."""
    digest = sha256(data)
    return Incoming(
        origin=origin or f"{ORIGIN}/{name}",
        key=f"<{digest}@{ORIGIN}>",
        sender="",
        subject=SUBJECT,
        received=when,
        attachments=(Attachment(name, data),),
        department=department,
    )


def dropped_workbook(
    name: str, data: bytes, department: str, when: datetime, folder: Path
) -> Incoming:
    """A dropped workbook as its message, kept in `folder` when the intake door accepts it (a
    refused file is journaled, never kept: there is nothing to write back later)."""
    accepted = any(v.accepted for v in sort_out(Attachment(name, data)))
    origin = str(keep_dropped(name, data, folder)) if accepted else ""
    return uploaded(name, data, department, when, origin)


def keep_dropped(name: str, data: bytes, folder: Path) -> Path:
    """A dropped file written into `folder` under a safe name (absolute path), so that the
    journal names a file that lasts; the same bytes dropped again are the file already kept,
    other bytes under the same name go beside it (`write_beside`)."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_beside(folder.absolute() / store_name(name), data)[0]
