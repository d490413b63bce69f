"""The consolidated workbook the council uses at the meeting (layout in `docgen.meeting.layout`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from docgen.campaign.model import Campaign, Kind, Level
from docgen.digest import sha256
from docgen.errors import DocgenError
from docgen.intake.records import Nominee
from docgen.meeting.layout import (
    ABSENT_KEY,
    COLUMN,
    FIRST_ROW,
    FORMAT_VERSION,
    HEADER_ROW,
    HIDDEN_KEYS,
    INPUT_KEYS,
    KEY_ROW,
    LIST_COLUMNS,
    MARKER_KIND,
    MARKER_SHEET,
    MEETING_FIELDS,
    MEETING_SHEET,
    NOTE_ROW,
    TITLE_ROW,
    Field,
    by_level,
    sheet_name,
)
from docgen.meeting.model import VOTING_FORMS, content_hash, nominee_key
from docgen.meeting.numbers import NUMBERS_SHEET, numbered_documents, write_numbers_sheet
from docgen.output.files import Written, write_atomic, write_beside
from docgen.text import clean, given_name_sort_key, vn_sort_key
from docgen.validate.report import Report
from docgen.workbook.numfmt import column_letter
from docgen.workbook.printing import LINE_HEIGHT, fit_row_heights, printable
from docgen.workbook.write import (
    BODY_FONT,
    BOX,
    HEADER_FONT,
    LEFT,
    LEFT_MIDDLE,
    NOTE_FONT,
    TITLE_FONT,
    UNLOCKED,
    WRAP,
    WriteBook,
    WriteSheet,
    choice_list,
    column_width,
    header,
    hide_column,
    new_workbook,
    put,
    whole_numbers,
    workbook_bytes,
)

SUMMARY_LIMIT = 200


def write_consolidated(
    campaign: Campaign, report: Report, path: Path, sort: str = "submission"
) -> Path:
    """Write the meeting workbook of every eligible nomination, per level; return the path."""
    write_atomic(path, consolidated_bytes(campaign, report, sort))
    return path


def write_meeting_list(
    campaign: Campaign, report: Report, path: Path, sort: str = "submission", force: bool = False
) -> tuple[Path, Written]:
    """Write the meeting list without losing a filled copy (see `output.files.write_beside`).

    An empty list is refused: a meeting on nothing means the intake is not done.
    """
    if not report.eligible():
        raise EmptyListError(len(report.files), len(report.nominees))
    return write_beside(path, consolidated_bytes(campaign, report, sort), force)


class EmptyListError(DocgenError):
    """No nomination is eligible: the meeting list would be empty."""

    exit_code = 1

    def __init__(self, files: int, nominees: int) -> None:
        why = (
            "chưa có phiếu nào trong thư mục phiếu"
            if not files
            else f"{nominees} đề nghị trong {files} tệp nhưng không đề nghị nào hợp lệ"
        )
        super().__init__(
            "MEETING_LIST_EMPTY",
            f"Không lập danh sách họp xét: {why}. "
            "Hãy nhận phiếu (docgen nhan-thu), sửa lỗi (docgen kiem-tra) rồi chạy lại.",
        )


def consolidated_bytes(campaign: Campaign, report: Report, sort: str = "submission") -> bytes:
    """The consolidated workbook's bytes; equal inputs give equal bytes."""
    if sort not in ("submission", "given_name"):
        raise ValueError(f"unknown sort order: {sort}")
    wb = new_workbook()
    grouped = by_level(campaign, report.eligible())
    for level in campaign.levels:
        _write_level(
            wb.create_sheet(sheet_name(level)), campaign, level, _sorted(grouped[level.id], sort)
        )
    _write_meeting(wb.create_sheet(MEETING_SHEET), campaign)
    if numbered_documents(campaign):
        write_numbers_sheet(wb.create_sheet(NUMBERS_SHEET), campaign)
    _write_marker(wb, campaign, grouped)
    return workbook_bytes(wb, campaign.plan.date)


def fingerprint(grouped: Mapping[str, list[Nominee]]) -> str:
    """Short hash of the eligible list: which nominations, at which level, with what content."""
    lines = sorted(
        f"{lv}|{nominee_key(n)}|{content_hash(n)}" for lv, ns in grouped.items() for n in ns
    )
    return sha256("\n".join(lines).encode())[:16]


