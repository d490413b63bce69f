"""Declarative checks of the campaign, evaluated without eval: one table per operation."""

from __future__ import annotations

from datetime import date

import pytest

from docgen.campaign.model import Check, Criterion, Kind, Period
from docgen.validate.criteria import failures, passes, period_text, reason

PERIOD = Period(start=date(2023, 2, 24), deadline=date(2023, 12, 20), year=2023)

CASES = [
    ("equals same", Check("f", "equals", ("Tốt",)), "Tốt", True),
    ("equals other case", Check("f", "equals", ("Tốt",)), "TỐT", True),
    ("equals spaces", Check("f", "equals", ("Tốt",)), "  Tốt ", True),
    ("equals different", Check("f", "equals", ("Tốt",)), "Khá", False),
    ("equals tone differs", Check("f", "equals", ("Tốt",)), "Tôt", False),
    ("equals empty", Check("f", "equals", ("Tốt",)), None, False),
    ("one_of member", Check("f", "one_of", ("A phường", "B thành phố")), "B thành phố", True),
    ("one_of not member", Check("f", "one_of", ("A phường", "B thành phố")), "C tỉnh", False),
    ("one_of empty", Check("f", "one_of", ("A",)), "", False),
    ("not_empty text", Check("f", "not_empty"), "Số hóa hồ sơ", True),
    ("not_empty number", Check("f", "not_empty"), 0, True),
    ("not_empty blank", Check("f", "not_empty"), "   ", False),
    ("not_empty none", Check("f", "not_empty"), None, False),
    ("is_true có", Check("f", "is_true"), "Có", True),
    ("is_true x", Check("f", "is_true"), "x", True),
    ("is_true không", Check("f", "is_true"), "Không", False),
    ("is_true one", Check("f", "is_true"), 1, True),
    ("is_true none", Check("f", "is_true"), None, False),
    ("period first day", Check("f", "within_period"), date(2023, 2, 24), True),
    ("period inside", Check("f", "within_period"), date(2023, 6, 12), True),
    ("period day before start", Check("f", "within_period"), date(2023, 2, 23), False),
    ("period last day", Check("f", "within_period"), date(2023, 12, 19), True),
    ("period deadline excluded", Check("f", "within_period"), date(2023, 12, 20), False),
    ("period text not a date", Check("f", "within_period"), "12/06/2023", False),
    ("period none", Check("f", "within_period"), None, False),
    ("unknown op never passes", Check("f", "regex", (".*",)), "x", False),
]


@pytest.mark.parametrize(
    ("check", "value", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_passes(check: Check, value: object, expected: bool) -> None:
    assert passes(check, value, PERIOD) is expected  # type: ignore[arg-type]


REASONS = [
    ("empty", Check("f", "equals", ("Tốt",)), None, "chưa điền"),
    ("equals", Check("f", "equals", ("Tốt",)), "Khá", "cần “Tốt”"),
    ("one_of", Check("f", "one_of", ("A", "B")), "C", "cần một trong: “A”; “B”"),
    ("is_true", Check("f", "is_true"), "Không", "cần “Có”"),
    (
        "period",
        Check("f", "within_period"),
        date(2022, 1, 1),
        "ngoài thời gian phong trào (từ 24/02/2023 đến trước ngày 20/12/2023)",
    ),
]


@pytest.mark.parametrize(
    ("check", "value", "expected"), [c[1:] for c in REASONS], ids=[c[0] for c in REASONS]
)
def test_reason_in_vietnamese(check: Check, value: object, expected: str) -> None:
    assert reason(check, value, PERIOD) == expected  # type: ignore[arg-type]


def test_failures_lists_each_failing_check_in_order() -> None:
    criterion = Criterion(
        "CN3",
        Kind.INDIVIDUAL,
        "Có sáng kiến.",
        (Check("ten", "not_empty"), Check("so", "not_empty"), Check("ngay", "within_period")),
    )
    found = failures(criterion, {"ten": "Số hóa", "so": None, "ngay": date(2022, 5, 1)}, PERIOD)
    assert [f.check.field for f in found] == ["so", "ngay"]
    assert failures(criterion, {"ten": "a", "so": "1", "ngay": date(2023, 5, 1)}, PERIOD) == []


def test_shipped_criteria_use_only_known_operations(campaign) -> None:  # type: ignore[no-untyped-def]
    ops = {check.op for c in campaign.criteria for check in c.checks}
    assert ops <= {"equals", "one_of", "not_empty", "is_true", "within_period"}
    assert period_text(campaign.period) == "(từ 24/02/2023 đến trước ngày 20/12/2023)"
