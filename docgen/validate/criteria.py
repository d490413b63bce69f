"""Evaluate the campaign's declarative criteria against a nomination's values — no `eval`.

Each `Check` names an intake field and one of a closed set of operations (equals, one_of,
not_empty, is_true, within_period); a criterion passes when all its checks pass.
Text is compared after cleaning and case folding, so "tốt" passes `equals "Tốt"`.

Two operations read the nominee's award history instead of a field (the previous-awards sheet
and the ward's history, merged before the rules run): `not_awarded_last_year` (no award of
the form in the year before the campaign's) and `awarded_years_in_row` (the form in each of
the N years before it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from docgen.campaign.model import Check, Criterion, Period
from docgen.intake.records import PreviousAward, Value
from docgen.text import clean_line, fold, format_date_short

TRUE_WORDS = frozenset({"co", "dung", "dat", "x", "true", "yes", "1"})


@dataclass(frozen=True)
class Failure:
    """A check that did not pass: the check, the value it saw and why (Vietnamese)."""

    check: Check
    value: Value
    reason: str


def failures(
    criterion: Criterion,
    values: Mapping[str, Value],
    period: Period,
    awards: Sequence[PreviousAward] = (),
) -> list[Failure]:
    """The checks of `criterion` that `values` (and the award history `awards`) do not pass,
    in the campaign's order."""
    out = []
    for check in criterion.checks:
        if check.op in HISTORY_OPS:
            missing = _history_miss(check, awards, period)
            if missing:
                out.append(Failure(check, None, missing))
            continue
        value = values.get(check.field)
        if not passes(check, value, period):
            out.append(Failure(check, value, reason(check, value, period)))
    return out


def _history_miss(check: Check, awards: Sequence[PreviousAward], period: Period) -> str:
    """Why the history fails a history check ("" when it passes)."""
    form = check.values[0] if check.values else ""
    years = {a.year for a in awards if _same(a.title, form)}
    if check.op == "not_awarded_last_year":
        last = period.year - 1
        return f"đã được tặng “{form}” năm {last}" if last in years else ""
    count = int(check.values[1]) if len(check.values) > 1 else 1
    wanted = range(period.year - count, period.year)
    lacking = [str(y) for y in wanted if y not in years]
    if not lacking:
        return ""
    return f"chưa đủ {count} năm liên tục đạt “{form}” (thiếu năm {', '.join(lacking)})"


def passes(check: Check, value: Value, period: Period) -> bool:
    """Whether `value` passes `check`; an unknown operation never passes."""
    test = _OPS.get(check.op)
    return test is not None and test(check, value, period)


def reason(check: Check, value: Value, period: Period) -> str:
    """Why `value` fails `check`, in words a department reads."""
    if _empty(value):
        return "chưa điền"
    if check.op == "equals":
        return f"cần “{check.values[0]}”"
    if check.op == "one_of":
        return "cần một trong: " + "; ".join(f"“{v}”" for v in check.values)
    if check.op == "is_true":
        return "cần “Có”"
    if check.op == "within_period":
        return "ngoài thời gian phong trào " + period_text(period)
    return f"phép kiểm tra “{check.op}” không được hỗ trợ"


def period_text(period: Period) -> str:
    """The period as the plan words it: "(từ 24/02/2023 đến trước ngày 20/12/2023)"."""
    start, end = format_date_short(period.start), format_date_short(period.deadline)
    return f"(từ {start} đến trước ngày {end})"


def _empty(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _same(a: object, b: str) -> bool:
    return _line_key(str(a)) == _line_key(b)


def _line_key(text: str) -> str:
    # Checked values are mostly a few closed-list choices: short ones are folded once.
    return _line_key_short(text) if len(text) <= 200 else clean_line(text).casefold()


@functools.lru_cache(maxsize=1024)
def _line_key_short(text: str) -> str:
    return clean_line(text).casefold()


def _equals(check: Check, value: Value, period: Period) -> bool:
    return not _empty(value) and _same(value, check.values[0])


def _one_of(check: Check, value: Value, period: Period) -> bool:
    return not _empty(value) and any(_same(value, v) for v in check.values)


def _not_empty(check: Check, value: Value, period: Period) -> bool:
    return not _empty(value)


def _is_true(check: Check, value: Value, period: Period) -> bool:
    if isinstance(value, bool | int):
        return bool(value)
    return isinstance(value, str) and fold(value) in TRUE_WORDS


def _within_period(check: Check, value: Value, period: Period) -> bool:
    return isinstance(value, date) and period.contains(value)


HISTORY_OPS = ("not_awarded_last_year", "awarded_years_in_row")

_OPS: dict[str, Callable[[Check, Value, Period], bool]] = {
    "equals": _equals,
    "one_of": _one_of,
    "not_empty": _not_empty,
    "is_true": _is_true,
    "within_period": _within_period,
}
