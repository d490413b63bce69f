"""Họp xét: the meeting list to download, the filled meeting workbook to upload, its result.

`Tổng hợp` is `docgen tong-hop` (`check_forms`, `write_meeting_list`); the result is
`docgen ket-qua` (`check_forms`, `read_and_select`). An uploaded meeting workbook becomes
`input/hop-xet.xlsx` only when it is this campaign's meeting workbook (its marker: an intake
form or last year's list is refused, the one in use untouched); one already there with other
content is kept beside it (`hop-xet.truoc-<time>.xlsx`), never overwritten.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from docgen.text import now_in_vietnam
from docgen.web.common import current_job, frame, job_answer, one_workbook, site_of, uploads
from docgen.web.jobs import Job, Work
from docgen.web.site import Site

PAGE = "/hop-xet"


def meeting(request: Request) -> Response:
    """The page: meeting list, upload, result with ties and run-off cells."""
    from docgen.meeting.summary import meeting_lines

    site = site_of(request)
    listed = site.output() / "tong-hop.xlsx"
    held = site.meeting.meeting if site.meeting else None
    return frame(request, "hop-xet.html", job=current_job(request), result=site.meeting,
                 heard=meeting_lines(held) if held else [],
                 listed=listed if listed.is_file() else None,
                 filled=site.ws.meeting if site.ws.meeting.is_file() else None)  # fmt: skip


def consolidate(request: Request) -> Response:
    """Start `tong-hop`."""
    site = site_of(request)
    return job_answer(request, site.jobs.start("Tổng hợp danh sách họp", PAGE, _listing(site)))


async def upload(request: Request) -> Response:
    """The filled meeting workbook: placed as input/hop-xet.xlsx, then its result."""
    got = await uploads(request)
    if isinstance(got, Response):
        return got
    _fields, files = got
    site = site_of(request)
    return job_answer(request, site.jobs.start("Đọc kết quả họp xét", PAGE, _placing(site, files)))


def results(request: Request) -> Response:
    """Read the meeting workbook again (`ket-qua`)."""
    site = site_of(request)
    job = site.jobs.start("Đọc kết quả họp xét", PAGE, _deciding(site), writes=False)
    return job_answer(request, job)


def _listing(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.meeting.consolidate import write_meeting_list
        from docgen.meeting.summary import list_written

        campaign = site.campaign()
        report = site.check_forms()
        target = site.ws.output(campaign.id) / "tong-hop.xlsx"
        path, status = write_meeting_list(campaign, report, target, "submission", False)
        job.say(list_written(status, path, target))
        job.offer("Danh sách họp xét (Excel)", path)

    return work


def _placing(site: Site, files: list[tuple[str, bytes]]) -> Work:
    def work(job: Job) -> None:
        from docgen.output.files import write_atomic

        chosen = one_workbook(job, files, "tệp họp xét (.xlsx) thư ký đã ghi", suffix=".xlsx")
        if chosen is None:
            return
        name, data = chosen
        problem = _not_a_meeting_workbook(site, data)
        if problem:
            unchanged = " Tệp họp xét đang dùng giữ nguyên." if site.ws.meeting.is_file() else ""
            job.problems.append(f"{name}: {problem}{unchanged}")
            return
        target = site.ws.meeting
        if target.is_file() and target.read_bytes() != data:
            stamp = now_in_vietnam().strftime("%Y%m%d-%H%M%S")
            kept = target.with_name(f"{target.stem}.truoc-{stamp}{target.suffix}")
            target.replace(kept)
            job.say(f"Tệp họp xét cũ được giữ lại: {kept.name}")
        write_atomic(target, data)
        job.say(f"Đã lưu {name} thành {target.name}.")
        _deciding(site)(job)

    return work


def _not_a_meeting_workbook(site: Site, data: bytes) -> str:
    """Why the uploaded bytes are no meeting workbook of this campaign ("" when they are one)."""
    from docgen.meeting.read import not_a_meeting_workbook

    with tempfile.TemporaryDirectory(prefix="docgen-hop-xet-", dir=site.scratch) as tmp:
        path = Path(tmp) / "hop-xet.xlsx"
        path.write_bytes(data)
        return not_a_meeting_workbook(path, site.campaign())


def _deciding(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.meeting.select import read_and_select

        report = site.check_forms()
        site.meeting = read_and_select(site.campaign(), report, site.ws.meeting)
        errors = site.meeting.errors
        job.say("Kết quả họp xét đã đọc." if not errors else f"Tệp họp xét còn {len(errors)} lỗi.")
        job.problems.extend(f"{i.place.label()}: {i.message}" for i in errors)

    return work
