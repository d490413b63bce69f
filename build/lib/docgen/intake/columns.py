"""Find a sheet's columns: by the hidden machine keys first, then by headers."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from docgen.intake.schema import SheetSpec
from docgen.text import fold

SCAN_ROWS = 10  # the key and header rows must be among the first rows


@dataclass
class ColumnMap:
    """Column key → (1-based column index, header as found), and where data starts."""

    columns: dict[str, tuple[int, str]]
    data_start: int


MAX_HEADER = 300  # longer text in the top rows is data, never a header


def header_key(text: str) -> str:
    """Header text compared without diacritics, case, the (*) mark and punctuation."""
    text = text.replace("(*)", "")
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def cell_key(text: str) -> str:
    """`header_key` of a cell's text; "" (no header's key) for text too long to be one."""
    return _short_key(text) if len(text) <= MAX_HEADER else ""


_short_key = functools.lru_cache(maxsize=4096)(header_key)  # workbooks repeat the headers


def keys_by_header(spec: SheetSpec) -> dict[str, str]:
    """`spec`'s column keys by `header_key` of their headers, to look up with `cell_key`."""
    by_header = {header_key(c.header): c.key for c in spec.columns}
    by_header.pop("", None)  # a header of punctuation only matches nothing
    return by_header


def match_columns(spec: SheetSpec, top_rows: list[tuple[int, dict[int, str]]]) -> ColumnMap | None:
    """Map `spec`'s columns from the first rows of a sheet (row number, col → text)."""
    keys = {c.key for c in spec.columns}
    by_header = keys_by_header(spec)
    key_row, header_row = _find_rows(top_rows, keys, by_header)
    if key_row is None and header_row is None:
        return None
    rows = dict(top_rows)
    headers = rows.get(header_row, {}) if header_row else {}
    columns: dict[str, tuple[int, str]] = {}
    for col, text in rows.get(key_row, {}).items() if key_row else ():
        if text in keys and text not in columns:
            columns[text] = (col, _shown(headers.get(col, text)))
    for col, text in headers.items():
        key = by_header.get(cell_key(text))
        taken = {c for c, _ in columns.values()}
        if key and key not in columns and col not in taken:
            columns[key] = (col, _shown(text))
    return ColumnMap(columns, max(r for r in (key_row, header_row) if r) + 1)


def _find_rows(
    top_rows: list[tuple[int, dict[int, str]]], keys: set[str], by_header: dict[str, str]
) -> tuple[int | None, int | None]:
    key_row = header_row = None
    best_key = best_header = 1  # a row needs at least two matches to count
    for number, cells in top_rows:
        key_hits = sum(1 for text in cells.values() if text in keys)
        header_hits = sum(1 for text in cells.values() if cell_key(text) in by_header)
        if key_hits > best_key:
            key_row, best_key = number, key_hits
        if header_hits > best_header:
            header_row, best_header = number, header_hits
    return key_row, header_row


def _shown(header: str) -> str:
    """Header as a department sees it, without the template's required mark."""
    return header.replace("(*)", "").strip()
