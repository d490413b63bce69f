"""The campaign file's keys for the ward's own award: `[award]` and a level's decision keys.

Every key has the default a ward would use, so a campaign file without them still gets the
council's Tờ trình, the chairman's Quyết định and its Danh sách at the levels it decides:

- its award form (`form`) is read from the award's name ("Giấy khen của Chủ tịch …");
- a level decides itself (`decides`) when its decider sits in the issuer's own tier ("xa") and
  its form is known (a form docgen has no bonus for is named with `form`, or `decides = false`);
- the proposer is the council's standing members (Thường trực Hội đồng), with the council's
  ký hiệu; the bonus is paid from the issuer's emulation fund.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docgen.campaign.defaults import unit
from docgen.campaign.model import AwardSetup, Campaign, Council, Issuer, Level
from docgen.campaign.reader import TomlReader
from docgen.text import fold

FORMS = {
    "giay-khen": "Giấy khen",
    "chien-si-thi-dua-co-so": "Chiến sĩ thi đua cơ sở",
    "lao-dong-tien-tien": "Lao động tiên tiến",
}
"""Award forms a level may confer (its `form` key) → how documents name them."""

TITLES = frozenset({"chien-si-thi-dua-co-so", "lao-dong-tien-tien"})
"""Forms that are emulation titles (danh hiệu thi đua): recognised (công nhận), not given."""


def conferring(form: str) -> str:
    """How a decision confers `form`: "Tặng" a Giấy khen, "Công nhận danh hiệu" a title."""
    return "Công nhận danh hiệu" if form in TITLES else "Tặng"


FORM_WORDS = (
    ("giay khen", "giay-khen"),
    ("chien si thi dua co so", "chien-si-thi-dua-co-so"),
    ("lao dong tien tien", "lao-dong-tien-tien"),
)
"""Folded words of an award's name → the form it confers (first match wins)."""

OWN_TIER = "xa"


def default_award(issuer: Issuer, council: Council) -> AwardSetup:
    """What a ward uses when the campaign file has no `[award]` (and what the wizard offers)."""
    kind = unit(issuer.full_name)  # "phường"
    own = f"{kind} {issuer.place}" if kind else issuer.full_name
    return AwardSetup(
        proposer=f"Thường trực {council.name}",
        header=(),
        symbol=council.symbol,
        signer="",
        fund=f"Quỹ Thi đua, khen thưởng của {own}",
        executors=(
            f"Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {kind or own}",
            f"Thường trực Hội đồng Thi đua - Khen thưởng {kind or own}",
            "Thủ trưởng các cơ quan, đơn vị có liên quan",
            "các tập thể, cá nhân có tên tại Điều 1",
        ),
        noi_nhan=("Như Điều 3", f"Thường trực Đảng ủy {kind or own}", f"Lưu: VT, {council.symbol}"),
    )


def with_decision(level: Level) -> Level:
    """`level` with the decision keys a campaign file without them would get."""
    form = level.form or form_of(level.award)
    return replace(level, decides=level.tier == OWN_TIER and bool(form), form=form)


def read_award(r: TomlReader, data: dict[str, Any], issuer: Issuer, council: Council) -> AwardSetup:
    """`[award]`, each key defaulting to :func:`default_award`."""
    base = default_award(issuer, council)
    t = data.get("award", {})
    if not isinstance(t, dict):
        r.fail("award", "phải là bảng [award].")
        return base

    def text(key: str, default: str) -> str:
        return r.text(t, key, "award", allow_empty=True) if key in t else default

    def texts(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        return r.texts(t, key, "award") if key in t else default

    return AwardSetup(
        proposer=text("proposer", base.proposer),
        header=texts("proposer_header", base.header),
        symbol=text("proposer_symbol", base.symbol),
        signer=text("proposer_signer", base.signer),
        fund=text("fund", base.fund),
        executors=texts("executors", base.executors),
        noi_nhan=texts("noi_nhan", base.noi_nhan),
        bases=texts("decision_bases", base.bases),
    )


def form_of(award: str) -> str:
    """The form an award's name confers ("giay-khen"), or "" when the name says none."""
    folded = fold(award)
    return next((form for words, form in FORM_WORDS if words in folded), "")


def level_decision(r: TomlReader, t: dict[str, Any], path: str, tier: str) -> dict[str, Any]:
    """A level's `decides`, `form` and `decision_signer`, defaulted from its tier and award."""
    form = r.text(t, "form", path, allow_empty=True) or form_of(str(t.get("award", "")))
    decides = r.get(t, "decides", path, bool, tier == OWN_TIER and bool(form))
    return {
        "decides": bool(decides),
        "form": form,
        "decision_signer": r.text(t, "decision_signer", path, allow_empty=True),
    }


def check_award(r: TomlReader, c: Campaign) -> None:
    """A deciding level confers a known form, signers exist; the Tờ trình of a deciding level
    comes from the proposer, never the issuer's own `to-trinh` to its own chairman."""
    setup = c.award
    if setup and setup.signer and setup.signer not in c.signers:
        r.fail("award.proposer_signer", f"người ký “{setup.signer}” chưa khai báo trong [signers].")
    for i, level in enumerate(c.levels):
        if not level.decides:
            continue
        path = f"levels[{i}]"
        if level.form not in FORMS:
            known = ", ".join(f"“{k}” ({v})" for k, v in FORMS.items())
            r.fail(
                f"{path}.form", f"cấp tự quyết định khen thưởng cần hình thức: một trong {known}."
            )
        if level.decision_signer and level.decision_signer not in c.signers:
            r.fail(
                f"{path}.decision_signer",
                f"người ký “{level.decision_signer}” chưa khai báo trong [signers].",
            )
        if "to-trinh" in level.documents:
            r.fail(
                f"{path}.documents",
                "cấp này tự quyết định: tờ trình gửi Chủ tịch do Thường trực Hội đồng lập "
                "(mục [award]); bỏ “to-trinh” và “danh-sach” khỏi documents, "
                "hoặc đặt decides = false.",
            )
