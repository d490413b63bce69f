"""What a validation run shows: console text for the clerk and a stable JSON document.

JSON schema (stable; documented in the README):

    {
      "campaign": "<campaign id>",
      "files": <number of received files>,
      "summary": {
        "errors": <n>, "warnings": <n>,
        "by_code": {"<CODE>": {"severity": "error|warning", "title": "<Vietnamese>", "count": <n>}},
        "by_department": {"<department or file>": {"errors": <n>, "warnings": <n>}}
      },
      "issues": [
        {"code", "severity", "file", "sheet", "row", "column", "header", "value", "message", "hint"}
      ]
    }

Issues are ordered by file, sheet, row, column, code; dictionaries by key.
"""

from __future__ import annotations

from typing import Any

from docgen.issues.codes import CODES
from docgen.issues.model import Severity, ValidationIssue
from docgen.text import vn_sort_key
from docgen.validate.report import Report

SEVERITY_LABEL = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo"}


def issue_order(issue: ValidationIssue) -> tuple[str, str, int, int, str, str, str]:
    """Sort key: file, sheet, row (file-level first), column (A < Z < AA), code, message."""
    place = issue.place
    row = -1 if place.row is None else place.row
    return (
        place.file,
        place.sheet,
        row,
        len(place.column),
        place.column,
        issue.code,
        issue.message,
    )


def ordered(issues: list[ValidationIssue]) -> list[ValidationIssue]:
    """Issues in the deterministic order every output uses."""
    return sorted(issues, key=issue_order)


def to_json(report: Report) -> dict[str, Any]:
    """The run as the documented JSON document."""
    return {
        "campaign": report.campaign.id,
        "files": len(report.files),
        "summary": {
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "by_code": _by_code(report),
            "by_department": _by_department(report),
        },
        "issues": [i.to_json() for i in ordered(report.issues)],
    }


def _by_code(report: Report) -> dict[str, dict[str, Any]]:
    counts = report.counts_by_code()
    return {
        code: {
            "severity": str(CODES[code].severity),
            "title": CODES[code].title,
            "count": counts[code],
        }
        for code in sorted(counts)
    }


def _by_department(report: Report) -> dict[str, dict[str, int]]:
    counts = report.counts_by_department()
    return {
        who: {"errors": counts[who]["error"], "warnings": counts[who]["warning"]}
        for who in sorted(counts)
    }


def to_text(report: Report) -> str:
    """The console summary: totals, counts by department and by code, then every problem."""
    lines = [
        f"Chiến dịch {report.campaign.id}: {len(report.files)} tệp, "
        f"{len(report.errors)} lỗi, {len(report.warnings)} cảnh báo."
    ]
    clean = _without_problems(report)
    if not report.issues:
        return "\n".join([*lines, "Không có lỗi.", *clean])
    lines += ["", "Theo đơn vị:"]
    for who, c in _by_department(report).items():
        lines.append(f"  {who}: {c['errors']} lỗi, {c['warnings']} cảnh báo")
    lines += [f"  {line}" for line in clean]
    lines += ["", "Theo mã:"]
    for code, c in _by_code(report).items():
        lines.append(f"  {code} — {c['title']}: {c['count']}")
    return "\n".join(lines + _details(report))


def _without_problems(report: Report) -> list[str]:
    """`Không có vấn đề: A, B` — the departments whose current form has no finding at all."""
    counted = report.counts_by_department()
    names = sorted(
        {s.department for s in report.submissions if s.department and s.department not in counted},
        key=vn_sort_key,
    )
    return [f"Không có vấn đề: {', '.join(names)}."] if names else []


def _details(report: Report) -> list[str]:
    lines: list[str] = []
    current = None
    for issue in ordered(report.issues):
        if issue.place.file != current:
            current = issue.place.file
            who = report.departments.get(current)
            lines += ["", f"{current} ({who})" if who else current]
        lines.append(f"  [{SEVERITY_LABEL[issue.severity]}] {issue_line(issue)}")
    return lines


def issue_line(issue: ValidationIssue) -> str:
    """`sheet › dòng N › cột X (Header): message — hint`, without the file name."""
    place = issue.place
    parts = [place.sheet] if place.sheet else []
    if place.row is not None:
        parts.append(f"dòng {place.row}")
    if place.column or place.header:
        parts.append(
            f"cột {place.column} ({place.header})" if place.column else f"“{place.header}”"
        )
    where = " › ".join(parts)
    text = f"{issue.message} — {issue.hint}" if issue.hint else issue.message
    return f"{where}: {text}" if where else text
