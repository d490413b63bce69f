"""Sensible defaults for a new campaign, worked out from what the clerk already typed."""

from __future__ import annotations

import re
from datetime import date

from docgen.text import fold

# Administrative units, longest first: the place name is what follows the last one.
_UNITS = ("thị trấn", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh", "thị xã")
_BODY = "Ủy ban nhân dân"


# Units inside an agency, without a legal personality or a seal of their own (seals belong to
# bodies and organisations, Nghị định 99/2016/NĐ-CP on seals; the article is not checked here).
# A default only: a campaign subject says otherwise with `seal = true` / `seal = false`.
_UNSEALED = ("bộ phận", "tổ", "khối", "khu phố", "ấp", "thôn", "tổ dân phố")


def has_seal(label: str) -> bool:
    """The default for a collective subject: "Bộ phận “Một cửa” phường" → False, "Ủy ban
    nhân dân phường", "Trường Tiểu học …" → True."""
    words = label.strip().casefold().split()
    return not any(words[: len(u.split())] == u.split() for u in _UNSEALED)


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


def unit(full_name: str) -> str:
    """The kind of the issuer's unit: "phường" from "Ủy ban nhân dân phường Tiến Thành"."""
    folded = fold(full_name)
    found = [(folded.rfind(fold(u) + " "), u) for u in _UNITS]
    at, word = max(found)
    return word if at >= 0 else ""


def body(full_name: str, place_name: str) -> str:
    """How the issuer names itself in a citation: "Ủy ban nhân dân phường" (no place name)."""
    if place_name and full_name.endswith(place_name) and len(full_name) > len(place_name):
        return full_name[: -len(place_name)].strip()
    return full_name


def province(parent_body: str) -> str:
    """The province named by the parent body: "Đồng Nai" from "Ủy ban nhân dân tỉnh Đồng Nai"."""
    found = re.search(r"\btỉnh\s+(.+)$", parent_body, flags=re.IGNORECASE)
    return found.group(1).strip() if found else ""


def plan_basis(number: str, day: date, title: str, issuer_body: str) -> str:
    """The plan itself as a căn cứ: "Kế hoạch số 12/KH-UBND ngày 25/02/2026 của … về …"."""
    about = title[:1].lower() + title[1:]
    return f"Kế hoạch số {number} ngày {day.strftime('%d/%m/%Y')} của {issuer_body} về {about}"


def cites(bases: tuple[str, ...] | list[str], number: str) -> bool:
    """True when one of `bases` names the document numbered `number` ("12/KH-UBND")."""
    pattern = re.compile(rf"(?<![0-9]){re.escape(fold(number))}(?![0-9a-z])")
    return any(pattern.search(fold(base)) for base in bases)


def level_label(tier: str, own_unit: str) -> str:
    """A level's name from its tier: "Cấp tỉnh", "Cấp huyện", "Cấp phường" (the issuer's unit)."""
    word = {"tinh": "tỉnh", "huyen": "huyện"}.get(tier, own_unit or "xã")
    return f"Cấp {word}"


def award(tier: str, issuer_name: str, province_name: str) -> str:
    """The usual award of a tier: the province's Bằng khen, the issuer's own Giấy khen."""
    if tier == "tinh" and province_name:
        return f"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh {province_name}"
    if tier == "xa":
        return f"Giấy khen của Chủ tịch {issuer_name}"
    return ""


def recipients(upward: bool, via: str, own_unit: str, council_symbol: str) -> str:
    """Nơi nhận, ";"-separated: the addressee and the office it goes through, the council, file."""
    first = ["Như trên", *([via] if via else [])] if upward else []
    return "; ".join(
        [*first, f"Thường trực Hội đồng TĐKT {own_unit}".strip(), f"Lưu: VT, {council_symbol}"]
    )
