"""Writing cells into workbooks we produce: text that looks like a formula stays text."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.workbook import Workbook

FORMULA_PREFIXES = ("=", "+", "-", "@")
DATE_FORMAT = "dd/mm/yyyy"

HEADER_FONT = Font(name="Times New Roman", bold=True, size=11)
BODY_FONT = Font(name="Times New Roman", size=11)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)


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
