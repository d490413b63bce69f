"""Write the shipped example's intake workbooks (and, once consolidated, its meeting)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docgen.campaign import load_campaign
from docgen.example.data import DEPARTMENTS
from docgen.intake.fill import blank_template, fill_workbook
from docgen.intake.schema import AWARDS_SHEET, COLLECTIVE_SHEET, INDIVIDUAL_SHEET
from docgen.workspace import Workspace


def build_example(root: Path) -> list[Path]:
    """Write every department's filled workbook into the workspace at `root`."""
    ws = Workspace(root)
    campaign = load_campaign(ws.campaign)
    template = blank_template(campaign)
    written = []
    for department in DEPARTMENTS:
        written.append(_department(campaign, ws.submissions, department, template))
    return written


def _department(campaign: Any, folder: Path, data: dict[str, Any], template: bytes) -> Path:
    sheets = {
        COLLECTIVE_SHEET: data.get("collectives", []),
        INDIVIDUAL_SHEET: data.get("individuals", []),
        AWARDS_SHEET: data.get("awards", []),
    }
    return fill_workbook(campaign, folder / data["file"], data["unit"], sheets, template)
