"""Cell-level decoding for .xlsx: numbers, dates, shared strings, fonts, cell references."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from docgen.workbook.numfmt import from_excel
from docgen.workbook.raw import FILE_CORRUPT, MAX_COL, CellValue, WorkbookRefused

PLAIN, DATE, DURATION = 0, 1, 2  # how a number format shows a serial number
TRUE_TEXT = ("1", "true")


@dataclass
class Book:
    """Workbook-wide lookups a sheet needs: shared strings and per-style date kind and font."""

    shared: list[str]
    xf_kind: list[int]
    xf_font: list[str | None]
    epoch: datetime

    def number(self, raw: str, style: int) -> CellValue:
        """A stored number: a date when its style says so, an int when integral."""
        try:
            value = float(raw)
        except ValueError:
            return raw.strip() or None  # not a number after all: keep the text, drop blanks
        kind = self.xf_kind[style] if style < len(self.xf_kind) else PLAIN
        if kind != PLAIN:
            try:
                converted: CellValue = from_excel(value, self.epoch, duration=kind == DURATION)
                return converted
            except (OverflowError, ValueError):
                pass  # out of Excel's date range: keep the number the clerk typed
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value

    def string(self, raw: str) -> str:
        """Shared string number `raw`."""
        try:
            return self.shared[int(raw)]
        except (ValueError, IndexError) as exc:
            raise WorkbookRefused(FILE_CORRUPT) from exc

    def font(self, style: int) -> str | None:
        """Font name of cell style `style` (style 0 when the index is out of range)."""
        fonts = self.xf_font
        return fonts[style] if style < len(fonts) else (fonts[0] if fonts else None)


def iso_value(raw: str) -> CellValue:
    """A t="d" cell: ISO 8601 date, date-time or time; the text itself when unparseable."""
    try:
        return datetime.fromisoformat(raw).replace(tzinfo=None)
    except ValueError:
        pass
    try:
        return time.fromisoformat(raw)
    except ValueError:
        return raw


COLUMNS: dict[str, int] = {}  # 'A'..'XFD' -> index, filled on first sight (at most 16,384)
DIGITS = "0123456789"


def column_index(ref: str) -> int:
    """1-based column of a cell reference such as 'AB12'."""
    letters = ref.rstrip("0123456789$").lstrip("$").upper()
    col = COLUMNS.get(letters)
    if col is None:
        col = 0
        for ch in letters:
            if not "A" <= ch <= "Z":
                raise WorkbookRefused(FILE_CORRUPT)
            col = col * 26 + ord(ch) - 64
        if not 0 < col <= MAX_COL:
            raise WorkbookRefused(FILE_CORRUPT)
        COLUMNS[letters] = col
    return col


def index_attr(text: str | None, default: int, high: int) -> int:
    """A 1-based index attribute within [1, high]; refused otherwise."""
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError as exc:
        raise WorkbookRefused(FILE_CORRUPT) from exc
    if not 0 < value <= high:
        raise WorkbookRefused(FILE_CORRUPT)
    return value
