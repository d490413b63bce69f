"""The left column of the header: who issues each document, as upper-case lines."""

from __future__ import annotations

from typing import Any

from docgen.campaign.model import Campaign


def issuer_header(campaign: Campaign) -> dict[str, Any]:
    """The issuing body (Tờ trình, Danh sách): its parent body, if any, and its name lines."""
    issuer = campaign.issuer
    return {"co_quan_chu_quan": issuer.parent_body.upper(), "co_quan": list(issuer.name_lines)}


def issuer_short(campaign: Campaign) -> str:
    """`UBND PHƯỜNG TIẾN THÀNH`: the symbol followed by the name's last lines."""
    lines = campaign.issuer.name_lines
    if len(lines) < 2:
        return lines[0].upper()
    return " ".join((campaign.issuer.symbol, *lines[1:])).upper()


def council_header(campaign: Campaign) -> dict[str, Any]:
    """The council under its agency: `UBND PHƯỜNG …` over `HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG`."""
    name = campaign.council.name
    place = campaign.issuer.name_lines[-1]
    if len(campaign.issuer.name_lines) > 1 and name.casefold().endswith(place.casefold()):
        name = name[: -len(place)].strip()
    return {"co_quan_chu_quan": issuer_short(campaign), "co_quan": lines(name.upper())}


def lines(name: str, limit: int = 24) -> list[str]:
    """Break a long body name for the narrow header column, after " - " or near the middle."""
    if len(name) <= limit:
        return [name]
    if " - " in name:
        head, tail = name.split(" - ", 1)
        return [f"{head} -", tail]
    words = name.split()
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(name) / 2))
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def unit_header(campaign: Campaign, unit: str) -> dict[str, Any]:
    """A report's header: the reporting unit under the issuer, or the issuer itself."""
    full = campaign.issuer.full_name.casefold()
    if not unit or full.startswith(unit.casefold()) or unit.casefold().startswith(full):
        return issuer_header(campaign)
    return {"co_quan_chu_quan": issuer_short(campaign), "co_quan": lines(unit.upper())}
