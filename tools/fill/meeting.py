"""Filling a consolidated workbook in code, as the secretary would (examples, bench, tests)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from docgen.meeting.layout import ABSENT_KEY, COLUMN, FIRST_ROW, MARKER_SHEET, MEETING_SHEET
from docgen.meeting.model import Meeting
from docgen.meeting.numbers import DATE_COL, KEY_COL, NUMBER_COL, NUMBERS_SHEET
from docgen.output.files import write_atomic
from docgen.workbook.write import put, workbook_bytes


def fill_meeting(
    path_in: Path,
    path_out: Path,
    meeting: Meeting | None,
    votes: Mapping[str, object],
    fields: Mapping[str, object] | None = None,
    runoffs: Mapping[str, object] | None = None,
    numbers: Mapping[str, tuple[object, object]] | None = None,
) -> Path:
    """Fill a consolidated workbook as the secretary would: meeting form, absences, votes.

    `votes` maps nominee keys to what is typed in the vote cell; `fields` overrides meeting
    form cells by key with raw values (e.g. "8 giờ 00"), for examples and tests; `runoffs`
    maps nominee keys to run-off votes; `numbers` maps document keys ("bien-ban",
    "to-trinh:<level>") to the (number, date) the văn thư types.
    """
    wb = load_workbook(path_in)
    _fill_form(wb[MEETING_SHEET], meeting, fields or {})
    _fill_votes(wb, votes, "so_phieu")
    _fill_votes(wb, runoffs or {}, "so_phieu_lai")
    _fill_numbers(wb, numbers or {})
    write_atomic(path_out, workbook_bytes(wb))
    return path_out


def _fill_form(form: Worksheet, meeting: Meeting | None, fields: Mapping[str, object]) -> None:
    """The meeting form's values (`fields` over the meeting's) and the absent members."""
    rows = {form.cell(row=r, column=3).value: r for r in range(1, form.max_row + 1)}
    values = {**(_meeting_values(meeting) if meeting else {}), **fields}
    for key, value in values.items():
        put(form.cell(row=rows[key], column=2), value)
    absent_rows = [
        r for r in range(1, form.max_row + 1) if form.cell(row=r, column=3).value == ABSENT_KEY
    ]
    for row, absence in zip(absent_rows, meeting.absent if meeting else (), strict=False):
        put(form.cell(row=row, column=1), absence.name)
        put(form.cell(row=row, column=2), absence.reason)


def _fill_votes(wb: Workbook, votes: Mapping[str, object], column: str) -> None:
    """The `column` cell of every listed nomination that `votes` has a value for."""
    for ws in wb.worksheets:
        if ws.title not in (MEETING_SHEET, MARKER_SHEET, NUMBERS_SHEET):
            for row in range(FIRST_ROW, ws.max_row + 1):
                key = ws.cell(row=row, column=COLUMN["ma_de_nghi"]).value
                if key in votes:
                    put(ws.cell(row=row, column=COLUMN[column]), votes[key])


def _fill_numbers(wb: Workbook, numbers: Mapping[str, tuple[object, object]]) -> None:
    """The văn thư's number and date of each document key given."""
    if not numbers:
        return
    ws = wb[NUMBERS_SHEET]
    for row in range(1, ws.max_row + 1):
        key = ws.cell(row=row, column=KEY_COL).value
        if key in numbers:
            number, day = numbers[key]
            put(ws.cell(row=row, column=NUMBER_COL), number)
            put(ws.cell(row=row, column=DATE_COL), day)


def _meeting_values(meeting: Meeting) -> dict[str, object]:
    return {
        "ngay_hop": meeting.date,
        "gio_bat_dau": meeting.start,
        "gio_ket_thuc": meeting.end,
        "dia_diem": meeting.place,
        "chu_toa": meeting.chair.name,
        "chu_toa_chuc_vu": meeting.chair.title,
        "thu_ky": meeting.secretary.name,
        "thu_ky_chuc_vu": meeting.secretary.title,
        "thanh_vien": meeting.members,
        "co_mat": meeting.present,
        "hinh_thuc": meeting.voting_form,
    }
