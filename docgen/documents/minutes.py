"""Context of the review meeting's minutes (Biên bản họp xét), one per award level."""

from __future__ import annotations

from typing import Any

from docgen.campaign.model import Campaign, Kind, Level
from docgen.documents.dates import clock, number, short_date
from docgen.documents.heading import council_header
from docgen.documents.nominees import described, ordered, position_unit
from docgen.documents.phrases import count, kinds_count, listed, lower_first, nfc, percent, votes
from docgen.documents.required import require_context
from docgen.meeting.model import Decision, Meeting, Selection

DOCUMENT = "Biên bản họp xét"
REQUIRED = ("dia_diem", "hinh_thuc_bieu_quyet", "chu_toa", "thu_ky")


def minutes_context(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> dict[str, Any]:
    """Everything the Biên bản prints: attendance, criteria, the results table, the conclusion."""
    context: dict[str, Any] = {
        **council_header(campaign),
        "so": number(meeting.number, f"BB-{campaign.council.symbol}"),
        "trich_yeu": f"Họp xét đề nghị khen thưởng {lower_first(campaign.title)} "
        f"({lower_first(level.label)})",
        **_attendance(campaign, meeting),
        "ke_hoach": _plan(campaign),
        "tieu_chi": _criteria(campaign, level),
        "so_ho_so": _counted(selection.decisions),
        "hinh_thuc": level.award,
        "hinh_thuc_bieu_quyet": meeting.voting_form,
        "ket_qua": [_result(i, d) for i, d in enumerate(ordered(selection.decisions), 1)],
        **_conclusion(campaign, level, selection),
        "ket_thuc": clock(meeting.end, meeting.date),
        "noi_nhan": listed([r for r in level.noi_nhan if r.casefold() != "như trên"]),
    }
    require_context(DOCUMENT, context, REQUIRED)
    return nfc(context)


def _attendance(campaign: Campaign, meeting: Meeting) -> dict[str, Any]:
    return {
        "bat_dau": clock(meeting.start, meeting.date),
        "dia_diem": meeting.place,
        "hoi_dong": campaign.council.name,
        "so_thanh_vien": count(meeting.members),
        "so_co_mat": count(meeting.present),
        "so_vang": count(meeting.members - meeting.present),
        "vang_mat": [{"ten": a.name, "ly_do": a.reason or "không rõ"} for a in meeting.absent],
        "chu_toa": {"ten": meeting.chair.name, "chuc_vu": meeting.chair.title},
        "thu_ky": {"ten": meeting.secretary.name, "chuc_vu": meeting.secretary.title},
    }


def _plan(campaign: Campaign) -> str:
    plan = campaign.plan
    return (
        f"Kế hoạch số {plan.number} ngày {short_date(plan.date)} của "
        f"{campaign.issuer.full_name} về {lower_first(plan.title)}"
    )


def _criteria(campaign: Campaign, level: Level) -> list[dict[str, Any]]:
    """The criteria of each subject kind eligible at `level`, in the plan's wording."""
    kinds = {campaign.subject(s).kind for s in level.subjects}
    return [
        {"doi_tuong": kind.label, "muc": [c.text for c in campaign.criteria_for(kind)]}
        for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL)
        if kind in kinds and campaign.criteria_for(kind)
    ]


def _counted(decisions: list[Decision]) -> str:
    collectives = sum(d.nominee.kind is Kind.COLLECTIVE for d in decisions)
    return kinds_count(collectives, len(decisions) - collectives)


def _result(index: int, decision: Decision) -> dict[str, str]:
    return {
        "stt": str(index),
        "ten": decision.nominee.name,
        "chuc_vu_don_vi": position_unit(decision.nominee),
        "hinh_thuc": short_award(decision.level.award),
        "so_phieu": votes(decision.votes, decision.base),
        "ty_le": percent(decision.share),
    }


def _conclusion(campaign: Campaign, level: Level, selection: Selection) -> dict[str, Any]:
    proposed = selection.proposed()
    collectives = sum(d.nominee.kind is Kind.COLLECTIVE for d in proposed)
    return {
        "nguyen_tac": _rule(campaign, level),
        "nguoi_quyet_dinh": level.decider,
        "so_luong": kinds_count(collectives, len(proposed) - collectives),
        "de_nghi": listed([_voted(d) for d in proposed], dash=False),
        "khong_de_nghi": listed(
            [f"{described(d.nominee)}: {d.reason}" for d in ordered(selection.not_proposed())],
            dash=False,
        ),
    }


def _voted(decision: Decision) -> str:
    share = percent(decision.share)
    return (
        f"{described(decision.nominee)} ({votes(decision.votes, decision.base)} phiếu, đạt {share})"
    )


def _rule(campaign: Campaign, level: Level) -> str:
    """The vote rule in words, with the denominator and the level's quota."""
    vote = campaign.vote
    above = "từ" if vote.inclusive else "trên"
    base = (
        "tổng số thành viên Hội đồng" if vote.denominator == "members" else "số thành viên có mặt"
    )
    quota = kinds_count(level.quota.get(Kind.COLLECTIVE, 0), level.quota.get(Kind.INDIVIDUAL, 0))
    threshold = percent(vote.threshold_percent)
    return (
        f"số phiếu đồng ý phải đạt {above} {threshold} {base}, xét theo thứ tự số phiếu "
        f"từ cao xuống thấp và không vượt quá {quota}"
    )


def short_award(award: str) -> str:
    """`Giấy khen` for `Giấy khen của Chủ tịch …`: the table column repeats it on every row."""
    return award.split(" của ", 1)[0]
