"""SHA-256, the one hash docgen keeps of what it reads and writes (manifest, archive, mail).

Hex digests of bytes in memory, of an open stream and of a file (both read in pieces of 1 MB,
so a large file never sits whole in memory).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import IO

CHUNK = 1 << 20


def sha256(data: bytes) -> str:
    """Hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


def sha256_stream(handle: IO[bytes], start: int = 0) -> str:
    """Hex SHA-256 of what `handle` holds from byte `start` on, read in pieces."""
    handle.seek(start)
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of the file at `path`, read in pieces."""
    with open(path, "rb") as handle:
        return sha256_stream(handle)
