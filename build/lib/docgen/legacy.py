"""Legacy 8-bit Vietnamese text (TCVN3 and VNI fonts) read as Unicode, converted back.

Old offices typed with 8-bit fonts: TCVN3/ABC (`.VnTime`, `.VnArial`, `.VnTimeH` …) and VNI
(`VNI-Times`, `VNI-Helve` …). When such a cell is read, each legacy byte shows as its
cp1252/latin-1 character, e.g. "Céng hßa" (TCVN3) or "Coäng hoøa" (VNI) for "Cộng hòa".

TCVN3 here is TCVN 5712:1993 "VN3": bytes 0xA1–0xFF only. Its 0x80–0x9F area is left alone
because VN3 fonts keep the Windows punctuation there (dashes, curly quotes) and converting it
would corrupt them. The table was checked byte by byte against glibc's `TCVN5712-1`.
VNI (VNI Windows) writes a vowel as a base letter plus one trailing mark character.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Encoding = Literal["tcvn3", "vni"]

# --- TCVN3 -----------------------------------------------------------------------------------
# Each row: Unicode letters, then the TCVN3 characters in the same order. Vowel rows list the
# tones as: none, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
_TCVN3_ROWS: tuple[tuple[str, str], ...] = (
    ("aàảãáạ", "aµ¶·¸¹"),
    ("ăằẳẵắặ", "¨»¼½¾Æ"),
    ("âầẩẫấậ", "©ÇÈÉÊË"),
    ("eèẻẽéẹ", "eÌÎÏÐÑ"),
    ("êềểễếệ", "ªÒÓÔÕÖ"),
    ("iìỉĩíị", "i×ØÜÝÞ"),
    ("oòỏõóọ", "oßáâãä"),
    ("ôồổỗốộ", "«åæçèé"),
    ("ơờởỡớợ", "¬êëìíî"),
    ("uùủũúụ", "uïñòóô"),
    ("ưừửữứự", "\xadõö÷øù"),
    ("yỳỷỹýỵ", "yúûüýþ"),
    ("đĂÂÊÔƠƯĐ", "®¡¢£¤¥¦§"),
    # Capitals with tones that fit in code points the lowercase set leaves free; the others
    # have no VN3 code at all (the `…H` capitals fonts show lowercase codes as capitals).
    ("ẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ", "¯º¿ÀÁÂÃÄÅÍÙÚÛàðÿ"),
    # Stand-alone tone marks (grave, hook, tilde, acute, dot below), composed by NFC.
    ("\u0300\u0309\u0303\u0301\u0323", "°±²³´"),
)


def _tcvn3_tables() -> tuple[dict[int, str], dict[str, str]]:
    """Build the decoding (legacy → Unicode) and encoding (Unicode → legacy) tables."""
    decode: dict[int, str] = {}
    encode: dict[str, str] = {}
    for uni, legacy in _TCVN3_ROWS:
        assert len(uni) == len(legacy), uni
        for u, c in zip(uni, legacy, strict=True):
            if u != c:
                decode[ord(c)] = u
                encode[u] = c
    return decode, encode


_TCVN3_DECODE, _TCVN3_ENCODE = _tcvn3_tables()

# --- VNI -------------------------------------------------------------------------------------
# Each row: Unicode letters, then their VNI spellings (space-separated) in the same order.
# Marks: ù acute, ø grave, û hook, õ tilde, ï dot below; â/á/à/å/ã/ä circumflex (+tone);
# ê/é/è/ú/ü/ë breve (+tone). ơ = ô, ư = ö, đ = ñ; i and ỵ use single characters.
_VNI_ROWS: tuple[tuple[str, str], ...] = (
    ("áàảãạ", "aù aø aû aõ aï"),
    ("âấầẩẫậ", "aâ aá aà aå aã aä"),
    ("ăắằẳẵặ", "aê aé aè aú aü aë"),
    ("éèẻẽẹ", "eù eø eû eõ eï"),
    ("êếềểễệ", "eâ eá eà eå eã eä"),
    ("íìỉĩị", "í ì æ ó ò"),
    ("óòỏõọ", "où oø oû oõ oï"),
    ("ôốồổỗộ", "oâ oá oà oå oã oä"),
    ("ơớờởỡợ", "ô ôù ôø ôû ôõ ôï"),
    ("úùủũụ", "uù uø uû uõ uï"),
    ("ưứừửữự", "ö öù öø öû öõ öï"),
    ("ýỳỷỹỵ", "yù yø yû yõ î"),
    ("đ", "ñ"),
    ("ÁÀẢÃẠ", "AÙ AØ AÛ AÕ AÏ"),
    ("ÂẤẦẨẪẬ", "AÂ AÁ AÀ AÅ AÃ AÄ"),
    ("ĂẮẰẲẴẶ", "AÊ AÉ AÈ AÚ AÜ AË"),
    ("ÉÈẺẼẸ", "EÙ EØ EÛ EÕ EÏ"),
    ("ÊẾỀỂỄỆ", "EÂ EÁ EÀ EÅ EÃ EÄ"),
    ("ÍÌỈĨỊ", "Í Ì Æ Ó Ò"),
    ("ÓÒỎÕỌ", "OÙ OØ OÛ OÕ OÏ"),
    ("ÔỐỒỔỖỘ", "OÂ OÁ OÀ OÅ OÃ OÄ"),
    ("ƠỚỜỞỠỢ", "Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ"),
    ("ÚÙỦŨỤ", "UÙ UØ UÛ UÕ UÏ"),
    ("ƯỨỪỬỮỰ", "Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ"),
    ("ÝỲỶỸỴ", "YÙ YØ YÛ YÕ Î"),
    ("Đ", "Ñ"),
)


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Build the decoding (VNI sequence → letter) and encoding (letter → sequence) tables."""
    decode: dict[str, str] = {}
    encode: dict[str, str] = {}
    for uni, spelled in _VNI_ROWS:
        sequences = spelled.split()
        assert len(uni) == len(sequences), uni
        for u, seq in zip(uni, sequences, strict=True):
            encode[u] = seq
            if u != seq:
                decode[seq] = u
    return decode, encode