def summary(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """One line of achievements: the first paragraph, cut on a word boundary with "…"."""
    paragraph = next((line for line in clean(text).split("\n") if line), "")
    if len(paragraph) <= limit:
        return paragraph
    sentence_end = paragraph.find(". ")
    if 0 < sentence_end < limit:
        return paragraph[: sentence_end + 1]
    cut = paragraph[: limit - 1].rsplit(" ", 1)[0] or paragraph[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def position(nominee: Nominee) -> str:
    """ "Chức vụ, đơn vị" of an individual; empty for a collective."""
    if nominee.kind is Kind.COLLECTIVE:
        return ""
    return ", ".join(p for p in (nominee.text("chuc_vu"), nominee.text("don_vi")) if p)


def _sorted(nominees: list[Nominee], sort: str) -> list[Nominee]:
    if sort == "submission":
        return nominees
    return sorted(
        nominees,
        key=lambda n: (
            (vn_sort_key(n.name), vn_sort_key(""), vn_sort_key(""))
            if n.kind is Kind.COLLECTIVE
            else given_name_sort_key(n.name)
        ),
    )


def _write_level(ws: WriteSheet, campaign: Campaign, level: Level, nominees: list[Nominee]) -> None:
    _title(
        ws, f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG — {level.award}", len(LIST_COLUMNS) - len(HIDDEN_KEYS)
    )
    note = (
        f"{campaign.council.name}: {campaign.council.members} thành viên. "
        "Ghi số phiếu đồng ý của từng đề nghị vào cột “Số phiếu đồng ý”; không sửa các cột khác."
    )
    put(ws.cell(row=NOTE_ROW, column=1), note)
    ws.cell(row=NOTE_ROW, column=1).font = NOTE_FONT
    ws.cell(row=NOTE_ROW, column=1).alignment = WRAP
    visible = len(LIST_COLUMNS) - len(HIDDEN_KEYS)
    ws.merge_cells(start_row=NOTE_ROW, start_column=1, end_row=NOTE_ROW, end_column=visible)
    ws.row_dimensions[NOTE_ROW].height = 2 * LINE_HEIGHT + 2
    for col, spec in enumerate(LIST_COLUMNS, start=1):
        put(ws.cell(row=KEY_ROW, column=col), spec.key)
        header(ws.cell(row=HEADER_ROW, column=col), spec.header)
        column_width(ws, col, spec.width, hidden=spec.key in HIDDEN_KEYS)
    ws.row_dimensions[KEY_ROW].hidden = True
    last = _write_rows(ws, nominees)
    _vote_validation(ws, campaign.council.members, last)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=1)
    printable(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    fit_row_heights(ws, HEADER_ROW)
    _protect(ws)


def _write_rows(ws: WriteSheet, nominees: list[Nominee]) -> int:
    """Section rows and one row per nomination; returns the last row written."""
    row = FIRST_ROW - 1
    sections = [
        (title, members)
        for title, kind in (("TẬP THỂ", Kind.COLLECTIVE), ("CÁ NHÂN", Kind.INDIVIDUAL))
        if (members := [n for n in nominees if n.kind is kind])
    ]
    for numeral, (title, members) in zip(("I", "II"), sections, strict=False):
        row += 1
        for col, text in ((1, numeral), (2, title)):
            put(ws.cell(row=row, column=col), text)
            ws.cell(row=row, column=col).font = HEADER_FONT
        for number, nominee in enumerate(members, start=1):
            row += 1
            _write_nominee(ws, row, number, nominee)
    return row


def _write_nominee(ws: WriteSheet, row: int, number: int, nominee: Nominee) -> None:
    values = {
        "stt": number,
        "ten": nominee.name,
        "chuc_vu_don_vi": position(nominee),
        "don_vi_de_nghi": nominee.department,
        "doi_tuong": nominee.subject_label,
        "tom_tat": summary(nominee.text("thanh_tich")),
        "ma_de_nghi": nominee_key(nominee),
        "ma_kiem_tra": content_hash(nominee),
    }
    for key, col in COLUMN.items():
        cell = ws.cell(row=row, column=col)
        put(cell, values.get(key))
        cell.font = BODY_FONT
        cell.border = BOX
        cell.alignment = WRAP
        if key in INPUT_KEYS:
            cell.protection = UNLOCKED


def _vote_validation(ws: WriteSheet, members: int, last: int) -> None:
    if last < FIRST_ROW:
        return
    letter = column_letter(COLUMN["so_phieu"])
    error = f"Số phiếu đồng ý là số nguyên từ 0 đến {members} (không quá số thành viên có mặt)."
    whole_numbers(ws, f"{letter}{FIRST_ROW}:{letter}{last}", 0, members, "Số phiếu đồng ý", error)


def _title(ws: WriteSheet, text: str, width: int) -> None:
    put(ws.cell(row=TITLE_ROW, column=1), text)
    ws.cell(row=TITLE_ROW, column=1).font = TITLE_FONT
    ws.cell(row=TITLE_ROW, column=1).alignment = LEFT_MIDDLE
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=width)
    ws.row_dimensions[TITLE_ROW].height = 22


def _protect(ws: WriteSheet) -> None:
    ws.protection.sheet = True
    ws.protection.formatRows = False  # the secretary may resize rows and columns
    ws.protection.formatColumns = False


def _write_meeting(ws: WriteSheet, campaign: Campaign) -> None:
    """The meeting form (label, value, hidden key) and the absent members' table."""
    _title(ws, "THÔNG TIN CUỘC HỌP XÉT KHEN THƯỞNG", 2)
    for col, (text, width) in enumerate((("Thông tin", 34), ("Nội dung", 48)), start=1):
        header(ws.cell(row=HEADER_ROW - 1, column=col), text)
        column_width(ws, col, width)
    hide_column(ws, 3)
    row = HEADER_ROW - 1
    for spec in MEETING_FIELDS:
        row += 1
        _form_line(ws, row, spec)
    put(ws.cell(row=_field_row("thanh_vien"), column=2), campaign.council.members)
    choice_list(ws, f"B{_field_row('hinh_thuc')}", VOTING_FORMS)
    row += 2
    header(ws.cell(row=row, column=1), "Thành viên vắng mặt: họ và tên")
    header(ws.cell(row=row, column=2), "Lý do vắng mặt")
    for line in range(row + 1, row + 1 + campaign.council.members):
        for col in (1, 2):
            cell = ws.cell(row=line, column=col)
            cell.protection, cell.border, cell.font = UNLOCKED, BOX, BODY_FONT
        put(ws.cell(row=line, column=3), ABSENT_KEY)
    ws.freeze_panes = ws.cell(row=HEADER_ROW, column=1)
    printable(ws, f"{HEADER_ROW - 1}:{HEADER_ROW - 1}")
    fit_row_heights(ws, HEADER_ROW)
    _protect(ws)


def _field_row(key: str) -> int:
    """Row of a meeting field on the form."""
    return HEADER_ROW + [f.key for f in MEETING_FIELDS].index(key)


def _form_line(ws: WriteSheet, row: int, spec: Field) -> None:
    label = ws.cell(row=row, column=1)
    put(label, spec.header + (" (*)" if spec.required else ""))
    label.font, label.border = HEADER_FONT, BOX
    value = ws.cell(row=row, column=2)
    value.protection, value.border, value.font = UNLOCKED, BOX, BODY_FONT
    value.alignment = LEFT
    value.number_format = {"date": "dd/mm/yyyy", "time": "hh:mm"}.get(spec.kind, "General")
    put(ws.cell(row=row, column=3), spec.key)


def _write_marker(wb: WriteBook, campaign: Campaign, grouped: Mapping[str, list[Nominee]]) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    ws.sheet_state = "veryHidden"
    lines: list[tuple[str, object]] = [
        ("generator", "docgen"),
        ("kind", MARKER_KIND),
        ("format_version", FORMAT_VERSION),
        ("campaign_id", campaign.id),
        ("fingerprint", fingerprint(grouped)),
        ("eligible", sum(len(ns) for ns in grouped.values())),
    ]
    lines += [(f"level:{lv.id}", sheet_name(lv)) for lv in campaign.levels]
    for row, (key, value) in enumerate(lines, start=1):
        put(ws.cell(row=row, column=1), key)
        put(ws.cell(row=row, column=2), value)
    ws.protection.sheet = True
