"""The test tool that fills intake workbooks as a department would (tools/fill/intake.py): it
lends one loaded blank workbook to every fill, so each fill must leave it blank again."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from openpyxl import load_workbook

from docgen.campaign import Campaign
from tests.conftest import GOOD_COLLECTIVE, GOOD_INDIVIDUAL, GOOD_UNIT
from tools.example.data import DEPARTMENTS
from tools.fill.intake import fill_workbook, filled_bytes

ODD = {**GOOD_INDIVIDUAL, "ho_ten": "=SUM(A1)", "ngay_sinh": dt.date(1980, 1, 2), "trinh_do": None}
FILLS = [
    *(
        (d["unit"], {"Tập thể": d.get("collectives", []), "Cá nhân": d.get("individuals", []),
                     "Khen thưởng đã nhận": d.get("awards", [])})
        for d in DEPARTMENTS
    ),
    (GOOD_UNIT, {"Cá nhân": [GOOD_INDIVIDUAL, ODD] * 3, "Tập thể": [GOOD_COLLECTIVE] * 230}),
    ({}, {}),
]  # fmt: skip


def test_every_fill_gives_the_bytes_of_a_fresh_blank(
    campaign: Campaign, template_bytes: bytes, tmp_path: Path
) -> None:
    """Dates, text that looks like a formula, empty values and rows past the blank's styled
    ones: each fill, in any order, equals the same fill of a freshly loaded blank."""
    fresh = [
        filled_bytes(campaign, load_workbook(io.BytesIO(template_bytes)), unit, sheets)
        for unit, sheets in FILLS
    ]
    for unit, sheets in [*FILLS, *reversed(FILLS)]:
        made = fill_workbook(campaign, tmp_path / "phieu.xlsx", unit, sheets, template_bytes)
        assert made.read_bytes() == fresh[FILLS.index((unit, sheets))]
