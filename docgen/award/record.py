"""Recording a decision that came back: who was awarded at one level of this campaign.

A higher level decides elsewhere (the city's or province's chairman); when its decision comes
back the clerk records its number and date, and who was awarded: those the council proposed
at that level, less any the decision left out (named by the clerk). The decision joins the
ward's history like the ward's own, so the next campaign's reports show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from docgen.award.history import record_decision
from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.award.past import check_forms, recipient_of
from docgen.campaign.model import Campaign
from docgen.errors import DocgenError, ProblemsError
from docgen.meeting.select import read_and_select
from docgen.text import person_key
from docgen.workspace import Workspace


class RecordRefused(DocgenError):
    """The decision cannot be recorded as asked (unknown level, name not proposed…)."""

    def __init__(self, message: str) -> None:
        super().__init__("HISTORY_RECORD", message)


class MeetingNotFinal(ProblemsError):
    """The meeting's result still has errors: nobody is known to be proposed yet."""

    CODE = "MEETING_INVALID"
    exit_code = 1


@dataclass(frozen=True)
class Recorded:
    """The decision recorded and what the register did ("new", "replaced", "unchanged")."""

    decision: AwardDecision
    status: str


def record_level(
    campaign: Campaign,
    ws: Workspace,
    level_id: str,
    reference: str,
    day: date,
    authority: str = "",
    left_out: Sequence[str] = (),
) -> Recorded:
    """Record the decision of level `level_id` (number `reference`, date `day`)."""
    level = next((lv for lv in campaign.levels if lv.id == level_id), None)
    if level is None:
        known = ", ".join(lv.id for lv in campaign.levels)
        raise RecordRefused(f"Chiến dịch không có cấp “{level_id}” (các cấp: {known}).")
    recipients = _proposed(campaign, ws, level_id)
    recipients = _without(recipients, left_out, level.label)
    number, _, symbol = reference.replace("\u2011", "-").partition("/")
    decision = AwardDecision(
        number=number.strip(),
        symbol=symbol.strip(),
        date=day,
        authority=authority or level.decider,
        level=level.id,
        campaign=campaign.id,
        year=campaign.period.year,
        origin=Origin.RECORDED,
        conferments=tuple(Conferment(recipient=r, form=level.award) for r in recipients),
    )
    return Recorded(decision, record_decision(ws.ward, decision))


def _proposed(campaign: Campaign, ws: Workspace, level_id: str) -> list[Recipient]:
    """Those the meeting proposed at the level, in the Danh sách's order."""
    report = check_forms(campaign, ws.submissions, ws.ward)
    result = read_and_select(campaign, report, ws.meeting)
    if result.errors:
        raise MeetingNotFinal(
            "Kết quả họp xét còn lỗi, chưa ghi được quyết định (chạy “docgen ket-qua” để xem):",
            [issue.message for issue in result.errors],
        )
    selection = next((s for s in result.selections if s.level.id == level_id), None)
    proposed = [d.nominee for d in (selection.decisions if selection else []) if d.proposed]
    if not proposed:
        raise RecordRefused(f"Cuộc họp không đề nghị ai ở cấp “{level_id}”: không có gì để ghi.")
    return [recipient_of(n) for n in proposed]


def _without(recipients: list[Recipient], left_out: Sequence[str], label: str) -> list[Recipient]:
    """The recipients less those named in `left_out` (each must be one of them)."""
    names = {person_key(r.name) for r in recipients}
    unknown = [n for n in left_out if person_key(n) not in names]
    if unknown:
        raise RecordRefused(
            f"“{unknown[0]}” không có trong danh sách đề nghị {label}; ghi đúng họ tên như "
            "trong Danh sách (docgen ket-qua liệt kê người được đề nghị)."
        )
    dropped = {person_key(n) for n in left_out}
    return [r for r in recipients if person_key(r.name) not in dropped]
