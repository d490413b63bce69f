"""A received .xlsx package without its far blank rows, so that copying it costs what its data does.

openpyxl, which copies a department's workbook for feedback, builds an object for every cell a
sheet stores, the styled-but-empty ones too: a sheet formatted down to row 100,000 costs some
700 MB to copy while its ten nominees cost nothing. This rewrites each worksheet's XML,
streamed a chunk at a time, without the rows that hold no value (only formatting) and lie far
below the data:

- a row with a value, a formula or inline text is always kept, and so is every row before it
  within KEEP_BLANK rows (the blank input rows a department fills next, and short gaps);
- at most KEEP_BLANK + (rows with content) blank rows are kept in all, so the cost follows the
  data however the blank rows are spread;
- anything the scanner does not expect (a comment or CDATA between rows, a row without an
  end) stops the trimming: the rest of that sheet is copied as it is.

Only formatting of dropped blank rows is lost; values, formulas, comments, merges, drop-downs
and every other part of the package are copied unchanged. The received file is never written.
"""

from __future__ import annotations

import io
import re
from typing import IO
from zipfile import ZIP_DEFLATED, ZipFile

from docgen.workbook.safety import CHUNK, Readable, open_member
from docgen.workbook.xlsx import worksheet_parts

KEEP_BLANK = 200  # the intake template prepares 200 input rows below its headers
KEEP_COLUMNS = 64  # the template's sheets are some 30 columns wide

_NAME = rb"(?:[A-Za-z_][\w.-]*:)?"  # an element name's optional prefix (x:row in strict files)
_SHEET_DATA = re.compile(rb"<" + _NAME + rb"sheetData(?:\s[^>]*)?>")
_ROW_START = re.compile(rb"\s*<" + _NAME + rb"row(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_ROW_END = re.compile(rb"</" + _NAME + rb"row\s*>")
_ROW_OPEN = re.compile(rb"\s*<" + _NAME + rb"row[\s/>]")  # a row whose end is not read yet
_LOOKAHEAD = 256  # fewer bytes than this left: read on before deciding what comes next
_NUMBER = re.compile(rb"\sr\s*=\s*[\"'](\d+)[\"']")
_CONTENT = re.compile(rb"<" + _NAME + rb"(?:v|f|is)[\s/>]")  # value, formula, inline text
_UNEXPECTED = (b"<!--", b"<![CDATA[", b"<?")
_CELL = re.compile(
    rb"<"
    + _NAME
    + rb"c(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?:/>|>.*?</"
    + _NAME
    + rb"c\s*>)",
    re.DOTALL,
)
_COLUMN = re.compile(rb"\sr\s*=\s*[\"']([A-Za-z]{1,3})\d+[\"']")
_SHORTEST_CELL = len(b'<c r="A1"/>')


def trimmed_package(archive: ZipFile) -> bytes:
    """The package of `archive` (already checked) with each worksheet's far blank rows left out."""
    sheets = set(worksheet_parts(archive))
    out = io.BytesIO()
    with ZipFile(out, "w", ZIP_DEFLATED) as target:
        for info in archive.infolist():
            if info.filename in sheets:
                with target.open(info.filename, "w") as sink:
                    _trim_sheet(open_member(archive, info.filename), sink)
            else:
                target.writestr(info.filename, open_member(archive, info.filename).read(-1))
    return out.getvalue()


class _Source:
    """A member's bytes read a chunk at a time; `buffer[pos:]` is what is not yet handled."""

    def __init__(self, stream: Readable) -> None:
        self._stream = stream
        self.buffer = b""
        self.pos = 0

    def more(self) -> bool:
        """Append the next chunk (dropping what was handled); False at the end."""
        chunk = self._stream.read(CHUNK)
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0
        return bool(chunk)

    def take(self, end: int) -> bytes:
        """`buffer[pos:end]`, now handled."""
        taken = self.buffer[self.pos : end]
        self.pos = end
        return taken


def _trim_sheet(stream: Readable, sink: IO[bytes]) -> None:
    source = _Source(stream)
    while not (found := _SHEET_DATA.search(source.buffer)) and source.more():
        pass
    if found is not None and not found.group().endswith(b"/>"):
        sink.write(source.take(found.end()))
        _rows(source, sink)
    _copy_rest(source, sink)


def _rows(source: _Source, sink: IO[bytes]) -> None:
    """Copy the kept rows of <sheetData>; stop before its end, or at anything unexpected."""
    last_content = previous = kept_blank = content_rows = 0
    while (row := _next_row(source)) is not None:
        element, number = row
        number = number or previous + 1
        previous = number
        if _CONTENT.search(element):
            last_content, content_rows = number, content_rows + 1
        elif number - last_content > KEEP_BLANK or kept_blank >= KEEP_BLANK + content_rows:
            continue
        else:
            kept_blank += 1
        sink.write(_narrow(element) if len(element) > KEEP_COLUMNS * _SHORTEST_CELL else element)


def _narrow(row: bytes) -> bytes:
    """`row` without its empty cells right of column KEEP_COLUMNS (formatted whole rows)."""
    cells = list(_CELL.finditer(row))
    if len(cells) <= KEEP_COLUMNS:
        return row
    parts = [row[: cells[0].start()]]
    column = 0
    for cell in cells:
        named = _COLUMN.search(cell.group())
        column = _column_index(named.group(1)) if named else column + 1
        if column <= KEEP_COLUMNS or _CONTENT.search(cell.group()):
            parts.append(cell.group())
    parts.append(row[cells[-1].end() :])
    return b"".join(parts)


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index


def _next_row(source: _Source) -> tuple[bytes, int] | None:
    """The next whole <row> element and its number (0 when unnumbered), now handled; None at
    the end of <sheetData> or at anything else, which is left unhandled."""
    while True:
        buffer, pos = source.buffer, source.pos
        start = _ROW_START.match(buffer, pos)
        if start and start.group().endswith(b"/>"):
            end = start.end()
        elif start and (close := _ROW_END.search(buffer, start.end())):
            end = close.end()
        elif _ROW_OPEN.match(buffer, pos) or len(buffer) - pos < _LOOKAHEAD:
            if source.more():
                continue
            return None
        else:
            return None  # </sheetData>, or something a row scanner should not guess at
        element = buffer[pos:end]
        if any(mark in element for mark in _UNEXPECTED):
            return None
        source.pos = end
        number = _NUMBER.search(element, 0, start.end() - pos)
        return element, int(number.group(1)) if number else 0


def _copy_rest(source: _Source, sink: IO[bytes]) -> None:
    sink.write(source.take(len(source.buffer)))
    while source.more():
        sink.write(source.take(len(source.buffer)))
