"""Cell text as the workbook means it: OOXML escapes decoded, control characters dropped, NFC.

Excel stores characters that XML cannot carry as ST_Xstring escapes (ECMA-376 Part 1,
22.9.2.19): `_x000D_` is a carriage return, `_x0001_` a control character, and `_x005F_`
an underscore, so `_x005F_x0041_` is the literal text "_x0041_". Every string a reader
hands back goes through here, so nothing downstream sees an escape, a control character
or a decomposed (NFD) letter.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# C0 controls and DEL, but tab, line feed, vertical tab (Word's line break), form feed and
# carriage return, which `text.clean` turns into spaces and line breaks.
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F], None)
_HAS_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def unescape(text: str) -> str:
    """Decode `_xHHHH_` escapes in one left-to-right pass (UTF-16 pairs joined)."""
    if "_x" not in text:
        return text
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if any("\ud800" <= ch <= "\udfff" for ch in decoded):
        decoded = decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return decoded


def plain(text: str) -> str:
    """`text` without control characters, in NFC (what every reader hands back)."""
    if _HAS_CONTROL.search(text) is not None:
        text = text.translate(_CONTROLS)
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def xstring(text: str) -> str:
    """An .xlsx string as stored: escapes decoded, then `plain`.

    Short strings repeat (closed-list choices, units, places): each is worked out once and
    handed back as the same object, so the values kept share their text.
    """
    if len(text) > _SHORT:
        return plain(unescape(text))
    found = _XSTRINGS.get(text)
    if found is None:
        if len(_XSTRINGS) >= _XSTRINGS_LIMIT:
            _XSTRINGS.clear()  # bounded whatever is read; the repeated ones come back
        found = _XSTRINGS[text] = plain(unescape(text))
    return found


_SHORT = 160
_XSTRINGS: dict[str, str] = {}
_XSTRINGS_LIMIT = 16_384
