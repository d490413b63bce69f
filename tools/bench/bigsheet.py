"""An intake workbook with ~10 real rows whose sheet is formatted down to row 1,048,576.

Excel writes such a sheet when a department formats whole columns: every row exists,
styled and empty. The rows are streamed into the zip, never held in memory.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from docgen.campaign import Campaign
from docgen.intake.schema import INDIVIDUAL_SHEET
from tools.bench.generate import Department
from tools.fill.intake import fill_workbook

LAST_ROW = 1_048_576
REAL_ROWS = 10
_CHUNK = 50_000
_KEY_CELL = b"<t>ho_ten</t>"  # the individuals sheet's hidden key row


def formatted_workbook(campaign: Campaign, dept: Department, path: Path) -> Path:
    """Write `path`: `dept`'s first individuals, the sheet formatted to the last row."""
    plain = path.with_name(f"{path.stem}-plain.xlsx")
    rows = {INDIVIDUAL_SHEET: dept.individuals[:REAL_ROWS]}
    fill_workbook(campaign, plain, dept.unit, rows)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if _KEY_CELL not in data:
                dst.writestr(info.filename, data)
                continue
            with dst.open(info.filename, "w") as out:
                _to_the_bottom(data, out)
    plain.unlink()
    return path


def _to_the_bottom(sheet: bytes, out: IO[bytes]) -> None:
    """The sheet's XML with formatted empty rows added after its last row."""
    head, tail = sheet.split(b"</sheetData>", 1)
    last = int(head.rsplit(b'<row r="', 1)[1].split(b'"', 1)[0])
    out.write(head)
    for start in range(last + 1, LAST_ROW + 1, _CHUNK):
        stop = min(start + _CHUNK, LAST_ROW + 1)
        out.write(
            "".join(f'<row r="{r}" s="1" customFormat="1"/>' for r in range(start, stop)).encode()
        )
    out.write(b"</sheetData>" + tail)
