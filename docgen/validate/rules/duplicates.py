"""Aggregate rule: the same person or collective nominated more than once, anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from docgen.campaign.model import Kind
from docgen.intake.records import Nominee, Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.text import fold, person_key
from docgen.validate.rules.base import Context

Identity = tuple[Kind, str, date | None]


def identity(nominee: Nominee) -> Identity | None:
    """Who a nomination is about: a person by name (case, tone placement ignored) and birth
    date; a collective by its name without diacritics. None when the name is empty."""
    if not nominee.name.strip():
        return None
    if nominee.kind is Kind.INDIVIDUAL:
        return (nominee.kind, person_key(nominee.name), nominee.birth)
    return (nominee.kind, fold(nominee.name), None)


class Duplicates:
    """NOMINEE_DUPLICATE: one issue on each occurrence, naming every other one."""

    def check(self, submissions: list[Submission], ctx: Context) -> Iterator[ValidationIssue]:
        groups: dict[Identity, list[Nominee]] = {}
        for nominee in (n for s in submissions for n in s.nominees):
            if (key := identity(nominee)) is not None:
                groups.setdefault(key, []).append(nominee)
        for group in groups.values():
            if len(group) < 2:
                continue
            for nominee in group:
                others = "; ".join(_where(o) for o in group if o is not nominee)
                name_key = "ten" if nominee.kind is Kind.COLLECTIVE else "ho_ten"
                yield make_issue(
                    Code.NOMINEE_DUPLICATE,
                    nominee.place(name_key),
                    nominee.name,
                    count=len(group),
                    others=others,
                )


def _where(nominee: Nominee) -> str:
    level = f" ({nominee.level_label})" if nominee.level_label else ""
    return f"{nominee.source.file} › {nominee.source.sheet} › dòng {nominee.source.row}{level}"
