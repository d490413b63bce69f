"""Small wording helpers: counts, percentages, paragraphs, punctuated lists, NFC."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import Any

from docgen.campaign.model import Campaign, Kind, Level
from docgen.documents.typography import unbreakable
from docgen.text import format_count, format_percent

ROMAN = ("I", "II", "III", "IV", "V")


count = format_count  # "01", "02", "12"
percent = format_percent  # "77,78 %", "100 %"


def votes(agree: int, base: int) -> str:
    """`07/09`: votes for over the threshold's denominator."""
    return f"{count(agree)}/{count(base)}"


def kinds_count(collectives: int, individuals: int) -> str:
    """`01 tập thể và 02 cá nhân`; a kind with none is left out."""
    parts = [
        f"{count(n)} {kind.label}"
        for kind, n in ((Kind.COLLECTIVE, collectives), (Kind.INDIVIDUAL, individuals))
        if n
    ]
    return " và ".join(parts) or "không có tập thể, cá nhân nào"


def paragraphs(text: str) -> list[str]:
    """Split a long intake text into its paragraphs (one per line, blanks dropped)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def listed(lines: Sequence[str], dash: bool = True) -> list[str]:
    """Punctuate a list as documents do: `;` after each item, `.` after the last."""
    out = []
    for index, line in enumerate(lines):
        end = "." if index == len(lines) - 1 else ";"
        out.append(f"{'- ' if dash else ''}{line.rstrip(' .;')}{end}")
    return out


def lower_first(text: str) -> str:
    """`Phong trào thi đua …` → `phong trào thi đua …` (to run on inside a sentence)."""
    return text[:1].lower() + text[1:]


def proposed_award(campaign: Campaign, level: Level) -> str:
    """`đề nghị tặng Giấy khen …`, naming a thematic campaign (`… trong phong trào thi đua
    theo chuyên đề “…”`): the trích yếu of the Tờ trình, its Danh sách and their registers."""
    return f"đề nghị tặng {level.award}{thematic_clause(campaign)}"


def thematic_clause(campaign: Campaign) -> str:
    """` trong phong trào thi đua theo chuyên đề “…”` for a thematic campaign, else ""."""
    return f" trong {campaign.movement}" if campaign.thematic else ""


def thematic_achievement(campaign: Campaign) -> str:
    """` có thành tích trong phong trào thi đua theo chuyên đề “…”` after the proposal's count,
    for a thematic campaign; else ""."""
    clause = thematic_clause(campaign)
    return f" có thành tích{clause}" if clause else ""


def item_mark(mark: str, total: int) -> str:
    """`1. ` before an item of a list of several; "" when the list has one item (a list of
    one is not numbered)."""
    return f"{mark}. " if total > 1 else ""


def upper_first(text: str) -> str:
    """`đề nghị tặng …` → `Đề nghị tặng …` (to start a line)."""
    return text[:1].upper() + text[1:]


def as_printed(value: Any) -> Any:
    """The same structure with every string as printed: NFC, ký hiệu and place names
    unbreakable (for normalising alone there is `docgen.text.nfc`)."""
    if isinstance(value, str):
        # Short values (headers, units, places, titles) repeat in every context: cached.
        # A long text is one nominee's own and would only fill the cache.
        return _printed(value) if len(value) <= _SHORT else _print(value)
    if isinstance(value, dict):
        return {key: as_printed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_printed(item) for item in value]
    return value


_SHORT = 160


def _print(text: str) -> str:
    """One value as printed."""
    return unbreakable(unicodedata.normalize("NFC", text))


_printed = functools.lru_cache(maxsize=4096)(_print)
