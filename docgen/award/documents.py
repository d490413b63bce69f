"""Contexts of the ward's own award documents at a level it decides itself.

- the proposer's Tờ trình to the chairman (council's standing members or advisory office,
  under its own header, number series and signer; "Như trên" first in its Nơi nhận);
- the chairman's Quyết định khen thưởng (ND 30/2020 individual decision: authority, căn cứ,
  "Xét đề nghị của … tại Tờ trình số …", Điều 1 the award, Điều 2 the bonus, Điều 3 who
  carries it out);
- the Danh sách kèm theo Quyết định: Tập thể, Cá nhân, the bonus per line, total in figures
  and words.

Numbers and dates are the văn thư's (meeting workbook); blanks of the right shape until then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.award.decision import bonus_day, conferments, decision_signer, numbers
from docgen.award.words import in_words, money
from docgen.campaign.award import FORMS, conferring, default_award
from docgen.campaign.model import AwardSetup, Campaign, Kind, Level
from docgen.campaign.profiles import DOCUMENTS, PROFILES
from docgen.documents.dates import date_or_blank, date_words, number, place_date
from docgen.documents.heading import council_header, issuer_header, issuer_short
from docgen.documents.nominees import groups
from docgen.documents.phrases import (
    as_printed,
    kinds_count,
    listed,
    lower_first,
    proposed_award,
    thematic_achievement,
    thematic_clause,
)
from docgen.documents.required import require_context
from docgen.documents.signers import block
from docgen.meeting.model import Meeting, Selection
from docgen.meeting.numbers import MINUTES_KEY

PROPOSAL = "Tờ trình đề nghị khen thưởng"
DECISION = "Quyết định khen thưởng"
LIST = "Danh sách kèm theo Quyết định"


def setup(campaign: Campaign) -> AwardSetup:
    """The campaign's `[award]`, or a ward's defaults for a campaign built in code."""
    return campaign.award or default_award(campaign.issuer, campaign.council)


def proposer_header(campaign: Campaign) -> dict[str, Any]:
    """The proposer under the issuer: its own lines, else the council's header."""
    own = setup(campaign).header
    if not own:
        return council_header(campaign)
    return {"co_quan_chu_quan": issuer_short(campaign), "co_quan": [x.upper() for x in own]}


