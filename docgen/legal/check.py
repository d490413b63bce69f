"""Does the campaign's law fit its date? Profile, cited documents, period, tiers and forms.

The dossier is made at the end of the campaign's period, so the law in force on the period's
last day decides the profile, and every document the plan's bases cite (the Tờ trình prints
them as its căn cứ) must be in force on that day.

Policy: a dossier rests on one regime. A profile not in force on the dossier day, or a căn cứ
(the plan's, or the decision's own) citing a law, decree or circular outside the profile, is an
error: the Tờ trình and the Quyết định would cite one regime and pay the bonus, print the forms
of another. `ho-so` stops on it (:class:`LawError`, exit 2). A campaign that must keep an old
profile (a dossier under a transitional rule) says why in `keep_legal_profile`; its profile is
then a warning, and the căn cứ must cite that same profile's documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from docgen.campaign import Campaign, load_campaign
from docgen.campaign.model import Period
from docgen.campaign.profiles import (
    DOCUMENTS,
    PROFILES,
    TIERS,
    LegalProfile,
    cited_document,
    competence_basis,
    profile_for,
)
from docgen.campaign.reader import TomlReader
from docgen.errors import CampaignError, TemplateError
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import BySeverity, Place, ValidationIssue
from docgen.legal.sources import FormSource, load_sources
from docgen.text import format_date_short


class LawError(CampaignError):
    """The campaign's documents would cite two regimes: no dossier is made from it."""

    CODE = "CAMPAIGN_LAW"


@dataclass(frozen=True)
class CampaignReview(BySeverity):
    """A valid campaign and the issues on its law (empty when all fits)."""

    campaign: Campaign
    issues: list[ValidationIssue]


def review_campaign(path: Path, templates: Path) -> CampaignReview:
    """Load the campaign at `path` (raises on errors) and check its law against its dates."""
    campaign = load_campaign(path)
    reader = TomlReader(path.read_text(encoding="utf-8"))
    return CampaignReview(campaign, legal_issues(campaign, reader, load_sources(templates)))


def campaign_law_warnings(campaign: Campaign, templates: Path) -> list[ValidationIssue]:
    """The warnings for a build, or :class:`LawError` listing the errors (a build never makes
    a dossier on two regimes). A missing or broken source table counts every form as not in
    the table (unverified) instead of stopping the build."""
    text = Path(campaign.source).read_text(encoding="utf-8") if campaign.source else ""
    try:
        sources = load_sources(templates)
    except TemplateError:
        sources = {}
    review = CampaignReview(campaign, legal_issues(campaign, TomlReader(text), sources))
    if review.errors:
        raise law_error(campaign, review.errors)
    return review.warnings


def law_error(campaign: Campaign, errors: list[ValidationIssue]) -> LawError:
    """The abort for `errors`: each with its place, what is wrong and the way out."""
    name = Path(campaign.source).name if campaign.source else "tệp chiến dịch"
    return LawError(
        f"Chưa lập hồ sơ: căn cứ pháp lý trong {name} không đúng ngày lập hồ sơ — tờ trình, "
        "quyết định không được viện dẫn văn bản hết hiệu lực hay hai chế độ pháp lý khác nhau:",
        [f"{i.place.label()}: {i.message} Cách sửa: {i.hint}" for i in errors],
    )


def dossier_day(period: Campaign | Period) -> date:
    """The day the dossier is made: the last day of the period (the deadline is excluded)."""
    span = period.period if isinstance(period, Campaign) else period
    return span.deadline - timedelta(days=1)


def basis_problem(text: str, profile: LegalProfile, day: date) -> str:
    """Why a căn cứ may not be printed in a dossier of `profile` made on `day` ("" when it may):
    the document it cites is not in force, or belongs to another regime (a law on local
    government, the chairman's competence, belongs to none)."""
    doc = cited_document(text)
    if doc is None:
        return ""
    if not doc.in_force(day):
        return (
            f"{doc.name} không có hiệu lực ngày lập hồ sơ {format_date_short(day)}; hãy gõ văn "
            "bản đang có hiệu lực."
        )
    if doc.key not in profile.documents and not doc.competence:
        return (
            f"{doc.name} không thuộc bộ {profile.id}: tờ trình, quyết định sẽ viện dẫn hai chế "
            "độ pháp lý. Hãy gõ văn bản của bộ này, hoặc chọn lại bộ biểu mẫu."
        )
    return ""


def legal_issues(
    campaign: Campaign, reader: TomlReader, sources: dict[str, FormSource]
) -> list[ValidationIssue]:
    """Every disagreement between the profile, the cited documents and the campaign's dates."""
    profile = PROFILES[campaign.legal_profile]
    here = _Where(Path(campaign.source).name, reader)
    return [
        *_period(campaign, profile, here),
        *_citations(campaign, profile, here),
        *_competence(campaign, here),
        *_tiers(campaign, profile, here),
        *_unverified(campaign, profile, sources, here),
    ]


@dataclass(frozen=True)
class _Where:
    file: str
    reader: TomlReader

    def key(self, key: str, line: int | None = None) -> Place:
        """The place of `key`: its line in the campaign file."""
        return Place(self.file, f"khóa {key}", line if line else self.reader.line(key))

    def text(self, key: str, text: str) -> Place:
        """The place of one list element, found by its text (falls back to the key's line)."""
        probe = text[:40]
        line = next((n for n, t in enumerate(self.reader.lines, 1) if probe in t), None)
        return self.key(key, line)


