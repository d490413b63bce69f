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
    campaign: Campaign, report: Report, file: str, attachment: tuple[str, bytes]
) -> Draft:
    """The reply about `file`: to whoever sent it, else to the department's listed addresses."""
    arrival = report.arrivals.get(file)
    receipt = arrival.receipt if arrival else None
    department = report.departments.get(file) or (receipt.department if receipt else "")
    to = (
        (receipt.sender,) if receipt and receipt.sender else campaign.contacts.emails_of(department)
    )
    issues = ordered(report.issues_of(file))
    errors = sum(i.severity is Severity.ERROR for i in issues)
    verdict = f"{errors} lỗi, {len(issues) - errors} cảnh báo" if issues else "hợp lệ"
    who = department or file
    return Draft(
        department=who,
        to=to,
        subject=f"Phản hồi phiếu đề nghị khen thưởng ({campaign.plan.number}) – {who}: {verdict}",
        body=_body(campaign, who, file, arrival, issues, attachment[0]),
        attachment_name=attachment[0],
        attachment=attachment[1],
        in_reply_to=receipt.message_id if receipt and receipt.message_id.startswith("<") else "",
    )


def _body(
    campaign: Campaign,
    who: str,
    file: str,
    arrival: Arrival | None,
    issues: list[ValidationIssue],
    attachment: str,
) -> str:
    received = f", {arrival.label()}" if arrival else ""
    lines = [
        f"Kính gửi: {who}.",
        "",
        f"Thường trực Hội đồng Thi đua - Khen thưởng đã kiểm tra phiếu đề nghị khen thưởng theo "
        f"Kế hoạch số {campaign.plan.number} của đơn vị (tệp {file}{received}).",
        "",
        *(_problems(issues, attachment, _deadline(campaign)) if issues else _clean(attachment)),
        "",
        "Trân trọng,",
        campaign.contacts.name or campaign.council.name,
    ]
    return "\n".join(lines) + "\n"


def _problems(issues: list[ValidationIssue], attachment: str, deadline: str) -> list[str]:
    errors = [i for i in issues if i.severity is Severity.ERROR]
    shown = [*errors, *(i for i in issues if i.severity is not Severity.ERROR)][:MAX_LINES]
    lines = [
        f"Kết quả: phiếu có {len(errors)} lỗi và {len(issues) - len(errors)} cảnh báo."
        + (" Đề nghị có lỗi chưa được đưa vào danh sách xét." if errors else ""),
        f"Tệp đính kèm {attachment} là bản sao phiếu của đơn vị: ô sai được tô màu, trang "
        "“Lỗi” ghi từng lỗi và cách sửa.",
        "",
    ]
    lines += [f"- {issue_line(i)}" for i in shown]
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