def council_proposal_context(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> dict[str, Any]:
    """The proposer's Tờ trình: to the chairman who decides, the list, the signer, Như trên."""
    award = setup(campaign)
    own, _ = numbers(meeting, level)
    proposed = selection.proposed()
    collectives = sum(d.nominee.kind is Kind.COLLECTIVE for d in proposed)
    head = proposer_header(campaign)
    attached = "dự thảo quyết định, danh sách" + (
        " và báo cáo thành tích" if "bao-cao" in level.documents else ""
    )
    context: dict[str, Any] = {
        **head,
        "so": number(own.number if own else "", f"TTr-{award.symbol}"),
        "dia_danh_ngay": place_date(
            campaign.issuer.place, own.date if own else None, meeting.date.year
        ),
        "trich_yeu": f"Về việc {proposed_award(campaign, level)}",
        "hinh_thuc": level.award,
        "kinh_gui": [level.decider.rstrip(".") + "."],
        "qua": "",
        "can_cu": listed(
            [f"Căn cứ {b}" for b in (*_bases(campaign), _minutes(campaign, meeting))], dash=False
        ),
        "co_quan_de_nghi": award.proposer,
        "nguoi_quyet_dinh": level.decider,
        "so_luong": kinds_count(collectives, len(proposed) - collectives),
        "chuyen_de": thematic_achievement(campaign),
        "danh_sach": groups(proposed),
        "kem_theo": f"(Có {attached} kèm theo)",
        "ky": _proposer_signer(campaign, meeting, head),
        "noi_nhan": listed(["Như trên", f"Lưu: VT, {award.symbol}"]),
    }
    require_context(PROPOSAL, context, ("danh_sach", "noi_nhan"))
    return as_printed(context)


def decision_context(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> dict[str, Any]:
    """The chairman's Quyết định khen thưởng of the level."""
    award = setup(campaign)
    proposal, own = numbers(meeting, level)
    lines = conferments(campaign, selection, bonus_day(meeting, level))
    collectives = sum(c.recipient.kind is Kind.COLLECTIVE for c in lines)
    form = FORMS[level.form]
    year = meeting.date.year
    cited = number(proposal.number if proposal else "", f"TTr-{award.symbol}")
    when = date_or_blank(proposal.date if proposal else None, year)
    context: dict[str, Any] = {
        **issuer_header(campaign),
        "so": number(own.number if own else "", f"QĐ-{campaign.issuer.symbol}"),
        "dia_danh_ngay": place_date(campaign.issuer.place, own.date if own else None, year),
        "trich_yeu": f"Về việc {lower_first(conferring(level.form))} {form}{thematic_clause(campaign)}",
        "tang": conferring(level.form),
        "tham_quyen_ban_hanh": level.decider.upper(),
        "can_cu": [f"Căn cứ {b.rstrip(' .;')};" for b in (*award.bases, *_bases(campaign))],
        "xet_de_nghi": f"Xét đề nghị của {award.proposer} tại Tờ trình số {cited} {when}.",
        "hinh_thuc": level.award,
        "so_luong": kinds_count(collectives, len(lines) - collectives),
        "thanh_tich": f"đã có thành tích xuất sắc trong {lower_first(campaign.title)}",
        "tien_thuong": _bonus_article(campaign, level, form, lines, award),
        "thi_hanh": _executors(award),
        "ky": _decision_signer(campaign, level),
        "noi_nhan": listed(award.noi_nhan),
    }
    require_context(DECISION, context, ("can_cu", "noi_nhan"))
    return as_printed(context)


def decision_list_context(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> dict[str, Any]:
    """The Danh sách kèm theo Quyết định, with the bonus per line and the total."""
    _, own = numbers(meeting, level)
    lines = conferments(campaign, selection, bonus_day(meeting, level))
    each = {c.recipient.kind: c.bonus for c in lines}
    rows = groups(selection.proposed())
    for group in rows:
        kind = Kind.COLLECTIVE if group["tieu_de"] == "TẬP THỂ" else Kind.INDIVIDUAL
        for row in group["muc"]:
            row["tien"] = money(each[kind])
    total = sum(c.bonus for c in lines)
    collectives = sum(c.recipient.kind is Kind.COLLECTIVE for c in lines)
    context: dict[str, Any] = {
        **issuer_header(campaign),
        "trich_yeu": (
            f"Tập thể, cá nhân được {lower_first(conferring(level.form))} {level.award}"
            f"{thematic_clause(campaign)}"
        ),
        "so_quyet_dinh": number(own.number if own else "", f"QĐ-{campaign.issuer.symbol}"),
        "ngay_quyet_dinh": date_or_blank(own.date if own else None, meeting.date.year),
        "nguoi_ky": level.decider,
        "danh_sach": rows,
        "tong_tien": money(total),
        "bang_chu": in_words(total),
        "nguon": setup(campaign).fund,
        "so_luong": kinds_count(collectives, len(lines) - collectives),
    }
    require_context(LIST, context, ("danh_sach",))
    return as_printed(context)


def _bases(campaign: Campaign) -> list[str]:
    """The plan's căn cứ, and the plan itself when none of them cites it."""
    bases = list(campaign.plan.bases)
    plan = campaign.plan
    if not any(plan.number in base for base in bases):
        bases.append(
            f"Kế hoạch số {plan.number} {date_words(plan.date)} của {campaign.issuer.full_name} "
            f"về {lower_first(plan.title)}"
        )
    return bases


def _minutes(campaign: Campaign, meeting: Meeting) -> str:
    own = meeting.assigned(MINUTES_KEY)
    cited = number(own.number if own else "", f"BB-{campaign.council.symbol}")
    day: dt.date = own.date if own and own.date else meeting.date
    return f"Biên bản số {cited} {date_words(day)} của {campaign.council.name}"


def _proposer_signer(campaign: Campaign, meeting: Meeting, head: dict[str, Any]) -> dict[str, str]:
    """The proposer's signer; without one, the meeting's chair for the council. The proposer
    is not the People's Committee: no "TM. ỦY BAN NHÂN DÂN" line above its signer."""
    key = setup(campaign).signer
    if key:
        signer = campaign.signers[key]
        return block(signer.authority, signer.title, signer.name)
    body = " ".join(head["co_quan"]).strip()
    return block(f"TM. {body}", "CHỦ TỊCH", meeting.chair.name)


def _decision_signer(campaign: Campaign, level: Level) -> dict[str, str]:
    authority, title, name = decision_signer(campaign, level)
    return {"tham_quyen": authority, "chuc_vu": title, "ten": name}


def _bonus_article(
    campaign: Campaign, level: Level, form: str, lines: tuple[Any, ...], award: AwardSetup
) -> str:
    """Điều 2: the bonus per kind under the profile's decree, the total, and its fund."""
    decree = DOCUMENTS[PROFILES[campaign.legal_profile].decree].name
    each = {c.recipient.kind: c.bonus for c in lines}
    parts = [f"mỗi {kind.label} {money(each[kind])} đồng" for kind in Kind if kind in each]
    total = sum(c.bonus for c in lines)
    named = f"danh hiệu {form}" if conferring(level.form) != "Tặng" else form
    return (
        f"Kèm theo {named} là tiền thưởng theo quy định tại {decree}: {', '.join(parts)}; "
        f"tổng số tiền thưởng là {money(total)} đồng ({lower_first(in_words(total))}), "
        f"chi từ {award.fund}."
    )


def _executors(award: AwardSetup) -> str:
    """Điều 3: in force on signing; who carries the decision out."""
    who = list(award.executors)
    named = f"{', '.join(who[:-1])} và {who[-1]}" if len(who) > 1 else "".join(who)
    return (
        "Quyết định này có hiệu lực kể từ ngày ký. "
        f"{named[:1].upper()}{named[1:]} chịu trách nhiệm thi hành Quyết định này./."
    )
