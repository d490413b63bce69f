"""Tổng quan and Đơn vị: where the campaign stands, each department's form and findings.

The check is `docgen kiem-tra`: `check_forms` then the feedback workbooks
(`write_feedback_files`, which `write_feedback` wraps), under the workspace lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from docgen.issues.codes import CODES
from docgen.issues.model import Severity, ValidationIssue
from docgen.text import fold
from docgen.web.common import current_job, frame, job_answer, site_of
from docgen.web.jobs import Job, Work
from docgen.web.site import Site

if TYPE_CHECKING:
    from docgen.validate.report import Report

PAGE = "/don-vi"


@dataclass(frozen=True)
class Row:
    """One department's line: its current form (or none), state and counts."""

    index: int | None  # the file's place in the report (its page), None: no form yet
    department: str
    file: str
    state: str
    arrival: str
    sender: str
    errors: int
    warnings: int


def overview(request: Request) -> Response:
    """Tổng quan: the steps, done and next."""
    return frame(request, "tong-quan.html", job=current_job(request))


def campaign_check(request: Request) -> Response:
    """`kiem-tra-chien-dich`: the campaign file and its law (reads only)."""
    site = site_of(request)
    job = site.jobs.start("Kiểm tra tệp chiến dịch", "/", _reviewing(site), writes=False)
    return job_answer(request, job)


def _reviewing(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.award.summary import review_lines
        from docgen.legal.check import review_campaign

        review = review_campaign(site.ws.campaign, site.ws.templates)
        job.lines.extend(review_lines(review))
        if review.errors:
            job.problems.append(f"{len(review.errors)} lỗi về căn cứ pháp lý: xem ở trên.")

    return work


def departments(request: Request) -> Response:
    """Đơn vị: every department with its state; the check button."""
    site = site_of(request)
    report = site.report()
    rows = _rows(site, report) if report is not None else []
    stale = report is None and site.checked is not None
    listed = [d.name for d in site.campaign().contacts.departments]
    return frame(request, "don-vi.html", report=report, rows=rows, stale=stale, listed=listed,
                 codes=CODES, folder=_folder_issues(report), job=current_job(request))  # fmt: skip


async def blank_form(request: Request) -> Response:
    """`mau-nhap` (`--don-vi` with the department chosen): the form to send, to download."""
    form = await request.form(max_files=0, max_fields=5)
    site = site_of(request)
    work = _blank_form(site, str(form.get("don_vi", "")))
    return job_answer(request, site.jobs.start("Tạo phiếu nhập", PAGE, work))


def _blank_form(site: Site, department: str) -> Work:
    def work(job: Job) -> None:
        from docgen.intake.template import WRITTEN, form_department, template_path, write_template

        campaign = site.campaign()
        name = form_department(campaign, department)
        target = template_path(site.ws.output(campaign.id), name)
        path, status = write_template(campaign, target, name)
        job.say(WRITTEN[status].format(path=path, original=target))
        job.offer(f"Phiếu nhập{f' — {name}' if name else ''} (Excel)", path)

    return work


def department(request: Request) -> Response:
    """One received form: its findings at the cell, its feedback workbook and reply draft."""
    site = site_of(request)
    report = site.report()
    index = request.path_params["index"]
    if report is None or not 0 <= index < len(report.files):
        return frame(request, "don-vi.html", 404, report=report, rows=[], stale=True, job=None)
    file = report.files[index]
    issues = sorted(report.issues_of(file), key=_order)
    feedback = site.feedback.get(file)
    reply = next((p for f, p in site.replies.items() if file in f.split(", ")), None)
    return frame(request, "don-vi-chi-tiet.html", file=file, issues=issues, codes=CODES,
                 row=_row(report, index, file), feedback=feedback, reply=reply)  # fmt: skip


def check(request: Request) -> Response:
    """Start `kiem-tra` (validate, then write the feedback workbooks)."""
    site = site_of(request)
    return job_answer(request, site.jobs.start("Kiểm tra phiếu", PAGE, _checking(site)))


def _checking(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.feedback.write import write_feedback_files
        from docgen.validate.run import submission_files

        total = len(submission_files(site.ws.submissions))
        job.step(0, total)
        report = site.check_forms(lambda _p: job.step(job.done + 1, total))
        out = site.ws.output(site.campaign().id) / "phan-hoi"
        site.feedback = write_feedback_files(report, site.ws.submissions, out)
        job.say(f"Đã kiểm tra {len(report.files)} phiếu: {len(report.errors)} lỗi, "
                f"{len(report.warnings)} cảnh báo; {len(site.feedback)} tệp phản hồi.")  # fmt: skip

    return work


def _folder_issues(report: Report | None) -> list[ValidationIssue]:
    """What the check says of no single form read: across the forms (a quota exceeded), and
    of the submissions folder (a file that is no form, a department without one, a form gone)."""
    if report is None:
        return []
    read = set(report.files)
    return sorted((i for i in report.issues if i.place.file not in read), key=_order)


def _rows(site: Site, report: Report) -> list[Row]:
    rows = [_row(report, i, f) for i, f in enumerate(report.files)]
    seen = {fold(r.department) for r in rows}
    for d in site.campaign().contacts.departments:
        if fold(d.name) not in seen:
            rows.append(Row(None, d.name, "", "chưa có phiếu", "", "", 0, 0))
    return rows


def _row(report: Report, index: int, file: str) -> Row:
    issues = report.issues_of(file)
    errors = sum(i.severity is Severity.ERROR for i in issues)
    arrival = report.arrivals.get(file)
    receipt = arrival.receipt if arrival else None
    state = "có lỗi" if errors else "đạt"
    if file in report.superseded:
        state = "đã có bản mới hơn"
    return Row(
        index,
        report.departments.get(file, "") or "(chưa rõ đơn vị)",
        file,
        state,
        arrival.label() if arrival else "",
        receipt.sender if receipt else "",
        errors,
        len(issues) - errors,
    )


def _order(issue: ValidationIssue) -> tuple[int, str, int]:
    return (issue.severity is not Severity.ERROR, issue.place.sheet, issue.place.row or 0)


def not_found(_request: Request, _exc: Exception) -> Response:
    """An unknown address: a short Vietnamese page."""
    return HTMLResponse("<!doctype html><title>docgen</title><p>Không có trang này.</p>", 404)
