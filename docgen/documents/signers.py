"""Who signs and who confirms an achievement report: real authority lines, titles and names.

The forms name roles ("THỦ TRƯỞNG ĐƠN VỊ", "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ"); a signable
report prints the person in that role instead: authority line where one applies, title, name.
"""

from __future__ import annotations

from typing import Any

from docgen.campaign.defaults import has_seal
from docgen.campaign.model import Campaign, Kind, Level, Signer
from docgen.documents.required import text
from docgen.intake.records import Nominee
from docgen.text import person_key

SEAL = "(Ký, đóng dấu)"
OWN_HAND = "(Ký, ghi rõ họ và tên)"  # the person reporting, as the individual forms word it
UNSEALED = "(Ký, ghi rõ họ tên)"  # the head of a unit without a seal of its own
REPORTER = "NGƯỜI BÁO CÁO THÀNH TÍCH"


def block(authority: str, title: str, name: str, hint: str = SEAL) -> dict[str, str]:
    """One signature block as the templates print it."""
    return {"tham_quyen": authority.upper(), "chuc_vu": title.upper(), "ten": name, "ghi_chu": hint}


def of_signer(signer: Signer) -> dict[str, str]:
    """A campaign signer's block: `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH` / name."""
    return block(signer.authority, signer.title, signer.name)


def is_issuer(campaign: Campaign, name: str) -> bool:
    """True when the collective `name` is the issuing body itself (it signs as the issuer)."""
    return person_key(name) == person_key(campaign.issuer.full_name)


def reporter(campaign: Campaign, nominee: Nominee, level: Level) -> dict[str, str]:
    """Who signs the report: the collective's head (as the issuer when it is the issuer), or
    the individual as the person reporting."""
    if nominee.kind is Kind.INDIVIDUAL:
        return block("", REPORTER, nominee.name, OWN_HAND)
    if is_issuer(campaign, nominee.name):
        return of_signer(campaign.signers[level.signer])
    hint = SEAL if sealed(campaign, nominee) else UNSEALED
    return block("", text(nominee, "chuc_vu_thu_truong"), text(nominee, "thu_truong"), hint)


def sealed(campaign: Campaign, nominee: Nominee) -> bool:
    """Whether the collective has a seal: its subject's `seal` (campaign file or default)."""
    subject = next(
        (s for s in campaign.subjects_of(Kind.COLLECTIVE) if s.label == nominee.subject_label),
        None,
    )
    return subject.seal if subject is not None else has_seal(nominee.name)


def confirmer(campaign: Campaign, level: Level, own: dict[str, str]) -> dict[str, Any]:
    """The confirming block (the level's confirmer), or {} when it would be the signer again."""
    signer = campaign.confirmer(level)
    if person_key(signer.name) == person_key(own["ten"]):
        return {}
    return of_signer(signer)
