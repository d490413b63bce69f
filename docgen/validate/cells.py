"""Cell rules: required, type, date, closed list and length — and conversion to typed values."""

from __future__ import annotations

import functools
from datetime import date

from docgen.campaign.model import Period
from docgen.intake.records import Cell, Row, Value
from docgen.intake.schema import Column, SheetSpec
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.text import clean_line, fold, has_two_digit_year, parse_date, title_case_name


def convert_row(
    row: Row, spec: SheetSpec, period: Period, memo: Memo | None = None
) -> tuple[dict[str, Value], list[ValidationIssue]]:
    """Typed values of `row` by column key, and the cell problems found.

    Dates are judged against the campaign's `period`, never against the machine's today.

    `memo`, kept by the caller for one file and `spec`, holds each distinct cell's
    conversion: the values of a column repeat (choices, units, years); cells are immutable.
    """
    values: dict[str, Value] = {}
    issues: list[ValidationIssue] = []
    memo = {} if memo is None else memo
    for column in spec.columns:
        key = column.key
        cell = row.cells.get(key)
        if cell is None:  # column absent from the file: reported once per sheet by the reader
            values[key] = None
            continue
        if column.type in _REPEATING:
            found = memo.get((key, cell))
            if found is None:
                found = memo[key, cell] = convert_cell(cell, column, period)
        else:
            found = convert_cell(cell, column, period)
        value, problem = found
        values[key] = value
        if problem is not None:
            issues.append(
                make_issue(
                    problem[0], row.source.place(cell.column, cell.header), cell.shown, **problem[1]
                )
            )
    return values, issues


Problem = tuple[Code, dict[str, object]] | None
Memo = dict[tuple[str, Cell], tuple[Value, Problem]]  # (column key, cell) -> conversion
_REPEATING = frozenset({"choice", "int", "date", "text"})  # names and long texts do not repeat


def convert_cell(cell: Cell, column: Column, period: Period) -> tuple[Value, Problem]:
    """One cell's typed value and its problem, if any, in the campaign of `period`."""
    raw = cell.raw
    if cell.reported:  # the reader already said why this cell has no value
        return None, None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ((Code.CELL_REQUIRED, {}) if column.required else None)
    if column.type == "date":
        return _date(raw, column, period)
    return _CONVERTERS[column.type](raw, column)


def _text(raw: object, column: Column) -> tuple[Value, Problem]:
    text = _as_text(raw)
    if column.type != "long" and "\n" in text:
        # A line break in a one-line value (Alt+Enter, or Excel's stored _x000D_) is a space.
        text = clean_line(text)
    if len(text) > column.max_length:
        return text, (Code.CELL_TOO_LONG, {"length": len(text), "limit": column.max_length})
    return text, None


def _name(raw: object, column: Column) -> tuple[Value, Problem]:
    """A person's name; typed in capitals (common in lists) it prints in normal case."""
    text, problem = _text(raw, column)
    if isinstance(text, str) and text.isupper():
        text = title_case_name(text)
    return text, problem


def _as_text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    return str(raw)


def _date(raw: object, column: Column, period: Period) -> tuple[Value, Problem]:
    first = first_year(period)
    try:
        value = parse_date(raw, first)
    except ValueError:
        return None, (Code.CELL_DATE, {})
    two_digits = isinstance(raw, str) and has_two_digit_year(raw)
    reason = implausible(value, column.key, period)
    if reason:
        what = "ngày sinh" if column.key in BIRTH_DATES else f"“{column.header}”"
        if two_digits:
            reason = f"đã đọc là {value:%d/%m/%Y}, {reason}"
        return None, (Code.CELL_DATE_IMPOSSIBLE, {"what": what, "reason": reason})
    if two_digits:
        shown = value.strftime("%d/%m/%Y")
        return value, (
            Code.CELL_DATE_TWO_DIGIT_YEAR,
            {"date": shown, "first": first, "last": first + 99},
        )
    return value, None


BIRTH_DATES = frozenset({"ngay_sinh"})
EARLIEST_BIRTH = date(1900, 1, 1)
# Decisions, initiatives and submissions of a ward's campaign: none predates the state's
# first commendation decrees, and none is dated more than a year after the campaign's deadline.
EARLIEST_EVENT = date(1945, 9, 2)
AHEAD_DAYS = 366
# A two-digit year is read among the hundred years around the campaign's: for a campaign of
# 2000 that is Excel's own 1930–2029; a later campaign slides the window with it, so a year
# typed "25" in a 2023 form is 2025 (and a birth date then cannot be), never 1925.
YEARS_BEHIND = 70


def first_year(period: Period) -> int:
    """The first of the hundred years a two-digit year of `period`'s campaign is read in."""
    return period.deadline.year - YEARS_BEHIND


def implausible(value: date, key: str, period: Period) -> str:
    """Why `value` cannot be the date of column `key` in the campaign of `period` ("" when it can)."""
    if key in BIRTH_DATES:
        if value >= period.start:
            return f"trùng hoặc sau ngày bắt đầu phong trào ({period.start:%d/%m/%Y})"
        if value < EARLIEST_BIRTH:
            return "trước năm 1900"
        return ""
    if value < EARLIEST_EVENT:
        return "trước ngày 02/09/1945"
    if (value - period.deadline).days > AHEAD_DAYS:
        return f"quá một năm sau hạn của kế hoạch ({period.deadline:%d/%m/%Y})"
    return ""


def _int(raw: object, column: Column) -> tuple[Value, Problem]:
    if isinstance(raw, bool):
        return None, (Code.CELL_NUMBER, {})
    if isinstance(raw, int):
        return raw, None
    if isinstance(raw, float) and raw.is_integer():
        return int(raw), None
    text = _as_text(raw).replace(".", "").replace(" ", "")
    if text.isdigit():
        return int(text), None
    return None, (Code.CELL_NUMBER, {})


def _choice(raw: object, column: Column) -> tuple[Value, Problem]:
    """A closed-list value, matched without case or diacritics (paste bypasses drop-downs)."""
    text = _as_text(raw)
    choice = _choices_by_key(column.choices).get(_choice_key(text))
    if choice is not None:
        return choice, None
    choices = "; ".join(column.choices)
    return text, (Code.CELL_CHOICE, {"choices": choices})


@functools.lru_cache(maxsize=256)
def _choices_by_key(choices: tuple[str, ...]) -> dict[str, str]:
    """A list's choices by their folded key; the first of two alike wins, as before."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(_choice_key(choice), choice)
    return by_key


_QUOTES = str.maketrans("", "", "\"“”'‘’")


# Closed-list cells repeat a handful of values: fold each distinct text once (bounded).
@functools.lru_cache(maxsize=4096)
def _choice_key(text: str) -> str:
    """A typed value and a list's choice compare alike without marks, case and quotes of any
    kind (a list's “Một cửa” matches a typed "Một cửa" and itself)."""
    return fold(text).translate(_QUOTES)


_CONVERTERS = {
    "text": _text,
    "name": _name,
    "long": _text,
    "int": _int,
    "choice": _choice,
}
