"""Text helpers for Vietnamese spreadsheet data: cleaning, matching, dates, numbers, sorting.

Pure functions, standard library only. Every string read from a workbook goes through
`clean` (or `clean_line`) before it is compared or printed.

Decisions:
- `clean` always maps `Ð`/`ð` (U+00D0/U+00F0, Icelandic eth) to `Đ`/`đ`: the eth never occurs
  legitimately in our sheets, while the look-alike does. Because TCVN3 uses those very
  characters for é and Ỗ, legacy text must be converted (`docgen.legacy`) *before* `clean`.
  For the same reason `clean` keeps U+00AD (TCVN3's ư).
- Dates are always read day-first. A two-digit year is read in a hundred-year window: Excel's
  1930–2029 by default; the validator slides it with the campaign's year (see
  `validate.cells`) and warns at the cell.
- Percentages: two decimals with a decimal comma, but no decimals when the rounded value is
  whole ("77,78 %", "50 %", "100 %"); halves round up, as people do by hand.
- Collation is letter by letter (no digraph units such as "ng", "ch"), like Excel and ICU.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath
from typing import TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")

# --- cleaning --------------------------------------------------------------------------------
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# Look-alikes written for Vietnamese letters (eth for đ; "oi" letters from PDF copy-paste for ư).
_LOOKALIKES = str.maketrans(
    {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u01a3": "\u01b0", "\u01a2": "\u01af"}
)
# \v is Word's manual line break when text is pasted into a cell.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
_SPACES = re.compile(r"[^\S\n]+")  # every Unicode space (NBSP, U+2007, U+202F, tab) but \n


# `str.translate` with a table looks every character up in a dict: skip it when a regex
# (C speed) finds nothing to translate, which is nearly always.
_HAS_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_HAS_LOOKALIKE = re.compile("[\u00d0\u00f0\u01a3\u01a2]")


# What `clean` would change: zero-width and look-alike letters, any space but " " and "\n"
# (tabs, NBSP, CR, VT, FF, U+2028…), double spaces, spaces or newlines at either end of a
# line or of the text. Text without them (and in NFC) is already clean: nearly every cell.
_DIRTY = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00d0\u00f0\u01a3\u01a2]|[^\\S \n]|  |^[ \n]|[ \n]$| \n|\n "
)


def clean(value: str) -> str:
    """Normalise a cell's text: NFC, look-alike letters fixed, spaces collapsed, lines kept."""
    if _DIRTY.search(value) is None and (
        value.isascii() or unicodedata.is_normalized("NFC", value)
    ):
        return value  # one C-speed search instead of the work below
    if _HAS_ZERO_WIDTH.search(value):
        value = value.translate(_ZERO_WIDTH)
    text = _LINE_BREAKS.sub("\n", value)
    if _HAS_LOOKALIKE.search(text):
        text = text.translate(_LOOKALIKES)
    text = nfc(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def nfc(value: str) -> str:
    """`value` in NFC: what keys, hashes and comparisons of text are made of."""
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def file_name(path: PurePath | str) -> str:
    """A file's name as data (keys, places, manifests, messages): in NFC.

    Files made on macOS, and some mail clients, carry decomposed (NFD) names; the same
    name must give the same key whichever form the disk holds. Open files by their Path.
    """
    return nfc(PurePath(path).name)


def clean_line(value: str) -> str:
    """Like `clean`, but on one line: newlines become single spaces."""
    cleaned = clean(value)
    if "\n" not in cleaned:
        return cleaned  # clean left single spaces only, none at either end
    return " ".join(cleaned.split())


# --- matching --------------------------------------------------------------------------------
# The five tone marks (huyền, hỏi, ngã, sắc, nặng) as NFD combining characters.
_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"


class _Memo(dict[_K, _V]):
    """A dict that works out a missing key's value with `compute`, keeping at most `limit`
    entries whatever text is read: for `str.translate` tables and per-word keys."""

    def __init__(self, compute: Callable[[_K], _V], limit: int = 65_536) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: _K) -> _V:
        value = self._compute(key)
        if len(self) < self._limit:
            self[key] = value
        return value


# `str.translate` table deleting nonspacing marks (category Mn), at C speed once warmed.
_NO_MARKS: _Memo[int, int | None] = _Memo(
    lambda code: None if unicodedata.category(chr(code)) == "Mn" else code
)


def fold(value: str) -> str:
    """Lower-case and strip every diacritic (đ → d), for matching headers and labels."""
    if len(value) <= _SHORT_FOLD:  # labels, departments, choices: a few hundred distinct
        return _FOLDED[value]
    return _fold(value)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", clean_line(value).lower())
    return decomposed.translate(_NO_MARKS).replace("đ", "d")


_SHORT_FOLD = 200
_FOLDED: _Memo[str, str] = _Memo(_fold, limit=16_384)


