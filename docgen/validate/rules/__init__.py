"""Rules that run on typed nominations: one small object per check.

A row rule looks at one nomination; a submission rule at one received workbook; an aggregate
rule looks at all of them after every file is read and every row rule ran (duplicates, then
quotas, which count only nominations left without errors). Each yields `ValidationIssue`s.
"""

from __future__ import annotations

from docgen.validate.rules.base import AggregateRule, Context, RowRule, SubmissionRule
from docgen.validate.rules.criterion import CriterionRule
from docgen.validate.rules.dates import AwardDates, PeriodDates
from docgen.validate.rules.duplicates import Duplicates
from docgen.validate.rules.eligibility import Eligibility
from docgen.validate.rules.late import LateSubmission
from docgen.validate.rules.quota import Quota
from docgen.validate.rules.titles import CollectiveTitles

__all__ = [
    "AGGREGATE_RULES",
    "ROW_RULES",
    "SUBMISSION_RULES",
    "AggregateRule",
    "Context",
    "RowRule",
    "SubmissionRule",
]

ROW_RULES: list[RowRule] = [
    Eligibility(),
    CriterionRule(),
    PeriodDates(),
    AwardDates(),
    CollectiveTitles(),
]
SUBMISSION_RULES: list[SubmissionRule] = [LateSubmission()]
# Order matters: the quota counts nominations without errors, duplicates included.
AGGREGATE_RULES: list[AggregateRule] = [Duplicates(), Quota()]
