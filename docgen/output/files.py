"""Atomic file writes: a temp file in the same folder, fsync, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from docgen.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that an interrupted run never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_new(path: Path, data: bytes, force: bool = False) -> tuple[Path, str]:
    """Write without losing work: the path written and "created", "unchanged", "overwritten"
    or "copy".

    An existing file with other content (someone may have filled or edited it) is kept: the
    new one goes to the first free `<name>-2.xlsx`, `<name>-3.xlsx` … unless `force`.
    """
    if not path.exists() or force:
        status = "overwritten" if path.exists() else "created"
        write_atomic(path, data)
        return path, status
    for n in range(1, 1000):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            write_atomic(candidate, data)
            return candidate, "copy"
        if candidate.read_bytes() == data:
            return candidate, "unchanged"
    raise OutputError(
        f"Thư mục {path.parent} đã có quá nhiều bản của {path.name}; hãy dọn bớt rồi chạy lại."
    )
