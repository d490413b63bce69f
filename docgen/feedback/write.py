"""Write one feedback workbook per received file, atomically, under safe ASCII names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from docgen.campaign.model import Kind
from docgen.errors import DocgenError
from docgen.feedback.mark import mark_issues
from docgen.feedback.sheet import add_confirmation_sheet, add_issues_sheet
from docgen.intake.records import Submission
from docgen.intake.schema import HEADER_ROW
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.output.files import write_atomic
from docgen.text import ascii_slug
from docgen.validate.report import Report
from docgen.validate.summary import ordered
from docgen.workbook.marks import cell_ref, open_copy
from docgen.workbook.printing import printable
from docgen.workbook.raw import REFUSED
from docgen.workbook.safety import check_archive, open_zip, read_limited
from docgen.workbook.trim import trimmed_package
from docgen.workbook.write import WriteBook, new_workbook, workbook_bytes

PREFIX = "phan-hoi-"
OLD = "cu"  # feedback of earlier versions, kept out of the way


def write_feedback(report: Report, folder: Path, out_dir: Path) -> list[Path]:
    """One feedback workbook per current received file; returns the paths written."""
    return list(write_feedback_files(report, folder, out_dir).values())


def write_feedback_files(report: Report, folder: Path, out_dir: Path) -> dict[str, Path]:
    """Received file name → its feedback workbook, for every current file (not superseded ones).

    Names are stable across runs and say which version they answer; feedback left from an
    earlier version is moved into `cu/` so that only current feedback sits in `out_dir`.
    """
    written: dict[str, Path] = {}
    taken: set[str] = set()
    for file in sorted(report.files):
        if file in report.superseded:
            continue
        department = report.departments.get(file, "")
        arrival = report.arrivals.get(file)
        name = feedback_name(department, file, taken, arrival.stamp() if arrival else "")
        checked = f"{file} ({arrival.label()})" if arrival else file
        received = report.paths.get(file, folder / file)
        write_atomic(out_dir / name, _feedback_bytes(report, received, file, department, checked))
        written[file] = out_dir / name
    set_aside(out_dir, {p.name for p in written.values()})
    return written


def feedback_name(department: str, file: str, taken: set[str], version: str = "") -> str:
    """`phan-hoi-<slug>[-<version>].xlsx` from the department (or the file stem), unique."""
    slug = ascii_slug(department) or ascii_slug(Path(file).stem) or "tep"
    stem = f"{PREFIX}{slug}-{version}" if version else f"{PREFIX}{slug}"
    name, n = f"{stem}.xlsx", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.xlsx"
    taken.add(name)
    return name


def set_aside(out_dir: Path, current: set[str], pattern: str = f"{PREFIX}*.xlsx") -> list[Path]:
    """Move earlier outputs matching `pattern` that are not `current` into `out_dir/cu/`."""
    moved: list[Path] = []
    for path in sorted(out_dir.glob(pattern)) if out_dir.is_dir() else []:
        if path.name in current:
            continue
        target, n = out_dir / OLD / path.name, 1
        while target.exists():
            n += 1
            target = out_dir / OLD / f"{path.stem}.{n}{path.suffix}"
        target.parent.mkdir(exist_ok=True)
        path.replace(target)
        moved.append(target)
    return moved


def _feedback_bytes(
    report: Report, received: Path, file: str, department: str, checked: str
) -> bytes:
    issues = ordered(report.told_to_department(file))
    if not issues:
        wb = new_workbook()
        lines = _proposed(_submission(report, file))
        add_confirmation_sheet(wb, department, checked, lines)
    else:
        wb = _annotated_copy(received, issues, checked)
        if isinstance(wb, str):  # why the copy could not be made: told on the "Lỗi" sheet
            wb = _issues_only(_with_reason(issues, file, wb), checked)
    return workbook_bytes(wb, report.campaign.plan.date)


def _annotated_copy(received: Path, issues: list[ValidationIssue], checked: str) -> WriteBook | str:
    """The department's workbook, marked; or why it cannot be opened safely ("" when the
    file-level issue already says so)."""
    if any(i.code in REFUSED for i in issues):
        return ""
    if received.suffix.lower() == ".xls":
        return "tệp .xls đời cũ không chép lại được để đánh dấu; lần sau hãy dùng mẫu .xlsx"
    try:
        data = read_limited(received)  # bytes only: the received file is never written
        with open_zip(data) as archive:
            check_archive(archive, len(data))
            data = trimmed_package(archive)  # the copy costs what the data does, not the format
        wb = open_copy(data)
    except DocgenError as exc:  # WorkbookRefused: a limit or a check, in Vietnamese
        return exc.message
    except Exception as exc:  # openpyxl raises many kinds on a damaged or unusual file
        return (
            f"Excel lưu tệp theo cách thư viện openpyxl không chép lại được: {type(exc).__name__}"
        )
    mark_issues(wb, issues)
    for ws in wb.worksheets:  # whatever the department's print settings were
        printable(ws, f"{HEADER_ROW}:{HEADER_ROW}" if ws.max_row > HEADER_ROW else None)
    add_issues_sheet(wb, issues, lambda issue: cell_ref(wb, issue.place), checked)
    return wb


def _with_reason(issues: list[ValidationIssue], file: str, reason: str) -> list[ValidationIssue]:
    if not reason:
        return issues
    return [make_issue(Code.FEEDBACK_PLAIN, Place(file), detail=reason.rstrip(".")), *issues]


def _issues_only(issues: list[ValidationIssue], checked: str) -> WriteBook:
    wb = new_workbook()
    add_issues_sheet(wb, issues, lambda issue: None, checked)
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
