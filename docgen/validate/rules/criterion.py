"""Row rule: every criterion of the campaign for the nominee's kind, one issue per failure."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.campaign.model import Check, Criterion
from docgen.intake.records import Nominee, Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.validate import criteria
from docgen.validate.cells import convert_cell
from docgen.validate.rules.base import Context


class CriterionRule:
    """ROW_CRITERION: the plan's wording and the value that fails it, on the failing cell.

    A check whose cell already has a cell problem (required, bad date, value outside the list)
    is left to that problem, so one mistake is reported once.
    """

    def check(
        self, nominee: Nominee, submission: Submission, ctx: Context
    ) -> Iterator[ValidationIssue]:
        for criterion in ctx.campaign.criteria_for(nominee.kind):
            failed = [
                f
                for f in criteria.failures(
                    criterion, nominee.values, ctx.campaign.period, nominee.awards
                )
                if not _cell_problem(nominee, f.check, ctx)
            ]
            if failed:
                yield _issue(nominee, criterion, failed, ctx)


def _cell_problem(nominee: Nominee, check: Check, ctx: Context) -> bool:
    column = ctx.column(nominee.kind, check.field)
    if column is None:
        return False
    cell = nominee.cells.get(check.field)
    if cell is None:  # column absent from the file: reported by the reader when required
        return column.required
    return convert_cell(cell, column, ctx.campaign.period)[1] is not None


def _issue(
    nominee: Nominee, criterion: Criterion, failed: list[criteria.Failure], ctx: Context
) -> ValidationIssue:
    first = failed[0].check.field
    if len(criterion.checks) == 1 and failed[0].check.op in criteria.HISTORY_OPS:
        detail = "theo lịch sử khen thưởng: " + failed[0].reason
    elif len(criterion.checks) == 1:
        detail = "giá trị nhập: " + _shown(nominee, failed[0])
    else:
        detail = "; ".join(
            f"“{_header(nominee, f.check.field, ctx)}”: {_shown(nominee, f)}" for f in failed
        )
    cell = nominee.cells.get(first)
    return make_issue(
        Code.ROW_CRITERION,
        nominee.place(first),
        cell.shown if cell else "",
        criterion=criterion.id,
        text=criterion.text.rstrip(". "),
        detail=detail,
    )


def _shown(nominee: Nominee, failure: criteria.Failure) -> str:
    """The value as typed, with the reason when it is not obvious from the plan's wording."""
    if failure.check.op in criteria.HISTORY_OPS:
        return failure.reason
    cell = nominee.cells.get(failure.check.field)
    typed = cell.shown if cell else ""
    if not typed:
        return "(trống)"
    if failure.check.op == "within_period":
        return f"{typed} ({failure.reason})"
    return typed


def _header(nominee: Nominee, key: str, ctx: Context) -> str:
    if not key:  # a check on the award history
        return "Lịch sử khen thưởng"
    cell = nominee.cells.get(key)
    if cell and cell.header:
        return cell.header
    column = ctx.column(nominee.kind, key)
    return column.header if column else key
