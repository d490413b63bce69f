"""Aggregate rule: more eligible nominations at a level than the plan's quota."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from docgen.campaign.model import Kind
from docgen.intake.records import Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue, keeps_out
from docgen.validate.rules.base import Context, row_key

CAMPAIGN_FILE = "(tổng hợp)"  # place of problems that belong to no single received file


class Quota:
    """QUOTA_EXCEEDED (warning before the meeting): the council will choose by votes.

    Counts nominations with no error on their row; runs after every other rule.
    """

    def check(self, submissions: list[Submission], ctx: Context) -> Iterator[ValidationIssue]:
        bad = ctx.error_rows()
        counts: Counter[tuple[str, Kind]] = Counter(
            (n.level_label, n.kind)
            for s in submissions
            for n in s.nominees
            if not keeps_out(bad, *row_key(n))
        )
        for level in ctx.campaign.levels:
            for kind in Kind:
                quota = level.quota.get(kind)
                count = counts[(level.label, kind)]
                if quota is not None and count > quota:
                    yield make_issue(
                        Code.QUOTA_EXCEEDED,
                        Place(CAMPAIGN_FILE),
                        count,
                        level=level.label,
                        kind=kind.label,
                        count=count,
                        quota=quota,
                    )
