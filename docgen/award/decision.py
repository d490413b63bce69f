"""The ward's own decision at a level: who is awarded, with which bonus, by which number.

Policy:
- Only a level the ward decides itself (`Level.decides`) has a decision of the ward.
- A decision is made only from a final result: a level with a tie at the last seat and no
  run-off recorded is not final, and nothing is decided (:class:`NotFinalError`).
- The conferments are the proposed nominations in the Danh sách's order (collectives, then
  individuals, each by rank); each carries the bonus of the level's award form for its kind,
  at the base salary in force on the decision's date (before the văn thư dates it: the
  proposer's Tờ trình date, else the meeting day), rounded up as the decree says.
- The decision record (:class:`AwardDecision`) exists once the văn thư has entered its number
  and date in the meeting workbook; before that the documents print blanks, and
  :func:`ward_decision` returns None: the history stores issued decisions only.
"""

from __future__ import annotations

import datetime as dt

from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.award.words import money
from docgen.campaign.award import FORMS
from docgen.campaign.model import Campaign, Kind, Level
from docgen.documents.nominees import ordered, position_unit
from docgen.documents.required import text
from docgen.errors import DocgenError
from docgen.legal import bonus
from docgen.meeting.model import Assigned, Decision, Meeting, Selection
from docgen.meeting.numbers import council_proposal_key, decision_key


class NotFinalError(DocgenError):
    """The meeting's result at a level is not final: no decision can be made from it."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__("DECISION_NOT_FINAL", message)


class NoRateError(DocgenError):
    """No bonus rate (or base salary) is recorded for a level's form, kind and date."""

    def __init__(self, message: str) -> None:
        super().__init__("BONUS_UNKNOWN", message)


def require_final(selection: Selection) -> None:
    """Raise :class:`NotFinalError` unless every tie at the level's last seat was settled."""
    if not selection.ties:
        return
    names = ", ".join(d.nominee.name for tie in selection.ties for d in tie)
    raise NotFinalError(
        f"{selection.level.label}: chưa thể lập quyết định khen thưởng vì kết quả họp xét chưa "
        f"cuối cùng — còn bằng phiếu ở vị trí cuối chỉ tiêu ({names}). Hội đồng biểu quyết "
        "lại; thư ký ghi số phiếu biểu quyết lại vào tệp họp xét rồi chạy lại."
    )


def numbers(meeting: Meeting, level: Level) -> tuple[Assigned | None, Assigned | None]:
    """The văn thư's number and date of the proposer's Tờ trình and of the decision."""
    return meeting.assigned(council_proposal_key(level.id)), meeting.assigned(
        decision_key(level.id)
    )


def bonus_day(meeting: Meeting, level: Level) -> dt.date:
    """The day whose base salary counts: the decision's date, the Tờ trình's, or the meeting's."""
    proposal, decision = numbers(meeting, level)
    for assigned in (decision, proposal):
        if assigned and assigned.date:
            return assigned.date
    return meeting.date


def bonus_of(campaign: Campaign, level: Level, kind: Kind, day: dt.date) -> int:
    """The bonus in đồng one recipient of `kind` receives at `level` on `day`."""
    found = bonus.rate(level.form, kind, campaign.legal_profile, level.tier)
    form = FORMS.get(level.form, level.form)
    if found is None:
        raise NoRateError(
            f"{level.label}: chưa có mức tiền thưởng “{form}” cho {kind.label} theo bộ biểu mẫu "
            f"“{campaign.legal_profile}”; kiểm tra khóa form của cấp này trong tệp chiến dịch."
        )
    try:
        return bonus.amount(found, day)
    except LookupError:
        raise NoRateError(
            f"Chưa có mức lương cơ sở áp dụng ngày {day:%d/%m/%Y} để tính tiền thưởng."
        ) from None


