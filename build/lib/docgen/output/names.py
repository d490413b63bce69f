"""Safe, unique ASCII file names, never taken as-is from cell text."""

from __future__ import annotations

import re

from docgen.text import ascii_slug

MAX_STEM = 80
# Names Windows refuses whatever the extension; a clerk may copy the folder to a Windows PC.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def safe_stem(prefix: str, text: str, fallback: str = "khong-ten") -> str:
    """`prefix-slug-of-text`: lowercase ASCII letters, digits and dashes, bounded length."""
    slug = ascii_slug(text, MAX_STEM - len(prefix) - 1) or fallback
    if _RESERVED.match(slug):
        slug = f"{slug}-1"
    return f"{prefix}-{slug}" if prefix else slug


class NameBook:
    """Hands out unique names within one folder: a second `an` becomes `an-2`."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, stem: str, suffix: str) -> str:
        """A unique `stem[-n]suffix` not handed out before."""
        name, n = f"{stem}{suffix}", 1
        while name in self._taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        self._taken.add(name)
        return name
