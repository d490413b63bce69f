"""Do the documents kept as hand-edited still agree with the rest of the dossier?

A document edited by hand is kept (never overwritten unless forced), but the rest of the dossier
moves on: the văn thư's number and date land in the Danh sách and the Tờ trình's citations, a
change of votes changes who is proposed. A kept document that now says another number, date or
set of nominees than its regenerated version would make a dossier that contradicts itself: each
such difference is named with both places and what each says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from docgen.render.text import docx_paragraphs
from docgen.text import person_key

NOMINEE = "người được đề nghị"  # the fact a nominee difference is about
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_NUMBER = re.compile(r"^\s*Số\s*:", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^[^,\d]{2,60},\s*ngày\b", re.IGNORECASE)
_SHAPE = re.compile(r"Số\s*:\s*(.*)$|ngày\s*(.*)$", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w]+")
# "số 05/BB-HĐTĐKT ngày 15 tháng 12 năm 2023", "Số:      /TTr-UBND" (blank number, blank date)
_REFERENCE = re.compile(
    r"[Ss]ố:?\s*(\d*)\s*/\s*([A-ZĐ][\w-]*(?:-[\w]+)*)"
    r"(?:\s+ngày(?:\s+\d{1,2}|\s+)\s*tháng(?:\s+\d{1,2}|\s+)\s*năm\s+\d{4})?"
)


@dataclass(frozen=True)
class Disagreement:
    """One fact on which a kept document and the dossier differ."""

    path: str  # the kept document, relative to the campaign's output folder
    what: str  # "số", "ngày", "văn bản dẫn", "người được đề nghị"
    says: str  # the kept document's line ("" when it lacks the fact)
    other: str  # where the dossier says it: another document, or the meeting workbook
    other_says: str
    fix: str  # the value to apply by hand


@dataclass(frozen=True)
class Kept:
    """A document kept as edited by hand, and the bytes docgen would write for it now."""

    path: str
    on_disk: bytes
    regenerated: bytes


def disagreements(
    kept: Iterable[Kept], others: Mapping[str, bytes], names: Iterable[str], meeting: str
) -> list[Disagreement]:
    """Every difference of number, date or nominee between kept documents and the dossier.

    `others` are the other documents written this run (where a citation is looked for);
    `names` every nominee the meeting considered; `meeting` names the meeting workbook.
    """
    texts = {path: _lines(data) for path, data in others.items()}
    keys = {person_key(n): n for n in names if n.strip()}
    found: list[Disagreement] = []
    for document in kept:
        mine, now = _lines(document.on_disk), _lines(document.regenerated)
        for what, pick in (("số", _NUMBER), ("ngày", _PLACE_DATE)):
            says, should = _first(mine, pick), _first(now, pick)
            if _norm(says) != _norm(should):
                value = _value(should)
                where, line = _citing(texts, document.path, value, meeting)
                found.append(Disagreement(document.path, what, says, where, line, value))
        found += _citations(document.path, mine, now, texts, meeting)
        found += _nominees(document.path, mine, now, keys, meeting)
    return found


def _citations(
    path: str, mine: list[str], now: list[str], texts: Mapping[str, list[str]], meeting: str
) -> list[Disagreement]:
    """Documents cited by number and date ("Biên bản số 05/BB-HĐTĐKT ngày …"): the kept
    document must cite them as the dossier now does (its own number line is checked apart)."""
    own = _symbols(_first(now, _NUMBER))
    mine_refs, now_refs = _references(mine), _references(now)
    found: list[Disagreement] = []
    for symbol, cited in sorted(now_refs.items()):
        if symbol in own or {_norm(c) for c in cited} == {
            _norm(c) for c in mine_refs.get(symbol, [])
        }:
            continue
        says = next((line for line in mine if symbol in line), "")
        value = cited[0]
        number = value.split()[1] if len(value.split()) > 1 else value
        where, line = _citing(texts, path, number, meeting)
        found.append(Disagreement(path, "văn bản dẫn", says, where, line, value))
    return found


def _references(lines: list[str]) -> dict[str, list[str]]:
    """Every "số N/KÝ-HIỆU [ngày … tháng … năm …]" in the text, by ký hiệu."""
    found: dict[str, list[str]] = {}
    for line in lines:
        for match in _REFERENCE.finditer(line):
            found.setdefault(match.group(2), []).append(" ".join(match.group(0).split()))
    return found


def _symbols(line: str) -> set[str]:
    return {m.group(2) for m in _REFERENCE.finditer(line)}


def _nominees(
    path: str, mine: list[str], now: list[str], keys: Mapping[str, str], meeting: str
) -> list[Disagreement]:
    mine_text, now_text = _words(mine), _words(now)
    found: list[Disagreement] = []
    for key, name in sorted(keys.items()):
        here, there = f" {key} " in mine_text, f" {key} " in now_text
        if here == there:
            continue
        says = f"có tên {name}" if here else f"không có tên {name}"
        should = f"có tên {name}" if there else f"không có tên {name}"
        found.append(Disagreement(path, NOMINEE, says, meeting, should, name))
    return found


def _lines(data: bytes) -> list[str]:
    return [" ".join(p.translate(_DASHES).split()) for p in docx_paragraphs(data)]


def _first(lines: list[str], pattern: re.Pattern[str]) -> str:
    return next((line for line in lines if pattern.search(line)), "")


def _norm(line: str) -> str:
    return "".join(line.split()).casefold()


def _value(line: str) -> str:
    """What the line says after "Số:" or from "ngày" on: the part to copy by hand."""
    match = _SHAPE.search(line)
    if match is None:
        return line
    return (match.group(1) or f"ngày {match.group(2)}").strip()


def _citing(texts: Mapping[str, list[str]], path: str, value: str, meeting: str) -> tuple[str, str]:
    """The first other document whose text carries `value`, else the meeting workbook."""
    if value and any(c.isdigit() for c in value.split("năm")[0]):
        for other, lines in sorted(texts.items()):
            if other == path:
                continue
            line = next((t for t in lines if value in t), "")
            if line:
                return other, line
    return meeting, value


def _words(lines: list[str]) -> str:
    return f" {' '.join(person_key(_NOT_WORD.sub(' ', line)) for line in lines)} "
