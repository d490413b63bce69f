"""Write the shipped example: departments' workbooks and the council's filled meeting workbook."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from docgen.campaign import Campaign, load_campaign
from docgen.intake.schema import AWARDS_SHEET, COLLECTIVE_SHEET, INDIVIDUAL_SHEET
from docgen.meeting.consolidate import write_consolidated
from docgen.meeting.model import Meeting, nominee_key
from docgen.text import person_key
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tools.example.data import DEPARTMENTS, MEETING, VOTES
from tools.fill.intake import blank_template, fill_workbook
from tools.fill.meeting import fill_meeting

EXAMPLE_CAMPAIGN = Path(__file__).with_name("campaign.toml")
TEMPLATES = Path(__file__).resolve().parents[2] / "templates_docx"


def write_pristine(root: Path) -> Path:
    """The shipped example as committed, under `root` (never the clerk's input/): the campaign
    of plan 19/KH-UBND, the Word templates, the departments' workbooks and the filled meeting."""
    ws = Workspace(root)
    ws.campaign.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXAMPLE_CAMPAIGN, ws.campaign)
    shutil.copytree(TEMPLATES, ws.root / "templates_docx", dirs_exist_ok=True)
    build_example(root)
    return root


def build_example(
    root: Path, departments: list[dict[str, Any]] = DEPARTMENTS, meeting: Meeting = MEETING
) -> list[Path]:
    """Write every department's filled workbook, then the filled meeting workbook."""
    ws = Workspace(root)
    campaign = load_campaign(ws.campaign)
    template = blank_template(campaign)
    written = [_department(campaign, ws.submissions, d, template) for d in departments]
    written.append(build_meeting(campaign, ws, meeting))
    return written


def _department(campaign: Campaign, folder: Path, data: dict[str, Any], template: bytes) -> Path:
    sheets = {
        COLLECTIVE_SHEET: data.get("collectives", []),
        INDIVIDUAL_SHEET: data.get("individuals", []),
        AWARDS_SHEET: data.get("awards", []),
    }
    return fill_workbook(campaign, folder / data["file"], data["unit"], sheets, template)


def build_meeting(campaign: Campaign, ws: Workspace, meeting: Meeting = MEETING) -> Path:
    """Consolidate the example's intake and fill in the meeting as the secretary did."""
    report = validate_folder(campaign, ws.submissions)
    by_name = {person_key(name): votes for name, votes in VOTES.items()}
    votes = {nominee_key(n): by_name[person_key(n.name)] for n in report.eligible()}
    with tempfile.TemporaryDirectory() as tmp:
        blank = write_consolidated(campaign, report, Path(tmp) / "tong-hop.xlsx")
        return fill_meeting(blank, ws.meeting, meeting, votes)
