"""Row rule: the subject chosen may be nominated at the level chosen."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.campaign.model import Kind, Level
from docgen.intake.records import Nominee, Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.validate.rules.base import Context


class Eligibility:
    """ROW_NOT_ELIGIBLE: e.g. a "Bộ phận “Một cửa”" proposed at the city level."""

    def check(
        self, nominee: Nominee, submission: Submission, ctx: Context
    ) -> Iterator[ValidationIssue]:
        level = ctx.level_by_label(nominee.level_label)
        subject = ctx.subject_by_label(nominee.kind, nominee.subject_label)
        if level is None or subject is None or subject.id in level.subjects:
            return  # unknown labels are closed-list problems, reported by the cell rules
        allowed = [lv.label for lv in ctx.campaign.levels if subject.id in lv.subjects]
        yield make_issue(
            Code.ROW_NOT_ELIGIBLE,
            nominee.place("cap_de_nghi"),
            nominee.level_label,
            subject=subject.label,
            level=level.label,
            accepted=_accepted(ctx, level, nominee.kind),
            allowed=_allowed(allowed),
        )


def _accepted(ctx: Context, level: Level, kind: Kind) -> str:
    labels = [s.label for s in ctx.campaign.subjects_of(kind) if s.id in level.subjects]
    if not labels:
        return f"không xét {kind.label}"
    return ", ".join(f"“{label}”" for label in labels)


def _allowed(levels: list[str]) -> str:
    if not levels:
        return "Kế hoạch không xét đối tượng này ở cấp nào."
    return "Đối tượng này được đề nghị ở: " + ", ".join(f"“{lv}”" for lv in levels) + "."
