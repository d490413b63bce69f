"""The level sheets of the filled meeting workbook: one vote row per listed nomination."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from docgen.campaign.model import Campaign
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.meeting.layout import LIST_COLUMNS, sheet_name
from docgen.meeting.values import integer, shown, text
from docgen.text import file_name
from docgen.workbook import RawWorkbook
from docgen.workbook.numfmt import column_letter

_VOTE_HEADER = next(f.header for f in LIST_COLUMNS if f.key == "so_phieu")
_KEY_HEADER = next(f.header for f in LIST_COLUMNS if f.key == "ma_de_nghi")
_RUNOFF_HEADER = next(f.header for f in LIST_COLUMNS if f.key == "so_phieu_lai")
# The columns a vote row is read from (the others, such as the summaries, are skipped).
_READ = ("ma_de_nghi", "ma_kiem_tra", "ten", "don_vi_de_nghi", "so_phieu", "so_phieu_lai")


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
    runoff: object = None  # the run-off cell's value, when the sheet has that column
    runoff_place: Place | None = None

    @property
    def file(self) -> str:
        """The intake file the row came from (first part of the key)."""
        return self.key.split("|", 1)[0]


def read_lists(
    wb: RawWorkbook, campaign: Campaign, marker: dict[str, object], issues: list[ValidationIssue]
) -> list[VoteRow]:
    """Every nomination row of every level sheet (rows repeating a key are reported)."""
    rows: list[VoteRow] = []
    seen: dict[str, Place] = {}
    for level in campaign.levels:
        name = str(marker.get(f"level:{level.id}") or sheet_name(level))
        if not wb.has_sheet(name):
            detail = f"Không tìm thấy trang “{name}” của {level.label}."
            issues.append(
                make_issue(Code.MEETING_FILE_INVALID, Place(file_name(wb.path)), detail=detail)
            )
            continue
        for row in _level_rows(wb, name, level.id, issues):
            if row.key in seen:
                detail = f"Dòng {row.place.row} lặp lại đề nghị của {seen[row.key].label()}; hãy xóa dòng thừa."
                issues.append(make_issue(Code.MEETING_FILE_INVALID, row.place, detail=detail))
                continue
            seen[row.key] = row.place
            rows.append(row)
    return rows


def _level_rows(
    wb: RawWorkbook, name: str, level_id: str, issues: list[ValidationIssue]
) -> list[VoteRow]:
    columns: dict[str, int] = {}
    found: list[VoteRow] = []
    file = file_name(wb.path)
    sheet = wb.sheet(name)
    for number, cells in sheet.iter_rows():
        by_col = {c.col: c.value for c in cells}
        if columns:
            row = _vote_row(by_col, columns, Place(file, name, number), level_id)
            found.extend([row] if row else [])
        elif "ma_de_nghi" in by_col.values():
            columns = {str(v): c for c, v in by_col.items() if isinstance(v, str)}
            sheet.narrow(columns[key] for key in _READ if key in columns)  # not the long texts
    if "ma_de_nghi" not in columns or "so_phieu" not in columns:
        detail = (
            f"Trang “{name}” thiếu dòng mã cột ẩn hoặc cột “{_VOTE_HEADER}” (có thể đã bị xóa)."
        )
        issues.append(
            make_issue(Code.MEETING_FILE_INVALID, Place(file_name(wb.path), name), detail=detail)
        )
    return found


def _vote_row(
    by_col: Mapping[int, object], columns: dict[str, int], where: Place, level_id: str
) -> VoteRow | None:
    """The nomination in this row, or None for a title, section or blank row."""

    def get(key: str) -> str:
        return text(by_col.get(columns.get(key, 0)))

    if get("ma_de_nghi") in ("", _KEY_HEADER) or "so_phieu" not in columns:
        return None  # blank, section or the header row
    col = columns["so_phieu"]
    place = Place(where.file, where.sheet, where.row, column_letter(col), _VOTE_HEADER)
    row = VoteRow(
        level_id,
        get("ma_de_nghi"),
        get("ma_kiem_tra"),
        get("ten"),
        get("don_vi_de_nghi"),
        by_col.get(col),
        place,
    )
    if "so_phieu_lai" in columns:
        runoff = columns["so_phieu_lai"]
        row.runoff = by_col.get(runoff)
        row.runoff_place = Place(
            where.file, where.sheet, where.row, column_letter(runoff), _RUNOFF_HEADER
        )
    return row


def counts(
    rows: list[VoteRow], present: int | None, members: int, issues: list[ValidationIssue]
) -> dict[str, int | None]:
    """The votes of every row still current (not stale), None where missing or invalid."""
    current = {r.key for r in rows if not r.stale}
    return {r.key: _vote(r, present, members, issues) for r in rows if r.key in current}


def runoff_counts(
    rows: list[VoteRow], present: int | None, members: int, issues: list[ValidationIssue]
) -> tuple[dict[str, int], dict[str, Place]]:
    """Run-off votes entered (key → count) and every current row's run-off cell (key → place)."""
    cells = {r.key: r.runoff_place for r in rows if not r.stale and r.runoff_place}
    found: dict[str, int] = {}
    for row in rows:
        if row.stale or row.runoff is None or text(row.runoff) == "" or not row.runoff_place:
            continue
        count = _count(row.runoff, row.runoff_place, row.name, present, members, issues)
        if count is not None:
            found[row.key] = count
    return found, cells


def _vote(
    row: VoteRow, present: int | None, members: int, issues: list[ValidationIssue]
) -> int | None:
    """The votes of one row, or None with VOTES_MISSING / VOTES_INVALID."""
    if row.vote is None or text(row.vote) == "":
        issues.append(make_issue(Code.VOTES_MISSING, row.place, name=row.name))
        return None
    return _count(row.vote, row.place, row.name, present, members, issues)


def _count(
    value: object,
    place: Place,
    name: str,
    present: int | None,
    members: int,
    issues: list[ValidationIssue],
) -> int | None:
    """A vote count typed in a cell, checked against the members present."""
    number = integer(value)
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
        issues.append(make_issue(Code.VOTES_INVALID, place, shown(value), name=name, detail=detail))
        return None
    return number
