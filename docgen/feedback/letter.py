"""The reply to one department: recipients, a Vietnamese subject and body from its problems."""

from __future__ import annotations

from docgen.campaign.model import Campaign
from docgen.issues.model import Severity, ValidationIssue
from docgen.mail.reply import Draft
from docgen.text import format_date_short
from docgen.validate.arrival import Arrival
from docgen.validate.report import Report
from docgen.validate.summary import issue_line, ordered

MAX_LINES = 15  # the attachment lists every problem; the body shows the first ones


def draft_for(
    campaign: Campaign, report: Report, files: list[str], attachments: list[tuple[str, bytes]]
) -> Draft:
    """The one reply about a department's current `files` (more than one only in a tie): to
    whoever sent them, else to the department's listed addresses; department-facing text only."""
    arrivals = [a for a in (report.arrivals.get(f) for f in files) if a is not None]
    receipts = [a.receipt for a in arrivals if a.receipt is not None]
    department = next((report.departments[f] for f in files if report.departments.get(f)), "")
    department = department or next((r.department for r in receipts if r.department), "")
    senders = tuple(dict.fromkeys(r.sender for r in receipts if r.sender))
    to = senders or campaign.contacts.emails_of(department)
    issues = _told(report, files)
    errors = sum(i.severity is Severity.ERROR for _, i in issues)
    verdict = f"{errors} lỗi, {len(issues) - errors} cảnh báo" if issues else "hợp lệ"
    who = department or ", ".join(files)
    replied = next((r.message_id for r in receipts if r.message_id.startswith("<")), "")
    return Draft(
        department=who,
        to=to,
        subject=f"Phản hồi phiếu đề nghị khen thưởng ({campaign.plan.number}) – {who}: {verdict}",
        body=_body(campaign, who, files, arrivals, issues, [n for n, _ in attachments]),
        attachments=tuple(attachments),
        in_reply_to=replied,
    )


def _told(report: Report, files: list[str]) -> list[tuple[str, ValidationIssue]]:
    """(file, issue) as the department reads them; a finding about several files, once."""
    out: list[tuple[str, ValidationIssue]] = []
    shown: set[tuple[str, str]] = set()
    for file in files:
        for issue in ordered(report.told_to_department(file)):
            whole_file = not issue.place.sheet and issue.place.row is None
            if whole_file and (issue.code, issue.message) in shown:
                continue
            shown.add((issue.code, issue.message))
            out.append((file if len(files) > 1 and not whole_file else "", issue))
    return out


def _body(
    campaign: Campaign,
    who: str,
    files: list[str],
    arrivals: list[Arrival],
    issues: list[tuple[str, ValidationIssue]],
    attachments: list[str],
) -> str:
    labels = dict.fromkeys(a.label() for a in arrivals)
    received = f", {'; '.join(labels)}" if labels else ""
    lines = [
        f"Kính gửi: {who}.",
        "",
        f"Thường trực Hội đồng Thi đua - Khen thưởng đã kiểm tra phiếu đề nghị khen thưởng theo "
        f"Kế hoạch số {campaign.plan.number} của đơn vị (tệp {', '.join(files)}{received}).",
        "",
        *(
            _problems(issues, ", ".join(attachments), _deadline(campaign))
            if issues
            else _clean(", ".join(attachments))
        ),
        "",
        "Trân trọng,",
        campaign.contacts.name or campaign.council.name,
    ]
    return "\n".join(lines) + "\n"


def _problems(
    issues: list[tuple[str, ValidationIssue]], attachment: str, deadline: str
) -> list[str]:
    errors = [i for i in issues if i[1].severity is Severity.ERROR]
    shown = [*errors, *(i for i in issues if i[1].severity is not Severity.ERROR)][:MAX_LINES]
    lines = [
        f"Kết quả: phiếu có {len(errors)} lỗi và {len(issues) - len(errors)} cảnh báo."
        + (" Đề nghị có lỗi chưa được đưa vào danh sách xét." if errors else ""),
        f"Tệp đính kèm {attachment} là bản sao phiếu của đơn vị: ô sai được tô màu, trang "
        "“Lỗi” ghi từng lỗi và cách sửa.",
        "",
    ]
    lines += [f"- {f'{file}: ' if file else ''}{issue_line(i)}" for file, i in shown]
    if len(issues) > len(shown):
        lines.append(f"… và {len(issues) - len(shown)} mục khác, xem trang “Lỗi” của tệp đính kèm.")
    if errors:
        lines += [
            "",
            f"Đề nghị đơn vị sửa trên phiếu gốc (không sửa trên tệp đính kèm) và gửi lại {deadline}.",
        ]
    return lines


def _clean(attachment: str) -> list[str]:
    return [
        "Kết quả: phiếu hợp lệ, không có lỗi.",
        f"Tệp đính kèm {attachment} ghi các đề nghị của đơn vị đã được nhận để Hội đồng xét.",
    ]


def _deadline(campaign: Campaign) -> str:
    """`trước ngày 20/12/2023`: the plan's deadline is exclusive."""
    return f"trước ngày {format_date_short(campaign.period.deadline)}"
