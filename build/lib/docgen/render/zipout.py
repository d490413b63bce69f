"""Deterministic zip writing with members compressed once and reused many times.

A :class:`ZipMember` holds a member's raw deflate stream, CRC-32 and sizes. Members that
never change between renders are compressed once and their bytes copied verbatim into
every output; only the parts that change are deflated per render. The archive layout is
fixed: every timestamp is 1980-01-01 00:00:00, no extra fields, no comments, members in
the order given, so equal inputs give byte-identical archives.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

COMPRESS_LEVEL = 6
"""zlib level for every member (6 is zlib's and zipfile's default)."""

_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DEFLATED = 8
_VERSION = 20  # 2.0: deflate
_UTF8_FLAG = 0x800
_LIMIT = 0xFFFFFFFF  # no zip64: a .docx part never gets near 4 GiB

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


@dataclass(frozen=True, slots=True)
class ZipMember:
    """One archive member, already deflated."""

    name: str
    crc: int
    size: int
    compressed: bytes
    # Its local header and its central directory entry but the offset: a member deflated
    # once is written into many archives.
    local: bytes = field(init=False, repr=False, compare=False)
    central: tuple[bytes, bytes] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        name = self.name.encode("utf-8")
        flags = 0 if self.name.isascii() else _UTF8_FLAG
        local = _LOCAL.pack(
            0x04034B50, _VERSION, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
            self.crc, len(self.compressed), self.size, len(name), 0,
        )  # fmt: skip
        central = _CENTRAL.pack(
            0x02014B50, _VERSION, _VERSION, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
            self.crc, len(self.compressed), self.size, len(name), 0, 0, 0, 0, 0, 0,
        )  # fmt: skip
        object.__setattr__(self, "local", local + name)
        object.__setattr__(self, "central", (central[:-4], name))  # the offset goes between


def deflate(data: bytes, level: int = COMPRESS_LEVEL) -> bytes:
    """Raw deflate stream (no zlib header), as stored in a zip member."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def compress_member(name: str, data: bytes) -> ZipMember:
    """Deflate ``data`` for member ``name``."""
    if len(data) >= _LIMIT:
        raise ValueError(f"{name}: too large for a zip without zip64")
    return ZipMember(name, zlib.crc32(data), len(data), deflate(data))


def compress_chunks(name: str, chunks: Iterable[bytes]) -> ZipMember:
    """Deflate the concatenation of ``chunks`` for member ``name``, one chunk at a time.

    The same member as ``compress_member(name, b"".join(chunks))``: zlib's output does not
    depend on how its input is split when no flush is asked between calls.
    """
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc = size = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
        out.append(compressor.compress(chunk))
    out.append(compressor.flush())
    if size >= _LIMIT:
        raise ValueError(f"{name}: too large for a zip without zip64")
    return ZipMember(name, crc, size, b"".join(out))


def write_zip(members: Sequence[ZipMember]) -> bytes:
    """The archive holding ``members`` in order (names must be unique)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for member in members:
        if offset >= _LIMIT:
            raise ValueError("archive too large for a zip without zip64")
        head, name = member.central
        central += (head, offset.to_bytes(4, "little"), name)
        chunks += (member.local, member.compressed)
        offset += len(member.local) + len(member.compressed)
    if offset >= _LIMIT or len(members) > 0xFFFF:
        raise ValueError("archive too large for a zip without zip64")
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join((*chunks, directory, end))


def read_members(data: bytes) -> list[tuple[str, bytes]]:
    """``(name, uncompressed bytes)`` of every member of ``data``, in archive order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rewrite(members: Iterable[tuple[str, bytes]]) -> bytes:
    """Deterministic archive of ``(name, bytes)`` pairs, in order."""
    return write_zip([compress_member(name, data) for name, data in members])
