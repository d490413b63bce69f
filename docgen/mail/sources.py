"""Messages from saved files and mailbox exports: .eml, Outlook .msg, mbox, Maildir.

Each message comes as an Envelope: its key (Message-ID, else the SHA-256 of its bytes) is
read from the headers alone, so a message already in the journal is skipped without being
parsed; the importer opens the others, which are read from disk in pieces.
"""

from __future__ import annotations

import mailbox
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, cast

from docgen.mail.attachments import WORKBOOK_SUFFIXES
from docgen.mail.message import Envelope, Incoming, Unreadable
from docgen.mail.outlook import MsgUnreadable, msg_key, read_msg
from docgen.mail.parse import content_key, message_id, parse_file
from docgen.mail.stream import read_headers

MAX_MESSAGE_BYTES = 60 * 1024 * 1024  # larger than any mail server accepts

Item = Incoming | Unreadable | Envelope
NOT_MESSAGE = "Không phải thư đã lưu (.eml, .msg) hay hộp thư mbox."
A_WORKBOOK = (
    "Đây là phiếu Excel, không phải thư: chép tệp vào thư mục phiếu (input/phieu/) rồi kiểm tra "
    "phiếu, hoặc kéo thả tệp vào ô “Phiếu Excel” trên trang Nhận phiếu."
)
EMPTY = "Tệp thư rỗng (0 byte): thư chưa được lưu hết; hãy lưu hoặc tải thư xuống lại."
MSG_UNREADABLE = "Không đọc được thư Outlook (.msg) này; tệp có thể bị hỏng."


def read_paths(paths: list[Path]) -> Iterator[Item]:
    """Every message found under `paths`: files, folders of files, mbox files, Maildirs."""
    for path in paths:
        if not path.exists():
            yield Unreadable(str(path), "Không tìm thấy tệp hoặc thư mục này.")
        elif path.is_dir():
            yield from _folder(path)
        else:
            yield from _file(path)


def is_maildir(path: Path) -> bool:
    """A Maildir has the three folders cur/, new/ and tmp/."""
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def _folder(folder: Path) -> Iterator[Item]:
    if is_maildir(folder):
        yield from _maildir(folder)
        return
    for path in sorted(folder.iterdir()):
        if path.is_dir():
            yield from _folder(path)
        elif path.suffix.lower() in (".eml", ".msg", ".mbox") or _looks_mbox(path):
            yield from _file(path)
        else:
            yield _not_message(path, skipped=True)


def _file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_MESSAGE_BYTES:
        yield Unreadable(str(path), "Tệp quá lớn để là một thư (trên 60 MB).")
    elif size == 0:
        yield Unreadable(str(path), EMPTY, skipped=False)
    elif suffix == ".msg":
        yield _msg(path)
    elif suffix == ".mbox" or _looks_mbox(path):
        yield from _mbox(path)
    elif suffix == ".eml":
        yield _envelope(str(path), partial(_open, path))
    else:
        yield _not_message(path, skipped=False)


def _not_message(path: Path, skipped: bool) -> Unreadable:
    """A file that is no message, and why; a workbook is told where workbooks go."""
    workbook = path.suffix.lower() in WORKBOOK_SUFFIXES
    return Unreadable(str(path), A_WORKBOOK if workbook else NOT_MESSAGE, skipped=skipped)


def _envelope(origin: str, opener: Callable[[], IO[bytes]]) -> Envelope:
    """A saved message known by its headers; opened again when it has to be read."""
    with opener() as handle:
        key = message_id(read_headers(handle)) or content_key(handle)

    def read() -> Incoming | Unreadable:
        with opener() as handle:
            if not handle.read(1):
                return Unreadable(origin, EMPTY)
            handle.seek(0)
            return parse_file(handle, origin)

    return Envelope(origin, key, read)


def _msg(path: Path) -> Item:
    try:
        key = msg_key(path)
    except MsgUnreadable:
        return Unreadable(str(path), MSG_UNREADABLE)

    def read() -> Incoming | Unreadable:
        try:
            return read_msg(path)
        except MsgUnreadable:
            return Unreadable(str(path), MSG_UNREADABLE)

    return Envelope(str(path), key, read)


def _open(path: Path) -> IO[bytes]:
    return path.open("rb")


def _in_box(box: mailbox.Mailbox[mailbox.Message], key: str) -> IO[bytes]:
    return cast(IO[bytes], box.get_file(key))


def _looks_mbox(path: Path) -> bool:
    """mbox exports (Thunderbird, Google Takeout) start with a 'From ' line, any name."""
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


def _mbox(path: Path) -> Iterator[Item]:
    box = mailbox.mbox(path, create=False)
    try:
        for number, key in enumerate(box.keys(), start=1):
            yield _envelope(f"{path}#{number}", partial(_in_box, box, key))
    finally:
        box.close()


def _maildir(path: Path) -> Iterator[Item]:
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in sorted(box.keys()):
        yield _envelope(f"{path}#{key}", partial(_in_box, box, key))
