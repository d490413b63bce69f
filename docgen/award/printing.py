"""Write the certificates of every level the ward decides, from the workspace's meeting.

Each level's certificates are one .docx (a page per recipient) in `<output>/<level>/giay-khen/`:
`giay-khen.docx` on plain paper, `giay-khen-tren-phoi.docx` on pre-printed blanks, and the
blank's test page `trang-thu-phoi.docx`. A file changed since (its bytes differ) is kept and the
new one written beside it, unless the clerk forces it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docgen.award.certificate import Design, calibration_page, certificate_lines, certificate_pages
from docgen.award.decision import NotFinalError, require_final
from docgen.award.layout import Placement
from docgen.award.past import check_forms
from docgen.campaign.model import Campaign
from docgen.meeting.select import read_and_select
from docgen.output.files import Written, with_copies, write_beside
from docgen.output.names import safe_stem
from docgen.render.pages import Paper, write_pages
from docgen.text import VIETNAM
from docgen.workspace import Workspace

FOLDER = "giay-khen"
FILES = {Design.PLAIN: "giay-khen.docx", Design.BLANK: "giay-khen-tren-phoi.docx"}
TEST_FILE = "trang-thu-phoi.docx"


@dataclass(frozen=True)
class Printed:
    """One level's certificates as written."""

    level: str  # the level's label
    path: Path
    status: Written
    pages: int
    numbered: bool  # False: the decision's number and date are still blanks


def print_certificates(
    campaign: Campaign, ws: Workspace, design: Design, placement: Placement, force: bool = False
) -> list[Printed]:
    """The certificates of every level the ward decides (NotFinalError before a final result)."""
    result = read_and_select(campaign, check_forms(campaign, ws.submissions, ws.ward), ws.meeting)
    if result.meeting is None or result.errors:
        first = result.errors[0].message if result.errors else "chưa đọc được tệp họp xét."
        raise NotFinalError(
            f"Chưa thể in giấy khen: tệp họp xét còn lỗi, kết quả chưa cuối cùng — {first} "
            "Xem “docgen ket-qua”, sửa tệp họp xét rồi chạy lại."
        )
    meeting = result.meeting
    when = dt.datetime.combine(meeting.date, meeting.start, VIETNAM)  # as the dossier's
    printed = []
    for selection in result.selections:
        level = selection.level
        if not level.decides or level.form != "giay-khen" or not selection.proposed():
            continue  # a title's certificate (Bằng chứng nhận) is not a Giấy khen
        require_final(selection)
        lines, numbered = certificate_lines(campaign, level, meeting, selection)
        pages = certificate_pages(campaign, level, lines, design, placement)
        data = write_pages(pages, Paper(border=design is Design.PLAIN), when)
        target = _folder(ws, campaign, level.id) / FILES[design]
        path, status = write_beside(target, data, force)
        printed.append(Printed(level.label, path, status, len(pages), numbered))
    return printed


def print_test_page(
    campaign: Campaign, ws: Workspace, placement: Placement, force: bool = False
) -> tuple[Path, Written]:
    """The blank's test page, in the output folder of the campaign."""
    data = write_pages([calibration_page(placement)], Paper())
    target = ws.output(campaign.id) / FOLDER / TEST_FILE
    return write_beside(target, data, force)


def _folder(ws: Workspace, campaign: Campaign, level_id: str) -> Path:
    return ws.output(campaign.id) / safe_stem("", level_id, fallback="cap") / FOLDER


def certificate_paths(ws: Workspace, campaign: Campaign, level_id: str) -> list[Path]:
    """A level's certificates on disk, on plain paper and on blanks, with the copies written
    beside a file that differed (`giay-khen-2.docx`…)."""
    folder = _folder(ws, campaign, level_id)
    return sorted(p for name in FILES.values() for p in with_copies(folder / name))