def _period(campaign: Campaign, profile: LegalProfile, here: _Where) -> list[ValidationIssue]:
    day = dossier_day(campaign)
    if profile.applies(day):
        return []
    right = profile_for(day)
    details = {
        "span": profile.span(),
        "day": format_date_short(day),
        "right": f"“{right.id}” ({right.span()})" if right else "không bộ nào",
    }
    if campaign.keep_profile:
        place = here.key("campaign.keep_legal_profile")
        reason = campaign.keep_profile.rstrip(" .")
        return [make_issue(Code.LAW_PROFILE_KEPT, place, profile.id, reason=reason, **details)]
    place = here.key("campaign.legal_profile")
    return [make_issue(Code.LAW_PROFILE_PERIOD, place, profile.id, **details)]


def _bases(campaign: Campaign) -> list[tuple[str, str]]:
    """Every căn cứ a document prints, with its key: the plan's, then the decision's own."""
    own = [(f"plan.bases[{i}]", b) for i, b in enumerate(campaign.plan.bases)]
    if campaign.award and any(level.decides for level in campaign.levels):
        own += [(f"award.decision_bases[{i}]", b) for i, b in enumerate(campaign.award.bases)]
    return own


def _citations(campaign: Campaign, profile: LegalProfile, here: _Where) -> list[ValidationIssue]:
    day = dossier_day(campaign)
    kept = bool(campaign.keep_profile) and not profile.applies(day)
    issues, cited = [], set()
    for key, basis in _bases(campaign):
        place = here.text(key, basis)
        doc = cited_document(basis)
        if doc is None:
            continue
        cited.add(doc.key)
        if doc.key in profile.documents and kept:
            continue  # the kept profile's own law: said once, by LAW_PROFILE_KEPT
        who = "Kế hoạch" if key.startswith("plan.") else "Căn cứ riêng của quyết định"
        if not doc.in_force(day):
            issues.append(_out_of_force(doc.key, day, place, who))
        elif doc.key not in profile.documents and not doc.competence:
            issues.append(
                make_issue(
                    Code.LAW_CITES_OTHER_PROFILE, place, doc.name, profile=profile.id, who=who
                )
            )
    for key in profile.documents:
        if key not in cited and key != profile.circular:
            issues.append(
                make_issue(
                    Code.LAW_MISSING_CITATION,
                    here.key("plan.bases"),
                    DOCUMENTS[key].name,
                    profile=profile.id,
                )
            )
    return issues


def _out_of_force(key: str, day: date, place: Place, who: str) -> ValidationIssue:
    doc = DOCUMENTS[key]
    if day < doc.start:
        state = f"chỉ có hiệu lực từ {format_date_short(doc.start)}"
    else:
        assert doc.end is not None
        state = f"đã hết hiệu lực từ {format_date_short(doc.end + timedelta(days=1))}"
        if doc.replaced_by:
            state += f", thay bằng {DOCUMENTS[doc.replaced_by].name}"
    printed = "tờ trình" if who == "Kế hoạch" else "quyết định"
    return make_issue(
        Code.LAW_CITES_REPEALED,
        place,
        doc.name,
        state=state,
        day=format_date_short(day),
        who=who,
        printed=printed,
    )


def _competence(campaign: Campaign, here: _Where) -> list[ValidationIssue]:
    """A decision of the ward's chairman without its competence basis (decision_bases)."""
    deciding = [i for i, level in enumerate(campaign.levels) if level.decides]
    if not deciding or (campaign.award and campaign.award.bases):
        return []
    place = here.key("award.decision_bases")
    if place.row is None:  # no [award] section: the first level the ward decides
        place = here.key(f"levels[{deciding[0]}].decides")
    suggested = competence_basis(dossier_day(campaign)) or "…"
    levels = ", ".join(campaign.levels[i].label for i in deciding)
    return [make_issue(Code.LAW_DECISION_NO_COMPETENCE, place, suggested, levels=levels)]


def _tiers(campaign: Campaign, profile: LegalProfile, here: _Where) -> list[ValidationIssue]:
    allowed = ", ".join(TIERS[t] for t in profile.tiers)
    return [
        make_issue(
            Code.LAW_LEVEL_TIER,
            here.key(f"levels[{index}].tier"),
            TIERS[level.tier],
            level=level.label,
            profile=profile.id,
            allowed=allowed,
        )
        for index, level in enumerate(campaign.levels)
        if level.tier and level.tier not in profile.tiers
    ]


def _unverified(
    campaign: Campaign, profile: LegalProfile, sources: dict[str, FormSource], here: _Where
) -> list[ValidationIssue]:
    forms = (
        [profile.forms.thematic]
        if campaign.thematic
        else [
            profile.forms.collective,
            profile.forms.individual,
        ]
    )
    shown = [
        f"{f} ({sources[f].citation()})" if f in sources else f"{f} (không có trong bảng nguồn)"
        for f in forms
        if f and (f not in sources or not sources[f].verified)
    ]
    if not shown:
        return []
    return [
        make_issue(
            Code.LAW_FORMS_UNVERIFIED,
            here.key("campaign.legal_profile"),
            profile.id,
            forms="; ".join(shown),
        )
    ]
