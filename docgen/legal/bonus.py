"""The bonus (tiền thưởng) that goes with an award, as data: rates, base salary, rounding.

Every figure carries its legal source and a `verified` flag, as the form table does
(templates_docx/nguon-mau.toml): `verified=True` only for a figure read in the official text
itself. None is verified yet: no official text of ND 91/2017, ND 98/2023, ND 152/2025, ND 24/2023
or ND 73/2024 could be read from this project's sources (see README, "Tiền thưởng"); the figures
are the ones commonly quoted for those decrees, and a clerk's accountant checks them. A new base
salary or rate is one more record here.

A rate is a multiple of the base salary (mức lương cơ sở) in force on the decision's date; a
collective receives twice an individual's rate; the product is rounded up to the next ten
thousand đồng (the decrees' rounding rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from docgen.campaign.model import Kind


@dataclass(frozen=True, kw_only=True)
class Rate:
    """How many times the base salary one award form carries, for one kind, under profiles."""

    form: str  # a key of docgen.campaign.award.FORMS
    kind: Kind
    factor: Decimal
    profiles: tuple[str, ...]  # legal profiles (docgen.campaign.profiles) the rate applies in
    source: str  # the decree, article and clause as far as known
    verified: bool
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class BaseSalary:
    """The base salary (mức lương cơ sở) from its first day in force."""

    amount: int
    start: date
    source: str
    verified: bool


@dataclass(frozen=True, kw_only=True)
class Rounding:
    """The decrees' rounding of a bonus: up to the next `step` đồng."""

    step: int
    source: str
    verified: bool

    def apply(self, amount: Decimal) -> int:
        """`amount` rounded up to a multiple of `step`."""
        steps = (amount / self.step).to_integral_value(rounding=ROUND_CEILING)
        return int(steps) * self.step


_ND91 = "Nghị định số 91/2017/NĐ-CP"
_ND98 = "Nghị định số 98/2023/NĐ-CP"
_ND152 = "Nghị định số 152/2025/NĐ-CP"
_UNREAD = "official text not read; figure as commonly quoted, article from secondary notes"

RATES: tuple[Rate, ...] = (
    Rate(
        form="giay-khen",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("0.3"),
        profiles=("nd91_2017",),
        source=f"{_ND91}, Điều 72 (Giấy khen: cá nhân 0,3 lần mức lương cơ sở)",
        verified=False,
        note=_UNREAD,
    ),
    Rate(
        form="giay-khen",
        kind=Kind.COLLECTIVE,
        factor=Decimal("0.6"),
        profiles=("nd91_2017",),
        source=f"{_ND91}, Điều 72 (tập thể: gấp 02 lần mức của cá nhân)",
        verified=False,
        note=_UNREAD,
    ),
    Rate(
        form="giay-khen",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("0.15"),
        profiles=("nd98_2023",),
        source=f"{_ND98}, Điều 56 (Giấy khen: cá nhân 0,15 lần mức lương cơ sở)",
        verified=False,
        note=_UNREAD,
    ),
    Rate(
        form="giay-khen",
        kind=Kind.COLLECTIVE,
        factor=Decimal("0.3"),
        profiles=("nd98_2023",),
        source=f"{_ND98}, Điều 56 (tập thể: gấp 02 lần mức của cá nhân)",
        verified=False,
        note=_UNREAD + "; the doubling is applied to the factor, then rounded once",
    ),
    Rate(
        form="giay-khen",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("0.15"),
        profiles=("nd152_2025",),
        source=f"{_ND152} (mức tiền thưởng Giấy khen; điều, khoản chưa xác định)",
        verified=False,
        note="taken over from ND 98/2023 as secondary notes say ND 152 keeps it; unread",
    ),
    Rate(
        form="giay-khen",
        kind=Kind.COLLECTIVE,
        factor=Decimal("0.3"),
        profiles=("nd152_2025",),
        source=f"{_ND152} (tập thể: gấp 02 lần mức của cá nhân; điều, khoản chưa xác định)",
        verified=False,
        note="taken over from ND 98/2023; unread",
    ),
    Rate(
        form="chien-si-thi-dua-co-so",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("1.0"),
        profiles=("nd91_2017", "nd98_2023", "nd152_2025"),
        source=f"{_ND91}, Điều 70; {_ND98}, Điều 55 (Chiến sĩ thi đua cơ sở: 1,0 lần)",
        verified=False,
        note=_UNREAD,
    ),
    Rate(
        form="lao-dong-tien-tien",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("0.3"),
        profiles=("nd91_2017", "nd98_2023", "nd152_2025"),
        source=f"{_ND91}, Điều 70; {_ND98}, Điều 55 (Lao động tiên tiến: 0,3 lần)",
        verified=False,
        note=_UNREAD,
    ),
)

BASE_SALARIES: tuple[BaseSalary, ...] = (
    BaseSalary(
        amount=1_490_000,
        start=date(2019, 7, 1),
        source="Nghị định số 38/2019/NĐ-CP, Điều 3",
        verified=False,
    ),
    BaseSalary(
        amount=1_800_000,
        start=date(2023, 7, 1),
        source="Nghị định số 24/2023/NĐ-CP, Điều 3",
        verified=False,
    ),
    BaseSalary(
        amount=2_340_000,
        start=date(2024, 7, 1),
        source="Nghị định số 73/2024/NĐ-CP, Điều 3",
        verified=False,
    ),
)
"""In order of `start`. No later base salary was found in this project's sources (checked
12/2026); one that comes is appended here."""

ROUNDING = Rounding(
    step=10_000,
    source=(
        f"{_ND91}, Điều 73; {_ND98}, Điều 54 (tiền thưởng sau khi nhân với mức lương cơ sở "
        "được làm tròn số lên hàng chục nghìn đồng)"
    ),
    verified=False,
)


def base_salary(day: date) -> BaseSalary:
    """The base salary in force on `day`; LookupError before the first one recorded."""
    found = [b for b in BASE_SALARIES if b.start <= day]
    if not found:
        raise LookupError(f"no base salary recorded before {day.isoformat()}")
    return found[-1]


def rate(form: str, kind: Kind, profile: str) -> Rate | None:
    """The rate of `form` for `kind` under `profile`, or None when none is recorded."""
    return next(
        (r for r in RATES if r.form == form and r.kind is kind and profile in r.profiles), None
    )


def amount(found: Rate, day: date) -> int:
    """The bonus in đồng: the rate times the base salary on `day`, rounded up."""
    return ROUNDING.apply(found.factor * base_salary(day).amount)
