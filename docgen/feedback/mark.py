"""Mark problems on the department's own workbook: fill and comment each bad cell."""

from __future__ import annotations

from collections.abc import Sequence

from docgen.feedback.sheet import ISSUES_SHEET
from docgen.issues.model import Severity, ValidationIssue
from docgen.workbook.marks import Note, mark, prepare
from docgen.workbook.write import WriteBook


def mark_issues(wb: WriteBook, issues: Sequence[ValidationIssue]) -> None:
    """Drop an earlier feedback's marks, then fill and comment the cell of each issue."""
    prepare(wb, ISSUES_SHEET)
    mark(wb, [Note(i.place, i.severity is Severity.ERROR, _note(i)) for i in issues])


def _note(issue: ValidationIssue) -> str:
    label = "Lỗi" if issue.severity is Severity.ERROR else "Cảnh báo"
    text = f"{label}: {issue.message}"
    return f"{text}\nCách sửa: {issue.hint}" if issue.hint else text
