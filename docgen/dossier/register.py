"""What the văn thư's register and the archive need of each document, from the plan and meeting.

Kept in the manifest beside each file: number, ký hiệu, date, trích yếu, signer, recipients.
Numbers and dates stay empty until the văn thư enters them in the meeting workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaign.model import Campaign, Level
from docgen.documents.phrases import lower_first
from docgen.meeting.model import Meeting
from docgen.meeting.numbers import MINUTES_KEY, proposal_key


@dataclass(frozen=True)
class Register:
    """One document's register fields (blank number and date until assigned)."""

    number: str = ""
    symbol: str = ""
    date: str = ""  # ISO
    summary: str = ""
    signer: str = ""
    recipients: tuple[str, ...] = ()


def minutes_register(campaign: Campaign, meeting: Meeting, levels: list[Level]) -> Register:
    """The Biên bản: the council's series, dated the meeting day unless the văn thư says else."""
    own = meeting.assigned(MINUTES_KEY)
    day = own.date if own and own.date else meeting.date
    recipients: list[str] = []
    for level in levels:
        recipients += [
            r for r in level.noi_nhan if r not in recipients and r.casefold() != "như trên"
        ]
    return Register(
        own.number if own else "",
        f"BB-{campaign.council.symbol}",
        day.isoformat(),
        f"Biên bản họp xét đề nghị khen thưởng {lower_first(campaign.title)}",
        f"Chủ tọa: {meeting.chair.name}; Thư ký: {meeting.secretary.name}",
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
        f"Tờ trình về việc đề nghị tặng {level.award}",
        f"{signer.authority} {signer.title} {signer.name}",
        tuple([*level.kinh_gui, *(r for r in level.noi_nhan if r.casefold() != "như trên")]),
    )


def list_register(campaign: Campaign, meeting: Meeting, level: Level) -> Register:
    """The Danh sách: no number of its own; it goes with the Tờ trình (its date, its signer)."""
    own = proposal_register(campaign, meeting, level)
    cited = f"{own.number}/{own.symbol}" if own.number else f"…/{own.symbol}"
    summary = f"Danh sách đề nghị tặng {level.award} (kèm theo Tờ trình số {cited})"
    return Register("", "", own.date, summary, own.signer, own.recipients)


def report_register(level: Level) -> Register:
    """A Báo cáo thành tích: no number; signed by the unit (see the document itself)."""
    return Register(summary=f"Báo cáo thành tích đề nghị tặng {level.award}")
