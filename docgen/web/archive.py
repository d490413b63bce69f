"""Lưu trữ: signed files dropped on the page are filed; verification; the printed registers.

Filing is `docgen luu-tru` (`file_signed`), the check `docgen luu-tru --kiem-tra` (`verify`),
each said in the command's words (`archive.summary`); the registers `docgen so-van-ban-di`
(`write_printed_books`). Dropped files keep their (made safe) names in a folder of the server's
own, since filing may match a file by its name; that folder is gone after filing, so the register
keeps no path to read the original again from (`Request.lasting`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from docgen.mail.names import store_name
from docgen.text import typed_day
from docgen.web.common import current_job, frame, job_answer, site_of, uploads_by_field
from docgen.web.jobs import Job, Work
from docgen.web.site import Site

if TYPE_CHECKING:
    from docgen.archive.summary import Said

PAGE = "/luu-tru"
ROOTS = "chung_thu_goc"  # the form's field of trusted root certificates


def archive(request: Request) -> Response:
    """The page: drop signed files, the archive's files, check, registers."""
    from docgen.archive import Store

    site = site_of(request)
    store = Store.of(site.ws.ward)
    campaign_id = site.campaign().id
    files = (
        [f for f in store.files() if f"/{campaign_id}/" in f"/{f}"] if store.folder.is_dir() else []
    )
    out = site.output() / "luu-tru"
    books = sorted(out.glob("*.xlsx")) if out.is_dir() else []
    notes = store.notes(campaign_id) if files else {}
    return frame(request, "luu-tru.html", job=current_job(request), files=files, store=store,
                 books=books, notes=notes)  # fmt: skip


async def file(request: Request) -> Response:
    """File the dropped signed files."""
    got = await uploads_by_field(request)
    if isinstance(got, Response):
        return got
    fields, files = got
    site = site_of(request)
    how = _How(fields.get("thay_the") == "co", fields.get("nguoi_nop", ""), files.get(ROOTS, []))
    work = _filing(site, files.get("tep", []), how)
    return job_answer(request, site.jobs.start("Nộp lưu văn bản đã ký", PAGE, work))


def check(request: Request) -> Response:
    """Re-hash the archive against its register (reads only)."""
    site = site_of(request)
    job = site.jobs.start("Kiểm tra kho lưu trữ", PAGE, _verifying(site), writes=False)
    return job_answer(request, job)


async def registers(request: Request) -> Response:
    """Write the outgoing register (for the period typed, else `so-van-ban-di`'s) and the
    Mục lục."""
    form = await request.form(max_files=0, max_fields=5)
    period = (str(form.get("tu", "")).strip(), str(form.get("den", "")).strip())
    site = site_of(request)
    return job_answer(request, site.jobs.start("Lập sổ văn bản đi", PAGE, _books(site, period)))


@dataclass(frozen=True)
class _How:
    """The filing form's choices: `--thay-the`, `--nguoi-nop`, `--chung-thu-goc` (name, bytes)."""

    replace: bool
    clerk: str
    roots: list[tuple[str, bytes]]


def _filing(site: Site, files: list[tuple[str, bytes]], how: _How) -> Work:
    def work(job: Job) -> None:
        from docgen.archive import Store, file_signed
        from docgen.archive.filing import Request as Filing
        from docgen.archive.summary import filing_lines

        if not files:
            job.problems.append("Hãy chọn các tệp văn bản đã ký cần nộp lưu.")
            return
        with tempfile.TemporaryDirectory(prefix="docgen-da-ky-", dir=site.scratch) as tmp:
            paths = []
            for name, data in files:
                path = Path(tmp) / store_name(name)
                path.write_bytes(data)
                paths.append(path)
            request = Filing(
                how.replace, how.clerk, tuple(how.roots), lasting=False
            )  # a folder since gone
            result = file_signed(paths, site.campaign(), site.ws.root, request)
        _tell(job, filing_lines(result, Store.of(site.ws.ward), whole_paths=False))

    return work


def _verifying(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.archive import verify
        from docgen.archive.summary import verify_lines

        _tell(job, verify_lines(verify(site.ws.root)))

    return work


def _tell(job: Job, lines: list[Said]) -> None:
    """The command's lines in the job (indented ones are shown as sub-items): problems among
    its problems, blank lines left out."""
    for line in lines:
        if line.text.strip():
            (job.problems.append if line.problem else job.say)(line.text.rstrip())


def _day(job: Job, text: str, default: date) -> date | None:
    """A day of the period as `so-van-ban-di --tu/--den` reads it; None after saying why not."""
    if not text:
        return default
    day = typed_day(text)
    if day is None:
        job.problems.append(f"Ngày “{text}” không đúng dạng ngày/tháng/năm (dd/mm/yyyy).")
    return day


def _books(site: Site, period: tuple[str, str]) -> Work:
    def work(job: Job) -> None:
        from docgen.archive import Store
        from docgen.archive.printed import default_period, write_printed_books
        from docgen.archive.summary import books_lines

        campaign = site.campaign()
        usual_first, usual_last = default_period(campaign)  # without --tu, --den
        first, last = _day(job, period[0], usual_first), _day(job, period[1], usual_last)
        if first is None or last is None:
            return
        out = site.ws.output(campaign.id) / "luu-tru"
        result = write_printed_books(campaign, Store.of(site.ws.ward), out, first, last, False)
        _tell(job, books_lines(result, out))
        job.offer("Sổ đăng ký văn bản đi", result.outgoing[0])
        job.offer("Mục lục văn bản", result.index[0])

    return work
