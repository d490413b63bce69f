"""The "Số văn bản" sheet of the meeting workbook: where the văn thư records numbers and dates.

One row per document that takes a number from a register: the one Biên bản of the meeting
(the council's series, `BB-<council>`) and the Tờ trình of each level that sends one
(`TTr-<issuer>`). The ký hiệu is printed in the sheet; the văn thư types the number ("05") and
the date. Numbers below 10 keep their leading zero (ND 30/2020); no number is used twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from docgen.campaign.model import Campaign, DocKind
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.meeting.model import Assigned
from docgen.meeting.values import shown, text
from docgen.text import fold, parse_date
from docgen.workbook import RawWorkbook
from docgen.workbook.printing import fit_row_heights, printable
from docgen.workbook.write import (
    BODY_FONT,
    BOX,
    CENTER_TOP,
    NOTE_FONT,
    TITLE_FONT,
    UNLOCKED,
    WRAP,
    WriteSheet,
    column_width,
    header,
    hide_column,
    put,
)

NUMBERS_SHEET = "Số văn bản"
MINUTES_KEY = DocKind.MINUTES.value
COLUMNS = (
    ("Văn bản", 46),
    ("Ký hiệu", 16),
    ("Số (văn thư ghi)", 16),
    ("Ngày (văn thư ghi)", 18),
)
HEADER_ROW, FIRST_ROW = 4, 5
NUMBER_COL, DATE_COL, KEY_COL = 3, 4, 5
_DIGITS = re.compile(r"\d{1,6}")


@dataclass(frozen=True)
class Slot:
    """A document to be numbered: its key, how the sheet names it, and its ký hiệu."""

    key: str  # "bien-ban", "to-trinh:<level id>"
    label: str
    symbol: str


def proposal_key(level_id: str) -> str:
    """The key of a level's Tờ trình in the numbers sheet."""
    return f"to-trinh:{level_id}"


def council_proposal_key(level_id: str) -> str:
    """The key of the proposer's Tờ trình to the chairman, at a level the ward decides."""
    return f"to-trinh-hd:{level_id}"


def decision_key(level_id: str) -> str:
    """The key of the chairman's Quyết định khen thưởng, at a level the ward decides."""
    return f"quyet-dinh:{level_id}"


def numbered_documents(campaign: Campaign) -> list[Slot]:
    """The rows of the numbers sheet, in order: the Biên bản, each level's Tờ trình, then at
    each level the ward decides, the proposer's Tờ trình and the chairman's Quyết định."""
    slots: list[Slot] = []
    if any(DocKind.MINUTES in level.documents for level in campaign.levels):
        label = "Biên bản họp xét (một biên bản cho cả cuộc họp, ngày = ngày họp nếu để trống)"
        slots.append(Slot(MINUTES_KEY, label, f"BB-{campaign.council.symbol}"))
    slots += [
        Slot(proposal_key(level.id), f"Tờ trình — {level.label}", f"TTr-{campaign.issuer.symbol}")
        for level in campaign.levels
        if DocKind.PROPOSAL in level.documents
    ]
    for level in campaign.levels:
        if level.decides and campaign.award:
            proposer = f"Tờ trình của {campaign.award.proposer} — {level.label}"
            symbol = f"TTr-{campaign.award.symbol}"
            slots.append(Slot(council_proposal_key(level.id), proposer, symbol))
            label = f"Quyết định khen thưởng — {level.label}"
            slots.append(Slot(decision_key(level.id), label, f"QĐ-{campaign.issuer.symbol}"))
    return slots


