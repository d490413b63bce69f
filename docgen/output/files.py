"""Atomic file writes (temp file in the same folder, then rename), their leftovers, and syncing.

Every temp file docgen makes is named `.<name>.<random>.tmp` beside its target, so that a run
stopped between writing and renaming (Ctrl+C, kill -9, power loss) leaves something a later run
recognises as its own and removes (`remove_leftover_temps`).
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from docgen.digest import sha256
from docgen.errors import OutputError
from docgen.oserror import naming

TEMP_SUFFIX = ".tmp"
# mkstemp's random part is 8 characters of [a-z0-9_]
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write `data` to `path` durably so that an interrupted run never leaves a half-written file.

    `data` may come in pieces (a large file is then never whole in memory).
    """
    tmp = write_temp(path, data, durable=True)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_temp(path: Path, data: bytes | Iterable[bytes], durable: bool = False) -> Path:
    """Write `data` to a new temp file beside `path` (to be renamed onto it); its path.

    Without `durable` the data is not forced to disk here: the caller syncs a whole batch
    of files at once (`sync_to_disk`) before renaming them.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        with naming(path), os.fdopen(fd, "wb") as handle:  # a full disk names the file
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def is_leftover_temp(path: Path) -> bool:
    """Whether `path` is named like one of docgen's temp files."""
    return bool(_TEMP_NAME.match(path.name))


def remove_leftover_temps(folder: Path) -> list[str]:
    """Delete docgen's temp files left under `folder` by an interrupted run; their paths.

    Paths are relative to `folder`, with forward slashes, sorted.
    """
    if not folder.is_dir():
        return []
    found = sorted(p for p in folder.rglob(f".*{TEMP_SUFFIX}") if is_leftover_temp(p))
    for path in found:
        path.unlink(missing_ok=True)
    return [p.relative_to(folder).as_posix() for p in found]


def sync_to_disk(paths: Iterable[Path]) -> None:
    """Force the data and the names of `paths` to disk, as cheaply as the system allows.

    On Linux one `syncfs` of the file system holding them replaces an fsync per file; elsewhere
    (or if syncfs fails) each file and then each folder is fsynced once.
    """
    files = list(paths)
    if not files:
        return
    if sys.platform.startswith("linux") and _syncfs(files[0].parent):
        return
    for path in files:
        _fsync(path, os.O_RDONLY)
    if os.name == "posix":  # folders cannot be opened for fsync on Windows
        for folder in sorted({p.parent for p in files}):
            _fsync(folder, os.O_RDONLY)


def _fsync(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        with naming(path):  # a full disk may only say so here
            os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs(folder: Path) -> bool:
    """`syncfs(2)` on the file system of `folder`; False when it is not available."""
    import ctypes  # only here: the one place docgen talks to libc

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
    except (OSError, AttributeError):
        return False
    try:
        return bool(libc.syncfs(fd) == 0)
    except AttributeError:
        return False
    finally:
        os.close(fd)


class Written(StrEnum):
    """What `write_beside` did."""

    CREATED = "created"
    OVERWRITTEN = "overwritten"
    UNCHANGED = "unchanged"
    COPY = "copy"  # the target held other content: the new bytes went to `<name>-N`


OWN_RECORD = ".docgen-da-ghi.json"  # in a folder: file name → SHA-256 of what docgen wrote


def write_replacing_own(path: Path, data: bytes, force: bool = False) -> tuple[Path, Written]:
    """As `write_beside`, except that the file docgen itself last wrote at `path`, unchanged
    since, is replaced (a register printed again after a new filing): only a file someone
    edited keeps its place and sends the new bytes to `<name>-2`… The folder's `OWN_RECORD`
    remembers what was written (a damaged record is as none: nothing is replaced)."""
    record_path = path.parent / OWN_RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        record = record if isinstance(record, dict) else {}
    except (OSError, ValueError):
        record = {}
    present = path.read_bytes() if path.is_file() else None
    if present == data:
        return path, Written.UNCHANGED
    ours = present is not None and record.get(path.name) == sha256(present)
    written, status = write_beside(path, data, force or ours)
    record[written.name] = sha256(data)
    write_atomic(record_path, json.dumps(record, ensure_ascii=False, sort_keys=True).encode())
    return written, status


def with_copies(path: Path) -> list[Path]:
    """`path` and the copies `write_beside` wrote next to it (`<name>-2.xlsx`…), those that exist."""
    found = [path] if path.is_file() else []
    for candidate in sorted(path.parent.glob(f"{glob.escape(path.stem)}-*{path.suffix}")):
        number = candidate.stem[len(path.stem) + 1 :]
        if number.isdigit() and candidate.is_file():
            found.append(candidate)
    return found


def write_beside(path: Path, data: bytes, force: bool = False) -> tuple[Path, Written]:
    """Write without losing work: the path written and what was done.

    An existing file with other content (someone may have filled or edited it) is kept: the
    new one goes to the first free `<name>-2.xlsx`, `<name>-3.xlsx` … unless `force`.
    """
    if not path.exists() or force:
        status = Written.OVERWRITTEN if path.exists() else Written.CREATED
        write_atomic(path, data)
        return path, status
    for n in range(1, 1000):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            write_atomic(candidate, data)
            return candidate, Written.COPY
        if candidate.read_bytes() == data:
            return candidate, Written.UNCHANGED
    raise OutputError(
        f"Thư mục {path.parent} đã có quá nhiều bản của {path.name}; hãy dọn bớt rồi chạy lại."
    )
