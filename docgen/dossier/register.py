"""What the văn thư's register and the archive need of each document, from the plan and meeting.

Kept in the manifest beside each file: number, ký hiệu, date, trích yếu, signer, recipients.
Numbers and dates stay empty until the văn thư enters them in the meeting workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaign.award import conferring
from docgen.campaign.model import Campaign, Level
from docgen.documents.phrases import lower_first
from docgen.meeting.model import Meeting
from docgen.meeting.numbers import (
    MINUTES_KEY,
    council_proposal_key,
    decision_key,
    proposal_key,
)


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
        f"Họp xét đề nghị khen thưởng {lower_first(campaign.title)}",
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
        f"Về việc đề nghị tặng {level.award}",
        signer.name,
        tuple(level.noi_nhan),  # as the Nơi nhận prints them
    )


def list_register(campaign: Campaign, meeting: Meeting, level: Level) -> Register:
    """The Danh sách: no number of its own; it goes with the Tờ trình (its date, its signer)."""
    own = proposal_register(campaign, meeting, level)
    cited = f"{own.number}/{own.symbol}" if own.number else f"…/{own.symbol}"
    summary = f"Đề nghị tặng {level.award} (kèm theo Tờ trình số {cited})"
    return Register("", "", own.date, summary, own.signer, own.recipients)


def report_register(level: Level) -> Register:
    """A Báo cáo thành tích: no number; signed by the unit (see the document itself)."""
    return Register(summary=f"Đề nghị tặng {level.award}")


def award_registers(campaign: Campaign, meeting: Meeting, level: Level) -> dict[str, Register]:
    """At a level the ward decides: the proposer's Tờ trình (its own series), the chairman's
    Quyết định (the issuer's QĐ series) and its Danh sách (no number; the decision's date)."""
    award = campaign.award
    symbol = award.symbol if award else campaign.council.symbol
    proposal = meeting.assigned(council_proposal_key(level.id))
    decision = meeting.assigned(decision_key(level.id))
    signer = campaign.signers[level.decision_signer or level.signer]
    proposer = campaign.signers.get(award.signer) if award and award.signer else None
    cited = f"{decision.number}/QĐ-{campaign.issuer.symbol}" if decision and decision.number else ""
    decided = decision.date.isoformat() if decision and decision.date else ""
    return {
        "to-trinh-khen-thuong": Register(
            proposal.number if proposal else "",
            f"TTr-{symbol}",
            proposal.date.isoformat() if proposal and proposal.date else "",
            f"Về việc đề nghị tặng {level.award}",
            proposer.name if proposer else meeting.chair.name,
            (level.decider,),
        ),
        "quyet-dinh": Register(
            decision.number if decision else "",
            f"QĐ-{campaign.issuer.symbol}",
            decided,
            f"Về việc {lower_first(conferring(level.form))} {level.award}",
            signer.name,
            tuple(award.noi_nhan) if award else (),
        ),
        "danh-sach-khen-thuong": Register(
            "",
            "",
            decided,
            f"Tập thể, cá nhân được tặng {level.award} (kèm theo Quyết định số "
            f"{cited or f'…/QĐ-{campaign.issuer.symbol}'})",
            signer.name,
            tuple(award.noi_nhan) if award else (),
        ),
    }
