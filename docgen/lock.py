"""One writer per workspace: an operating-system lock that dies with the process holding it.

Commands that write the workspace (`ho-so`, `kiem-tra` with feedback, `tong-hop`, …) take
the lock on `output/.docgen-khoa` before they start. A second command waits a little, then
stops with a message naming who holds the lock. The lock is `fcntl.flock` on POSIX and
`msvcrt.locking` on Windows: the system releases it when the holder exits, however it
exits (crash, kill, power loss of a network client aside), so no stale lock can remain and
no PID guessing is needed. The file itself only says who holds the lock, for the message.

The lock file is therefore no state: a note left by a finished, killed or older docgen, or one
damaged or re-saved in another encoding, is simply replaced by the next holder (a waiting
command whose holder's note is unreadable says so). Only a lock path that is not a file at
all (a folder made in its place) stops the command: it is moved aside (`docgen.statefile`).
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from docgen.errors import DocgenError
from docgen.oserror import naming
from docgen.statefile import Damage, StateFileDamaged, set_aside
from docgen.text import now_in_vietnam

LOCK_NAME = ".docgen-khoa"
WAIT_SECONDS = 5.0  # how long a second command waits before it stops
_POLL = 0.1
_LOCK_OFFSET = 1 << 20  # Windows locks a byte range; one far from the holder's note


class WorkspaceBusy(DocgenError):
    """Another docgen command is writing the same workspace."""

    def __init__(self, folder: Path, holder: dict[str, object], waited: float) -> None:
        who = _holder_text(holder)
        super().__init__(
            "WORKSPACE_BUSY",
            f"Thư mục làm việc {folder} đang được một lệnh docgen khác ghi{who}; đã chờ "
            f"{waited:.0f} giây. Hãy chờ lệnh đó chạy xong rồi chạy lại (hai lệnh cùng ghi "
            "một lúc có thể làm lẫn kết quả).",
        )


def _holder_text(holder: dict[str, object]) -> str:
    if not holder:
        return f" (không đọc được ai đang giữ khóa: tệp {LOCK_NAME} không ghi rõ)"
    parts = []
    if holder.get("command"):
        parts.append(f"lệnh “{holder['command']}”")
    if holder.get("host"):
        parts.append(f"máy {holder['host']}")
    if holder.get("pid"):
        parts.append(f"tiến trình {holder['pid']}")
    if holder.get("since"):
        parts.append(f"từ {holder['since']}")
    return f" ({', '.join(parts)})" if parts else ""


@contextmanager
def workspace_lock(output: Path, command: str, wait: float | None = None) -> Iterator[None]:
    """Hold the workspace lock of folder `output` while the block runs."""
    output.mkdir(parents=True, exist_ok=True)
    path = output / LOCK_NAME
    if path.exists() and not path.is_file():
        damage = Damage("đây là một thư mục (hoặc tệp đặc biệt), không phải tệp khóa của docgen")
        rerun = "Tệp khóa không chứa dữ liệu nào của hồ sơ: chạy lại lệnh, docgen tạo lại khóa."
        raise StateFileDamaged("Tệp khóa", path, damage, set_aside(path), rerun)
    handle = path.open("a+b")
    try:
        _acquire(handle, output, WAIT_SECONDS if wait is None else wait)
        with naming(path):  # a full disk says so here first, without a file name
            _note(handle, command)
        try:
            yield
        finally:
            _release(handle)
    finally:
        handle.close()


def _acquire(handle: IO[bytes], output: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not _try_lock(handle):
        if time.monotonic() >= deadline:
            raise WorkspaceBusy(output, _read_note(handle), wait)
        time.sleep(_POLL)


def _note(handle: IO[bytes], command: str) -> None:
    """Say who holds the lock (read by a waiting command for its message)."""
    note = {
        "command": command,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": now_in_vietnam().strftime("%H:%M:%S ngày %d/%m/%Y"),
    }
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(note, ensure_ascii=False).encode())
    handle.flush()


def _read_note(handle: IO[bytes]) -> dict[str, object]:
    try:
        handle.seek(0)
        note = json.loads(handle.read(4096).decode() or "{}")
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


if sys.platform == "win32":  # pragma: no cover - exercised on the clerk's Windows machines
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
