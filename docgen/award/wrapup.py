"""Write what comes after the decisions: the results report and the announcement.

Into `output/<campaign>/tong-ket/`: `bao-cao-ket-qua.docx` (the Báo cáo, from the template of
the same name), and, once a decision has been recorded, `thong-bao.txt` and `thong-bao.html`.
A file edited since (other content on disk) is kept; the new one goes beside it (`-2`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from docgen.award.announce import announcement
from docgen.award.report import results_context
from docgen.award.results import Results, campaign_results
from docgen.campaign.model import Campaign
from docgen.errors import TemplateError, not_found
from docgen.output.files import Written, write_beside
from docgen.render import compile_file
from docgen.text import VIETNAM
from docgen.workspace import Workspace

TEMPLATE = "bao-cao-ket-qua.docx"
FOLDER = "tong-ket"


@dataclass
class WrapUp:
    """The results and the files written (path, what was done)."""

    results: Results
    files: list[tuple[Path, Written]] = field(default_factory=list)


def wrap_up(campaign: Campaign, ws: Workspace, force: bool = False) -> WrapUp:
    """Write the results report and, when someone was awarded, the announcement."""
    results = campaign_results(campaign, ws)
    folder = ws.output(campaign.id) / FOLDER
    done = WrapUp(results)
    done.files.append(write_beside(folder / TEMPLATE, _report(results, ws.templates), force))
    if results.awarded:
        said = announcement(results)
        for name, text in (("thong-bao.txt", said.text), ("thong-bao.html", said.html)):
            done.files.append(write_beside(folder / name, text.encode("utf-8"), force))
    return done


def wrapup_files(ws: Workspace, campaign: Campaign) -> tuple[Path, Path]:
    """Where the results report and the announcement (its text) are written."""
    folder = ws.output(campaign.id) / FOLDER
    return folder / TEMPLATE, folder / "thong-bao.txt"


def _report(results: Results, templates: Path) -> bytes:
    path = templates / TEMPLATE
    if not path.is_file():
        raise not_found(TemplateError(f"Không tìm thấy mẫu văn bản {path.absolute()}."), path)
    when = dt.datetime.combine(results.meeting.date, results.meeting.start, VIETNAM)
    return compile_file(path, fixed_time=when).render(results_context(results))
