"""Read the filled meeting workbook back: the meeting form and the votes, checked.

The secretary's file is untrusted input like any received workbook: it is read through
`docgen.workbook.open_workbook`, never modified, and every problem becomes an issue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl.utils import get_column_letter

from docgen.campaign.model import Campaign
from docgen.errors import DocgenError
from docgen.intake.read import read_marker as read_intake_marker
from docgen.intake.records import Nominee
from docgen.meeting.consolidate import (
    ABSENT_KEY,
    LIST_COLUMNS,
    MARKER_KIND,
    MARKER_SHEET,
    MEETING_FIELDS,
    MEETING_SHEET,
    Field,
    by_level,
    sheet_name,
)
from docgen.meeting.model import VOTING_FORMS, Absence, Meeting, Person, content_hash, nominee_key
from docgen.text import clean_line, fold, parse_date
from docgen.validate.codes import make_issue
from docgen.validate.issue import Place, ValidationIssue
from docgen.validate.report import Report
from docgen.workbook import RawWorkbook, open_workbook

FormValue = object
_TIME = re.compile(r"(\d{1,2})\s*(?::|h|g|gio|\.)\s*(?:(\d{1,2})\s*(?:phut|p|')?)?")


class MeetingFileMissing(DocgenError):
    """The meeting workbook the secretary should have saved is not there."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "MEETING_FILE_MISSING",
            f"Chưa có tệp họp xét {path}. Hãy chạy “docgen tong-hop”, để thư ký ghi phiếu bầu "
            f"và thông tin cuộc họp vào tệp đó, rồi lưu thành {path}.",
        )


@dataclass
class VoteRow:
    """One nomination row of a level sheet, as the secretary left it."""

    level_id: str
    key: str
    hash: str
    name: str
    department: str
    vote: object
    place: Place  # the vote cell
    stale: bool = False

    @property
    def file(self) -> str:
        """The intake file the row came from (first part of the key)."""
        return self.key.split("|", 1)[0]


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
    except DocgenError as exc:
        return None, {}, [make_issue(exc.code, Place(path.name), detail=exc.message)]
    problem = _marker_problem(wb, campaign)
    if problem:
        return None, {}, [make_issue("MEETING_FILE_INVALID", Place(path.name), detail=problem)]
    issues: list[ValidationIssue] = []
    meeting = _read_form(wb, campaign, issues)
    rows = read_lists(wb, campaign, read_marker(wb), issues)
    issues.extend(stale_issues(path.name, rows, campaign, report))
    current = {r.key for r in rows if not r.stale}
    present = meeting.present if meeting else None
    votes = {
        r.key: _vote(r, present, campaign.council.members, issues) for r in rows if r.key in current
    }
    return meeting, votes, issues


def _marker_problem(wb: RawWorkbook, campaign: Campaign) -> str:
    """Why the file is not this campaign's consolidated workbook ("" when it is)."""
    marker = read_marker(wb)
    if marker.get("generator") != "docgen" or marker.get("kind") != MARKER_KIND:
        return "Tệp không phải bảng tổng hợp do “docgen tong-hop” tạo ra (thiếu dấu nhận diện)."
    if marker.get("campaign_id") != campaign.id:
        return f"Tệp là bảng tổng hợp của đợt “{marker.get('campaign_id')}”, không phải đợt “{campaign.id}”."
    if MEETING_SHEET not in wb.sheet_names:
        return f"Không tìm thấy trang “{MEETING_SHEET}”."
    return ""


def read_marker(wb: RawWorkbook) -> dict[str, object]:
    """Key → value pairs of the meeting workbook's hidden marker sheet ({} when absent)."""
    return read_intake_marker(wb, MARKER_SHEET)


