"""Dates, times and numbers as the decree prints them, with blanks for the văn thư to fill.

Decree rule (ND 30/2020): day < 10 and months 1–2 take a leading zero, months 3–12 do not.
When the văn thư assigns a number or date at signing, we print a blank of the right shape.
"""

from __future__ import annotations

import datetime as dt

from docgen.text import format_date_short, format_date_vn

BLANK = "     "  # five spaces: room for a handwritten day, month or number


def date_words(day: dt.date) -> str:
    """`ngày 24 tháng 02 năm 2023`, `ngày 05 tháng 3 năm 2023`."""
    return format_date_vn(day)


def blank_date_words(year: int) -> str:
    """`ngày     tháng     năm 2023`: the shape left for the văn thư."""
    return f"ngày{BLANK}tháng{BLANK}năm {year}"


def date_or_blank(day: dt.date | None, year: int) -> str:
    """The date in words, or the blank of `year` when the date is not known yet."""
    return date_words(day) if day else blank_date_words(year)


def place_date(place: str, day: dt.date | None, year: int) -> str:
    """The header's place-and-date line: `Tiến Thành, ngày 24 tháng 02 năm 2023`."""
    return f"{place}, {date_or_blank(day, year)}"


def number(assigned: str, symbol: str) -> str:
    """The number after `Số: `: `05/TTr-UBND` when assigned ("05"), else `     /TTr-UBND`."""
    if "/" in assigned:
        return assigned
    return f"{assigned or BLANK}/{symbol}"


def short_date(day: dt.date) -> str:
    """`24/02/2023`, as cited inside running text (plan dates, birth dates)."""
    return format_date_short(day)


def clock(moment: dt.time | None, day: dt.date) -> str:
    """`08 giờ 00 phút, ngày 05 tháng 12 năm 2023`, or blanks for the hour when unknown."""
    if moment is None:
        return f"{BLANK}giờ{BLANK}phút, {date_words(day)}"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {date_words(day)}"
