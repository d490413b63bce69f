"""Nhận phiếu: workbooks and saved mails dropped on the page, the mailbox, the replies.

Every way in is `docgen nhan-thu`'s: `import_messages` into the submissions folder with its
journal. Every dropped file is kept in the workspace (input/tai-len/): a workbook is a message
of its own naming its kept copy (`docgen.mail.uploads`), a saved mail is read from there by
`read_paths` like a file named on the command line; so the journal names files that last, and
`nhan-thu --khoi-phuc` reads them again, as `Khôi phục phiếu đã nhận` does (`saved_again`; from
the mailbox: `Đọc hộp thư` with its box ticked). The mailbox is read by `fetch`.
Replies are `docgen tra-loi`'s `reply_all`: drafted first, sent only after a confirmation.
The mail password is typed in the page, used for that one job and never kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from docgen.text import typed_day
from docgen.web.common import current_job, frame, job_answer, site_of, uploads
from docgen.web.jobs import Job, Work
from docgen.web.site import Site

PAGE = "/nhan-phieu"
MAILS = (".eml", ".msg", ".mbox")


@dataclass(frozen=True)
class Unconfirmed:
    """A received form whose sender is not a department address yet."""

    file: str
    sender: str
    department: str  # as the form itself names it: the likely answer


def intake(request: Request) -> Response:
    """The page: drop zone, mailbox form, senders to confirm, replies."""
    site = site_of(request)
    report = site.report()
    unknown = []
    for issue in report.issues if report else []:
        arrival = report.arrivals.get(issue.place.file) if report else None
        if issue.code == "SENDER_UNKNOWN" and arrival and arrival.receipt and report:
            department = report.departments.get(issue.place.file, "")
            unknown.append(Unconfirmed(issue.place.file, arrival.receipt.sender, department))
    return frame(request, "nhan-phieu.html", job=current_job(request), unknown=unknown,
                 replies=site.replies, drafts=site.drafts)  # fmt: skip


async def confirm(request: Request) -> Response:
    """The clerk confirmed a sender: its address joins the department in the campaign file."""
    form = await request.form(max_files=0, max_fields=5)
    address, department = str(form.get("dia_chi", "")).strip(), str(form.get("don_vi", ""))
    site = site_of(request)
    work = _confirming(site, address, department)
    return job_answer(request, site.jobs.start("Xác nhận người gửi", PAGE, work))


def _confirming(site: Site, address: str, department: str) -> Work:
    def work(job: Job) -> None:
        from docgen.campaign.contacts import looks_like_address
        from docgen.campaign.senders import add_sender

        if not looks_like_address(address) or not department:
            job.problems.append("Hãy chọn đơn vị của người gửi này.")
            return
        added = add_sender(site.ws.campaign, department, address)
        done = "Đã thêm" if added else "Đã có sẵn"
        job.say(f"{done} địa chỉ {address} trong danh sách thư của {department} (tệp chiến dịch).")
        job.say("Bấm “Kiểm tra phiếu” ở trang Đơn vị: phiếu của người gửi này được dùng từ nay.")

    return work


async def upload(request: Request) -> Response:
    """Dropped files: workbooks (for the department chosen) and saved mails."""
    got = await uploads(request)
    if isinstance(got, Response):
        return got
    fields, files = got
    site = site_of(request)
    department = fields.get("don_vi", "").strip() or fields.get("don_vi_khac", "").strip()
    work = _importing(site, files, department)
    return job_answer(request, site.jobs.start("Nhận phiếu tải lên", PAGE, work))


async def mailbox(request: Request) -> Response:
    """Read the IMAP mailbox with the password typed in the form (never stored)."""
    form = await request.form(max_files=0, max_fields=20)
    f = {k: str(v).strip() for k, v in form.items()}
    site = site_of(request)
    problem = _unreadable(f, 993)
    if problem:  # refused as `nhan-thu` refuses its options, before any connection
        return job_answer(
            request, site.jobs.run_now("Đọc hộp thư", PAGE, _refusing(problem), writes=False)
        )
    work = _reading(site, f.get("may_chu", ""), f.get("tai_khoan", ""), f.get("mat_khau", ""),
                    int(f.get("cong") or 993), f.get("hop_thu") or "INBOX", f.get("tu_ngay", ""),
                    f.get("khoi_phuc") == "co")  # fmt: skip
    return job_answer(request, site.jobs.start("Đọc hộp thư", PAGE, work))


def restore(request: Request) -> Response:
    """`nhan-thu --khoi-phuc`: the received forms gone from the folder, written back from the
    saved mails and dropped files the journal names."""
    site = site_of(request)
    return job_answer(request, site.jobs.start("Khôi phục phiếu đã nhận", PAGE, _restoring(site)))


async def replies(request: Request) -> Response:
    """Draft the replies; with the confirmation box and a server, send them."""
    form = await request.form(max_files=0, max_fields=20)
    f = {k: str(v).strip() for k, v in form.items()}
    site = site_of(request)
    send = f.get("gui") == "co"
    if send and not (f.get("xac_nhan") == "co" and f.get("may_chu")):
        job = site.jobs.run_now("Gửi thư phản hồi", PAGE, _refuse_send, writes=False)
        return job_answer(request, job)
    problem = _unreadable({"cong": f.get("cong", "")} if send else {}, 587)
    if problem:
        return job_answer(
            request, site.jobs.run_now("Gửi thư phản hồi", PAGE, _refusing(problem), writes=False)
        )
    server = (f.get("may_chu", ""), f.get("tai_khoan", ""), int(f.get("cong") or 587))
    work = _replying(site, server if send else None, f.get("mat_khau", ""))
    title = "Gửi thư phản hồi" if send else "Soạn thư phản hồi"
    return job_answer(request, site.jobs.start(title, PAGE, work))


def _unreadable(fields: dict[str, str], port: int) -> str:
    """What in the mail server form cannot be read (the port, the first day), as the command
    refuses `--cong` and `--tu-ngay`; "" when all can."""
    given = fields.get("cong", "")
    if given and not given.isdigit():
        return f"Cổng “{given}” không phải số: để trống hoặc ghi số cổng, ví dụ {port}."
    since = fields.get("tu_ngay", "")
    if since and _day(since) is None:
        return f"Từ ngày: “{since}” không phải ngày dạng ngày/tháng/năm, ví dụ 01/12/2023."
    return ""


def _refusing(problem: str) -> Work:
    def work(job: Job) -> None:
        job.problems.append(problem)

    return work


def _refuse_send(job: Job) -> None:
    job.problems.append(
        "Chưa gửi: hãy ghi máy chủ SMTP và đánh dấu ô xác nhận đã xem các thư trước khi gửi."
    )


def _importing(site: Site, files: list[tuple[str, bytes]], department: str) -> Work:
    def work(job: Job) -> None:
        from docgen.mail.message import Envelope, Incoming, Unreadable
        from docgen.mail.sources import read_paths
        from docgen.mail.uploads import dropped_workbook, keep_dropped

        now = datetime.now().astimezone()
        mails = [(n, d) for n, d in files if Path(n).suffix.lower() in MAILS]
        books = [(n, d) for n, d in files if Path(n).suffix.lower() not in MAILS]
        if books and not department:
            job.problems.append(
                "Hãy chọn đơn vị gửi các phiếu tải lên, hoặc ghi tên đơn vị nếu đơn vị không có "
                "trong danh sách (tệp thư thì không cần)."
            )
            return
        keep = site.ws.dropped
        items: list[Incoming | Unreadable | Envelope] = [
            dropped_workbook(name, data, department, now, keep) for name, data in books
        ]
        items.extend(read_paths([keep_dropped(name, data, keep) for name, data in mails]))
        _import(site, job, items)

    return work


def _reading(
    site: Site, host: str, user: str, password: str, port: int, box: str, since: str, again: bool
) -> Work:
    def work(job: Job) -> None:
        from docgen.mail.imap import Account, fetch

        if not host or not password:
            job.problems.append("Hãy ghi máy chủ IMAP, tên đăng nhập và mật khẩu.")
            return
        account = Account(host, user or site.campaign().contacts.address, port, box, _day(since))
        _import(site, job, fetch(account, password), restore=again)

    return work


NOTHING_TO_RESTORE = (
    "Không có thư đã lưu hay tệp đã tải lên nào để chép lại phiếu (không có phiếu nào bị mất, "
    "hoặc phiếu được nhận qua hộp thư IMAP): đọc lại hộp thư đã nhận ở mục “Đọc hộp thư” với ô "
    "“Khôi phục phiếu đã nhận” được đánh dấu."
)


def _restoring(site: Site) -> Work:
    def work(job: Job) -> None:
        from docgen.mail.journal import journal_for
        from docgen.mail.restore import saved_again
        from docgen.mail.sources import read_paths

        saved, dropped = saved_again(journal_for(site.ws.submissions), site.ws.submissions)
        if not saved and not dropped:
            job.problems.append(NOTHING_TO_RESTORE)
            return
        _import(site, job, [*read_paths(saved), *dropped], restore=True)

    return work


def _import(site: Site, job: Job, items: object, restore: bool = False) -> None:
    from docgen.mail.importer import import_messages
    from docgen.mail.journal import journal_for
    from docgen.mail.summary import import_lines

    folder = site.ws.submissions
    folder.mkdir(parents=True, exist_ok=True)
    journal = journal_for(folder)
    campaign = site.campaign()
    now = datetime.now().astimezone()
    book = campaign.contacts.book()
    result = import_messages(items, folder, journal, book, now, restore)  # type: ignore[arg-type]
    for line in import_lines(result, folder, journal):
        job.say(line)
    job.problems.extend(f"{e.original or e.source}: {e.reason}" for e in result.problems)


def _replying(site: Site, server: tuple[str, str, int] | None, password: str) -> Work:
    def work(job: Job) -> None:
        from docgen.feedback.outbox import reply_all
        from docgen.mail.smtp import Server
        from docgen.mail.summary import reply_lines

        campaign = site.campaign()
        smtp = None
        if server is not None:
            host, user, port = server
            smtp = (Server(host, user or campaign.contacts.address, port), password)
        now = datetime.now().astimezone()
        result = reply_all(
            campaign, site.ws.submissions, site.ws.ward, site.ws.output(campaign.id), now, smtp
        )
        site.replies = {r.file: r.path for r in result.replies if r.path is not None}
        site.drafts = list(result.replies)
        lines, _problems = reply_lines(result, sent=server is not None)
        for line in lines:
            job.say(line)
        for label, path in site.replies.items():
            job.offer(f"Thư gửi {label}", path)

    return work


def _day(text: str) -> date | None:
    return typed_day(text) if text else None
