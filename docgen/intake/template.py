"""Write the blank intake workbook of a campaign, optionally pre-filled with a department."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docgen.campaign.model import Campaign
from docgen.errors import DocgenError
from docgen.intake.guide import guide_lines
from docgen.intake.schema import (
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    KEY_ROW,
    LISTS_SHEET,
    META_SHEET,
    TEMPLATE_VERSION,
    Column,
    IntakeSchema,
    SheetSpec,
    build_schema,
)
from docgen.output.files import Written, write_beside
from docgen.workbook.numfmt import column_letter
from docgen.workbook.printing import printable
from docgen.workbook.write import (
    BODY_FONT,
    BOX,
    HEADER_FONT,
    UNLOCKED,
    WRAP,
    Rule,
    WriteBook,
    WriteSheet,
    apply_rule,
    column_width,
    header,
    hide_column,
    name_range,
    new_workbook,
    put,
    rule,
    workbook_bytes,
)

INPUT_ROWS = 200  # rows prepared (unlocked, validated) on each nominee sheet
WRITTEN = {
    Written.CREATED: "Đã tạo phiếu nhập: {path}",
    Written.OVERWRITTEN: "Đã ghi đè phiếu nhập: {path}",
    Written.UNCHANGED: "Phiếu nhập đã có, không thay đổi: {path}",
    Written.COPY: "Tệp {original} đã có và khác bản mới, nên được giữ nguyên; bản mới ghi vào {path}.",
}


class UnknownDepartment(DocgenError):
    """A form asked for a department the campaign file does not list."""

    def __init__(self, name: str, listed: list[str]) -> None:
        super().__init__(
            "DEPARTMENT_UNKNOWN",
            f"Đơn vị “{name}” không có trong danh sách đơn vị của tệp chiến dịch "
            f"([[departments]]): {'; '.join(listed)}. Hãy ghi đúng tên một đơn vị trên, hoặc "
            "thêm đơn vị mới vào tệp chiến dịch rồi làm lại.",
        )


def form_department(campaign: Campaign, name: str) -> str:
    """The department a form is pre-filled with, as the campaign file spells it; `name` as
    given when the campaign lists no departments; UnknownDepartment when it lists others."""
    name = name.strip()
    listed = campaign.contacts.departments
    if not name or not listed:
        return name
    found = campaign.contacts.named(name)
    if found is None:
        raise UnknownDepartment(name, [d.name for d in listed])
    return found.name


def write_template(
    campaign: Campaign, path: Path, department: str = "", force: bool = False
) -> tuple[Path, Written]:
    """Write the intake workbook for `campaign` at `path` (never over another file's content
    unless `force`); the path written and its status, see `output.files.write_beside`."""
    schema = build_schema(campaign)
    wb = new_workbook()
    guide = wb.create_sheet(GUIDE_SHEET)
    _write_guide(guide, campaign)
    printable(guide)
    lists = _write_lists(wb, schema)
    unit = wb.create_sheet(schema.unit.name)
    _write_unit(unit, schema.unit, department)
    printable(unit)
    for spec in (*schema.nominee_sheets, schema.awards):
        _write_table(wb.create_sheet(spec.name), spec, lists)
    _write_meta(wb, campaign)
    wb.active = 0
    return write_beside(path, workbook_bytes(wb, campaign.plan.date), force)


def _write_guide(ws: WriteSheet, campaign: Campaign) -> None:
    column_width(ws, 1, 110)
    for row, (text, bold) in enumerate(guide_lines(campaign), start=1):
        cell = ws.cell(row=row, column=1)
        put(cell, text)
        cell.font = HEADER_FONT if bold else BODY_FONT
        cell.alignment = WRAP
        ws.row_dimensions[row].height = 16 * max(1, -(-len(text) // 105))  # wrapped lines
    ws.protection.sheet = True


def _write_lists(wb: WriteBook, schema: IntakeSchema) -> dict[str, str]:
    """Hidden sheet of closed lists; returns column key → range formula for validations."""
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    ranges: dict[str, str] = {}
    col = 0
    for spec in (schema.collectives, schema.individuals, schema.awards):
        for column in spec.columns:
            if column.type != "choice" or not column.choices:
                continue
            col += 1
            put(ws.cell(row=1, column=col), f"{spec.name}: {column.header}")
            for i, choice in enumerate(column.choices, start=2):
                put(ws.cell(row=i, column=col), choice)
            name = f"DM_{_slug(spec.name)}_{column.key}"
            last = len(column.choices) + 1
            ranges[f"{spec.name}:{column.key}"] = name_range(wb, name, LISTS_SHEET, col, 2, last)
    ws.protection.sheet = True
    return ranges


def _slug(text: str) -> str:
    from docgen.text import ascii_slug

    return ascii_slug(text).replace("-", "_")


def _write_unit(ws: WriteSheet, spec: SheetSpec, department: str) -> None:
    """Vertical form: label (A), value to fill (B), hidden key (C)."""
    column_width(ws, 1, 28)
    column_width(ws, 2, 50)
    hide_column(ws, 3)
    header(ws.cell(row=1, column=1), "Thông tin")
    header(ws.cell(row=1, column=2), "Nội dung")
    put(ws.cell(row=1, column=3), "key")
    for row, column in enumerate(spec.columns, start=2):
        label = ws.cell(row=row, column=1)
        put(label, column.header + (" (*)" if column.required else ""))
        label.font = HEADER_FONT
        label.border = BOX
        value = ws.cell(row=row, column=2)
        value.protection = UNLOCKED
        value.border = BOX
        value.font = BODY_FONT
        if column.type == "date":
            value.number_format = "dd/mm/yyyy"
        put(ws.cell(row=row, column=3), column.key)
    if department:
        put(ws.cell(row=2, column=2), department)
    ws.protection.sheet = True


def _write_table(ws: WriteSheet, spec: SheetSpec, lists: dict[str, str]) -> None:
    """One nominee per row: hidden key row, frozen headers, validations, unlocked inputs."""
    last_row = FIRST_DATA_ROW + INPUT_ROWS - 1
    for col, column in enumerate(spec.columns, start=1):
        letter = column_letter(col)
        put(ws.cell(row=KEY_ROW, column=col), column.key)
        header(
            ws.cell(row=HEADER_ROW, column=col), column.header + (" (*)" if column.required else "")
        )
        column_width(ws, col, column.width)
        _prepare_inputs(ws, col, column, last_row)
        make = _RULES.get(column.type)
        dv = make(column, lists.get(f"{spec.name}:{column.key}")) if make else None
        if dv is not None:
            ref = f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}"
            apply_rule(ws, dv, ref, column.header, column.note)
    ws.row_dimensions[KEY_ROW].hidden = True
    ws.row_dimensions[HEADER_ROW].height = 48
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=2)
    printable(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    ws.protection.sheet = True
    ws.protection.formatRows = False  # departments may resize rows holding long texts
    ws.protection.formatColumns = False


def _prepare_inputs(ws: WriteSheet, col: int, column: Column, last_row: int) -> None:
    for row in range(FIRST_DATA_ROW, last_row + 1):
        cell = ws.cell(row=row, column=col)
        cell.protection = UNLOCKED
        if column.type == "date":
            cell.number_format = "dd/mm/yyyy"
        elif column.type == "long":
            cell.alignment = WRAP


def _choice_rule(column: Column, list_name: str | None) -> Rule | None:
    return (
        rule("list", f"={list_name}", "Hãy chọn một giá trị trong danh sách.")
        if list_name
        else None
    )


def _date_rule(column: Column, list_name: str | None) -> Rule:
    error = "Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/03/2023."
    return rule("date", "DATE(1900,1,1)", error, "DATE(2100,12,31)", "between")


def _int_rule(column: Column, list_name: str | None) -> Rule:
    return rule("whole", "0", "Hãy nhập một số nguyên.", "100000", "between")


def _length_rule(column: Column, list_name: str | None) -> Rule:
    error = f"Tối đa {column.max_length} ký tự."
    return rule("textLength", str(column.max_length), error, operator="lessThanOrEqual")


# The Excel data validation of each column type: drop-down, date, whole number or text length.
_RULES: dict[str, Callable[[Column, str | None], Rule | None]] = {
    "choice": _choice_rule,
    "date": _date_rule,
    "int": _int_rule,
    "text": _length_rule,
    "name": _length_rule,
    "long": _length_rule,
}


def _write_meta(wb: WriteBook, campaign: Campaign) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    for row, (key, value) in enumerate(
        (
            ("generator", "docgen"),
            ("campaign_id", campaign.id),
            ("template_version", TEMPLATE_VERSION),
        ),
        start=1,
    ):
        put(ws.cell(row=row, column=1), key)
        put(ws.cell(row=row, column=2), value)
    ws.protection.sheet = True


def template_path(output: Path, department: str = "") -> Path:
    """Default file name of a (pre-filled) intake workbook under `output`."""
    from docgen.text import ascii_slug

    suffix = ascii_slug(department, 40) if department else ""
    return (
        output / "mau-nhap" / (f"phieu-de-nghi-{suffix}.xlsx" if suffix else "phieu-de-nghi.xlsx")
    )
