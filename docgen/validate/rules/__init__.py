"""Rules that run on typed nominations: one small object per check.

A row rule looks at one nomination; an aggregate rule looks at all of them after every file
is read (duplicates, quotas). Each yields `ValidationIssue` values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from docgen.campaign.model import Campaign
from docgen.intake.records import Nominee, Submission
from docgen.validate.issue import ValidationIssue


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the nomination itself."""

    campaign: Campaign


class RowRule(Protocol):
    """Checks one nomination."""

    def check(self, nominee: Nominee, submission: Submission, ctx: Context) -> Iterable[ValidationIssue]: ...


class SubmissionRule(Protocol):
    """Checks one received workbook as a whole (e.g. its submission date)."""

    def check(self, submission: Submission, ctx: Context) -> Iterable[ValidationIssue]: ...


class AggregateRule(Protocol):
    """Checks all nominations together."""

    def check(self, submissions: list[Submission], ctx: Context) -> Iterable[ValidationIssue]: ...


ROW_RULES: list[RowRule] = []
SUBMISSION_RULES: list[SubmissionRule] = []
AGGREGATE_RULES: list[AggregateRule] = []
