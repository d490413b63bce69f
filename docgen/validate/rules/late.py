"""Submission rule: the form was sent on or after the campaign's deadline."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.intake.records import Submission
from docgen.intake.schema import UNIT_SHEET
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.text import format_date_short
from docgen.validate.rules.base import Context


class LateSubmission:
    """SUBMISSION_LATE (warning): the plan says "đến trước ngày …"; the council decides.

    A warning, not an error: the clerk must know, but a late form is not wrong data, and
    the council may still accept it.
    """

    def check(self, submission: Submission, ctx: Context) -> Iterator[ValidationIssue]:
        deadline = ctx.campaign.period.deadline
        sent = submission.submitted
        if sent is None or sent < deadline:
            return
        header = ctx.schema.unit.column("ngay_gui").header
        place = Place(submission.file, UNIT_SHEET, header=header)
        yield make_issue(
            Code.SUBMISSION_LATE,
            place,
            format_date_short(sent),
            deadline=format_date_short(deadline),
        )
