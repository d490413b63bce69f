"""What every rule shares: the context it may consult and the three rule protocols."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from docgen.campaign.model import Campaign, Kind, Level, Subject
from docgen.intake.records import Nominee, Submission
from docgen.intake.schema import Column, IntakeSchema, build_schema
from docgen.issues.model import ValidationIssue, error_places

RowKey = tuple[str, str, int | None]


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the nomination itself.

    `issues` is the run's list of problems found so far (read, cell and row problems), so
    aggregate rules can tell which nominations are still eligible.
    """

    campaign: Campaign
    issues: Sequence[ValidationIssue] = field(default=(), compare=False)

    @cached_property
    def schema(self) -> IntakeSchema:
        """The intake workbook of the campaign."""
        return build_schema(self.campaign)

    def column(self, kind: Kind, key: str) -> Column | None:
        """The nominee sheet's column `key` for `kind`, None when the sheet has none."""
        spec = self.schema.collectives if kind is Kind.COLLECTIVE else self.schema.individuals
        return next((c for c in spec.columns if c.key == key), None)

    def level_by_label(self, label: str) -> Level | None:
        """The level whose label was chosen on the sheet."""
        return next((lv for lv in self.campaign.levels if lv.label == label), None)

    def subject_by_label(self, kind: Kind, label: str) -> Subject | None:
        """The subject of `kind` whose label was chosen on the sheet."""
        return next((s for s in self.campaign.subjects_of(kind) if s.label == label), None)

    def error_rows(self) -> set[RowKey]:
        """(file, sheet, row) of every row with an error so far."""
        return error_places(self.issues)


def row_key(nominee: Nominee) -> RowKey:
    """The (file, sheet, row) a nomination was read from."""
    return (nominee.source.file, nominee.source.sheet, nominee.source.row)


class RowRule(Protocol):
    """Checks one nomination."""

    def check(
        self, nominee: Nominee, submission: Submission, ctx: Context
    ) -> Iterable[ValidationIssue]: ...


class SubmissionRule(Protocol):
    """Checks one received workbook as a whole (e.g. its submission date)."""

    def check(self, submission: Submission, ctx: Context) -> Iterable[ValidationIssue]: ...


class AggregateRule(Protocol):
    """Checks all nominations together, after every row rule ran."""

    def check(self, submissions: list[Submission], ctx: Context) -> Iterable[ValidationIssue]: ...