def person_key(name: str) -> str:
    """Key comparing names regardless of case and tone placement ("Hòa" = "HOÀ" ≠ "Hoa").

    Vowel quality (ă â ê ô ơ ư) and đ stay, since they change the name; each word's tone
    is kept as a digit after the word ("hòa" → "hoa1"), so old and new placement of the
    mark compare equal while "Ánh" and "Anh" stay different names.
    """
    if len(name) <= _SHORT_FOLD:  # the same names are keyed by several checks
        return _PERSON_KEYS[name]
    return _person_key(name)


def _person_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", clean_line(name).lower())
    return unicodedata.normalize("NFC", _LETTER_RUN.sub(_word_key, decomposed))


_PERSON_KEYS: _Memo[str, str] = _Memo(_person_key, limit=65_536)


_LETTER_RUN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")  # a word: letters with their marks


def _tone_last(word: str) -> str:
    """The word without tone marks, then its tones as digits ("hòa" → "hoa1")."""
    tones = "".join(str(_TONE_MARKS.index(c) + 1) for c in word if c in _TONE_MARKS)
    return "".join(c for c in word if c not in _TONE_MARKS) + tones


_TONE_LAST = _Memo(_tone_last)  # names reuse a small stock of syllables


def _word_key(match: re.Match[str]) -> str:
    return _TONE_LAST[match.group(0)]


def _capitalise(word: str) -> str:
    """Capitalise a word and each part after a hyphen or apostrophe ("H'Hen", "Y-Moan")."""
    return re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), word.lower())


def title_case_name(name: str) -> str:
    """Print a person's name in normal case: "NGUYỄN VĂN AN" → "Nguyễn Văn An"."""
    return " ".join(_capitalise(word) for word in clean_line(name).split())


# --- dates -----------------------------------------------------------------------------------
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_EXCEL_FAKE_LEAP_DAY = 60  # Excel's 1900-02-29, a day that never existed
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_DAY_FIRST = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_LONG_FORM = re.compile(r"(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})")


def _from_serial(serial: float) -> dt.date:
    """Convert an Excel 1900-system serial (time of day ignored) to a date."""
    if not math.isfinite(serial):
        raise ValueError("date serial is not a finite number")
    day = math.floor(serial)
    if not 1 <= day <= _EXCEL_MAX_SERIAL:
        raise ValueError(f"date serial {serial} out of range 1..{_EXCEL_MAX_SERIAL}")
    if day == _EXCEL_FAKE_LEAP_DAY:
        raise ValueError("date serial 60 is Excel's non-existent 1900-02-29")
    # Serials after the fake leap day are one day ahead of the true count.
    epoch = dt.date(1899, 12, 31) if day < _EXCEL_FAKE_LEAP_DAY else dt.date(1899, 12, 30)
    return epoch + dt.timedelta(days=day)


def _make_date(year: int, month: int, day: int, hint: str = "") -> dt.date:
    """Build a date, with a short reason when the parts do not form one."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} out of range{hint}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"no day {day} in {month:02d}/{year:04d}") from None


EXCEL_FIRST_YEAR = 1930  # Excel reads two-digit years as 1930–2029


def full_year(two_digits: int, first_year: int = EXCEL_FIRST_YEAR) -> int:
    """The year ending in `two_digits` among the hundred from `first_year` on."""
    return first_year + (two_digits - first_year) % 100


def _full_year(year: str, first_year: int) -> int:
    return int(year) if len(year) != 2 else full_year(int(year), first_year)


def has_two_digit_year(value: str) -> bool:
    """Whether a date typed as text gives its year in two digits ("05/03/90")."""
    text = re.sub(r"\s*([-/.])\s*", r"\1", clean_line(value))
    match = _DAY_FIRST.fullmatch(text)
    return match is not None and len(match.group(4)) == 2


def _from_text(value: str, first_year: int) -> dt.date:
    """Parse a date written as text, always day-first unless the year comes first (ISO)."""
    text = re.sub(r"\s*([-/.])\s*", r"\1", clean_line(value))
    if match := _ISO.fullmatch(text):
        year, _, month, day = match.groups()
        return _make_date(int(year), int(month), int(day))
    if match := _DAY_FIRST.fullmatch(text):
        day, _, month, year = match.groups()
        whole = _full_year(year, first_year)
        return _make_date(whole, int(month), int(day), " (dates are read day-first)")
    if match := _LONG_FORM.fullmatch(fold(text)):
        day, month, year = match.groups()
        return _make_date(int(year), int(month), int(day))
    raise ValueError(f"not a date (expected dd/mm/yyyy): {value!r}")


def parse_date(value: object, first_year: int = EXCEL_FIRST_YEAR) -> dt.date:
    """Read a date from a cell value: date, Excel serial, or day-first text.

    A two-digit year is read among the hundred years from `first_year` on (Excel's
    1930–2029 by default). Raises ValueError with a short reason; never reads month-first
    ("02/24/2023" fails).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):  # bool is an int: True must not become 1900-01-01
        raise ValueError("a boolean is not a date")
    if isinstance(value, int | float):
        return _from_serial(value)
    if isinstance(value, str):
        return _from_text(value, first_year)
    raise ValueError(f"cannot read a date from {type(value).__name__}")