_VNI_DECODE, _VNI_ENCODE = _vni_tables()
# Longest first, so "ôù" (ớ) wins over "ô" (ơ).
_VNI_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(_VNI_DECODE, key=len, reverse=True))
)

# --- detection -------------------------------------------------------------------------------
# Letters only Unicode Vietnamese has (outside latin-1): their presence means the text is
# already Unicode, whatever the font says.
_UNICODE_VI = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300-\u036f]")
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
# TCVN3 codes that ordinary Western text does not put inside words (þ is Icelandic only).
_TCVN3_STRONG = "¡¢£¤¥¦§¨ª¬\xadµ¶·¸¹¼½¾×Þ÷þ"
_TCVN3_SIGNS = re.compile(
    rf"(?<=[{_LETTER}])[{_TCVN3_STRONG}]"  # e.g. "c¸c", "ng\xadêi"
    rf"|[{_TCVN3_STRONG}](?=[{_LETTER}])"  # word-initial, e.g. "¨n" (ăn)
    # đ, â, ằ always precede a letter, ô mostly ("®oµn", "c©y", "«ng"); "Office©", "«Oui»" do not.
    rf"|[®©«»](?=[a-zß-öø-ÿ])"
    r"|(?<=[a-z])[À-ÖØ-Þ]"  # capital-looking code inside a lowercase word: "ViÖt"
    r"|(?<=[A-Z])[ß-öø-þ](?=[A-Z])|(?<=[A-Z]{2})[ß-öø-þ]"  # lowercase code in caps: "CéNG"
    r"|(?<=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])ß"  # ò after a consonant; German ß follows vowels
)
# VNI pairs that are ordinary French spellings (où, coût, naïf, héroïque, Noël/Raphaël) are
# not evidence; they still convert.
_VNI_FRENCH = {"où", "oû", "aï", "oï", "aë"}
_VNI_PAIRS = sorted(k for k in _VNI_DECODE if len(k) == 2 and k not in _VNI_FRENCH)
_VNI_SIGNS = re.compile(
    "|".join(re.escape(k) for k in _VNI_PAIRS)
    + rf"|(?<![{_LETTER}])[ñÑ](?=[{_LETTER}])"  # đ starts a word: "ñoàn"
    + r"|[öÖ][ôÔ]"  # ươ: "tröôøng"
)
_MIN_SIGNS = 2
_MIN_WORD_SHARE = 0.3


