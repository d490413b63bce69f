"""One streaming pass over a worksheet part: rows parsed, blank runs skipped, merges scanned.

A sheet formatted down to row 1,048,576 holds a million rows that carry a style and no
value. Parsing them costs seconds; skipping them must not lose a nominee typed after a
run of blank rows. So after SKIP_ROWS rows without content the pass stops feeding the
parser and searches the inflated bytes (C speed) for the next element that can hold a
value (<v>, <is>, <f>). When one turns up before </sheetData>, parsing resumes at the start
of its row with a fresh armed parser, opened with the sheet's own root tag; otherwise the
rest is only scanned for merged ranges. Rows skipped are counted, so rows without an `r`
attribute keep their numbers.
"""

from __future__ import annotations

import re
from collections.abc import Generator

from docgen.workbook.cells import column_index
from docgen.workbook.raw import FILE_CORRUPT, MAX_ROW, MergedRange, Row, WorkbookRefused
from docgen.workbook.safety import CHUNK, BoundedStream, safe_expat, xml_guard
from docgen.workbook.xlsx_target import SheetTarget

SKIP_ROWS = 50  # rows without content before the pass skips ahead


_MERGE_RE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']"
    rb"\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?[\"']"
)


class MergeScanner:
    """Finds <mergeCell ref="..."> in raw chunks with a regex: C speed, no parse events.

    <mergeCells> follows <sheetData>, so a reader that stops at the end of the real data
    still learns the merges by scanning the rest of the inflated stream.
    """

    def __init__(self) -> None:
        self._carry = b""
        self._found: dict[MergedRange, None] = {}  # ordered and de-duplicated

    @property
    def ranges(self) -> list[MergedRange]:
        """Ranges found so far, in document order."""
        return list(self._found)

    def feed(self, chunk: bytes) -> None:
        """Scan `chunk`; an element cut by the chunk boundary waits for the next one."""
        buf = self._carry + chunk if self._carry else chunk
        cut = buf.rfind(b"<")
        cut = len(buf) if cut < 0 else cut
        if b"mergeCell" in buf:
            self._scan(buf, cut)
        tail = buf[cut:]
        self._carry = tail if len(tail) < 4096 else b""  # no mergeCell element is that long

    def close(self) -> None:
        """Scan what is left after the last chunk."""
        self._scan(self._carry, len(self._carry))
        self._carry = b""

    def _scan(self, buf: bytes, end: int) -> None:
        for match in _MERGE_RE.finditer(buf, 0, end):
            c1, r1, c2, r2 = (g.decode("ascii") if g else None for g in match.groups())
            assert c1 is not None and r1 is not None
            try:
                a, b = (int(r1), column_index(c1))
                c, d = (int(r2), column_index(c2)) if c2 and r2 else (a, b)
            except WorkbookRefused:
                continue  # a nonsense range in a scan is ignored, not fatal
            if min(a, c) > 0 and max(a, c) <= MAX_ROW:
                self._found[(min(a, c), min(b, d), max(a, c), max(b, d))] = None


def scan_merges(stream: BoundedStream, scanner: MergeScanner) -> list[MergedRange]:
    """Feed the rest of `stream` to `scanner`: inflate + regex, ~0.07 s for a 40 MB sheet."""
    while chunk := stream.read(CHUNK):
        scanner.feed(chunk)
    scanner.close()
    return scanner.ranges


_ROOT = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)worksheet\b[^>]*>")


class Tags:
    """The byte patterns of one sheet's elements, with its namespace prefix ("" or "x:")."""

    def __init__(self, root: bytes, prefix: bytes, head: bytes) -> None:
        self.opening = root + b"<" + prefix + b"sheetData>"  # what a resumed parser is fed first
        self.row = b"<" + prefix + b"row"
        self.data_end = b"</" + prefix + b"sheetData"
        # Inside <sheetData> only <v>, <is> and <f> start with these bytes; three finds.
        self.values = [b"<" + prefix + name for name in (b"v", b"is", b"f")]
        # Rows that all carry their number need no counting while skipped (Excel, openpyxl
        # and LibreOffice write it); only rows without one are counted.
        rows = self.rows_in(head)
        self.numbered = rows > 0 and head.count(self.row + b' r="') == rows

    def first_value(self, buf: bytes) -> int:
        """Offset of the first element in `buf` that may hold a value, or -1."""
        found = [at for v in self.values if (at := _element(buf, v)) >= 0]
        return min(found) if found else -1

    def rows_in(self, buf: bytes) -> int:
        """How many rows start in `buf`."""
        return sum(buf.count(self.row + end) for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))

    def skipped_rows(self, buf: bytes) -> int:
        """Rows skipped in `buf`, counted only when rows may lack their number."""
        return 0 if self.numbered else self.rows_in(buf)