def _read_form(
    wb: RawWorkbook, campaign: Campaign, issues: list[ValidationIssue]
) -> Meeting | None:
    sheet = wb.sheet(MEETING_SHEET)
    file = wb.path.name
    specs = {f.key: f for f in MEETING_FIELDS}
    form: dict[str, FormCell] = {}
    absences: list[tuple[int, object, object]] = []
    for number, cells in sheet.iter_rows(max_empty_run=30):
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
        name_text, reason_text = _text(name), _text(reason)
        if not name_text and not reason_text:
            continue
        if not name_text:
            issues.append(
                make_issue(
                    "MEETING_FIELD_MISSING", Place(file, sheet, number, "A", "Thành viên vắng mặt")
                )
            )
        if not reason_text:
            issues.append(
                make_issue(
                    "MEETING_FIELD_MISSING", Place(file, sheet, number, "B", "Lý do vắng mặt")
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
        number=str(values["so_bien_ban"] or ""),
        source=file,
    )
    issues.extend(_attendance(meeting, campaign, form))
    return meeting


def _field(spec: Field, cell: FormCell, issues: list[ValidationIssue]) -> object:
    """One form value converted to its type, or None (with an issue when it matters)."""
    if cell.value is None or _text(cell.value) == "":
        if spec.required:
            issues.append(make_issue("MEETING_FIELD_MISSING", cell.place))
        return None
    try:
        return _convert(spec.kind, cell.value)
    except ValueError as exc:
        issues.append(
            make_issue("MEETING_FIELD_INVALID", cell.place, _shown(cell.value), detail=str(exc))
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
        number = _integer(value)
        if number is None or number < 0:
            raise ValueError("phải là số nguyên không âm.")
        return number
    if kind == "choice":
        chosen = next((c for c in VOTING_FORMS if fold(c) == fold(_text(value))), None)
        if chosen is None:
            raise ValueError("chọn “" + "” hoặc “".join(VOTING_FORMS) + "”.")
        return chosen
    return _text(value)


def parse_time(value: object) -> time:
    """A time of day from an Excel time or text: "8:00", "8 giờ 00", "08h00", "14g30"."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, timedelta) and value < timedelta(days=1):
        return time(int(value.total_seconds() // 3600), int(value.total_seconds() % 3600 // 60))
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    match = _TIME.fullmatch(fold(_text(value))) if isinstance(value, str) else None
    if match and int(match.group(1)) < 24 and int(match.group(2) or 0) < 60:
        return time(int(match.group(1)), int(match.group(2) or 0))
    raise ValueError("ghi giờ dạng 8:00, 8 giờ 00 hoặc 08h00.")


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
                "MEETING_MEMBERS_DIFFER",
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
            make_issue("MEETING_FIELD_INVALID", form["gio_ket_thuc"].place, shown, detail=detail)
        )
    detail = _attendance_problem(meeting)
    if detail:
        found.append(
            make_issue("MEETING_ATTENDANCE", form["co_mat"].place, meeting.present, detail=detail)
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


def _vote(
    row: VoteRow, present: int | None, members: int, issues: list[ValidationIssue]
) -> int | None:
    """The votes of one row, or None with VOTES_MISSING / VOTES_INVALID."""
    place = row.place
    if row.vote is None or _text(row.vote) == "":
        issues.append(make_issue("VOTES_MISSING", place, name=row.name))
        return None
    number = _integer(row.vote)
    limit, who = (
        (present, "số thành viên có mặt")
        if present is not None
        else (members, "tổng số thành viên")
    )
    detail = ""
    if number is None:
        detail = "không phải số nguyên."
    elif number < 0:
        detail = "số phiếu không thể âm."
    elif number > limit:
        detail = f"lớn hơn {who} ({limit})."
    if detail:
        issues.append(
            make_issue("VOTES_INVALID", place, _shown(row.vote), name=row.name, detail=detail)
        )
        return None
    return number


def _integer(value: object) -> int | None:
    """An integer from a number or text such as "7" or "07"; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,6}", text := clean_line(value)):
        return int(text)
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_line(str(value))


def _shown(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return _text(value)


# --- level sheets and the stale-list check ---------------------------------------------------
_VOTE_HEADER = next(f.header for f in LIST_COLUMNS if f.key == "so_phieu")
_KEY_HEADER = next(f.header for f in LIST_COLUMNS if f.key == "ma_de_nghi")


def read_lists(
    wb: RawWorkbook, campaign: Campaign, marker: dict[str, object], issues: list[ValidationIssue]
) -> list[VoteRow]:
    """Every nomination row of every level sheet (rows repeating a key are reported)."""
    rows: list[VoteRow] = []
    seen: dict[str, Place] = {}
    for level in campaign.levels:
        name = str(marker.get(f"level:{level.id}") or sheet_name(level))
        if name not in wb.sheet_names:
            detail = f"Không tìm thấy trang “{name}” của {level.label}."
            issues.append(make_issue("MEETING_FILE_INVALID", Place(wb.path.name), detail=detail))
            continue
        for row in _level_rows(wb, name, level.id, issues):
            if row.key in seen:
                detail = f"Dòng {row.place.row} lặp lại đề nghị của {seen[row.key].label()}; hãy xóa dòng thừa."
                issues.append(make_issue("MEETING_FILE_INVALID", row.place, detail=detail))
                continue
            seen[row.key] = row.place
            rows.append(row)
    return rows


def _level_rows(
    wb: RawWorkbook, name: str, level_id: str, issues: list[ValidationIssue]
) -> list[VoteRow]:
    columns: dict[str, int] = {}
    found: list[VoteRow] = []
    for number, cells in wb.sheet(name).iter_rows():
        by_col = {c.col: c.value for c in cells}
        if columns:
            row = _vote_row(by_col, columns, Place(wb.path.name, name, number), level_id)
            found.extend([row] if row else [])
        elif "ma_de_nghi" in by_col.values():
            columns = {str(v): c for c, v in by_col.items() if isinstance(v, str)}
    if "ma_de_nghi" not in columns or "so_phieu" not in columns:
        detail = (
            f"Trang “{name}” thiếu dòng mã cột ẩn hoặc cột “{_VOTE_HEADER}” (có thể đã bị xóa)."
        )
        issues.append(make_issue("MEETING_FILE_INVALID", Place(wb.path.name, name), detail=detail))
    return found


def _vote_row(
    by_col: Mapping[int, object], columns: dict[str, int], where: Place, level_id: str
) -> VoteRow | None:
    """The nomination in this row, or None for a title, section or blank row."""

    def get(key: str) -> str:
        return _text(by_col.get(columns.get(key, 0)))

    if get("ma_de_nghi") in ("", _KEY_HEADER) or "so_phieu" not in columns:
        return None  # blank, section or the header row
    col = columns["so_phieu"]
    place = Place(where.file, where.sheet, where.row, get_column_letter(col), _VOTE_HEADER)
    return VoteRow(
        level_id,
        get("ma_de_nghi"),
        get("ma_kiem_tra"),
        get("ten"),
        get("don_vi_de_nghi"),
        by_col.get(col),
        place,
    )


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
    gone: dict[str, list[VoteRow]] = {}
    for row in rows:
        now = current.get(row.key)
        if now is None or now[0] != row.level_id or content_hash(now[1]) != row.hash:
            row.stale = True
            gone.setdefault(fold(row.department), []).append(row)
    missing: dict[str, list[Nominee]] = {}
    for key, (_, nominee) in current.items():
        if key not in listed:
            missing.setdefault(fold(nominee.department), []).append(nominee)
    departments = {fold(s.department) for s in report.submissions}
    return [
        _stale_issue(file, dept, gone.get(dept, []), missing.get(dept, []), dept in departments)
        for dept in sorted(set(gone) | set(missing))
    ]


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
        "MEETING_LIST_STALE", Place(place.file, place.sheet, place.row), detail=" ".join(parts)
    )
