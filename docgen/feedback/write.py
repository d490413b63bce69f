"""Write one feedback workbook per received file, atomically, under safe ASCII names."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from openpyxl import Workbook, load_workbook

from docgen.campaign.model import Kind
from docgen.feedback.mark import locate, mark, prepare
from docgen.feedback.sheet import add_confirmation_sheet, add_issues_sheet
from docgen.intake.records import Submission
from docgen.issues.model import ValidationIssue
from docgen.output.files import write_atomic
from docgen.text import ascii_slug
from docgen.validate.report import Report
from docgen.validate.summary import ordered
from docgen.workbook.raw import REFUSED
from docgen.workbook.safety import check_archive, open_zip, read_file
from docgen.workbook.write import workbook_bytes

PREFIX = "phan-hoi-"


def write_feedback(report: Report, folder: Path, out_dir: Path) -> list[Path]:
    """One feedback workbook per received file in `folder`; returns the paths written."""
    written: list[Path] = []
    taken: set[str] = set()
    for file in report.files:
        department = report.departments.get(file, "")
        path = out_dir / feedback_name(department, file, taken)
        received = report.paths.get(file, folder / file)
        write_atomic(path, _feedback_bytes(report, received, file, department))
        written.append(path)
    return written


def feedback_name(department: str, file: str, taken: set[str]) -> str:
    """`phan-hoi-<slug>.xlsx` from the department (or the file stem), unique within `taken`."""
    slug = ascii_slug(department) or ascii_slug(Path(file).stem) or "tep"
    name, n = f"{PREFIX}{slug}.xlsx", 1
    while name in taken:
        n += 1
        name = f"{PREFIX}{slug}-{n}.xlsx"
    taken.add(name)
    return name


def _feedback_bytes(report: Report, received: Path, file: str, department: str) -> bytes:
    issues = ordered(report.issues_of(file))
    if not issues:
        wb = Workbook()
        lines = _proposed(_submission(report, file))
        add_confirmation_sheet(wb, department, file, lines)
    else:
        wb = _annotated_copy(received, issues) or _issues_only(issues)
    return workbook_bytes(wb)


def _annotated_copy(received: Path, issues: list[ValidationIssue]) -> Workbook | None:
    """The department's workbook, marked; None when it cannot be opened safely."""
    if any(i.code in REFUSED for i in issues):
        return None
    try:
        data = read_file(received)  # bytes only: the received file is never written
        with open_zip(data) as archive:
            check_archive(archive, len(data))
        wb = load_workbook(io.BytesIO(data), keep_vba=False, keep_links=False, rich_text=False)
    except Exception:  # WorkbookRefused, or one of openpyxl's many on a damaged file
        return None
    prepare(wb)
    mark(wb, issues)
    add_issues_sheet(wb, issues, lambda issue: locate(wb, issue.place))
    return wb


def _issues_only(issues: list[ValidationIssue]) -> Workbook:
    wb = Workbook()
    add_issues_sheet(wb, issues, lambda issue: None)
    del wb[wb.sheetnames[1]]  # the default empty sheet
    return wb


def _submission(report: Report, file: str) -> Submission | None:
    return next((s for s in report.submissions if s.file == file), None)


def _proposed(submission: Submission | None) -> list[str]:
    """What a clean form proposes, per level and kind, for the confirmation."""
    if submission is None or not submission.nominees:
        return ["Đơn vị không đề nghị tập thể, cá nhân nào."]
    counts = Counter((n.level_label, n.kind) for n in submission.nominees)
    lines = [f"Số đề nghị: {len(submission.nominees)}."]
    for (level, kind), count in sorted(
        counts.items(), key=lambda kv: (kv[0][0], kv[0][1] is Kind.INDIVIDUAL)
    ):
        lines.append(f"- {level}: {count:02d} {kind.label}")
    return lines
