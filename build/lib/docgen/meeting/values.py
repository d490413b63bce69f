"""Cell values as the secretary typed them: text, whole numbers and times of day."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from docgen.text import clean_line, fold

_TIME = re.compile(r"(\d{1,2})\s*(?::|h|g|gio|\.)\s*(?:(\d{1,2})\s*(?:phut|p|')?)?")


def parse_time(value: object) -> time:
    """A time of day from an Excel time or text: "8:00", "8 giờ 00", "08h00", "14g30"."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, timedelta) and value < timedelta(days=1):
        return time(int(value.total_seconds() // 3600), int(value.total_seconds() % 3600 // 60))
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    match = _TIME.fullmatch(fold(text(value))) if isinstance(value, str) else None
    if match and int(match.group(1)) < 24 and int(match.group(2) or 0) < 60:
        return time(int(match.group(1)), int(match.group(2) or 0))
    raise ValueError("ghi giờ dạng 8:00, 8 giờ 00 hoặc 08h00.")


def integer(value: object) -> int | None:
    """An integer from a number or text such as "7" or "07"; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,6}", line := clean_line(value)):
        return int(line)
    return None


def text(value: object) -> str:
    """The value as one clean line ("" for an empty cell; 7.0 reads "7")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_line(str(value))


def shown(value: object) -> str:
    """The value as quoted back in a message (dates as dd/mm/yyyy)."""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return text(value)