def _element(buf: bytes, start: bytes) -> int:
    """Offset of the first element named exactly `start[1:]` (not a longer name), or -1."""
    at = buf.find(start)
    while at >= 0 and buf[at + len(start) : at + len(start) + 1] not in (b">", b" ", b"/", b""):
        at = buf.find(start, at + 1)
    return at


def _tags(head: bytes) -> Tags | None:
    """The sheet's tags from its first chunk; None (never skip) when the root is not there."""
    match = _ROOT.search(head)
    return Tags(match[0], match[1], head) if match else None


class SheetPass:
    """One streaming pass over a worksheet part: parser, row collector and merge scanner."""

    def __init__(self, stream: BoundedStream, target: SheetTarget) -> None:
        self.stream = stream
        self.target = target
        self.merges = MergeScanner()
        self.tags: Tags | None = None
        self.parser = self._parser()
        self.position = 0  # stream offset of the next byte read
        self.origin = 0  # stream offset of the current parser's byte 0 (its first real byte
        # minus the opening it was fed when resumed)
        self.fed = b""  # the last bytes fed to the parser, and their stream offset
        self.fed_at = 0
        self.skipped = 0  # rows skipped without parsing (counted, not parsed)

    def _parser(self) -> object:
        parser = safe_expat(self.target)
        self.target.parser = parser
        return parser

    def _read(self) -> bytes:
        chunk = self.stream.read(CHUNK)
        self.merges.feed(chunk)
        self.position += len(chunk)
        return chunk

    def _feed(self, data: bytes, at: int) -> None:
        self.fed, self.fed_at = data, at
        with xml_guard():
            self.parser.Parse(data, False)  # type: ignore[attr-defined]

    def chunks(self) -> Generator[list[Row], None, None]:
        """Feed the part chunk by chunk, handing back the rows each chunk completed."""
        while chunk := self._read():
            if self.tags is None and self.position == len(chunk):
                self.tags = _tags(chunk)
            self._feed(chunk, self.position - len(chunk))
            yield self.target.take()
            if self._idle():
                resumed = self._skip()
                if resumed is None:
                    return self._drain()
                yield self.target.take()
        with xml_guard():
            self.parser.Parse(b"", True)  # type: ignore[attr-defined]
        self.merges.close()
        yield self.target.take()

    def _idle(self) -> bool:
        """Many rows without content, the last of them ended in the bytes just fed."""
        target = self.target
        return (
            self.tags is not None
            and target.closed_row - target.last_content >= SKIP_ROWS
            and self.origin + target.closed_at >= self.fed_at
        )

    def _skip(self) -> bool | None:
        """Search ahead for a value; resume parsing at its row (True) or None: no more data."""
        assert self.tags is not None
        tags, target = self.tags, self.target
        # expat places a row's end at its </row> tag, or just after an empty <row/>: either
        # way, no row starts between there and the next row's start.
        ended = self.origin + target.closed_at - self.fed_at
        buf, buf_at = self.fed[ended:], self.fed_at + ended
        skipped = 0
        while True:
            hit = tags.first_value(buf)
            data_end = buf.find(tags.data_end)
            if data_end >= 0 and (hit < 0 or data_end < hit):
                return None
            if hit >= 0:
                start = buf.rfind(tags.row, 0, hit)
                if start < 0:
                    raise WorkbookRefused(FILE_CORRUPT)  # a value outside any row
                skipped += tags.skipped_rows(buf[:start])
                self._resume(buf[start:], buf_at + start, target.closed_row + skipped)
                return True
            cut = buf.rfind(tags.row)
            if cut > 0:
                skipped += tags.skipped_rows(buf[:cut])
                buf, buf_at = buf[cut:], buf_at + cut
            chunk = self._read()
            if not chunk:
                return None  # the part ends inside <sheetData>; nothing more to read
            buf += chunk

    def _resume(self, data: bytes, at: int, row: int) -> None:
        """A fresh armed parser, opened like the sheet, fed from a row start on."""
        assert self.tags is not None
        self.parser = self._parser()
        self.target.restart(self.parser, row)
        opening = self.tags.opening
        self.origin = at - len(opening)
        with xml_guard():
            self.parser.Parse(opening, False)  # type: ignore[attr-defined]
        self._feed(data, at)

    def _drain(self) -> None:
        """No value after the last row read: the rest is only scanned for merges."""
        while self._read():
            pass
        self.merges.close()
