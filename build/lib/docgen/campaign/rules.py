"""Campaign-file rules that come from the legal profile: thematic form, province, tiers."""

from __future__ import annotations

from typing import Any

from docgen.campaign.model import Campaign
from docgen.campaign.profiles import PROFILES, TIERS
from docgen.campaign.reader import TomlReader


def profile_needs(r: TomlReader, c: Campaign) -> None:
    """What the chosen profile requires: a thematic form, the province for the reports."""
    profile = PROFILES.get(c.legal_profile)
    if profile is None:
        return
    if c.thematic and profile.forms.thematic is None:
        others = ", ".join(p.id for p in PROFILES.values() if p.forms.thematic)
        r.fail(
            "campaign.thematic",
            f"bộ biểu mẫu “{profile.id}” chưa có mẫu báo cáo thành tích theo chuyên đề "
            f"(chưa tìm được văn bản gốc); đặt thematic = false hoặc dùng bộ {others}.",
        )
    if profile.report_place == "province" and not c.issuer.province:
        r.fail(
            "issuer.province",
            f"bộ biểu mẫu “{profile.id}” ghi tên tỉnh ở dòng địa danh của báo cáo thành tích: "
            'thêm vào mục [issuer] dòng province = "…" (tên tỉnh, ví dụ "Đồng Nai").',
        )


def level_tier(r: TomlReader, t: dict[str, Any], path: str) -> str:
    """The optional `tier` of a level, one of TIERS."""
    tier = r.text(t, "tier", path, allow_empty=True)
    if tier and tier not in TIERS:
        names = ", ".join(f"“{k}” ({v})" for k, v in TIERS.items())
        r.fail(f"{path}.tier", f"phải là một trong {names}.")
    return tier
