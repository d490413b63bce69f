"""An amount of money in Vietnamese words, as a văn thư writes "Bằng chữ: …" under a total.

Reading rules: groups of three digits named nghìn, triệu, tỷ (then nghìn tỷ…); inside a group
after the first, an empty hundreds reads "không trăm" and an empty tens before a unit reads
"linh"; the unit 1 after a tens of 20 and more reads "mốt", 5 after any tens reads "lăm", 4
after a tens of 20 and more reads "tư"; 10–19 read "mười …".
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ")


def money(amount: int) -> str:
    """`1080000` → `1.080.000`: thousands grouped by dots, as Vietnamese figures are."""
    return f"{amount:,}".replace(",", ".")


def in_words(amount: int) -> str:
    """`710000` → `Bảy trăm mười nghìn đồng`; `0` → `Không đồng`."""
    if amount < 0:
        raise ValueError("an amount of money is never negative")
    if amount == 0:
        return "Không đồng"
    groups: list[int] = []
    while amount:
        amount, group = divmod(amount, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        leading = index == len(groups) - 1
        words.append(_group(group, full=not leading))
        words.append(_scale(index))
    text = " ".join(w for w in words if w)
    return f"{text[0].upper()}{text[1:]} đồng"


def _scale(index: int) -> str:
    """The name of the `index`-th group of three: nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ…"""
    if index < len(SCALES):
        return SCALES[index]
    return f"{SCALES[index % 3]} {' '.join(['tỷ'] * (index // 3))}".strip()


def _group(number: int, full: bool) -> str:
    """Three digits in words; `full`: not the leading group, so "không trăm", "linh" apply."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    parts: list[str] = []
    if hundreds or full:
        parts += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and parts:
            parts.append("linh")
    elif tens == 1:
        parts.append("mười")
    else:
        parts += [DIGITS[tens], "mươi"]
    if units:
        parts.append(_unit(units, tens))
    return " ".join(parts)


def _unit(units: int, tens: int) -> str:
    if units == 1 and tens >= 2:
        return "mốt"
    if units == 5 and tens >= 1:
        return "lăm"
    if units == 4 and tens >= 2:
        return "tư"
    return DIGITS[units]
