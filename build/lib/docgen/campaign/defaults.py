"""Sensible defaults for a new campaign, worked out from what the clerk already typed."""

from __future__ import annotations

import re
from datetime import date

from docgen.text import fold

# Administrative units, longest first: the place name is what follows the last one.
_UNITS = ("thị trấn", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh", "thị xã")
_BODY = "Ủy ban nhân dân"


def slug(text: str, sep: str = "-", limit: int = 40) -> str:
    """ASCII, lower case, words joined by `sep`: "Cấp thành phố" → "cap-thanh-pho"."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    out = sep.join(words)
    return out[:limit].rstrip(sep)


def campaign_id(plan_number: str, year: int) -> str:
    """`kh19-2023` from plan 19/KH-UBND of 2023."""
    number = re.match(r"\s*(\d+)", plan_number)
    return f"kh{number.group(1) if number else ''}-{year}"


def movement_title(plan_title: str) -> str:
    """The campaign's name from the plan's title: "Phát động phong trào …" → "Phong trào …"."""
    rest = re.sub(r"^\s*(phát động|triển khai|tổ chức)\s+", "", plan_title, flags=re.IGNORECASE)
    return rest[:1].upper() + rest[1:]


def name_lines(full_name: str) -> str:
    """Header lines of the issuer, "|"-separated: "ỦY BAN NHÂN DÂN|PHƯỜNG TIẾN THÀNH"."""
    if fold(full_name).startswith(fold(_BODY)) and len(full_name) > len(_BODY):
        return f"{_BODY.upper()}|{full_name[len(_BODY) :].strip().upper()}"
    return full_name.upper()


def local_part(full_name: str) -> str:
    """What follows the body's kind: "phường Tiến Thành" from "Ủy ban nhân dân phường Tiến Thành"."""
    if fold(full_name).startswith(fold(_BODY)):
        return full_name[len(_BODY) :].strip()
    return full_name


def place(full_name: str) -> str:
    """The place name for the date line: "Tiến Thành"."""
    folded = fold(full_name)
    best = -1
    for unit in _UNITS:
        found = folded.rfind(fold(unit) + " ")
        if found >= 0:
            best = max(best, found + len(unit) + 1)
    return full_name[best:].strip() if best >= 0 else full_name


def symbol(plan_number: str) -> str:
    """The issuer's abbreviation from the plan's number: "UBND" from "19/KH-UBND"."""
    found = re.search(r"-([^\s/-]+)\s*$", plan_number)
    return found.group(1) if found else "UBND"


def decider(award: str) -> str:
    """Who decides an award: "Chủ tịch …" from "Giấy khen của Chủ tịch …"."""
    found = re.search(r"\bcủa\s+(.+)$", award)
    return found.group(1).strip() if found else ""


def level_id(label: str) -> str:
    """`thanh-pho` from "Cấp thành phố"."""
    return slug(re.sub(r"^\s*cấp\s+", "", label, flags=re.IGNORECASE)) or slug(label)


def profile_for(plan_date: date) -> str:
    """Forms of Nghị định 91/2017 for plans before 2024, of Nghị định 98/2023 after."""
    return "nd91_2017" if plan_date < date(2024, 1, 1) else "nd98_2023"
