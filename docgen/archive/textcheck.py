"""Does a PDF's text layer contradict the document it was matched to by name or number?

A file recognised by its content is the document. A PDF recognised only by its file name or
the number in it (a scan of the signed paper, or a PDF signed after being made elsewhere)
could be any paper: when it has a text layer, what it says is read — the document's type in
its title (TỜ TRÌNH, QUYẾT ĐỊNH, …), its số, ký hiệu, the issuing ward, the year it is dated —
and set against the manifest and the campaign. A contradiction refuses the file; agreement on the type (and the
rest where both say it) confirms it; no text layer, or none of these facts in it, leaves the
match to the name alone, and the register says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from docgen.archive.source import Expected
from docgen.campaign.model import DocKind
from docgen.text import fold

# The type each kind of document prints as its title (Nghị định 30/2020, Phụ lục I).
TITLES: dict[str, str] = {
    DocKind.PROPOSAL: "TỜ TRÌNH",
    DocKind.AWARD_PROPOSAL: "TỜ TRÌNH",
    DocKind.LIST: "DANH SÁCH",
    DocKind.DECISION_LIST: "DANH SÁCH",
    DocKind.MINUTES: "BIÊN BẢN",
    DocKind.REPORT: "BÁO CÁO",
    DocKind.DECISION: "QUYẾT ĐỊNH",
}
_KNOWN_TITLES = tuple(dict.fromkeys(TITLES.values()))
_NUMBER = re.compile(r"\bSố\s*:\s*(\d*)\s*/\s*([^\s,;]+)", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:PHƯỜNG|XÃ(?! HỘI)|THỊ TRẤN|ĐẶC KHU)\b")  # not CỘNG HÒA XÃ HỘI
_DATE = re.compile(r"\bngày\s+[\d\s]*tháng\s+[\d\s]*năm\s+(\d{4})\b", re.IGNORECASE)
_NOT_PLACE = ("CỘNG", "ĐỘC", "SỐ:")  # what follows the issuer's name on its header line


class Agreement(StrEnum):
    """What the text layer says of the match."""

    CONFIRMED = "confirmed"  # the text is this document
    UNREAD = "unread"  # no text, or nothing in it to tell: the name alone decided
    CONTRADICTED = "contradicted"


@dataclass(frozen=True)
class Facts:
    """What a document's text says of itself: its title, số/ký hiệu, issuing ward."""

    title: str = ""  # TỜ TRÌNH
    number: str = ""  # 04 (empty when the text leaves it blank)
    symbol: str = ""  # TTr-HĐTĐKT
    place: str = ""  # PHƯỜNG TIẾN THÀNH
    year: int = 0  # of the date line above the title (0: none)


@dataclass(frozen=True)
class TextCheck:
    """The verdict, and each contradiction in the clerk's words."""

    agreement: Agreement
    said: Facts
    contradictions: tuple[str, ...] = ()


def read_facts(lines: Sequence[str]) -> Facts:
    """The first title line, the first "Số: …/…", and the ward named above the title."""
    index = next((n for n, line in enumerate(lines) if _title(line)), None)
    title = _title(lines[index]) if index is not None else ""
    found = next((m for m in map(_NUMBER.search, lines) if m), None)
    head = lines[:index] if index is not None else lines[:6]
    place = next((p for p in map(_place, head) if p), "")
    dated = next((m for m in map(_DATE.search, head) if m), None)
    year = int(dated.group(1)) if dated else 0
    if found is None:
        return Facts(title, place=place, year=year)
    return Facts(title, found.group(1), found.group(2).rstrip("."), place, year)


def _title(line: str) -> str:
    """The type a title line starts with ("" when the line is not a title): a title is in
    capitals, so "Quyết định số …" in a sentence is not one."""
    words = line.split()
    for title in _KNOWN_TITLES:
        size = len(title.split())
        start = " ".join(words[:size])
        if start == start.upper() and fold(start) == fold(title):
            return title
    return ""


def _place(line: str) -> str:
    found = _PLACE.search(line)
    if found is None:
        return ""
    words = line[found.start() :].split()
    taken = [words[0]]
    for word in words[1:]:
        if word != word.upper() or word in _NOT_PLACE:
            break
        taken.append(word)
    return " ".join(taken) if len(taken) > 1 else ""


def check_text(
    lines: Sequence[str], doc: Expected, issuer: Sequence[str], year: int = 0
) -> TextCheck:
    """Set the text `lines` of a PDF against `doc`, the names of the campaign's `issuer` (as
    its header prints them) and the campaign's `year`; `lines` empty: an image-only scan."""
    said = read_facts(lines)
    if not said.title:
        return TextCheck(Agreement.UNREAD, said)
    wrong = [
        *_wrong_title(said, doc),
        *_wrong_number(said, doc),
        *_wrong_place(said, lines, issuer),
        *_wrong_year(said, doc, year),
    ]
    agreement = Agreement.CONTRADICTED if wrong else Agreement.CONFIRMED
    return TextCheck(agreement, said, tuple(wrong))


def _wrong_title(said: Facts, doc: Expected) -> list[str]:
    title = TITLES.get(doc.kind, "")
    if not title or said.title == title:
        return []
    return [f"tệp là {said.title}, còn văn bản là {title}"]


def _wrong_number(said: Facts, doc: Expected) -> list[str]:
    number, _, symbol = doc.number.partition("/") if "/" in doc.number else ("", "", doc.symbol)
    printed = f"{said.number}/{said.symbol}" if said.number else f"…/{said.symbol}"
    wanted = doc.number or f"…/{doc.symbol}"
    symbols_differ = bool(symbol and said.symbol) and _key(said.symbol) != _key(symbol)
    numbers_differ = bool(number and said.number) and number.lstrip("0") != said.number.lstrip("0")
    if symbols_differ or numbers_differ:
        return [f"tệp ghi số, ký hiệu {printed}, còn văn bản là {wanted}"]
    return []


def _wrong_place(said: Facts, lines: Sequence[str], issuer: Sequence[str]) -> list[str]:
    text = fold(" ".join(lines))
    names = [n for n in issuer if n.strip()]
    if not names or any(fold(name) in text for name in names):
        return []
    where = said.place or "không ghi tên đơn vị"
    return [f"tệp ghi {where}, còn văn bản là của {names[0]}"]


def _wrong_year(said: Facts, doc: Expected, year: int) -> list[str]:
    """The document's date when the văn thư gave one; before that, the campaign's year (its
    papers are dated in it, or early the next year)."""
    if not said.year:
        return []
    if doc.issued is not None:
        if said.year == doc.issued.year:
            return []
        return [f"tệp đề năm {said.year}, còn văn bản đề ngày {doc.issued:%d/%m/%Y}"]
    if not year or said.year in (year, year + 1):
        return []
    return [f"tệp đề năm {said.year}, còn văn bản thuộc đợt thi đua năm {year}"]


def _key(symbol: str) -> str:
    """A ký hiệu compared without case, diacritics or the kind of dash."""
    return fold(re.sub(r"[‐‑‒–—]", "-", symbol)).replace(" ", "")


def issuer_names(full_name: str, name_lines: Sequence[str]) -> tuple[str, ...]:
    """How a campaign's issuer may be named in its documents: "phường Tiến Thành" (its full name
    without "Ủy ban nhân dân"), and the last line of its header."""
    short = re.sub(r"^(ủy|uỷ) ban nhân dân\s+", "", full_name.strip(), flags=re.IGNORECASE)
    return tuple(dict.fromkeys(n for n in (short, name_lines[-1] if name_lines else "") if n))