def write_numbers_sheet(ws: WriteSheet, campaign: Campaign) -> None:
    """The sheet as `tong-hop` writes it: ký hiệu filled, number and date cells left empty."""
    put(ws.cell(row=1, column=1), "SỐ VÀ NGÀY VĂN BẢN (văn thư ghi khi cấp số)")
    ws.cell(row=1, column=1).font = TITLE_FONT
    note = (
        "Ghi số (ví dụ 05; số nhỏ hơn 10 có số 0 ở đầu) và ngày văn thư cấp cho từng văn bản, "
        "lưu tệp rồi chạy lại “docgen ho-so”: văn bản được lập lại với số và ngày đầy đủ."
    )
    put(ws.cell(row=2, column=1), note)
    ws.cell(row=2, column=1).font = NOTE_FONT
    ws.cell(row=2, column=1).alignment = WRAP
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    ws.row_dimensions[2].height = 32
    for col, (title, width) in enumerate(COLUMNS, start=1):
        header(ws.cell(row=HEADER_ROW, column=col), title)
        column_width(ws, col, width)
    hide_column(ws, KEY_COL)
    for row, slot in enumerate(numbered_documents(campaign), start=FIRST_ROW):
        for col, value in ((1, slot.label), (2, slot.symbol), (KEY_COL, slot.key)):
            put(ws.cell(row=row, column=col), value)
        for col in range(1, len(COLUMNS) + 1):
            cell = ws.cell(row=row, column=col)
            cell.font, cell.border = BODY_FONT, BOX
            cell.alignment = WRAP if col == 1 else CENTER_TOP
        ws.cell(row=row, column=NUMBER_COL).number_format = "@"  # 05 stays 05
        ws.cell(row=row, column=DATE_COL).number_format = "dd/mm/yyyy"
        for col in (NUMBER_COL, DATE_COL):
            ws.cell(row=row, column=col).protection = UNLOCKED
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=1)
    printable(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    fit_row_heights(ws, FIRST_ROW)
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False


def read_numbers(
    wb: RawWorkbook, campaign: Campaign, meeting_date: dt.date, issues: list[ValidationIssue]
) -> dict[str, Assigned]:
    """Numbers and dates entered per document key, checked; {} when the sheet is absent."""
    if NUMBERS_SHEET not in wb.sheet_names:
        return {}
    slots = {s.key: s for s in numbered_documents(campaign)}
    found: dict[str, Assigned] = {}
    used: dict[str, str] = {}  # full number → label of the document that has it
    rows: dict[str, int] = {}  # document key → the row that holds it
    for row, cells in wb.sheet(NUMBERS_SHEET).iter_rows():
        by_col = {c.col: c.value for c in cells}
        here = Place(wb.path.name, NUMBERS_SHEET, row, "C", COLUMNS[2][0])
        slot = slots.get(text(by_col.get(KEY_COL)))
        if slot is None or slot.key in rows:
            if row >= FIRST_ROW:
                _stray(by_col, here, rows.get(slot.key) if slot else None, issues)
            continue
        rows[slot.key] = row
        number = _number(by_col.get(NUMBER_COL), slot, here, issues)
        day = _date(by_col.get(DATE_COL), here, meeting_date, issues)
        if number and f"{number}/{slot.symbol}" in used:
            first = used[f"{number}/{slot.symbol}"]
            issues.append(
                make_issue(Code.DOC_NUMBER_DUPLICATE, here, f"{number}/{slot.symbol}", detail=first)
            )
            number = ""
        if number:
            used[f"{number}/{slot.symbol}"] = slot.label
        if number or day:
            found[slot.key] = Assigned(number, slot.symbol, day)
    _decided_after_proposed(campaign, found, rows, wb.path.name, issues)
    missing = [
        label for key, label in ((s.key, s.label) for s in slots.values()) if key not in rows
    ]
    if missing:
        place = Place(wb.path.name, NUMBERS_SHEET)
        issues.append(make_issue(Code.DOC_NUMBER_ROWS_MISSING, place, detail="; ".join(missing)))
    return found


def _decided_after_proposed(
    campaign: Campaign,
    found: dict[str, Assigned],
    rows: Mapping[str, int],
    file: str,
    issues: list[ValidationIssue],
) -> None:
    """A ward's Quyết định is never dated before the Tờ trình that proposed it: that date is
    reported and not used."""
    for level in campaign.levels:
        proposal = found.get(council_proposal_key(level.id))
        decision = found.get(decision_key(level.id))
        if not (proposal and decision and proposal.date and decision.date):
            continue
        if decision.date < proposal.date:
            where = Place(file, NUMBERS_SHEET, rows[decision_key(level.id)], "D", COLUMNS[3][0])
            detail = f"trước ngày của Tờ trình đề nghị ({proposal.date:%d/%m/%Y})."
            issues.append(
                make_issue(Code.DOC_DATE_INVALID, where, f"{decision.date:%d/%m/%Y}", detail=detail)
            )
            found[decision_key(level.id)] = Assigned(decision.number, decision.symbol, None)


def _stray(
    by_col: Mapping[int, object], place: Place, first: int | None, issues: list[ValidationIssue]
) -> None:
    """A number or date typed on a row docgen did not make for a document (or made for one
    already read): reported, never silently dropped."""
    typed = [shown(by_col[c]) for c in (NUMBER_COL, DATE_COL) if text(by_col.get(c))]
    if not typed:
        return
    detail = (
        f"văn bản này đã có dòng {first}; mỗi văn bản ghi số ở một dòng."
        if first
        else "dòng được chèn hoặc chép thêm, hoặc cột ẩn E (mã văn bản) đã bị xóa."
    )
    issues.append(make_issue(Code.DOC_NUMBER_ROW_UNKNOWN, place, " — ".join(typed), detail=detail))


def _number(value: object, slot: Slot, place: Place, issues: list[ValidationIssue]) -> str:
    """The number part as printed ("05"), or "" when blank or invalid (with an issue)."""
    if value is None or text(value) == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and _whole(value):
        return f"{int(value):02d}"  # Excel stored 05 as the number 5: no zero was typed
    raw = text(value).replace(" ", "")
    head, _, symbol = raw.partition("/")
    detail = ""
    if symbol and fold(symbol) != fold(slot.symbol):
        detail = f"ký hiệu của văn bản này là {slot.symbol}."
    elif not _DIGITS.fullmatch(head) or int(head) == 0:
        detail = "chỉ ghi chữ số, ví dụ 05 hoặc 12."
    elif int(head) >= 10 and head.startswith("0"):
        detail = f"số từ 10 trở lên không có số 0 ở đầu: {int(head)}."
    if detail:
        issues.append(make_issue(Code.DOC_NUMBER_INVALID, place, shown(value), detail=detail))
        return ""
    if len(head) == 1:
        issues.append(make_issue(Code.DOC_NUMBER_PADDING, place, head, detail=f"0{head}"))
        return ""
    return head


def _whole(value: float) -> bool:
    return value >= 1 and float(value).is_integer()


def _date(
    value: object, place: Place, meeting_date: dt.date, issues: list[ValidationIssue]
) -> dt.date | None:
    if value is None or text(value) == "":
        return None
    where = Place(place.file, place.sheet, place.row, "D", COLUMNS[3][0])
    try:
        day = parse_date(value)
    except ValueError:
        detail = "ghi ngày theo ngày/tháng/năm, ví dụ 18/12/2023."
        issues.append(make_issue(Code.DOC_DATE_INVALID, where, shown(value), detail=detail))
        return None
    if day < meeting_date:
        detail = f"trước ngày họp {meeting_date:%d/%m/%Y}."
        issues.append(make_issue(Code.DOC_DATE_INVALID, where, shown(value), detail=detail))
        return None
    return day
