"""Walk a message's MIME tree from a file without holding it: parts decoded to disk as read.

Memory stays bounded whatever the message's size: only headers are parsed in memory (with
the stdlib's compat32 header parser); every attachment is decoded line by line (base64,
quoted-printable or as is) into an anonymous temporary file while its SHA-256 is computed.
Body text and attached messages are read past, never kept.

A multipart whose declared boundary never appears (a broken mailer or gateway) is walked
again with the delimiter its body really uses; either way the message is marked damaged.
"""

from __future__ import annotations

import binascii
import hashlib
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import IO

from docgen.mail.message import Attachment

LINE = 64 * 1024  # the longest line read at once; longer lines arrive in pieces
MAX_HEADER_BYTES = 1024 * 1024
_HEADERS = BytesHeaderParser(policy=compat32)
_NESTED = ("message/rfc822", "message/global", "application/vnd.ms-outlook")
_BODY = ("text", "multipart")
_B64 = bytes(
    set(range(256)) - set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
)
_DELIMITER = re.compile(rb"^--([ -~]{1,70}?)(?:--)?[ \t]*\r?\n?$")

Namer = Callable[[Message], str]


@dataclass
class Walked:
    """What a walk found: attachments spooled to disk, attached messages, damage."""

    attachments: list[Attachment] = field(default_factory=list)
    nested: list[str] = field(default_factory=list)
    damaged: bool = False


class _Lines:
    """Lines of a binary file, with one line of push-back."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.back: bytes | None = None

    def next(self) -> bytes:
        if self.back is not None:
            line, self.back = self.back, None
            return line
        return self.handle.readline(LINE)


def read_headers(handle: IO[bytes]) -> Message:
    """The header block at the handle's position (up to the blank line), parsed."""
    return _headers(_Lines(handle))


def _headers(lines: _Lines) -> Message:
    block = bytearray()
    while len(block) < MAX_HEADER_BYTES:
        line = lines.next()
        if not line or line in (b"\r\n", b"\n"):
            break
        block += line
    return _HEADERS.parsebytes(bytes(block))


def walk(handle: IO[bytes], top: Message, name_of: Namer) -> Walked:
    """Every part below `top` (its headers already read from `handle`)."""
    start = handle.tell()
    found = Walked()
    end = _part(_Lines(handle), top, [], found, name_of)
    if top.get_content_maintype() == "multipart" and end == _MISSING:
        boundary = _used_delimiter(handle, start)
        if boundary:
            for attachment in found.attachments:
                attachment.close()
            handle.seek(start)
            top.set_boundary(boundary.decode("ascii", "replace"))
            found = Walked(damaged=True)
            _part(_Lines(handle), top, [], found, name_of)
    return found


_EOF = b""
_MISSING = b"\0missing"  # the multipart's own boundary was never seen


def _part(lines: _Lines, part: Message, outer: list[bytes], found: Walked, name_of: Namer) -> bytes:
    """Read one part's body; return the delimiter line that ended it ('' at the end)."""
    kind = part.get_content_type()
    if kind in _NESTED or part.get_content_maintype() == "message":
        found.nested.append(name_of(part) or kind)
        return _skip(lines, outer)
    if part.get_content_maintype() == "multipart":
        return _multipart(lines, part, outer, found, name_of)
    name = name_of(part)
    disposition = part.get_content_disposition()
    if not name and disposition != "attachment" and part.get_content_maintype() in _BODY:
        return _skip(lines, outer)  # the body text
    spool = tempfile.TemporaryFile()  # noqa: SIM115  # the Attachment owns it; the importer closes it
    digest = hashlib.sha256()
    size = 0

    def out(data: bytes) -> None:
        nonlocal size
        spool.write(data)
        digest.update(data)
        size += len(data)

    end = _decode(lines, outer, str(part.get("Content-Transfer-Encoding", "")), out)
    inline = disposition == "inline" or (disposition is None and bool(part.get("Content-ID")))
    found.attachments.append(
        Attachment(name, b"", kind, inline, spool=spool, size=size, sha256=digest.hexdigest())
    )
    return end


