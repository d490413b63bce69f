"""Checks a received file must pass before any parsing: type sniffing, zip limits, safe XML."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path, PurePosixPath
from pyexpat import ExpatError, XMLParserType
from typing import Any, Protocol
from xml.etree.ElementTree import Element
from zipfile import ZIP_DEFLATED, ZIP_STORED, BadZipFile, LargeZipFile, ZipFile, ZipInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError, fromstring

from docgen.issues.codes import default_detail
from docgen.workbook.raw import (
    FILE_CORRUPT,
    FILE_EMPTY,
    FILE_ENCRYPTED,
    FILE_NOT_WORKBOOK,
    FILE_TOO_LARGE,
    FILE_XML_UNSAFE,
    FILE_ZIP_BOMB,
    WorkbookRefused,
)

MB = 1024 * 1024
# Limits. A 20,000-row x 30-column intake workbook is ~5 MB on disk and ~40 MB unzipped;
# a sheet formatted down to row 1,048,576 unzips to ~40-130 MB at a ratio of ~15:1.
MAX_FILE_BYTES = 100 * MB  # size on disk: the whole file is read into memory once
MAX_MEMBERS = 10_000  # Excel writes a few dozen parts; thousands only come from tools or attacks
MAX_TOTAL_UNCOMPRESSED = 200 * MB  # sum of all members once inflated
MAX_RATIO = 100  # Excel XML inflates 5-20x; deflate of zeros reaches ~1000x
RATIO_FLOOR = 1 * MB  # small members may be as compressible as they like
MAX_SMALL_PART = 32 * MB  # parts parsed into a tree at once (workbook, rels, content types)
CHUNK = 64 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # first member, or an empty archive

_KIND_MESSAGES = {
    "html": "Tệp này thực chất là trang web (HTML) được đặt đuôi Excel, không phải bảng tính Excel.",
    "xml": "Tệp này là tệp XML (có thể là “Bảng tính XML 2003”), không phải bảng tính Excel (.xlsx).",
    "text": (
        "Tệp này là văn bản thuần (CSV hoặc TXT), không phải bảng tính: CSV chỉ giữ chữ của một "
        "trang, mất các trang khác và dòng mã ẩn của mẫu phiếu nên không đọc được. Hãy điền trên "
        "mẫu phiếu .xlsx được gửi kèm và gửi lại chính tệp .xlsx đó (khi lưu, chọn “Sổ làm "
        "việc Excel (.xlsx)”, không chọn CSV)."
    ),
    "image": "Tệp này là hình ảnh hoặc tài liệu PDF, không phải bảng tính Excel (.xlsx).",
    "archive": "Tệp này là tệp nén (RAR/7z/GZip); hãy giải nén và gửi tệp Excel (.xlsx) bên trong.",
}
_RESAVE = " Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại."


def sniff(head: bytes) -> str:
    """The kind of file from its first bytes: 'zip', 'ole2', 'empty', 'html', 'text'...."""
    if not head:
        return "empty"
    if head.startswith(_ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF")):
        return "image"
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return "archive"
    return _sniff_text(head)


def _sniff_text(head: bytes) -> str:
    """Tell HTML, XML and plain text apart; departments often rename these to .xls."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 "Unicode text" export
    lowered = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<meta"))
        or b"<html" in lowered
    ):
        return "html"
    if lowered.startswith(b"<?xml"):
        return "xml"
    if b"\x00" in head:
        return "unknown"
    try:
        head[:-4].decode("utf-8")  # the cut may split a character; the rest must decode
    except UnicodeDecodeError:
        return "unknown"
    return "text"


def refusal_for(kind: str) -> WorkbookRefused:
    """The refusal for a file that is not a zip or OLE2 workbook."""
    if kind == "empty":
        return WorkbookRefused(FILE_EMPTY)
    if kind == "text":
        return WorkbookRefused(FILE_NOT_WORKBOOK, _KIND_MESSAGES[kind])
    if kind in _KIND_MESSAGES:
        return WorkbookRefused(FILE_NOT_WORKBOOK, _KIND_MESSAGES[kind] + _RESAVE)
    return WorkbookRefused(FILE_NOT_WORKBOOK)


def read_limited(path: Path) -> bytes:
    """The whole file, refused before reading when it is larger than MAX_FILE_BYTES."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _too_large(MAX_FILE_BYTES)
    with path.open("rb") as handle:  # read-only: the received file is never modified
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # grew between stat and read
        raise _too_large(MAX_FILE_BYTES)
    return data


def _too_large(limit: int) -> WorkbookRefused:
    return WorkbookRefused(
        FILE_TOO_LARGE, default_detail(FILE_TOO_LARGE) + f" (Giới hạn: {limit // MB} MB.)"
    )


def check_zip(path: Path) -> None:
    """Refuse `path` unless it is a zip archive within every limit; parses no XML."""
    open_zip(read_limited(path))


def open_zip(data: bytes) -> ZipFile:
    """The checked archive held in `data`, or a WorkbookRefused explaining why not."""
    kind = sniff(data[:4096])
    if kind != "zip":
        raise refusal_for(kind)
    try:
        archive = ZipFile(BytesIO(data))
    except (BadZipFile, LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise WorkbookRefused(FILE_CORRUPT) from exc
    check_archive(archive, len(data))
    return archive


def check_archive(archive: ZipFile, archive_size: int) -> None:
    """Apply the member-count, name, encryption, method, ratio and total-size limits."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise WorkbookRefused(FILE_ZIP_BOMB)
    seen: set[str] = set()
    for info in infos:
        _check_member(info, seen)
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        bomb = total > MAX_RATIO * archive_size  # many small, very compressible members
        raise WorkbookRefused(FILE_ZIP_BOMB) if bomb else _too_large(MAX_TOTAL_UNCOMPRESSED)
    _check_overlap(infos, archive_size)


