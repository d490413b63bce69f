"""Context of the proposal (Tờ trình) and of the list annexed to it (Danh sách)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.campaign.model import Campaign, DocKind, Kind, Level
from docgen.documents.dates import date_or_blank, date_words, number, place_date
from docgen.documents.heading import issuer_header
from docgen.documents.nominees import groups
from docgen.documents.phrases import (
    as_printed,
    kinds_count,
    listed,
    proposed_award,
    thematic_achievement,
    upper_first,
)
from docgen.documents.required import require_context
from docgen.documents.signers import of_signer
from docgen.meeting.model import Meeting, Selection
from docgen.meeting.numbers import MINUTES_KEY, proposal_key

PROPOSAL = "Tờ trình"
LIST = "Danh sách"


def proposal_context(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> dict[str, Any]:
    """The Tờ trình: recipients, căn cứ, the request with its list, signer and Nơi nhận.

    Its number and date are those the văn thư entered in the meeting workbook; blanks until then.
    """
    signer = campaign.signers[level.signer]
    assigned, signed = _own_number(meeting, level)
    context: dict[str, Any] = {
        **issuer_header(campaign),
        "so": number(assigned, f"TTr-{campaign.issuer.symbol}"),
        "dia_danh_ngay": place_date(campaign.issuer.place, signed, meeting.date.year),
        "trich_yeu": f"Về việc {proposed_award(campaign, level)}",
        "hinh_thuc": level.award,
        "kinh_gui": _recipients(level),
        "qua": level.via,
        "can_cu": _bases(campaign, meeting),
        **_request(campaign, level, selection),
        "chuyen_de": thematic_achievement(campaign),
        "kem_theo": _attached(level),
        "ky": of_signer(campaign, signer),
        "noi_nhan": listed(level.noi_nhan),
    }
    require_context(PROPOSAL, context, ("kinh_gui", "danh_sach", "noi_nhan"))
    return as_printed(context)


def list_context(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> dict[str, Any]:
    """The Danh sách annexed to the level's Tờ trình, citing its number and date (or blanks)."""
    assigned, signed = _own_number(meeting, level)
    context: dict[str, Any] = {
        **issuer_header(campaign),
        "trich_yeu": upper_first(proposed_award(campaign, level)),
        "so_to_trinh": number(assigned, f"TTr-{campaign.issuer.symbol}"),
        "ngay_to_trinh": date_or_blank(signed, meeting.date.year),
        **_request(campaign, level, selection),
    }
    require_context(LIST, context, ("danh_sach",))
    return as_printed(context)


def _own_number(meeting: Meeting, level: Level) -> tuple[str, dt.date | None]:
    """The number ("12") and date the văn thư gave the level's Tờ trình ("" and None if not yet)."""
    own = meeting.assigned(proposal_key(level.id))
    return (own.number, own.date) if own else ("", None)


def _attached(level: Level) -> str:
    """`(Có danh sách và báo cáo thành tích kèm theo)`: what the dossier sends with it."""
    parts = [
        words
        for kind, words in ((DocKind.LIST, "danh sách"), (DocKind.REPORT, "báo cáo thành tích"))
        if kind in level.documents
    ]
    return f"(Có {' và '.join(parts)} kèm theo)" if parts else ""


def _recipients(level: Level) -> list[str]:
    """One recipient prints on the Kính gửi line; several as a `- …;` list."""
    if len(level.kinh_gui) == 1:
        return [level.kinh_gui[0].rstrip(".") + "."]
    return listed(level.kinh_gui)


def _bases(campaign: Campaign, meeting: Meeting) -> list[str]:
    """The plan's căn cứ, then the council's minutes; `;` after each, `.` after the last."""
    own = meeting.assigned(MINUTES_KEY)
    cited = number(own.number if own else "", f"BB-{campaign.council.symbol}")
    day = own.date if own and own.date else meeting.date
    minutes = f"Biên bản số {cited} {date_words(day)} của {campaign.council.name}"
    return listed(
        [f"Căn cứ {base}" for base in campaign.plan.bases] + [f"Căn cứ {minutes}"], dash=False
    )


def _request(campaign: Campaign, level: Level, selection: Selection) -> dict[str, Any]:
    proposed = selection.proposed()
    collectives = sum(d.nominee.kind is Kind.COLLECTIVE for d in proposed)
    return {
        "co_quan_de_nghi": campaign.issuer.full_name,
        "nguoi_quyet_dinh": level.decider,
        "so_luong": kinds_count(collectives, len(proposed) - collectives),
        "danh_sach": groups(proposed),
    }
