"""Writing the workbooks we produce: cells (text that looks like a formula stays text), the
styles they share, column widths, drop-down lists and number ranges, and reproducible bytes.

The door to openpyxl for writing: the modules that lay out a workbook (meeting list, numbers
sheet, printed registers) name openpyxl's sheets and workbooks through `WriteSheet` and
`WriteBook` and its styles and validations through this module.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from typing import TypeAlias

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

WriteSheet: TypeAlias = Worksheet
WriteBook: TypeAlias = Workbook
Rule: TypeAlias = DataValidation  # an Excel data validation, made by `rule`

FORMULA_PREFIXES = ("=", "+", "-", "@")
DATE_FORMAT = "dd/mm/yyyy"

HEADER_FONT = Font(name="Times New Roman", bold=True, size=11)
BODY_FONT = Font(name="Times New Roman", size=11)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="Times New Roman", bold=True, size=13)
NOTE_FONT = Font(name="Times New Roman", italic=True, size=11)
WRAP = Alignment(wrap_text=True, vertical="top")
LEFT = Alignment(horizontal="left")
LEFT_MIDDLE = Alignment(horizontal="left", vertical="center")
CENTER = Alignment(horizontal="center")
CENTER_TOP = Alignment(horizontal="center", vertical="top")
UNLOCKED = Protection(locked=False)


def new_workbook() -> Workbook:
    """An empty workbook: no sheet until one is created."""
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    return wb


def column_width(ws: Worksheet, col: int, width: float, hidden: bool = False) -> None:
    """Set column `col` (1-based) to `width` characters, hidden when asked."""
    dimension = ws.column_dimensions[get_column_letter(col)]
    dimension.width = width
    dimension.hidden = hidden


def hide_column(ws: Worksheet, col: int) -> None:
    """Hide column `col` (1-based): machine keys the clerk does not need to see."""
    ws.column_dimensions[get_column_letter(col)].hidden = True


def choice_list(ws: Worksheet, ref: str, choices: tuple[str, ...]) -> None:
    """Cells `ref` ("B5", "C3:C40") take one of `choices`, from a drop-down list."""
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    dv.error = "Hãy chọn trong danh sách: " + ", ".join(choices) + "."
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def rule(
    kind: str, first: str, error: str, second: str | None = None, operator: str | None = None
) -> Rule:
    """A data validation that allows blanks: `kind` "list" (`first`: "=NAME" or '"a,b"'),
    "date", "whole" or "textLength" (`first`, `second`: the bounds, with `operator`)."""
    dv = DataValidation(
        type=kind, operator=operator, formula1=first, formula2=second, allow_blank=True
    )
    dv.error = error
    return dv


def apply_rule(ws: Worksheet, dv: Rule, ref: str, title: str = "", prompt: str = "") -> None:
    """Check cells `ref` by `dv`, Excel showing `title` with the error and `prompt` on entry."""
    if title:
        dv.errorTitle = title[:32]
    dv.showErrorMessage = True
    if prompt:
        dv.prompt, dv.promptTitle = prompt[:255], title[:32]
        dv.showInputMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def name_range(wb: Workbook, name: str, sheet: str, col: int, first: int, last: int) -> str:
    """Define `name` for rows `first`..`last` of column `col` of `sheet`; the name."""
    letter = get_column_letter(col)
    ref = f"{quote_sheetname(sheet)}!${letter}${first}:${letter}${last}"
    wb.defined_names[name] = DefinedName(name, attr_text=ref)
    return name


def whole_numbers(ws: Worksheet, ref: str, low: int, high: int, title: str, error: str) -> None:
    """Cells `ref` take a whole number from `low` to `high`; Excel says `error` otherwise."""
    dv = DataValidation(
        type="whole", operator="between", formula1=str(low), formula2=str(high), allow_blank=True
    )
    dv.error = error
    dv.errorTitle = title
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def put(cell: Cell, value: object) -> None:
    """Write `value`; a string starting with = + - @ is stored as text, never as a formula."""
    if isinstance(value, datetime | date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True  # Excel shows the text as typed, even after editing


def header(cell: Cell, text: str) -> None:
    """A bold, wrapped, shaded header cell."""
    put(cell, text)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    cell.border = BOX


FIXED_TIME = datetime(2000, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
APP_XML = (
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>docgen</Application><DocSecurity>0</DocSecurity></Properties>"
)
LANGUAGE = "vi-VN"


def workbook_bytes(wb: Workbook, when: date | None = None) -> bytes:
    """Serialise with fixed properties and zip timestamps, so the same content gives the same
    bytes (a rerun changes nothing, and "unchanged" can be told from "changed").

    `when` is the date the properties carry (the campaign plan's date for a campaign's
    workbooks); docgen is named as the application, Vietnamese as the language.
    """
    stamp = datetime.combine(when, datetime.min.time()) if when else FIXED_TIME
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "docgen"
    wb.properties.language = LANGUAGE
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                at = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = _MODIFIED.sub(rb"\g<1>" + at + rb"\g<2>", body)
            elif info.filename == "docProps/app.xml":
                body = APP_XML
            dst.writestr(fixed, body)
    return out.getvalue()