def _multipart(
    lines: _Lines, part: Message, outer: list[bytes], found: Walked, name_of: Namer
) -> bytes:
    boundary = part.get_boundary()
    if not boundary:
        found.damaged = True
        return _skip(lines, outer) or (_MISSING if not outer else _EOF)
    own = boundary.encode("ascii", "replace")
    stack = [*outer, own]
    end = _skip(lines, stack)  # the preamble
    if not end or _boundary(end, stack) != own:
        found.damaged = True  # never opened: the top level is walked again (`walk`)
        return end or (_MISSING if not outer else _EOF)
    while end and _boundary(end, stack) == own and not _closing(end):
        end = _part(lines, _headers(lines), stack, found, name_of)
    if end and _boundary(end, stack) == own:  # the closing delimiter: then the epilogue
        return _skip(lines, outer)
    found.damaged = True  # never closed: what was read is kept
    return end


def _boundary(line: bytes, stack: list[bytes]) -> bytes | None:
    """The boundary of `stack` that `line` delimits, if it is a delimiter line."""
    if not line.startswith(b"--"):
        return None
    text = line.rstrip(b"\r\n \t")
    for boundary in reversed(stack):
        if text in (b"--" + boundary, b"--" + boundary + b"--"):
            return boundary
    return None


def _closing(line: bytes) -> bool:
    return line.rstrip(b"\r\n \t").endswith(b"--")


def _skip(lines: _Lines, stack: list[bytes]) -> bytes:
    """Read past lines up to a delimiter of `stack` (returned) or the end ('')."""
    start = True
    while line := lines.next():
        if start and _boundary(line, stack) is not None:
            return line
        start = line.endswith(b"\n")
    return _EOF


def _decode(
    lines: _Lines, stack: list[bytes], encoding: str, out: Callable[[bytes], None]
) -> bytes:
    """Decode a leaf's body into `out` up to the delimiter that ends it (returned)."""
    encoding = encoding.strip().lower()
    rest = b""  # base64 characters not yet a multiple of four
    held = b""  # the line end before a possible delimiter belongs to the delimiter
    start = True
    while line := lines.next():
        if start and _boundary(line, stack) is not None:
            return _flush(rest, out, line)
        start = line.endswith(b"\n")
        if encoding == "base64":
            rest += line.translate(None, _B64)
            cut = len(rest) - len(rest) % 4
            out(_b64(rest[:cut]))
            rest = rest[cut:]
        elif encoding == "quoted-printable":
            body = line.rstrip(b"\r\n")
            soft = body.endswith(b"=")
            out(held + binascii.a2b_qp(body[:-1] if soft else body))
            held = b"" if soft else line[len(body) :]
        else:
            body = line.rstrip(b"\r\n")
            out(held + body)
            held = line[len(body) :]
    return _flush(rest, out, _EOF)


def _flush(rest: bytes, out: Callable[[bytes], None], end: bytes) -> bytes:
    if rest:
        out(_b64(rest + b"=" * (-len(rest) % 4)))
    return end


def _b64(data: bytes) -> bytes:
    try:
        return binascii.a2b_base64(data)
    except binascii.Error:
        return b""  # a damaged run of base64: the rest is still read


def _used_delimiter(handle: IO[bytes], start: int) -> bytes:
    """The most frequent `--token` line of the body: the boundary the sender really used."""
    handle.seek(start)
    counts: Counter[bytes] = Counter()
    begin = True
    while line := handle.readline(LINE):
        if begin and line.startswith(b"--"):
            match = _DELIMITER.match(line)
            if match:
                counts[match.group(1).rstrip()] += 1
        begin = line.endswith(b"\n")
    return counts.most_common(1)[0][0] if counts else b""
