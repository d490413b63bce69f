"""What every page handler shares: the frame (campaign, stage, menu), uploads, job answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from docgen.errors import DocgenError
from docgen.stage import Step
from docgen.web.guard import TOO_LARGE
from docgen.web.jobs import Job, State
from docgen.web.site import Site
from docgen.web.views import page

MENU = (
    ("/", "Tổng quan"),
    ("/don-vi", "Đơn vị"),
    ("/nhan-phieu", "Nhận phiếu"),
    ("/hop-xet", "Họp xét"),
    ("/ho-so", "Hồ sơ"),
    ("/luu-tru", "Lưu trữ"),
    ("/lich-su", "Lịch sử khen thưởng"),
)
MAX_FILES = 200
STEP_PAGES = {  # where each step of the workflow is done on the page
    Step.RECEIVE: "/nhan-phieu",
    Step.CHECK: "/don-vi",
    Step.MEETING_LIST: "/hop-xet",
    Step.MEETING: "/hop-xet",
    Step.DOSSIER: "/ho-so",
    Step.PDF: "/ho-so",
    Step.ARCHIVE: "/luu-tru",
    Step.REGISTERS: "/luu-tru",
    Step.CERTIFICATES: "/ho-so",
    Step.DECISIONS: "/lich-su",
    Step.WRAP_UP: "/lich-su",
}


def site_of(request: Request) -> Site:
    """The site this request is served by."""
    site: Site = request.app.state.site
    return site


def frame(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Page `name` inside the common frame: campaign, where it stands, the menu, the CSRF token."""
    site = site_of(request)
    try:
        campaign = site.campaign()
        stage = site.stage()
    except DocgenError as exc:  # a broken campaign file: every page says so, with the fix
        return problem_page(request, exc)
    return page(
        name,
        status,
        site=site,
        campaign=campaign,
        stage=stage,
        menu=MENU,
        here=request.url.path,
        csrf=request.scope["state"]["csrf"],
        link=site.downloads.id_of,
        step_pages=STEP_PAGES,
        **context,
    )


def problem_page(request: Request, exc: Exception) -> HTMLResponse:
    """A page that could not be shown (the campaign file broken, a state file damaged): the
    library's message, which names the file, the place and the fix."""
    return page("hong.html", 200, problem=str(exc), menu=MENU, here=request.url.path,
                csrf=request.scope["state"]["csrf"], site=site_of(request))  # fmt: skip


async def uploads(request: Request) -> tuple[dict[str, str], list[tuple[str, bytes]]] | Response:
    """The form's text fields and its files (name, bytes); a 413 answer when too large."""
    got = await uploads_by_field(request)
    if isinstance(got, Response):
        return got
    fields, files = got
    return fields, [file for chosen in files.values() for file in chosen]


async def uploads_by_field(
    request: Request,
) -> tuple[dict[str, str], dict[str, list[tuple[str, bytes]]]] | Response:
    """The form's text fields and its files (name, bytes) by the field that chose them; a 413
    answer when too large."""
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=50)
    except ClientDisconnect:
        return HTMLResponse(TOO_LARGE, status_code=413)
    fields: dict[str, str] = {}
    files: dict[str, list[tuple[str, bytes]]] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if value.filename:
                files.setdefault(key, []).append((value.filename, await value.read()))
        else:
            fields[key] = value
    await form.close()
    return fields, files


def one_workbook(
    job: Job, files: list[tuple[str, bytes]], what: str, suffix: str = ""
) -> tuple[str, bytes] | None:
    """The one Excel workbook uploaded (name, bytes), checked as a mail attachment is (read as
    `suffix`, else as its name says); None after telling the job why it is not one."""
    from docgen.mail.attachments import workbook_problem

    if len(files) != 1:
        job.problems.append(f"Hãy chọn đúng một {what}.")
        return None
    name, data = files[0]
    problem = workbook_problem(suffix or Path(name).suffix.lower(), data)
    if problem:
        job.problems.append(f"{name}: {problem} Hãy lưu tệp bằng Excel dạng .xlsx.")
        return None
    return name, data


def job_answer(request: Request, job: Job) -> Response:
    """The job's panel for htmx (it polls itself until done), or the page for a plain post."""
    if request.headers.get("hx-request"):
        return job_panel(request, job)
    return RedirectResponse(f"{job.page}?viec={job.id}", status_code=303)


def job_panel(request: Request, job: Job) -> Response:
    """The job's panel. Once the job has ended, htmx is also told to open the job's page with
    the panel on it (HX-Redirect): what the job changed shows around the panel at once, never
    a page still asking for the step just done."""
    answer = page("viec.html", job=job, link=site_of(request).downloads.id_of)
    if job.state is not State.RUNNING and request.headers.get("hx-request"):
        answer.headers["HX-Redirect"] = f"{job.page}?viec={job.id}"
    return answer


def current_job(request: Request) -> Job | None:
    """The job named by `?viec=` (shown on the page it belongs to)."""
    return site_of(request).jobs.all.get(request.query_params.get("viec", ""))
