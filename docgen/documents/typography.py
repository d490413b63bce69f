"""Typography of printed text: quotes inside quotes, and what a line must never break.

- A document number's ký hiệu (`52/QĐ-UBND`, `Số:      /TTr-UBND`) keeps its hyphens
  unbreakable (U+2011), so `52/QĐ-` never ends a line with `UBND` on the next.
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
_UNITS = r"phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh"
# A unit word, then the words of the place's proper name (capitalised, at most four).
_PLACE = re.compile(rf"\b(?:{_UNITS})\s+(\w+(?:\s+\w+){{0,3}})")
_INNER = re.compile(r"[“\"]([^”\"]*)[”\"]")


def keep_together(words: str) -> str:
    """`Nguyễn Văn An` with no-break spaces: a name never split over two lines."""
    return NBSP.join(words.split())


def unbreakable(text: str) -> str:
    """Non-breaking hyphens in ký hiệu and no-break spaces inside place names."""
    text = _SYMBOL.sub(lambda m: m.group(0).replace("-", NB_HYPHEN), text)
    return _PLACE.sub(_place, text)


def _place(match: re.Match[str]) -> str:
    words = match.group(1).split()
    name = []
    for word in words:
        if not word[0].isupper():
            break
        name.append(word)
    if len(name) < 2:
        return match.group(0)
    start = match.start(1) - match.start(0)
    head = match.group(0)[:start]
    rest = words[len(name) :]
    return head + " ".join([keep_together(" ".join(name)), *rest])


def quoted(text: str) -> str:
    """`“Mô hình ‘Tổ tư vấn…’ tại khu phố”`: outer double quotes, inner single ones."""
    inner = _INNER.sub(lambda m: f"‘{m.group(1)}’", text.strip())
    return f"“{inner}”"
