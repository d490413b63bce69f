"""Evaluate the campaign's declarative criteria against a nomination's values — no `eval`.

Each `Check` names an intake field and one of a closed set of operations (equals, one_of,
not_empty, is_true, within_period); a criterion passes when all its checks pass.
Text is compared after cleaning and case folding, so "tốt" passes `equals "Tốt"`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from docgen.campaign.model import Check, Criterion, Period
from docgen.intake.records import Value
from docgen.text import clean_line, fold, format_date_short

TRUE_WORDS = frozenset({"co", "dung", "dat", "x", "true", "yes", "1"})


@dataclass(frozen=True)
class Failure:
    """A check that did not pass: the check, the value it saw and why (Vietnamese)."""

    check: Check
    value: Value
    reason: str


def failures(criterion: Criterion, values: Mapping[str, Value], period: Period) -> list[Failure]:
    """The checks of `criterion` that `values` do not pass, in the campaign's order."""
    out = []
    for check in criterion.checks:
        value = values.get(check.field)
        if not passes(check, value, period):
            out.append(Failure(check, value, reason(check, value, period)))
    return out


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


_OPS: dict[str, Callable[[Check, Value, Period], bool]] = {
    "equals": _equals,
    "one_of": _one_of,
    "not_empty": _not_empty,
    "is_true": _is_true,
    "within_period": _within_period,
}
