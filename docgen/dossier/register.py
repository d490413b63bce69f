"""What the văn thư's register and the archive need of each document, from the plan and meeting.

Kept in the manifest beside each file: number, ký hiệu, date, trích yếu, signer, recipients.
Numbers and dates stay empty until the văn thư enters them in the meeting workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaign.model import Campaign, Level
from docgen.documents.phrases import proposed_award, upper_first
from docgen.meeting.model import Meeting
from docgen.meeting.numbers import MINUTES_KEY, proposal_key


@dataclass(frozen=True)
class Register:
    """One document's register fields (blank number and date until assigned).

    `summary` is the trích yếu alone ("Về việc đề nghị tặng …"): the register prints it after
    the document type; `signer` is the name of the person who signs.
    """

    number: str = ""
    symbol: str = ""
    date: str = ""  # ISO
    summary: str = ""
    signer: str = ""
    recipients: tuple[str, ...] = ()


def minutes_register(campaign: Campaign, meeting: Meeting, levels: list[Level]) -> Register:
    """The Biên bản: the council's series, dated the meeting day unless the văn thư says else."""
    own = meeting.assigned(MINUTES_KEY)
    day = (own.date or meeting.date).isoformat() if own else ""  # dated once numbered
    recipients: list[str] = []
    for level in levels:
        recipients += [
            r for r in level.noi_nhan if r not in recipients and r.casefold() != "như trên"
        ]
    return Register(
        own.number if own else "",
        f"BB-{campaign.council.symbol}",
        day,
        f"Họp xét đề nghị khen thưởng {campaign.movement}",
        meeting.chair.name,
        tuple(recipients),
    )


def proposal_register(campaign: Campaign, meeting: Meeting, level: Level) -> Register:
    """A level's Tờ trình: the issuer's series, signed by the level's signer."""
    own = meeting.assigned(proposal_key(level.id))
    signer = campaign.signers[level.signer]
    return Register(
        own.number if own else "",
        f"TTr-{campaign.issuer.symbol}",
        own.date.isoformat() if own and own.date else "",
        f"Về việc {proposed_award(campaign, level)}",
        signer.name,
        tuple(level.noi_nhan),  # as the Nơi nhận prints them
    )


def list_register(campaign: Campaign, meeting: Meeting, level: Level) -> Register:
    """The Danh sách: no number of its own; it goes with the Tờ trình (its date, its signer)."""
    own = proposal_register(campaign, meeting, level)
    cited = f"{own.number}/{own.symbol}" if own.number else f"…/{own.symbol}"
    summary = f"{upper_first(proposed_award(campaign, level))} (kèm theo Tờ trình số {cited})"
    return Register("", "", own.date, summary, own.signer, own.recipients)


def report_register(campaign: Campaign, level: Level) -> Register:
    """A Báo cáo thành tích: no number; signed by the unit (see the document itself)."""
    return Register(summary=upper_first(proposed_award(campaign, level)))
