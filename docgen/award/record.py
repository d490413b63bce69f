"""Decisions into the ward's history: the ward's own when the văn thư has numbered them, and a
higher level's when it comes back.

The ward's decision at a level it decides is built by `decision.ward_decisions` once its number
and date are in the meeting workbook; `docgen ho-so` records it (`record_ward_decisions`). A
higher level decides elsewhere: the clerk records its number and date, and who was awarded —
those the council proposed at that level, less any the decision left out (`record_level`,
built by `recorded.recorded_decision`). Recording again changes nothing; a changed number,
date or list replaces the record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docgen.award.decision import ward_decisions
from docgen.award.history import record_decision
from docgen.award.model import AwardDecision
from docgen.award.past import final_result
from docgen.award.recorded import recorded_decision
from docgen.campaign.model import Campaign
from docgen.errors import DocgenError
from docgen.meeting.model import Meeting, Selection
from docgen.text import person_key
from docgen.workspace import Workspace


class RecordRefused(DocgenError):
    """The decision cannot be recorded as asked (unknown level, name not proposed…)."""

    def __init__(self, message: str) -> None:
        super().__init__("HISTORY_RECORD", message)


@dataclass(frozen=True)
class Recorded:
    """The decision recorded and what the register did ("new", "replaced", "unchanged")."""

    decision: AwardDecision
    status: str


def record_ward_decisions(
    ward: Path, campaign: Campaign, meeting: Meeting, selections: list[Selection]
) -> list[Recorded]:
    """Record every decision of the ward the văn thư has numbered and dated."""
    return [
        Recorded(d, record_decision(ward, d)) for d in ward_decisions(campaign, meeting, selections)
    ]


def record_level(
    campaign: Campaign,
    ws: Workspace,
    level_id: str,
    reference: str,
    day: date,
    authority: str = "",
    left_out: Sequence[str] = (),
) -> Recorded:
    """Record the higher level's decision at `level_id` (number `reference`, date `day`)."""
    level = next((lv for lv in campaign.levels if lv.id == level_id), None)
    if level is None:
        known = ", ".join(lv.id for lv in campaign.levels)
        raise RecordRefused(f"Chiến dịch không có cấp “{level_id}” (các cấp: {known}).")
    selection = _selection(campaign, ws, level_id)
    awarded = _awarded(selection, left_out)
    decision = recorded_decision(campaign, selection, reference, day, awarded)
    if authority:
        decision = dataclasses.replace(decision, authority=authority)
    return Recorded(decision, record_decision(ws.ward, decision))


def _selection(campaign: Campaign, ws: Workspace, level_id: str) -> Selection:
    """The meeting's selection at the level; its result must be final."""
    result = final_result(campaign, ws, "ghi quyết định")
    selection = next((s for s in result.selections if s.level.id == level_id), None)
    if selection is None or not selection.proposed():
        raise RecordRefused(f"Cuộc họp không đề nghị ai ở cấp “{level_id}”: không có gì để ghi.")
    return selection


def _awarded(selection: Selection, left_out: Sequence[str]) -> list[str]:
    """The names the decision awards: those proposed, less `left_out` (each one of them)."""
    proposed = [d.nominee.name for d in selection.proposed()]
    keys = {person_key(name) for name in proposed}
    unknown = [n for n in left_out if person_key(n) not in keys]
    if unknown:
        raise RecordRefused(
            f"“{unknown[0]}” không có trong danh sách đề nghị {selection.level.label}; ghi đúng "
            "họ tên như trong Danh sách (docgen ket-qua liệt kê người được đề nghị)."
        )
    dropped = {person_key(n) for n in left_out}
    awarded = [name for name in proposed if person_key(name) not in dropped]
    if not awarded:
        raise RecordRefused(
            "--tru đã loại hết người được đề nghị: quyết định không khen ai thì không cần ghi."
        )
    return awarded if dropped else []  # [] : everyone proposed, in the Danh sách's order
