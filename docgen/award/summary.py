"""One line per level the ward decides, for the campaign check: who proposes, which numbers,
the bonus on a day. Light: the campaign check must start fast (no workbook or Word library)."""

from __future__ import annotations

import datetime as dt

from docgen.award.words import money
from docgen.campaign.award import FORMS
from docgen.campaign.model import Campaign, Kind, Level
from docgen.legal import bonus


def describe(campaign: Campaign, level: Level, day: dt.date) -> str:
    """One line for the campaign check: who proposes, the numbers, the bonus on `day`."""
    award = campaign.award
    proposer = award.proposer if award else f"Thường trực {campaign.council.name}"
    symbol = award.symbol if award else campaign.council.symbol
    amounts = []
    unverified = False
    for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL):
        found = bonus.rate(level.form, kind, campaign.legal_profile, level.tier)
        if found is None:
            continue
        unverified |= not found.verified
        amounts.append(f"{kind.label} {money(bonus.amount(found, day))} đồng")
    each = "; ".join(amounts) or "chưa có mức tiền thưởng"
    salary = bonus.base_salary(day)
    note = f" — {bonus.UNVERIFIED_NOTE}" if unverified else ""
    return (
        f"tự quyết định khen thưởng: tờ trình của {proposer} (TTr-{symbol}), quyết định "
        f"(QĐ-{campaign.issuer.symbol}) và danh sách kèm theo; tiền thưởng "
        f"{FORMS.get(level.form, level.form)} ngày {day:%d/%m/%Y}: {each} "
        f"(mức lương cơ sở {money(salary.amount)} đồng){note}"
    )
