"""`tra-loi`: check the intake, write feedback, draft one .eml per department, send if asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from pathlib import Path

from docgen.campaign.model import Campaign
from docgen.errors import DocgenError
from docgen.feedback.letter import draft_for
from docgen.feedback.write import set_aside, write_feedback_files
from docgen.mail import journal as j
from docgen.mail.reply import Draft, as_bytes, compose
from docgen.mail.smtp import Outbox, Server
from docgen.output.files import write_atomic
from docgen.text import fold, in_vietnam
from docgen.validate.past import PastAwards
from docgen.validate.report import Report

DRAFTED, SENT, ALREADY, NO_ADDRESS, FAILED = (
    "đã soạn",
    "đã gửi",
    "đã gửi trước đó, không gửi lại",
    "chưa có địa chỉ",
    "không gửi được",
)


@dataclass
class Reply:
    """One department's reply and what happened to it."""

    file: str
    draft: Draft
    message: Message | None  # what is written and sent; None without a recipient
    path: Path | None  # the .eml written
    status: str
    reason: str = ""


@dataclass
class Replies:
    """Every reply of a run, and where the drafts are."""

    folder: Path
    replies: list[Reply] = field(default_factory=list)

    def having(self, status: str) -> list[Reply]:
        """Replies with this status."""
        return [r for r in self.replies if r.status == status]


def reply_all(
    campaign: Campaign,
    submissions: Path,
    ward: Path,
    out_dir: Path,
    now: datetime,
    smtp: tuple[Server, str] | None = None,
    past: PastAwards | None = None,
) -> Replies:
    """Draft every reply into `out_dir/tra-loi/`; with `smtp` (server, password) send them too.
    The forms are checked as `kiem-tra` checks them, with the ward's award history."""
    from docgen.award.past import check_forms

    if not campaign.contacts.address:
        raise DocgenError(
            "MAIL_ADDRESS_MISSING",
            "Tệp chiến dịch chưa có địa chỉ thư của Thường trực: thêm mục [mail] với address = "
            '"…" (địa chỉ dùng làm người gửi).',
        )
    report = check_forms(campaign, submissions, ward)
    feedback = write_feedback_files(report, submissions, out_dir / "phan-hoi")
    replies = Replies(out_dir / "tra-loi")
    for files in _by_department(report, list(feedback)):
        paths = [feedback[f] for f in files]
        draft = draft_for(campaign, report, files, [(p.name, p.read_bytes()) for p in paths])
        replies.replies.append(_write(replies.folder, files, paths[0], draft, campaign, now))
    set_aside(replies.folder, {r.path.name for r in replies.replies if r.path}, "*.eml")
    if smtp:
        _send(replies, smtp, j.journal_for(submissions), campaign, now)
    return replies


def _by_department(report: Report, files: list[str]) -> list[list[str]]:
    """The current files grouped by department: one reply each, even with a submission tie."""
    groups: dict[str, list[str]] = {}
    for file in files:
        groups.setdefault(fold(report.departments.get(file, "")) or file, []).append(file)
    return list(groups.values())


def _write(
    folder: Path, files: list[str], feedback: Path, draft: Draft, campaign: Campaign, now: datetime
) -> Reply:
    file = ", ".join(files)
    if not draft.to:
        return Reply(file, draft, None, None, NO_ADDRESS)
    path = folder / f"{feedback.stem}.eml"
    message = compose(draft, campaign.contacts.address, campaign.contacts.name, now)
    write_atomic(path, as_bytes(message))
    return Reply(file, draft, message, path, DRAFTED)


def _send(
    replies: Replies, smtp: tuple[Server, str], journal: Path, c: Campaign, now: datetime
) -> None:
    sent = {
        (e.sha256, e.reason)
        for e in j.read_journal(journal)
        if e.kind == j.RowKind.REPLY and e.result == j.Result.SENT
    }
    outbox = Outbox(*smtp)
    try:
        for reply in replies.having(DRAFTED):
            key = (reply.draft.fingerprint(), _recipients(reply.draft))
            if key in sent:
                reply.status = ALREADY
                continue
            assert reply.message is not None
            reply.reason = outbox.send(reply.message)  # the very message written as .eml
            reply.status = FAILED if reply.reason else SENT
            if not reply.reason:
                j.append(journal, [_journal_row(reply, now, c.contacts.address)])
    finally:
        outbox.close()


def _recipients(draft: Draft) -> str:
    return "gửi tới " + ", ".join(draft.to)


def _journal_row(reply: Reply, now: datetime, sender: str) -> j.JournalEntry:
    stamp = in_vietnam(now).isoformat(timespec="seconds")
    d = reply.draft
    return j.JournalEntry(
        recorded=stamp,
        kind=j.RowKind.REPLY,
        source=str(reply.path),
        message_id=d.in_reply_to,
        sender=sender,
        department=d.department,
        subject=d.subject,
        received=stamp,
        original=d.attachment_names,
        sha256=d.fingerprint(),
        stored=str(reply.path),
        result=j.Result.SENT,
        reason=_recipients(d),
    )
