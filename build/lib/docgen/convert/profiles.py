"""LibreOffice profile folders kept between runs, one per worker, never shared at once.

A fresh profile costs LibreOffice seconds to create at every start; a kept one starts warm.
Worker n claims `docgen-lo-<user>/<n>` by creating its lock folder (atomic on every system);
a lock whose process is gone is taken over. When a profile cannot be claimed (another docgen
is converting), the worker uses a fresh temporary profile instead: slower, never shared.
"""

from __future__ import annotations

import getpass
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _base() -> Path:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    return Path(tempfile.gettempdir()) / f"docgen-lo-{user}"


@contextmanager
def claimed_profile(worker: int) -> Iterator[Path]:
    """A profile folder for `worker` that no other LibreOffice uses while the block runs."""
    folder = _base() / str(worker)
    lock = folder.with_name(f"{worker}.lock")
    if not _claim(lock):
        with tempfile.TemporaryDirectory(prefix="docgen-lo-") as fresh:
            yield Path(fresh)
        return
    try:
        yield folder
    finally:
        shutil.rmtree(lock, ignore_errors=True)


def _claim(lock: Path) -> bool:
    lock.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            lock.mkdir()
        except FileExistsError:
            if not _stale(lock):
                return False
            shutil.rmtree(lock, ignore_errors=True)
            continue
        (lock / "pid").write_text(str(os.getpid()), encoding="ascii")
        return True
    return False


def _stale(lock: Path) -> bool:
    """True when the process that holds `lock` no longer runs."""
    try:
        pid = int((lock / "pid").read_text(encoding="ascii"))
    except (OSError, ValueError):
        return _age(lock) > 60  # no pid yet: being claimed now, or its owner died claiming
    if pid == os.getpid():
        return False
    if os.name != "posix":  # no harmless liveness probe (signal 0 is Ctrl+C on Windows)
        return _age(lock) > 24 * 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0
