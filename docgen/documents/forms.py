"""Which Word template each document uses: the legal profile's report forms, in one place."""

from __future__ import annotations

from docgen.campaign.model import Campaign, Kind
from docgen.campaign.profiles import PROFILES
from docgen.errors import TemplateError

# (legal profile, subject kind) → achievement-report form, from the profiles' data.
REPORT_FORMS: dict[tuple[str, Kind], str] = {
    (p.id, kind): form
    for p in PROFILES.values()
    for kind, form in ((Kind.COLLECTIVE, p.forms.collective), (Kind.INDIVIDUAL, p.forms.individual))
}
# Thematic campaigns (theo chuyên đề) use one form for both kinds.
THEMATIC_FORMS: dict[str, str] = {
    p.id: p.forms.thematic for p in PROFILES.values() if p.forms.thematic
}

DOCUMENT_TEMPLATES: dict[str, str] = {
    "bien-ban": "bien-ban.docx",
    "to-trinh": "to-trinh.docx",
    "danh-sach": "danh-sach.docx",
    "to-trinh-khen-thuong": "to-trinh-khen-thuong.docx",
    "quyet-dinh": "quyet-dinh-khen-thuong.docx",
    "danh-sach-khen-thuong": "danh-sach-khen-thuong.docx",
}
"""Document kind (other than `bao-cao`) → template file. The last three are the ward's own
award at a level it decides itself (docgen/award/documents.py)."""


def report_template(campaign: Campaign, kind: Kind) -> str:
    """The report form for a nominee of `kind` under the campaign's legal profile."""
    profile = campaign.legal_profile
    if campaign.thematic:
        if profile in THEMATIC_FORMS:
            return THEMATIC_FORMS[profile]
        raise TemplateError(
            f"Bộ biểu mẫu “{profile}” chưa có mẫu báo cáo thành tích theo chuyên đề; "
            "đặt thematic = false trong tệp chiến dịch."
        )
    try:
        return REPORT_FORMS[(profile, kind)]
    except KeyError:
        raise TemplateError(
            f"Chưa có mẫu báo cáo thành tích cho bộ biểu mẫu “{profile}” ({kind.label})."
        ) from None


def form_kinds() -> dict[str, tuple[Kind, ...]]:
    """Each report form → the subject kinds it serves (a thematic form serves both)."""
    kinds: dict[str, tuple[Kind, ...]] = {}
    for (_, kind), form in REPORT_FORMS.items():
        kinds[form] = tuple(dict.fromkeys((*kinds.get(form, ()), kind)))
    for form in THEMATIC_FORMS.values():
        kinds[form] = (Kind.COLLECTIVE, Kind.INDIVIDUAL)
    return kinds
