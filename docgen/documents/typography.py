"""Typography of printed text: quotes inside quotes, and what a line must never break.

- A document number's ký hiệu (`52/QĐ-UBND`, `Số:      /TTr-UBND`) keeps its hyphens
  unbreakable (U+2011 here; the renderer writes Word's own `<w:noBreakHyphen/>` for it,
  docgen.render.hyphens), so `52/QĐ-` never ends a line with `UBND` on the next.
- A place name after its unit word (`phường Tiến Thành`, `tỉnh Bình Phước`) and a person's
  name keep their words together (no-break spaces).
- A quotation inside a quotation uses ‘…’ (Vietnamese practice: outer “…”, inner ‘…’).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"

# A ký hiệu: what follows a "/" in a number, its groups joined by hyphens (QĐ-UBND, NĐ-CP).
_SYMBOL = re.compile(r"(?<=/)[^\W\d_]\w*(?:-\w+)+")
_UNITS = ("phường", "xã", "thị trấn", "quận", "huyện", "thị xã", "thành phố", "tỉnh")
# Capital letters of Vietnamese (and other Latin) text, for a character class.
_CAPITALS = "".join(
    ch for ch in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]) if ch.isupper()
)
# A unit word, then the capitalised words of the place's proper name (two to four): the words
# after the name are left to the next match ("thị xã Đồng Xoài và thị trấn Tân Phú").
_PLACE = re.compile(
    rf"\b((?:{'|'.join(_UNITS)})\s+)([{_CAPITALS}]\w*(?:\s+[{_CAPITALS}]\w*){{1,3}})"
)
_INNER = re.compile(r"[“\"]([^”\"]*)[”\"]")


def keep_together(words: str) -> str:
    """`Nguyễn Văn An` with no-break spaces: a name never split over two lines."""
    return NBSP.join(words.split())


def unbreakable(text: str) -> str:
    """Non-breaking hyphens in ký hiệu and no-break spaces inside place names.

    Each pattern runs only where it can match (a "/" before a ký hiệu; a unit word, none of
    which is ASCII, before a place name): most values have neither, and a context holds
    about a hundred values.
    """
    if "/" in text:
        text = _SYMBOL.sub(lambda m: m.group(0).replace("-", NB_HYPHEN), text)
    if not text.isascii() and any(unit in text for unit in _UNITS):
        text = _PLACE.sub(_place, text)
    return text


def _place(match: re.Match[str]) -> str:
    return match.group(1) + keep_together(match.group(2))


def quoted(text: str) -> str:
    """`“Mô hình ‘Tổ tư vấn…’ tại khu phố”`: outer double quotes, inner single ones."""
    inner = _INNER.sub(lambda m: f"‘{m.group(1)}’", text.strip())
    return f"“{inner}”"
