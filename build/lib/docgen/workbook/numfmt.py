"""Excel number formats, serial dates and column letters, read as openpyxl 3.1 reads them.

Why not openpyxl itself: the reading path takes untrusted workbooks in bulk, and importing
openpyxl there costs about 19 MB of resident memory (10 → 29 MB measured) for these few small
functions. They mirror openpyxl's `is_date_format`, `is_timedelta_format`, the date entries
of `BUILTIN_FORMATS`, `from_excel` and `get_column_letter`; tests/test_numfmt.py checks them
against openpyxl's own on every built-in format and a table of custom ones.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from functools import lru_cache

WINDOWS_1900 = datetime(1899, 12, 30)
MAC_1904 = datetime(1904, 1, 1)

# Built-in formats that show a date or a time (ids 14–22, 45–47); every other built-in is plain.
BUILTIN_DATE_FORMATS = {
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0",
}  # fmt: skip

# Quoted literals and bracketed locale/colour codes say nothing about dates.
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_ELAPSED = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def is_date_format(code: str | None) -> bool:
    """True when the format shows a serial number as a date or time."""
    if code is None:
        return False
    return _DATE_LETTER.search(_STRIP.sub("", code.split(";")[0])) is not None


def is_timedelta_format(code: str | None) -> bool:
    """True for elapsed-time formats such as `[h]:mm`."""
    return code is not None and _ELAPSED.search(code.split(";")[0]) is not None


@lru_cache(maxsize=4096)  # dates repeat across rows (decisions, periods); results are immutable
def from_excel(
    value: float, epoch: datetime = WINDOWS_1900, duration: bool = False
) -> datetime | time | timedelta:
    """An Excel serial as a datetime (a time below 1, a timedelta for elapsed-time formats)."""
    if duration:
        span = timedelta(days=value)
        if span.microseconds:  # millisecond precision, as Excel stores it
            span = timedelta(
                seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3)
            )
        return span
    day, fraction = divmod(value, 1)
    diff = timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        return time(*divmod(minutes, 60), seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_1900:
        day += 1  # Excel's 1900-02-29 that never was: serials before it are one day off
    return epoch + timedelta(days=day) + diff


@lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """'A' for 1, 'AB' for 28, 'XFD' for 16,384."""
    if not 1 <= index <= 16384:
        raise ValueError(f"column index out of range: {index}")
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
