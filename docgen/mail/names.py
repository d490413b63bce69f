"""File names from mail: the original as the clerk should read it, and a name safe to store.

An attachment's name is the sender's text: it may hold a "/" ("Phiếu 12/2023.xlsx"), terminal
escapes, control or bidirectional characters, or a name Windows reserves (CON, NUL, COM1…).
The journal keeps the original, only made printable; the input folder gets a name that opens
on Windows and Linux alike and still reads like the original.
"""

from __future__ import annotations

import re
import unicodedata

from docgen.text import nfc

# ANSI/VT escape sequences (CSI, OSC, two-byte escapes), removed whole so no "[31m" is left.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn")  # controls, format (bidi overrides), surrogates…
_WINDOWS_FORBIDDEN = '<>:"/\\|?*'
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"{p}{n}" for p in ("COM", "LPT") for n in "123456789¹²³"),
}
MAX_NAME_BYTES = 200  # ext4 allows 255 bytes; room left for "-2" and a temporary suffix


def shown_name(name: str) -> str:
    """The name as sent, NFC, without escapes or invisible characters (for the journal)."""
    text = _ESCAPES.sub("", nfc(name))
    text = "".join(" " if unicodedata.category(c) in _INVISIBLE else c for c in text)
    return " ".join(text.split())


def store_name(name: str, *, path: bool = False) -> str:
    """A name safe to store on Windows and Linux: `path` True takes a zip member's last part;
    otherwise a "/" is part of the name ("12/2023" stays "12-2023")."""
    text = shown_name(name.replace("\\", "/"))
    if path:
        text = text.rsplit("/", 1)[-1]
    text = "".join("-" if c == "/" else "_" if c in _WINDOWS_FORBIDDEN else c for c in text)
    stem, dot, suffix = text.rstrip(" .").rpartition(".")  # Windows drops trailing dots
    if not dot:
        stem, suffix = suffix, ""
    stem, suffix = stem.strip(" ."), suffix.strip()
    first, _, rest = stem.partition(".")
    if first.strip().upper() in _RESERVED:
        stem = f"{first.rstrip()}_" + (f".{rest}" if rest else "")
    stem = _bounded(stem.rstrip(" .")) or "tep"
    return f"{stem}.{suffix[:10]}" if suffix else stem


def _bounded(stem: str) -> str:
    while len(stem.encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem
