"""Which Word template each document uses: the legal profile's report forms, in one place."""

from __future__ import annotations

from docgen.campaign.model import Campaign, Kind
from docgen.errors import TemplateError

# (legal profile, subject kind) → achievement-report form.
REPORT_FORMS: dict[tuple[str, Kind], str] = {
    ("nd91_2017", Kind.COLLECTIVE): "bao-cao-nd91-mau01.docx",
    ("nd91_2017", Kind.INDIVIDUAL): "bao-cao-nd91-mau02.docx",
    ("nd98_2023", Kind.COLLECTIVE): "bao-cao-nd98-mau02.docx",
    ("nd98_2023", Kind.INDIVIDUAL): "bao-cao-nd98-mau03.docx",
}
# Thematic campaigns (theo đợt, chuyên đề) use one form for both kinds.
THEMATIC_FORMS: dict[str, str] = {"nd91_2017": "bao-cao-nd91-mau07.docx"}

DOCUMENT_TEMPLATES: dict[str, str] = {
    "bien-ban": "bien-ban.docx",
    "to-trinh": "to-trinh.docx",
    "danh-sach": "danh-sach.docx",
}
"""Campaign document kind (other than `bao-cao`) → template file."""


def report_template(campaign: Campaign, kind: Kind) -> str:
    """The report form for a nominee of `kind` under the campaign's legal profile."""
    profile = campaign.legal_profile
    if campaign.thematic and profile in THEMATIC_FORMS:
        return THEMATIC_FORMS[profile]
    try:
        return REPORT_FORMS[(profile, kind)]
    except KeyError:
        raise TemplateError(
            f"Chưa có mẫu báo cáo thành tích cho bộ biểu mẫu “{profile}” ({kind.label})."
        ) from None


def is_thematic(template: str) -> bool:
    """True for the thematic form, whose context carries the `tap_the` flag."""
    return template in THEMATIC_FORMS.values()
