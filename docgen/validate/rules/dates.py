"""Row rules on dates: achievements inside the campaign period, past awards already decided."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from docgen.campaign.model import Kind
from docgen.intake.records import Nominee, Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.text import format_date_short
from docgen.validate.criteria import period_text
from docgen.validate.rules.base import Context

PERSONAL_DATES = frozenset({"ngay_sinh"})  # dates of the person, not of an achievement


class PeriodDates:
    """ROW_DATE_OUTSIDE_PERIOD (warning): an achievement or decision date outside the period.

    Dates a criterion already checks with `within_period` are left to that criterion.
    """

    def check(
        self, nominee: Nominee, submission: Submission, ctx: Context
    ) -> Iterator[ValidationIssue]:
        period = ctx.campaign.period
        for key in _achievement_dates(nominee.kind, ctx):
            value = nominee.values.get(key)
            if isinstance(value, date) and not period.contains(value):
                place = nominee.place(key)
                what = f"“{place.header or key}”"
                shown = format_date_short(value)
                yield make_issue(
                    Code.ROW_DATE_OUTSIDE_PERIOD,
                    place,
                    shown,
                    what=what,
                    period=period_text(period),
                )


def _achievement_dates(kind: Kind, ctx: Context) -> list[str]:
    spec = ctx.schema.collectives if kind is Kind.COLLECTIVE else ctx.schema.individuals
    covered = {
        check.field
        for criterion in ctx.campaign.criteria_for(kind)
        for check in criterion.checks
        if check.op == "within_period"
    }
    return [
        c.key for c in spec.columns if c.type == "date" and c.key not in PERSONAL_DATES | covered
    ]


class AwardDates:
    """AWARD_DATE_AFTER_SUBMISSION, AWARD_YEAR_AFTER_SUBMISSION: a previous award decided, or
    given for a year, after the form was sent.

    Awards are decided before they are declared; a later date is a typing mistake. The
    reference is the submission date, or the campaign deadline when the form has none.
    """

    def check(
        self, nominee: Nominee, submission: Submission, ctx: Context
    ) -> Iterator[ValidationIssue]:
        sent = submission.submitted
        reference = sent or ctx.campaign.period.deadline
        what = "gửi phiếu" if sent else "hết hạn gửi phiếu"
        header = ctx.schema.awards.column("ngay_qd").header
        year_header = ctx.schema.awards.column("nam").header
        for award in nominee.awards:
            if award.decision_date > reference:
                yield make_issue(
                    Code.AWARD_DATE_AFTER_SUBMISSION,
                    award.source.place(header=header),
                    format_date_short(award.decision_date),
                    reference=what,
                    when=format_date_short(reference),
                )
            if award.year > reference.year:
                yield make_issue(
                    Code.AWARD_YEAR_AFTER_SUBMISSION,
                    award.source.place(header=year_header),
                    award.year,
                    reference=what,
                    when=format_date_short(reference),
                )
