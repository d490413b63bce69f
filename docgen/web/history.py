"""Lịch sử khen thưởng: the ward's award history, a higher level's decision, the wrap-up.

Every action is `docgen lich-su`'s or `docgen tong-ket`'s library call: the search is
`find_awards`'s `search` and the pairs not settled `maybe_same`'s `History.maybe_same`, over
the history the site keeps until the register changes (`Site.history`); `Ghi quyết định` is
`record_level` (with the command's checks of the number and date), the statistics `write_statistics`, the import
template `write_import_template`, an uploaded past-years sheet `import_sheet` (nothing imported
when a row is wrong), and `Tổng kết` is `wrap_up`. The lines they say come from `award.said`.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from docgen.award.model import YEARS
from docgen.mail.names import store_name
from docgen.web.common import current_job, frame, job_answer, one_workbook, site_of, uploads
from docgen.web.jobs import Job, Work
from docgen.web.site import Site

PAGE = "/lich-su"
FIRST_YEAR, LAST_YEAR = YEARS  # as `docgen lich-su --nam`
SHOWN = 500  # search results listed at once; the statistics workbook has them all
QUERY = ("ten", "don_vi", "nam", "hinh_thuc")  # the search form's fields


def history(request: Request) -> Response:
    """The page: search with its results, the pairs not settled, the forms of the actions."""
    from docgen.award.search import COLUMNS, Query, search, table_rows

    site = site_of(request)
    asked = {key: request.query_params.get(key, "").strip() for key in QUERY}
    year, problem = _year(asked["nam"])
    found = None
    if any(asked.values()) and not problem:
        query = Query(asked["ten"], asked["don_vi"], year, asked["hinh_thuc"])
        found = search(site.history(), query)
    return frame(request, "lich-su.html", job=current_job(request), asked=asked,
                 problem=problem, columns=COLUMNS, found=found,
                 rows=table_rows(found[:SHOWN]) if found else [], shown=SHOWN,
                 pairs=site.history().maybe_same(), levels=site.campaign().levels,
                 files=_files(site))  # fmt: skip


def _year(text: str) -> tuple[int | None, str]:
    if not text:
        return None, ""
    if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text), ""
    return (
        None,
        f"Năm “{text}” không hợp lệ: ghi năm bằng 4 chữ số, từ {FIRST_YEAR} đến {LAST_YEAR}.",
    )


def _files(site: Site) -> list[Path]:
    """What the page wrote before (statistics, import template, wrap-up), to download again."""
    from docgen.award.wrapup import wrapup_files

    folder = _folder(site)
    found = sorted(folder.glob("*.xlsx")) if folder.is_dir() else []
    report, notice = wrapup_files(site.ws, site.campaign())
    extra = [report, notice, notice.with_suffix(".html")]
    return found + [p for p in extra if p.is_file()]


def _folder(site: Site) -> Path:
    return site.ws.history_output  # as `docgen lich-su --thong-ke`, `--mau-nhap`


async def record(request: Request) -> Response:
    """`Ghi quyết định`: `lich-su --ghi-cap CẤP --so … --ngay … --co-quan … --tru …`."""
    form = await request.form(max_files=0, max_fields=10)
    site = site_of(request)
    left_out = [n.strip() for n in str(form.get("tru", "")).splitlines() if n.strip()]
    fields = (str(form.get("cap", "")), str(form.get("so", "")), str(form.get("ngay", "")))
    work = _recording(site, fields, str(form.get("co_quan", "")).strip(), left_out)
    return job_answer(request, site.jobs.start("Ghi quyết định", PAGE, work))


def statistics(request: Request) -> Response:
    """`lich-su --thong-ke`."""
    site = site_of(request)
    return job_answer(request, site.jobs.start("Lập bảng thống kê", PAGE, _statistics(site)))


def template(request: Request) -> Response:
    """`lich-su --mau-nhap`."""
    site = site_of(request)
    return job_answer(request, site.jobs.start("Tạo mẫu nhập", PAGE, _template(site)))


async def upload(request: Request) -> Response:
    """`lich-su --nhap TỆP` with the uploaded sheet."""
    got = await uploads(request)
    if isinstance(got, Response):
        return got
    _fields, files = got
    site = site_of(request)
    job = site.jobs.start("Nhập khen thưởng các năm trước", PAGE, _importing(site, files))
    return job_answer(request, job)


async def wrap_up(request: Request) -> Response:
    """`tong-ket` (`--ghi-de` when the box is ticked)."""
    form = await request.form(max_files=0, max_fields=5)
    site = site_of(request)
    work = _wrapping(site, form.get("ghi_de") == "co")
    return job_answer(request, site.jobs.start("Tổng kết", PAGE, work))


def _recording(site: Site, fields: tuple[str, str, str], authority: str, left: list[str]) -> Work:
    def work(job: Job) -> None:
        from docgen.award.record import record_level
        from docgen.award.said import recorded_lines

        level, reference, day = fields
        if not reference.strip() or "/" not in reference:
            job.problems.append("Cần ghi số và ký hiệu quyết định, ví dụ 123/QĐ-UBND.")
            return
        issued = _date(day)
        if issued is None:
            job.problems.append(
                f"Ngày quyết định “{day}” không phải ngày; ghi dd/mm/yyyy, ví dụ 15/01/2024."
            )
            return
        done = record_level(site.campaign(), site.ws, level, reference, issued, authority, left)
        job.lines.extend(recorded_lines(done))

    return work


def _date(text: str) -> date | None:
    from docgen.text import parse_date

    try:
        return parse_date(text.strip())
    except ValueError:
        return None


def _statistics(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.award import STATISTICS_FILE, write_statistics
        from docgen.award.said import statistics_line

        path, status, stats = write_statistics(site.ws.ward, _folder(site) / STATISTICS_FILE)
        job.say(statistics_line(path, status, stats))
        job.offer("Bảng thống kê khen thưởng (Excel)", path)

    return work


def _template(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.award import TEMPLATE_FILE, write_import_template
        from docgen.award.said import written_line

        path, status = write_import_template(_folder(site) / TEMPLATE_FILE)
        job.say(written_line(path, status))
        job.offer("Mẫu nhập khen thưởng các năm trước (Excel)", path)

    return work


def _importing(site: Site, files: list[tuple[str, bytes]]) -> Work:
    def work(job: Job) -> None:
        from docgen.award import import_sheet
        from docgen.award.said import import_line, import_problems, import_refused

        chosen = one_workbook(job, files, "tệp Excel (.xlsx) theo mẫu nhập")
        if chosen is None:
            return
        name, data = chosen
        with tempfile.TemporaryDirectory(prefix="docgen-nhap-", dir=site.scratch) as tmp:
            path = Path(tmp) / store_name(name)  # the sheet keeps its name in the messages
            path.write_bytes(data)
            result = import_sheet(site.ws.ward, path)
        if result.sheet.problems:
            job.problems.append(import_refused(result))
            job.problems.extend(import_problems(result))
            return
        job.say(import_line(result))

    return work


def _wrapping(site: Site, force: bool) -> Work:
    def work(job: Job) -> None:
        from docgen.award.said import wrapup_lines
        from docgen.award.wrapup import wrap_up

        done = wrap_up(site.campaign(), site.ws, force)
        job.lines.extend(wrapup_lines(done))
        labels = ("Báo cáo kết quả (Word)", "Thông báo (văn bản)", "Thông báo (HTML)")
        for label, (path, _status) in zip(labels, done.files, strict=False):
            job.offer(label, path)

    return work