def conferments(campaign: Campaign, selection: Selection, day: dt.date) -> tuple[Conferment, ...]:
    """The decision's list: one line per proposed nomination, in the Danh sách's order."""
    require_final(selection)
    level = selection.level
    form = FORMS.get(level.form, level.form)
    return tuple(
        Conferment(
            recipient=recipient(d),
            form=form,
            achievement=achievement(campaign),
            bonus=bonus_of(campaign, level, d.nominee.kind, day),
        )
        for d in ordered(selection.proposed())
    )


def decision_signer(campaign: Campaign, level: Level) -> tuple[str, str, str]:
    """(authority, title, name): the chairman signs in his own name ("CHỦ TỊCH"), a
    vice-chairman for him ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH")."""
    signer = campaign.signers[level.decision_signer or level.signer]
    title = signer.title.upper()
    if title == "CHỦ TỊCH":
        authority = ""
    elif signer.authority.upper().startswith("KT."):
        authority = signer.authority
    else:
        authority = "KT. CHỦ TỊCH"
    return authority, title, signer.name


def recipient(decision: Decision) -> Recipient:
    """Who a proposed nomination names, as the decision lists them."""
    nominee = decision.nominee
    if nominee.kind is Kind.COLLECTIVE:
        return Recipient(kind=nominee.kind, name=nominee.name, unit=nominee.department)
    return Recipient(
        kind=nominee.kind,
        name=nominee.name,
        unit=text(nominee, "don_vi") or nominee.department,
        position=position_unit(nominee),
        birth=nominee.birth,
    )


def achievement(campaign: Campaign) -> str:
    """The line a certificate and the decision print: the campaign's own achievement."""
    return f"Đã có thành tích xuất sắc trong {campaign.title[:1].lower()}{campaign.title[1:]}"


def ward_decision(
    campaign: Campaign, selection: Selection, assigned: Assigned | None, meeting_day: dt.date
) -> AwardDecision | None:
    """The ward's issued decision at the selection's level, or None until the văn thư has
    entered its number and date (`assigned`, from :func:`numbers`).

    Raises :class:`NotFinalError` when the result is not final, and :class:`NoRateError`
    when the bonus is unknown. The history engineer's entry point.
    """
    level = selection.level
    if not level.decides:
        return None
    require_final(selection)
    if assigned is None or not assigned.number or assigned.date is None:
        return None
    return AwardDecision(
        number=assigned.number,
        symbol=assigned.symbol,
        date=assigned.date,
        authority=level.decider,
        level=level.id,
        campaign=campaign.id,
        year=campaign.period.year,
        origin=Origin.CAMPAIGN,
        conferments=conferments(campaign, selection, assigned.date or meeting_day),
    )


def ward_decisions(
    campaign: Campaign, meeting: Meeting, selections: list[Selection]
) -> list[AwardDecision]:
    """Every issued decision of the ward in this campaign: one per level it decides whose
    decision the văn thư has numbered and dated (the others are not issued yet)."""
    found = []
    for selection in selections:
        if not selection.level.decides or not selection.proposed():
            continue
        _, own = numbers(meeting, selection.level)
        issued = ward_decision(campaign, selection, own, meeting.date)
        if issued is not None:
            found.append(issued)
    return found


def decision_line(campaign: Campaign, meeting: Meeting, selection: Selection) -> str:
    """The summary's line on the level's own decision: who proposes, the bonus and its total;
    "" for a level the ward does not decide (or with nobody proposed)."""
    level = selection.level
    if not level.decides or not selection.proposed():
        return ""
    lines = conferments(campaign, selection, bonus_day(meeting, level))
    each = {c.recipient.kind: c.bonus for c in lines}
    parts = ", ".join(f"mỗi {kind.label} {money(each[kind])} đồng" for kind in Kind if kind in each)
    proposer = campaign.award.proposer if campaign.award else f"Thường trực {campaign.council.name}"
    unchecked = bonus.unverified(level.form, campaign.legal_profile, level.tier)
    note = f" ({bonus.UNVERIFIED_NOTE})" if unchecked else ""
    return (
        f"  Phường tự quyết định: tờ trình của {proposer}, quyết định của {level.decider}; "
        f"tiền thưởng {parts}, tổng {money(sum(c.bonus for c in lines))} đồng{note}."
    )