def format_date_vn(d: dt.date) -> str:
    """Write a date as the decree does: "ngày 05 tháng 3 năm 2023", "ngày 24 tháng 02 năm 2023".

    Day < 10 and months 1 and 2 take a leading zero; months 3–12 do not.
    """
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_date_short(d: dt.date) -> str:
    """Write a date as dd/mm/yyyy, always zero-padded: "24/02/2023"."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


# Vietnam keeps one offset all year (no summer time): a fixed zone needs no tz database.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def typed_day(text: str) -> dt.date | None:
    """A day typed as the commands' options and the page's boxes take it, dd/mm/yyyy; None
    when the text is not one (each caller says so in its own words)."""
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None


def now_in_vietnam() -> dt.datetime:
    """Now on Vietnam's clock, whatever the machine's zone (a server may keep UTC)."""
    return dt.datetime.now(VIETNAM)


def in_vietnam(moment: dt.datetime) -> dt.datetime:
    """The moment on Vietnam's clock (a naive moment is taken as UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(VIETNAM)


def format_moment(moment: dt.datetime) -> str:
    """A moment as the clerk reads it, Vietnam time, date first: "10/12/2023 09:30:00"."""
    local = in_vietnam(moment)
    return f"{format_date_short(local.date())} {local:%H:%M:%S}"


# --- numbers ---------------------------------------------------------------------------------
def format_percent(x: float, digits: int = 2) -> str:
    """Write a percentage Vietnamese style: "77,78 %"; whole values without decimals: "50 %"."""
    if not math.isfinite(x):
        raise ValueError("percentage is not a finite number")
    if digits < 0:
        raise ValueError("digits must be >= 0")
    # Decimal from the shortest repr, so 0.125 is 0.125 (not 0.1249…) and rounds half up.
    value = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return f"{int(value)} %"
    return f"{value:f} %".replace(".", ",")


def format_count(n: int) -> str:
    """Write a count with a leading zero below ten, as documents do: "01 tập thể"."""
    if n < 0:
        raise ValueError("a count cannot be negative")
    return f"{n:02d}"


# --- sorting ---------------------------------------------------------------------------------
# Vietnamese alphabet, with f j w z placed where the Latin alphabet puts them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_TONE_RANK = {mark: rank for rank, mark in enumerate(_TONE_MARKS, start=1)}  # huyền … nặng

SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...], str]


def _char_key(char: str) -> tuple[tuple[int, int], int, int]:
    """Primary (class, rank), tone and case of one character."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    tone = next((_TONE_RANK[c] for c in decomposed if c in _TONE_RANK), 0)
    letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_RANK))
    case = 1 if char.isupper() else 0
    if letter in _LETTER_RANK:
        return (3, _LETTER_RANK[letter]), tone, case
    if char.isspace():
        return (0, 0), 0, 0
    if char.isdigit():
        return (2, ord(char)), 0, 0
    if char.isalpha():  # other Latin letters sort with their base letter, then by code point
        base = decomposed[0]
        return (3, _LETTER_RANK.get(base, len(_ALPHABET))), tone, case
    return (1, ord(char)), 0, 0


def vn_sort_key(s: str) -> SortKey:
    """Sort key in Vietnamese order: letters (a ă â b … đ …), then tones, then case."""
    keys = [_char_key(c) for c in clean_line(s)]
    primary = tuple(k[0] for k in keys)
    tones = tuple(k[1] for k in keys)
    cases = tuple(k[2] for k in keys)
    return primary, tones, cases, s


def given_name_sort_key(full_name: str) -> tuple[SortKey, SortKey, SortKey]:
    """Sort key for officials' lists: given name (last word), then middle names, then family."""
    words = clean_line(full_name).split()
    if len(words) < 2:
        return vn_sort_key(" ".join(words)), vn_sort_key(""), vn_sort_key("")
    return vn_sort_key(words[-1]), vn_sort_key(" ".join(words[1:-1])), vn_sort_key(words[0])


# --- identifiers and safety ------------------------------------------------------------------
def ascii_slug(value: str, max_len: int = 60) -> str:
    """ASCII file-name slug: "Nguyễn Văn An" → "nguyen-van-an"; "" when nothing is left."""
    if max_len < 1:
        raise ValueError("max_len must be >= 1")
    slug = re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")
    if len(slug) <= max_len:
        return slug
    cut = slug[:max_len]
    # Cut at the last whole word unless the first word alone is longer than max_len.
    if slug[max_len] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")


def looks_like_formula(s: str) -> bool:
    """Whether a spreadsheet would take this text as a formula (starts with = + - @)."""
    return s[:1] in ("=", "+", "-", "@")
