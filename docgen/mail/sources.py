"""Messages from saved files and mailbox exports: .eml, Outlook .msg, mbox, Maildir."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

from docgen.mail.message import Incoming, Unreadable
from docgen.mail.outlook import MsgUnreadable, read_msg
from docgen.mail.parse import parse_bytes

MAX_MESSAGE_BYTES = 60 * 1024 * 1024  # larger than any mail server accepts

Item = Incoming | Unreadable
NOT_MESSAGE = "Không phải thư đã lưu (.eml, .msg) hay hộp thư mbox."
EMPTY = "Tệp thư rỗng (0 byte): thư chưa được lưu hết; hãy lưu hoặc tải thư xuống lại."


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
            yield Unreadable(str(path), NOT_MESSAGE, skipped=True)


def _file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_MESSAGE_BYTES:
        yield Unreadable(str(path), "Tệp quá lớn để là một thư (trên 60 MB).")
    elif size == 0:
        yield Unreadable(str(path), EMPTY)
    elif suffix == ".msg":
        try:
            yield read_msg(path)
        except MsgUnreadable:
            yield Unreadable(
                str(path), "Không đọc được thư Outlook (.msg) này; tệp có thể bị hỏng."
            )
    elif suffix == ".mbox" or _looks_mbox(path):
        yield from _mbox(path)
    elif suffix == ".eml":
        yield parse_bytes(path.read_bytes(), str(path))
    else:
        yield Unreadable(str(path), NOT_MESSAGE)


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
            yield parse_bytes(box.get_bytes(key), f"{path}#{number}")
    finally:
        box.close()


def _maildir(path: Path) -> Iterator[Item]:
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in sorted(box.keys()):
        yield parse_bytes(box.get_bytes(key), f"{path}#{key}")
