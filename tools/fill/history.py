"""Fill the import sheet of past years' awards (`docgen lich-su --mau-nhap`) with rows, as a
clerk would: for tests and the page's bench."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

FIRST_ROW = 4  # below the sheet's title, note and headers


def fill_awards_sheet(template: Path, rows: Sequence[Sequence[object]], target: Path) -> Path:
    """`template` with `rows` (one award a row, in the sheet's column order) saved as `target`."""
    wb = openpyxl.load_workbook(template)
    sheet = wb["Khen thưởng"]
    for r, row in enumerate(rows, start=FIRST_ROW):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c).value = value
    wb.save(target)
    return target
