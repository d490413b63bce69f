"""Statistics of the award history: how many awards, by year, unit and form.

Counts are of conferments (one per recipient and decision line), split into collectives and
individuals, as the statistics forms of TT 02/2023/TT-BNV count them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from docgen.award.history import Award
from docgen.campaign.model import Kind
from docgen.text import vn_sort_key


@dataclass(frozen=True)
class Line:
    """One line of the statistics: a year, a unit and a form, with its counts."""

    year: int
    unit: str
    form: str
    collectives: int
    individuals: int

    @property
    def total(self) -> int:
        """Collectives and individuals together."""
        return self.collectives + self.individuals


@dataclass(frozen=True)
class Statistics:
    """The counts by year × unit × form, and the totals by year × form for the chart."""

    lines: tuple[Line, ...]
    years: tuple[int, ...]
    forms: tuple[str, ...]
    by_year: dict[tuple[int, str], int]

    @property
    def total(self) -> int:
        """Every award counted."""
        return sum(line.total for line in self.lines)


def statistics(awards: Iterable[Award]) -> Statistics:
    """Count `awards` by year, unit and form."""
    counts: Counter[tuple[int, str, str, Kind]] = Counter()
    for award in awards:
        unit = award.recipient.unit or "(không ghi đơn vị)"
        counts[(award.year, unit, award.form, award.recipient.kind)] += 1
    keys = sorted(
        {(y, u, f) for y, u, f, _ in counts}, key=lambda k: (k[0], vn_sort_key(k[1]), k[2])
    )
    lines = tuple(
        Line(y, u, f, counts[(y, u, f, Kind.COLLECTIVE)], counts[(y, u, f, Kind.INDIVIDUAL)])
        for y, u, f in keys
    )
    by_year: Counter[tuple[int, str]] = Counter()
    for line in lines:
        by_year[(line.year, line.form)] += line.total
    years = tuple(sorted({line.year for line in lines}))
    forms = tuple(sorted({line.form for line in lines}, key=vn_sort_key))
    return Statistics(lines, years, forms, dict(by_year))
