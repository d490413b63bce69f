"""What the campaign check says (`kiem-tra-chien-dich`, the page's Tổng quan): the campaign,
its levels (one line per level the ward decides: who proposes, which numbers, the bonus on a
day) and the issues on its law. Light: the check must start fast (no workbook or Word library)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docgen.award.words import money
from docgen.campaign.award import FORMS
from docgen.campaign.model import Campaign, Kind, Level
from docgen.legal import bonus

if TYPE_CHECKING:
    from docgen.legal.check import CampaignReview

BLOCKED = "Chưa lập được hồ sơ (docgen ho-so) cho đến khi sửa các lỗi trên."


def review_lines(review: CampaignReview) -> list[str]:
    """The check's lines: valid or not, each level, then the errors and warnings with fixes."""
    from docgen.issues.codes import CODES

    campaign = review.campaign
    state = "có lỗi về căn cứ pháp lý" if review.errors else "hợp lệ"
    lines = [f"Tệp chiến dịch {state}: {campaign.title} (Kế hoạch số {campaign.plan.number})."]
    for level in campaign.levels:
        quota = ", ".join(f"{n:02d} {kind.label}" for kind, n in level.quota.items())
        lines.append(
            f"  - {level.label}: {level.award}; tối đa {quota}; văn bản: {', '.join(level.documents)}"
        )
        if level.decides:
            lines.append(f"    {describe(campaign, level, campaign.period.deadline)}")
    for heading, issues in (("Lỗi", review.errors), ("Cảnh báo", review.warnings)):
        if issues:
            lines.append(f"{heading} về căn cứ pháp lý ({len(issues)}):")
        for issue in issues:
            lines.append(
                f"  - {CODES[issue.code].title} [{issue.code}] — {issue.place.label()}: "
                f"{issue.message}"
            )
            lines.append(f"    Cách sửa: {issue.hint}")
    return lines + ([BLOCKED] if review.errors else [])


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
