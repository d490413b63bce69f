"""Read the filled meeting workbook back: the meeting form and the votes, checked.

The secretary's file is untrusted input like any received workbook: it is read through
`docgen.workbook.open_workbook`, never modified, and every problem becomes an issue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from docgen.campaign.model import Campaign
from docgen.errors import DocgenError
from docgen.intake.read import read_marker as read_intake_marker
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.meeting.layout import (
    ABSENT_KEY,
    MARKER_KIND,
    MARKER_SHEET,
    MEETING_FIELDS,
    MEETING_SHEET,
    Field,
)
from docgen.meeting.model import VOTING_FORMS, Absence, Meeting, Person
from docgen.meeting.numbers import read_numbers
from docgen.meeting.stale import source_gone, source_gone_issue, stale_issues
from docgen.meeting.values import integer, parse_time, shown, text
from docgen.meeting.votes import counts, read_lists, runoff_counts
from docgen.text import file_name, fold, parse_date
from docgen.validate.report import Report
from docgen.workbook import RawWorkbook, WorkbookRefused, open_workbook


class MeetingFileMissing(DocgenError):
    """The meeting workbook the secretary should have saved is not there."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "MEETING_FILE_MISSING",
            f"Chưa có tệp họp xét {path.absolute()}. Hãy chạy “docgen tong-hop”, để thư ký ghi "
            f"phiếu bầu và thông tin cuộc họp vào tệp đó, rồi lưu thành {path}.",
        )
        self.looked_for = path


@dataclass(frozen=True)
class FormCell:
    """A value of the meeting form with where it was read."""

    value: object
    place: Place


def read_meeting(
    path: Path, campaign: Campaign, report: Report
) -> tuple[Meeting | None, dict[str, int | None], list[ValidationIssue]]:
    """The meeting, the votes by nominee key (None when missing or invalid) and the problems."""
    if not path.is_file():
        raise MeetingFileMissing(path)
    try:
        wb = open_workbook(path)
    except WorkbookRefused as exc:
        return None, {}, [make_issue(exc.issue_code, Place(file_name(path)), detail=exc.message)]
    problem = _marker_problem(wb, campaign)
    if problem:
        return (
            None,
            {},
            [make_issue(Code.MEETING_FILE_INVALID, Place(file_name(path)), detail=problem)],
        )
    issues: list[ValidationIssue] = []
    meeting = _read_form(wb, campaign, issues)
    rows = read_lists(wb, campaign, read_marker(wb), issues)
    issues.extend(stale_issues(file_name(path), rows, campaign, report))
    present = meeting.present if meeting else None
    votes = counts(rows, present, campaign.council.members, issues)
    runoffs, cells = runoff_counts(rows, present, campaign.council.members, issues)
    if meeting is not None:
        numbers = read_numbers(wb, campaign, meeting.date, issues)
        meeting = replace(meeting, numbers=numbers, runoffs=runoffs, runoff_cells=cells)
    return meeting, votes, issues


def not_a_meeting_workbook(path: Path, campaign: Campaign) -> str:
    """Why the workbook at `path` is not this campaign's meeting workbook at all ("" when it
    is one, whatever its votes say): the check before it may replace the one in use."""
    try:
        wb = open_workbook(path)
    except WorkbookRefused as exc:
        return exc.message
    return _marker_problem(wb, campaign)


def listed_but_gone(path: Path, campaign: Campaign, report: Report) -> list[ValidationIssue]:
    """Nominees of the filled meeting workbook whose intake file is gone from the folder.

    `tong-hop` asks before the clerk replaces the list the council voted on: a new list would
    leave them out. No workbook, or one that is not this campaign's, names none.
    """
    if not path.is_file():
        return []
    try:
        wb = open_workbook(path)
    except DocgenError:
        return []
    if _marker_problem(wb, campaign):
        return []
    rows = read_lists(wb, campaign, read_marker(wb), [])
    return [source_gone_issue(f, r) for f, r in sorted(source_gone(rows, report).items())]


def _marker_problem(wb: RawWorkbook, campaign: Campaign) -> str:
    """Why the file is not this campaign's consolidated workbook ("" when it is)."""
    marker = read_marker(wb)
    if marker.get("generator") != "docgen" or marker.get("kind") != MARKER_KIND:
        return "Tệp không phải bảng tổng hợp do “docgen tong-hop” tạo ra (thiếu dấu nhận diện)."
    if marker.get("campaign_id") != campaign.id:
        return f"Tệp là bảng tổng hợp của đợt “{marker.get('campaign_id')}”, không phải đợt “{campaign.id}”."
    if not wb.has_sheet(MEETING_SHEET):
        return f"Không tìm thấy trang “{MEETING_SHEET}”."
    return ""


def read_marker(wb: RawWorkbook) -> dict[str, object]:
    """Key → value pairs of the meeting workbook's hidden marker sheet ({} when absent)."""
    return read_intake_marker(wb, MARKER_SHEET)


def _read_form(
    wb: RawWorkbook, campaign: Campaign, issues: list[ValidationIssue]
) -> Meeting | None:
    sheet = wb.sheet(MEETING_SHEET)
    file = file_name(wb.path)
    specs = {f.key: f for f in MEETING_FIELDS}
    form: dict[str, FormCell] = {}
    absences: list[tuple[int, object, object]] = []
    for number, cells in sheet.iter_rows():
        by_col = {c.col: c.value for c in cells}
        key = by_col.get(3)
        if key == ABSENT_KEY:
            absences.append((number, by_col.get(1), by_col.get(2)))
        elif isinstance(key, str) and key in specs and key not in form:
            form[key] = FormCell(
                by_col.get(2), Place(file, sheet.name, number, "B", specs[key].header)
            )
    absent = _absences(absences, file, sheet.name, issues)
    return _meeting(form, absent, campaign, issues, file)


