"""Fill an intake workbook with rows, as a department would: for examples, benchmarks, tests."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import load_workbook

from docgen.campaign.model import Campaign
from docgen.intake.schema import FIRST_DATA_ROW, KEY_ROW, build_schema
from docgen.intake.template import write_template
from docgen.output.files import write_atomic
from docgen.workbook.write import put, workbook_bytes

RowData = Mapping[str, object]


def fill_workbook(
    campaign: Campaign,
    path: Path,
    unit: RowData,
    sheets: Mapping[str, Sequence[RowData]],
    template: bytes | None = None,
) -> Path:
    """Write a filled intake workbook: `unit` by key, `sheets` maps sheet name → rows by key."""
    schema = build_schema(campaign)
    if template is None:
        template = blank_template(campaign)
    wb = load_workbook(io.BytesIO(template))
    unit_ws = wb[schema.unit.name]
    for row in range(2, unit_ws.max_row + 1):
        key = unit_ws.cell(row=row, column=3).value
        if key in unit:
            put(unit_ws.cell(row=row, column=2), unit[key])
    for name, rows in sheets.items():
        ws = wb[name]
        columns = {ws.cell(row=KEY_ROW, column=c).value: c for c in range(1, ws.max_column + 1)}
        for offset, data in enumerate(rows):
            for key, value in data.items():
                put(ws.cell(row=FIRST_DATA_ROW + offset, column=columns[key]), value)
    write_atomic(path, workbook_bytes(wb))
    return path


def blank_template(campaign: Campaign) -> bytes:
    """The blank intake workbook's bytes (write it once, fill many)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path, _ = write_template(campaign, Path(tmp) / "mau.xlsx")
        return path.read_bytes()
