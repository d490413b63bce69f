"""The page's address book: every route, the static files, downloads, jobs and the stop."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from docgen.errors import DocgenError
from docgen.web import archive, departments, dossier, history, intake, meeting
from docgen.web.common import job_panel, problem_page, site_of
from docgen.web.guard import Guard
from docgen.web.site import Site
from docgen.web.views import TEMPLATES, page

STATIC = TEMPLATES.parent / "static"
GONE = "Tệp này không còn (hoặc địa chỉ đã cũ): hãy tải lại trang rồi bấm lại."


def download(request: Request) -> Response:
    """A file by the id a page gave it; nothing else is ever served."""
    path = site_of(request).downloads.path_of(request.path_params["file_id"])
    if path is None:
        return HTMLResponse(GONE, status_code=404)
    inline = path.suffix == ".png"
    return FileResponse(
        path, filename=path.name, content_disposition_type="inline" if inline else "attachment"
    )


def job(request: Request) -> Response:
    """A job's panel: progress while it runs (the panel polls itself), then its result."""
    site = site_of(request)
    found = site.jobs.all.get(request.path_params["job_id"])
    if found is None:
        return HTMLResponse(GONE, status_code=404)
    return job_panel(request, found)


def stop(request: Request) -> Response:
    """Stop the server from the page (as Ctrl+C does in the terminal)."""
    site_of(request).stop()
    return page("dung.html")


ROUTES = [
    Route("/", departments.overview),
    Route("/don-vi", departments.departments),
    Route("/don-vi/{index:int}", departments.department),
    Route("/kiem-tra", departments.check, methods=["POST"]),
    Route("/kiem-tra-chien-dich", departments.campaign_check, methods=["POST"]),
    Route("/don-vi/mau-nhap", departments.blank_form, methods=["POST"]),
    Route("/nhan-phieu", intake.intake),
    Route("/nhan-phieu/tai-len", intake.upload, methods=["POST"]),
    Route("/nhan-phieu/hop-thu", intake.mailbox, methods=["POST"]),
    Route("/nhan-phieu/tra-loi", intake.replies, methods=["POST"]),
    Route("/nhan-phieu/xac-nhan", intake.confirm, methods=["POST"]),
    Route("/nhan-phieu/khoi-phuc", intake.restore, methods=["POST"]),
    Route("/hop-xet", meeting.meeting),
    Route("/hop-xet/tong-hop", meeting.consolidate, methods=["POST"]),
    Route("/hop-xet/tai-len", meeting.upload, methods=["POST"]),
    Route("/hop-xet/ket-qua", meeting.results, methods=["POST"]),
    Route("/ho-so", dossier.dossier),
    Route("/ho-so/lap", dossier.build, methods=["POST"]),
    Route("/ho-so/pdf", dossier.pdf, methods=["POST"]),
    Route("/ho-so/giay-khen", dossier.certificates, methods=["POST"]),
    Route("/ho-so/xem/{file_id}", dossier.preview),
    Route("/ho-so/cap/{level}", dossier.level_folder),
    Route("/luu-tru", archive.archive),
    Route("/luu-tru/nop", archive.file, methods=["POST"]),
    Route("/luu-tru/kiem-tra", archive.check, methods=["POST"]),
    Route("/luu-tru/so", archive.registers, methods=["POST"]),
    Route("/lich-su", history.history),
    Route("/lich-su/ghi-cap", history.record, methods=["POST"]),
    Route("/lich-su/tong-ket", history.wrap_up, methods=["POST"]),
    Route("/lich-su/thong-ke", history.statistics, methods=["POST"]),
    Route("/lich-su/mau-nhap", history.template, methods=["POST"]),
    Route("/lich-su/nhap", history.upload, methods=["POST"]),
    Route("/tai/{file_id}", download),
    Route("/viec/{job_id}", job),
    Route("/dung", stop, methods=["POST"]),
    Mount("/tinh", StaticFiles(directory=STATIC), name="static"),
]


def create_app(site: Site, port: int) -> Guard:
    """The page for `site`, guarded for the server at 127.0.0.1:`port`."""
    handlers = {404: departments.not_found, DocgenError: problem_page}
    app = Starlette(routes=ROUTES, exception_handlers=handlers)
    app.state.site = site
    return Guard(app, site.keys, port)