def _absences(
    rows: list[tuple[int, object, object]], file: str, sheet: str, issues: list[ValidationIssue]
) -> tuple[Absence, ...]:
    found: list[Absence] = []
    for number, name, reason in rows:
        name_text, reason_text = text(name), text(reason)
        if not name_text and not reason_text:
            continue
        if not name_text:
            issues.append(
                make_issue(
                    Code.MEETING_FIELD_MISSING,
                    Place(file, sheet, number, "A", "Thành viên vắng mặt"),
                )
            )
        if not reason_text:
            issues.append(
                make_issue(
                    Code.MEETING_FIELD_MISSING, Place(file, sheet, number, "B", "Lý do vắng mặt")
                )
            )
        found.append(Absence(name_text, reason_text))
    return tuple(found)


def _meeting(
    form: dict[str, FormCell],
    absent: tuple[Absence, ...],
    campaign: Campaign,
    issues: list[ValidationIssue],
    file: str,
) -> Meeting | None:
    """Build the meeting from its form; None when a required field is missing or invalid."""
    values: dict[str, object] = {}
    for spec in MEETING_FIELDS:
        where = Place(file, MEETING_SHEET, None, "B", spec.header)
        values[spec.key] = _field(spec, form.get(spec.key) or FormCell(None, where), issues)
    if any(values[spec.key] is None for spec in MEETING_FIELDS if spec.required):
        return None
    meeting = Meeting(
        date=values["ngay_hop"],  # type: ignore[arg-type]
        start=values["gio_bat_dau"],  # type: ignore[arg-type]
        end=values["gio_ket_thuc"],  # type: ignore[arg-type]
        place=str(values["dia_diem"]),
        chair=Person(str(values["chu_toa"]), str(values["chu_toa_chuc_vu"])),
        secretary=Person(str(values["thu_ky"]), str(values["thu_ky_chuc_vu"])),
        members=int(values["thanh_vien"]),  # type: ignore[call-overload]
        present=int(values["co_mat"]),  # type: ignore[call-overload]
        absent=absent,
        voting_form=str(values["hinh_thuc"]),
        source=file,
    )
    issues.extend(_attendance(meeting, campaign, form))
    return meeting


def _field(spec: Field, cell: FormCell, issues: list[ValidationIssue]) -> object:
    """One form value converted to its type, or None (with an issue when it matters)."""
    if cell.value is None or text(cell.value) == "":
        if spec.required:
            issues.append(make_issue(Code.MEETING_FIELD_MISSING, cell.place))
        return None
    try:
        return _convert(spec.kind, cell.value)
    except ValueError as exc:
        issues.append(
            make_issue(Code.MEETING_FIELD_INVALID, cell.place, shown(cell.value), detail=str(exc))
        )
        return None


def _convert(kind: str, value: object) -> object:
    if kind == "date":
        try:
            return parse_date(value)
        except ValueError:
            raise ValueError("ghi ngày theo ngày/tháng/năm, ví dụ 22/12/2023.") from None
    if kind == "time":
        return parse_time(value)
    if kind == "int":
        number = integer(value)
        if number is None or number < 0:
            raise ValueError("phải là số nguyên không âm.")
        return number
    if kind == "choice":
        chosen = next((c for c in VOTING_FORMS if fold(c) == fold(text(value))), None)
        if chosen is None:
            raise ValueError("chọn “" + "” hoặc “".join(VOTING_FORMS) + "”.")
        return chosen
    return text(value)


def _attendance(
    meeting: Meeting, campaign: Campaign, form: dict[str, FormCell]
) -> list[ValidationIssue]:
    """Consistency of the form: members, present and absent, and the meeting's times."""
    found: list[ValidationIssue] = []
    expected = campaign.council.members
    if meeting.members != expected:
        place = form["thanh_vien"].place
        found.append(
            make_issue(
                Code.MEETING_MEMBERS_DIFFER,
                place,
                meeting.members,
                found=meeting.members,
                expected=expected,
            )
        )
    if meeting.end is not None and meeting.end <= meeting.start:
        detail = "giờ kết thúc phải sau giờ bắt đầu."
        shown = meeting.end.strftime("%H:%M")
        found.append(
            make_issue(Code.MEETING_FIELD_INVALID, form["gio_ket_thuc"].place, shown, detail=detail)
        )
    detail = _attendance_problem(meeting)
    if detail:
        found.append(
            make_issue(
                Code.MEETING_ATTENDANCE, form["co_mat"].place, meeting.present, detail=detail
            )
        )
    return found


def _attendance_problem(m: Meeting) -> str:
    """Why present and absent members do not add up ("" when they do)."""
    if m.present == 0:
        return "Không có thành viên nào có mặt."
    if m.present > m.members:
        return f"Số thành viên có mặt ({m.present}) lớn hơn tổng số thành viên ({m.members})."
    if m.present + len(m.absent) != m.members:
        return (
            f"Có mặt {m.present} + vắng mặt {len(m.absent)} (đã ghi tên) = {m.present + len(m.absent)}, "
            f"khác tổng số thành viên {m.members}; hãy ghi đủ họ tên và lý do của từng thành viên vắng mặt."
        )
    return ""
