"""What the văn thư's register and the archive need of each document, from the plan and meeting.

Kept in the manifest beside each file: number, ký hiệu, date, trích yếu, signer, recipients.
Numbers and dates stay empty until the văn thư enters them in the meeting workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaign.award import conferring
from docgen.campaign.model import Campaign, DocKind, Level
from docgen.documents.phrases import lower_first, proposed_award, thematic_clause, upper_first
from docgen.meeting.model import Meeting
from docgen.meeting.numbers import (
    MINUTES_KEY,
    council_proposal_key,
    decision_key,
    proposal_key,
)


@dataclass(frozen=True)
class RegisterFields:
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


def minutes_fields(campaign: Campaign, meeting: Meeting, levels: list[Level]) -> RegisterFields:
    """The Biên bản: the council's series, dated the meeting day unless the văn thư says else."""
    own = meeting.assigned(MINUTES_KEY)
    day = (own.date or meeting.date).isoformat() if own else ""  # dated once numbered
    recipients: list[str] = []
    for level in levels:
        recipients += [
            r for r in level.noi_nhan if r not in recipients and r.casefold() != "như trên"
        ]
    return RegisterFields(
        number=own.number if own else "",
        symbol=f"BB-{campaign.council.symbol}",
        date=day,
        summary=f"Họp xét đề nghị khen thưởng {campaign.movement}",
        signer=meeting.chair.name,
        recipients=tuple(recipients),
    )


def proposal_fields(campaign: Campaign, meeting: Meeting, level: Level) -> RegisterFields:
    """A level's Tờ trình: the issuer's series, signed by the level's signer."""
    own = meeting.assigned(proposal_key(level.id))
    signer = campaign.signers[level.signer]
    return RegisterFields(
        number=own.number if own else "",
        symbol=f"TTr-{campaign.issuer.symbol}",
        date=own.date.isoformat() if own and own.date else "",
        summary=f"Về việc {proposed_award(campaign, level)}",
        signer=signer.name,
        recipients=tuple(level.noi_nhan),  # as the Nơi nhận prints them
    )


def list_fields(campaign: Campaign, meeting: Meeting, level: Level) -> RegisterFields:
    """The Danh sách: no number of its own; it goes with the Tờ trình (its date, its signer)."""
    own = proposal_fields(campaign, meeting, level)
    cited = f"{own.number}/{own.symbol}" if own.number else f"…/{own.symbol}"
    summary = f"{upper_first(proposed_award(campaign, level))} (kèm theo Tờ trình số {cited})"
    return RegisterFields(
        date=own.date, summary=summary, signer=own.signer, recipients=own.recipients
    )


def report_fields(campaign: Campaign, level: Level) -> RegisterFields:
    """A Báo cáo thành tích: no number; signed by the unit (see the document itself)."""
    return RegisterFields(summary=upper_first(proposed_award(campaign, level)))


def award_fields(
    campaign: Campaign, meeting: Meeting, level: Level
) -> dict[DocKind, RegisterFields]:
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
        DocKind.AWARD_PROPOSAL: RegisterFields(
            number=proposal.number if proposal else "",
            symbol=f"TTr-{symbol}",
            date=proposal.date.isoformat() if proposal and proposal.date else "",
            summary=f"Về việc {proposed_award(campaign, level)}",
            signer=proposer.name if proposer else meeting.chair.name,
            recipients=(level.decider,),
        ),
        DocKind.DECISION: RegisterFields(
            number=decision.number if decision else "",
            symbol=f"QĐ-{campaign.issuer.symbol}",
            date=decided,
            summary=(
                f"Về việc {lower_first(conferring(level.form))} {level.award}"
                f"{thematic_clause(campaign)}"
            ),
            signer=signer.name,
            recipients=tuple(award.noi_nhan) if award else (),
        ),
        DocKind.DECISION_LIST: RegisterFields(
            number="",
            symbol="",
            date=decided,
            summary=f"Tập thể, cá nhân được {lower_first(conferring(level.form))} {level.award}"
            f"{thematic_clause(campaign)} (kèm theo Quyết định số "
            f"{cited or f'…/QĐ-{campaign.issuer.symbol}'})",
            signer=signer.name,
            recipients=tuple(award.noi_nhan) if award else (),
        ),
    }