def is_capitals_font(font_name: str | None) -> bool:
    """Whether a TCVN3 font is a `…H` capitals font (`.VnTimeH`), which shows text upper-cased."""
    if not font_name:
        return False
    name = font_name.strip()
    # Case-sensitive "H": the suffix is a capital letter in every ABC capitals font name.
    return name.lower().startswith(".vn") and name.endswith("H")


def _encoding_from_font(font_name: str | None) -> Encoding | None:
    """The legacy encoding a font name announces, if any."""
    name = (font_name or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if re.match(r"vni[-_ ]", name):
        return "vni"
    return None


def _evidence(text: str, signs: re.Pattern[str]) -> int:
    """Number of legacy signatures, or 0 when too few or spread over too few words."""
    words = [w for w in text.split() if re.search(f"[{_LETTER}]", w)]
    counts = [len(signs.findall(w)) for w in words]
    total = sum(counts)
    # A couple of odd characters in a long text is not enough: a share of words must carry them.
    if total < _MIN_SIGNS or sum(1 for c in counts if c) < _MIN_WORD_SHARE * len(words):
        return 0
    return total


def detect(text: str, font_name: str | None = None) -> Encoding | None:
    """Tell whether `text` is legacy TCVN3 or VNI text read as Unicode; None when it is not.

    The font name decides first; content heuristics are the fallback and need several
    legacy signatures. Text holding Unicode-only Vietnamese letters (ộ, ư, ơ, đ, or NFD marks)
    is Unicode whatever its font: old templates often keep `.VnTime` on Unicode cells.
    """
    if _UNICODE_VI.search(text):
        return None
    by_font = _encoding_from_font(font_name)
    if by_font is not None:
        return by_font
    tcvn3 = _evidence(text, _TCVN3_SIGNS)
    vni = _evidence(text, _VNI_SIGNS)
    if tcvn3 == vni:
        return None  # no evidence, or ambiguous: leave the text as it is
    return "tcvn3" if tcvn3 > vni else "vni"


def to_unicode(text: str, encoding: str, capitals: bool = False) -> str:
    """Convert legacy text (as read, one character per legacy byte) to NFC Unicode.

    `capitals=True` is for the `…H` fonts, which display every letter as a capital.
    """
    if encoding == "tcvn3":
        result = text.translate(_TCVN3_DECODE)
    elif encoding == "vni":
        result = _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group()], text)
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    result = unicodedata.normalize("NFC", result)
    return result.upper() if capitals else result


def from_unicode(text: str, encoding: str) -> str:
    """Spell Unicode text the way a legacy font expects it (inverse of `to_unicode`).

    TCVN3 has no code for most capitals with a tone (Á, Ộ …): they take their lowercase code,
    as typing tools do for the `…H` capitals fonts, so such text does not round-trip.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return "".join(_TCVN3_ENCODE.get(c) or _TCVN3_ENCODE.get(c.lower(), c) for c in text)
    if encoding == "vni":
        return "".join(_VNI_ENCODE.get(c, c) for c in text)
    raise ValueError(f"unknown legacy encoding: {encoding!r}")
