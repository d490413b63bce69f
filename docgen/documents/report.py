"""Context of an achievement report (Báo cáo thành tích), collective or individual.

Every report form reads the nominee's facts at the top level (`ten`, `ho_ten`, `thanh_tich`…);
a form that serves both kinds (the thematic Mẫu 07) reads them under `tap_the` or `ca_nhan`,
exactly one of which is filled, so every context of that form has the same keys. Optional
values left blank are "" (the form then leaves the line out), never "Không" or a sentence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.campaign.model import Campaign, Kind, Level
from docgen.campaign.profiles import PROFILES
from docgen.documents.dates import date_words, place_date
from docgen.documents.heading import unit_header
from docgen.documents.nominees import position_unit
from docgen.documents.phrases import as_printed, item_mark, paragraphs
from docgen.documents.required import require, text
from docgen.documents.signers import confirmer, reporter
from docgen.documents.typography import quoted
from docgen.intake.records import Nominee, PreviousAward
from docgen.intake.schema import AWARD_TYPES, report_keys
from docgen.meeting.model import Decision

DOCUMENT = "Báo cáo thành tích"
LONG_KEYS = {
    Kind.COLLECTIVE: ("dac_diem", "chuc_nang", "thanh_tich", "bien_phap", "chinh_sach", "doan_the"),
    Kind.INDIVIDUAL: ("nhiem_vu", "thanh_tich"),
}
SCALAR_KEYS = {
    Kind.COLLECTIVE: ("ten", "thu_truong", "chuc_vu_thu_truong", "tru_so", "dien_thoai", "so_nguoi"),
    Kind.INDIVIDUAL: (
        "ho_ten", "gioi_tinh", "ngay_sinh", "que_quan", "tru_quan", "chuc_vu", "don_vi",
        "trinh_do", "ly_luan_chinh_tri", "hoc_ham",
    ),
}  # fmt: skip


def report_context(
    campaign: Campaign, subject: Decision | Nominee, level: Level, signed: dt.date | None = None
) -> dict[str, Any]:
    """Everything a report form prints about one nominee; raises on a missing required value."""
    nominee = subject.nominee if isinstance(subject, Decision) else subject
    require(DOCUMENT, nominee, report_keys(campaign, nominee.kind))
    facts = _facts(nominee)
    own = reporter(campaign, nominee, level)
    collective = nominee.kind is Kind.COLLECTIVE
    context: dict[str, Any] = {
        **_header(campaign, nominee, signed),
        "de_nghi_tang": level.award.upper(),
        "hinh_thuc": level.award,
        "phong_trao": campaign.movement.upper(),  # "… THEO CHUYÊN ĐỀ “…”" when thematic
        **facts,
        **_history(nominee.awards),
        "tap_the": facts if collective else {},
        "ca_nhan": {} if collective else facts,
        "ten_bao_cao": nominee.name if collective else _person(nominee),
        "ben_bao_cao": nominee.name if collective else "cá nhân tôi",
        "ky": own,
        "xac_nhan": confirmer(campaign, level, own),
        # the thematic form's section II: "1. " only when a second item (measures) follows
        "dau_ket_qua": item_mark("1", 2 if collective and facts["bien_phap"] else 1),
    }
    return as_printed(context)


def _header(campaign: Campaign, nominee: Nominee, signed: dt.date | None) -> dict[str, Any]:
    unit = nominee.name if nominee.kind is Kind.COLLECTIVE else text(nominee, "don_vi")
    return {
        **unit_header(campaign, unit),
        "dia_danh_ngay": place_date(_place(campaign), signed, campaign.period.year),
    }


def _place(campaign: Campaign) -> str:
    """The date line's place: the province where the profile's forms say so (ND 98, 152)."""
    profile = PROFILES.get(campaign.legal_profile)
    if profile is not None and profile.report_place == "province":
        return campaign.issuer.province
    return campaign.issuer.place


def _facts(nominee: Nominee) -> dict[str, Any]:
    kind = nominee.kind
    facts: dict[str, Any] = {key: text(nominee, key) for key in SCALAR_KEYS[kind]}
    for key in LONG_KEYS[kind]:
        facts[key] = paragraphs(text(nominee, key))
    facts["sang_kien"] = _initiative(nominee) if kind is Kind.INDIVIDUAL else ""
    return facts


def _person(nominee: Nominee) -> str:
    """`Nguyễn Văn An, Phó Chủ tịch UBND phường, Ủy ban nhân dân phường Tiến Thành`."""
    where = position_unit(nominee)
    return f"{nominee.name}, {where}" if where else nominee.name


def _initiative(nominee: Nominee) -> str:
    """One sentence on the recognised initiative, or "" when there is none."""
    name = text(nominee, "sang_kien_ten")
    if not name:
        return ""
    sentence = f"Sáng kiến, giải pháp {quoted(name)}"
    if body := text(nominee, "sang_kien_cap"):
        sentence += f" được {body} công nhận"
    if number := text(nominee, "sang_kien_so_qd"):
        sentence += f" tại Quyết định số {number}"
    day = nominee.values.get("sang_kien_ngay_qd")
    if isinstance(day, dt.date):
        sentence += f" {date_words(day)}"
    return sentence + "."


def _history(awards: list[PreviousAward]) -> dict[str, list[dict[str, str]]]:
    """The two award-history tables, oldest first (empty lists print "(Chưa có)")."""
    titles, commendations = AWARD_TYPES
    ordered = sorted(awards, key=lambda a: (a.year, a.decision_date))
    return {
        "danh_hieu": [_award_row(a) for a in ordered if a.type == titles],
        "khen_thuong": [_award_row(a) for a in ordered if a.type == commendations],
    }


def _award_row(award: PreviousAward) -> dict[str, str]:
    decision = f"Quyết định số {award.decision_number} {date_words(award.decision_date)}"
    return {
        "nam": str(award.year),
        "ten": award.title,
        "quyet_dinh": f"{decision} của {award.issuer}" if award.issuer else decision,
    }