def _check_member(info: ZipInfo, seen: set[str]) -> None:
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    absolute = name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":")
    if absolute or ".." in parts or "\x00" in name or name.lower() in seen:
        raise WorkbookRefused(FILE_CORRUPT)  # OPC names are unique case-insensitively
    seen.add(name.lower())
    if info.flag_bits & 0x1:
        raise WorkbookRefused(FILE_ENCRYPTED)
    if info.compress_type not in (ZIP_STORED, ZIP_DEFLATED):
        raise WorkbookRefused(FILE_CORRUPT)  # Excel only deflates; fewer decoders, less risk
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise WorkbookRefused(FILE_ZIP_BOMB)


def _check_overlap(infos: list[ZipInfo], archive_size: int) -> None:
    """Refuse members whose data overlap: the trick behind non-recursive zip bombs."""
    spans = sorted((i.header_offset, i.header_offset + 30 + i.compress_size) for i in infos)
    for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        if end > next_start:
            raise WorkbookRefused(FILE_ZIP_BOMB)
    if spans and spans[-1][1] > archive_size:
        raise WorkbookRefused(FILE_CORRUPT)


class Readable(Protocol):
    """What BoundedStream wraps: a zipfile member stream or anything with `read(n)`."""

    def read(self, n: int = -1, /) -> bytes:
        """Up to `n` bytes."""
        ...


class BoundedStream:
    """Inflates one member and refuses to produce more bytes than its checked declared size.

    zipfile already stops at the central directory's size; this count is the second lock,
    independent of that behaviour, and turns decompression errors into refusals.
    """

    def __init__(self, raw: Readable, limit: int) -> None:
        self._raw = raw
        self._limit = limit
        self.count = 0

    def read(self, n: int = CHUNK, /) -> bytes:
        """Up to `n` inflated bytes; b'' at the end."""
        try:
            data = self._raw.read(n)
        except (BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise WorkbookRefused(FILE_CORRUPT) from exc
        self.count += len(data)
        if self.count > self._limit:
            raise WorkbookRefused(FILE_ZIP_BOMB)
        return data


def open_member(archive: ZipFile, name: str) -> BoundedStream:
    """A bounded stream over member `name` (already checked by check_archive)."""
    info = archive.getinfo(name)
    limit = min(info.file_size, MAX_TOTAL_UNCOMPRESSED)
    try:
        return BoundedStream(archive.open(info), limit)
    except (BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
        raise WorkbookRefused(FILE_CORRUPT) from exc


@contextmanager
def xml_guard() -> Iterator[None]:
    """Turn XML failures into refusals: DTDs/entities are unsafe, anything else is corrupt."""
    try:
        yield
    except DefusedXmlException as exc:
        raise WorkbookRefused(FILE_XML_UNSAFE) from exc
    except (ParseError, ExpatError) as exc:
        raise WorkbookRefused(FILE_CORRUPT) from exc


def safe_expat(target: Any) -> XMLParserType:
    """An expat parser armed by defusedxml, with element callbacks bound straight to `target`.

    defusedxml installs handlers that raise on any DOCTYPE, entity declaration or external
    reference (so billion-laughs and XXE cannot start). Its ElementTree wrapper then routes
    every element through pure-Python glue that costs a third of the parse time; we keep the
    armed expat object and let it call `target.start(tag, attrib)`, `end(tag)`, `data(text)`.
    """
    armed = DefusedXMLParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat: XMLParserType = armed.parser
    if expat.StartDoctypeDeclHandler is None or expat.ExternalEntityRefHandler is None:
        raise RuntimeError("defusedxml did not arm the expat parser")  # fail closed
    expat.ordered_attributes = False  # attributes as a dict, built in C
    expat.buffer_text = True  # one data call per text run
    expat.StartElementHandler = target.start
    expat.EndElementHandler = target.end
    if hasattr(target, "data"):
        expat.CharacterDataHandler = target.data
    # Without ElementTree's default handler expat refuses an undefined entity by itself
    # (an ExpatError, as that handler raised), and the armed wrapper, kept alive by the
    # refusing handlers it installed, need not hold the parser: no reference cycle is left
    # for the garbage collector, so a parser and its buffers go as soon as a part is read.
    expat.DefaultHandlerExpand = None
    armed.parser = armed._parser = None
    return expat


def parse_small(archive: ZipFile, name: str) -> Element:
    """Parse a small part (rels, content types, workbook) into a tree, safely."""
    stream = open_member(archive, name)
    data = stream.read(MAX_SMALL_PART + 1)
    if len(data) > MAX_SMALL_PART:
        raise _too_large(MAX_SMALL_PART)
    with xml_guard():
        root: Element = fromstring(data, forbid_dtd=True)
    return root


def stream_part(archive: ZipFile, name: str, target: object) -> None:
    """Parse a possibly large part chunk by chunk into `target` (start/end/data callbacks)."""
    stream = open_member(archive, name)
    parser = safe_expat(target)
    with xml_guard():
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


_UNSAFE_MARKUP = (b"<!DOCTYPE", b"<!ENTITY")


def check_prolog(archive: ZipFile, name: str) -> None:
    """Refuse, when the workbook is opened, a big part whose start declares a DTD or an entity.

    A DOCTYPE is only legal before the root element, so it sits in the first chunk. This
    inflates that chunk and looks for the markup, without parsing: the part is parsed once,
    when the sheet is read, by a parser that refuses the same things (and any damage).
    """
    head = open_member(archive, name).read(CHUNK)
    if any(markup in head for markup in _UNSAFE_MARKUP):
        raise WorkbookRefused(FILE_XML_UNSAFE)
