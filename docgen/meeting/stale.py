"""The stale-list check: do the meeting's rows still match the current eligible intake?"""

from __future__ import annotations

from docgen.campaign.model import Campaign
from docgen.intake.records import Nominee
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.meeting.layout import by_level
from docgen.meeting.model import content_hash, nominee_key
from docgen.meeting.votes import VoteRow
from docgen.text import fold
from docgen.validate.report import Report


def stale_issues(
    file: str, rows: list[VoteRow], campaign: Campaign, report: Report
) -> list[ValidationIssue]:
    """Rows that no longer match the current intake, and eligible nominations not listed.

    Marks the rows concerned `stale`; one issue per department names every row involved.
    """
    current = {
        nominee_key(n): (lv, n)
        for lv, ns in by_level(campaign, report.eligible()).items()
        for n in ns
    }
    listed = {r.key for r in rows}
    lost = source_gone(rows, report)
    issues = [source_gone_issue(file, rows_of) for file, rows_of in sorted(lost.items())]
    gone: dict[str, list[VoteRow]] = {}
    for row in rows:
        if row.file in lost:
            row.stale = True  # its votes count for nothing until its form is back
            continue
        now = current.get(row.key)
        if now is None or now[0] != row.level_id or content_hash(now[1]) != row.hash:
            row.stale = True
            gone.setdefault(fold(row.department), []).append(row)
    missing: dict[str, list[Nominee]] = {}
    for key, (_, nominee) in current.items():
        if key not in listed:
            missing.setdefault(fold(nominee.department), []).append(nominee)
    departments = {fold(s.department) for s in report.submissions}
    return issues + [
        _stale_issue(file, dept, gone.get(dept, []), missing.get(dept, []), dept in departments)
        for dept in sorted(set(gone) | set(missing))
    ]


def source_gone(rows: list[VoteRow], report: Report) -> dict[str, list[VoteRow]]:
    """The listed rows whose intake file is no longer in the input folder, by file.

    Only for a department without any current form: one that sent a new form since is a
    re-submission (the list is stale, `tong-hop` again takes the new form in).
    """
    received = set(report.files)
    sending = {fold(s.department) for s in report.submissions}
    lost: dict[str, list[VoteRow]] = {}
    for row in rows:
        if row.file not in received and fold(row.department) not in sending:
            lost.setdefault(row.file, []).append(row)
    return lost


def source_gone_issue(file: str, rows: list[VoteRow]) -> ValidationIssue:
    """A meeting list naming nominees of a form that is gone: never "run tong-hop again",
    which would silently drop them; the form is to be put back."""
    names = "; ".join(f"{r.name} (trang “{r.place.sheet}” dòng {r.place.row})" for r in rows)
    return make_issue(
        Code.MEETING_SOURCE_GONE,
        Place(rows[0].place.file, rows[0].place.sheet, rows[0].place.row),
        file,
        file=file,
        department=rows[0].department,
        count=len(rows),
        names=names,
    )


def _stale_issue(
    file: str, dept: str, gone: list[VoteRow], missing: list[Nominee], submitted: bool
) -> ValidationIssue:
    name = gone[0].department if gone else missing[0].department
    if submitted:
        head = f"Đơn vị “{name}” đã gửi lại phiếu sau khi tổng hợp; hãy chạy lại tong-hop và ghi lại phiếu bầu."
    else:
        head = (
            f"Các đề nghị của đơn vị “{name}” không còn trong danh sách đề nghị hợp lệ "
            "(phiếu đã bị loại hoặc có lỗi); hãy chạy lại tong-hop và ghi lại phiếu bầu."
        )
    parts = [head]
    if gone:
        rows = "; ".join(f"trang “{r.place.sheet}” dòng {r.place.row} ({r.name})" for r in gone)
        parts.append(f"Dòng không còn khớp: {rows}.")
    if missing:
        listed = "; ".join(f"{n.name} (tệp {n.source.file}, dòng {n.source.row})" for n in missing)
        parts.append(f"Chưa có trong danh sách họp xét: {listed}.")
    place = gone[0].place if gone else Place(file)
    return make_issue(
        Code.MEETING_LIST_STALE, Place(place.file, place.sheet, place.row), detail=" ".join(parts)
    )
