"""How a line of text fits a box of the certificate: shrink first, then wrap, never overflow.

Widths are estimated from Times New Roman's advance widths by character class (in ems,
rounded up, bold a little wider), so that the estimate errs on the wide side: a line the
estimate fits does fit in Word and LibreOffice (checked through LibreOffice in the tests).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

PT_MM = 25.4 / 72
LINE = 1.2  # a line's height as a multiple of the font size (single spacing)

_NARROW = set(" .,;:'!|ijlrtf()[]-‑")
_WIDE_UPPER = set("MWmw")


@dataclass(frozen=True)
class Fit:
    """The size the text prints at and how many lines it takes at that size."""

    size: float
    lines: int

    def height_mm(self) -> float:
        """The height the lines take."""
        return self.lines * self.size * LINE * PT_MM


def em_width(text: str, bold: bool = False) -> float:
    """The estimated width of `text` in ems of Times New Roman (base letters of NFD)."""
    total = 0.0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            continue
        if char in _WIDE_UPPER:
            total += 0.95
        elif char in _NARROW:
            total += 0.30
        elif char.isupper():
            total += 0.72
        elif char.isdigit():
            total += 0.50
        else:
            total += 0.50
    return total * (1.08 if bold else 1.0)


def width_mm(text: str, size: float, bold: bool = False) -> float:
    """The estimated printed width of `text` at `size` points, in millimetres."""
    return em_width(text, bold) * size * PT_MM


def lines_needed(text: str, size: float, box_mm: float, bold: bool = False) -> int:
    """How many lines `text` wraps to (at spaces) in a box `box_mm` wide."""
    lines, current = 1, ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if width_mm(trial, size, bold) <= box_mm or not current:
            current = trial
            if width_mm(current, size, bold) > box_mm:  # one word wider than the box
                lines += math.ceil(width_mm(current, size, bold) / box_mm) - 1
            continue
        lines += 1
        current = word
    return lines


def fit(
    text: str,
    box_mm: float,
    size: float,
    smallest: float,
    max_lines: int,
    bold: bool = False,
    height_mm: float | None = None,
) -> Fit | None:
    """Shrink `text` by half points down to `smallest` until it holds on one line; then wrap at
    the largest size whose lines hold within `max_lines` and the box's height (the next line's
    place). None when nothing fits (too long)."""
    steps = [size - 0.5 * i for i in range(int((size - smallest) * 2) + 1)]
    for step in steps:
        if lines_needed(text, step, box_mm, bold) == 1:
            return Fit(step, 1)
    for lines in range(2, max_lines + 1):
        for step in steps:
            tall = height_mm is not None and Fit(step, lines).height_mm() > height_mm
            if not tall and lines_needed(text, step, box_mm, bold) <= lines:
                return Fit(step, lines)
    return None
