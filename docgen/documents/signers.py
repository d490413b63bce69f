"""Who signs and who confirms an achievement report: real authority lines, titles and names.

The forms name roles ("THỦ TRƯỞNG ĐƠN VỊ", "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ"); a signable
report prints the person in that role instead: authority line where one applies, title, name.

A People's Committee works under the collective regime: its chairman signs its documents "TM.
ỦY BAN NHÂN DÂN / CHỦ TỊCH", and a vice-chairman signing for him keeps the collective line above
his own: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Nghị định 30/2020/NĐ-CP, Điều 13
and Phụ lục I mục II.7). The chairman's own decision has no collective line ("KT. CHỦ TỊCH /
PHÓ CHỦ TỊCH", docgen.award.decision). The campaign's signer says "KT. CHỦ TỊCH"; the
collective line is added here, for the documents of the committee itself.
"""

from __future__ import annotations

from typing import Any

from docgen.campaign.defaults import has_seal
from docgen.campaign.model import Campaign, Kind, Level, Signer
from docgen.documents.required import text
from docgen.intake.records import Nominee
from docgen.text import fold, person_key

SEAL = "(Ký, đóng dấu)"
OWN_HAND = "(Ký, ghi rõ họ và tên)"  # the person reporting, as the individual forms word it
UNSEALED = "(Ký, ghi rõ họ tên)"  # the head of a unit without a seal of its own
REPORTER = "NGƯỜI BÁO CÁO THÀNH TÍCH"
COMMITTEE = "ỦY BAN NHÂN DÂN"  # a body under the collective regime (Luật Tổ chức CQĐP)


def block(
    authority: str, title: str, name: str, hint: str = SEAL, body: str = ""
) -> dict[str, str]:
    """One signature block as the templates print it; `body` is the collective line ("TM. …")
    printed above a deputy's authority line."""
    return {
        "tap_the": body.upper(),
        "tham_quyen": authority.upper(),
        "chuc_vu": title.upper(),
        "ten": name,
        "ghi_chu": hint,
    }


def committee_lines(campaign: Campaign, signer: Signer) -> tuple[str, str]:
    """(collective line, authority line) of `signer` on a document of the issuer. For a People's
    Committee a deputy gets both, "TM. ỦY BAN NHÂN DÂN" and "KT. CHỦ TỊCH", whether the campaign
    file names him "KT. CHỦ TỊCH" (as the wizard writes) or "TM. ỦY BAN NHÂN DÂN" with a deputy's
    title; anyone else keeps the authority line of the campaign file."""
    issuer = campaign.issuer.name_lines[0] if campaign.issuer.name_lines else ""
    authority = signer.authority.strip()
    if not fold(issuer).startswith(fold(COMMITTEE)):
        return "", authority
    if fold(authority).startswith("kt."):
        return f"TM. {COMMITTEE}", authority
    deputy = fold(signer.title).startswith("pho ")
    if deputy and fold(authority).startswith("tm."):
        return authority, f"KT. {signer.title.strip()[4:].strip()}"
    return "", authority


def of_signer(campaign: Campaign, signer: Signer) -> dict[str, str]:
    """A campaign signer's block on a document of the issuer: `TM. ỦY BAN NHÂN DÂN` / `CHỦ
    TỊCH` / name, or `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / name."""
    body, authority = committee_lines(campaign, signer)
    return block(authority, signer.title, signer.name, body=body)


def is_issuer(campaign: Campaign, name: str) -> bool:
    """True when the collective `name` is the issuing body itself (it signs as the issuer)."""
    return person_key(name) == person_key(campaign.issuer.full_name)


def reporter(campaign: Campaign, nominee: Nominee, level: Level) -> dict[str, str]:
    """Who signs the report: the collective's head (as the issuer when it is the issuer), or
    the individual as the person reporting."""
    if nominee.kind is Kind.INDIVIDUAL:
        return block("", REPORTER, nominee.name, OWN_HAND)
    if is_issuer(campaign, nominee.name):
        return of_signer(campaign, campaign.signers[level.signer])
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
    return of_signer(campaign, signer)
