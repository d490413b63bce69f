"""Who is who in the award history: the keys people and collectives are matched by.

A person is the same person when the name, the birth date and the unit all agree (names
compared regardless of case, spacing and tone placement; units regardless of case,
diacritics, punctuation and the usual abbreviations). A collective is its name within its
unit (a unit left blank on either side does not tell collectives apart). Anything less than that is never merged: when the name agrees but the birth date is
missing on one side, or the unit differs (a person who moved, a collective renamed), the
record is *ambiguous* and listed for the clerk to settle, not counted as the same recipient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from docgen.campaign.model import Kind
from docgen.text import fold, person_key

# Abbreviations a unit is written with, expanded before comparing (folded forms).
_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "tp": "thanh pho",
    "p": "phuong",
}
_NOT_WORD = re.compile(r"[^\w]+")


class Match(StrEnum):
    """How a history record relates to the recipient looked for."""

    SAME = "trung"  # the same recipient: counted
    AMBIGUOUS = "chua-ro"  # maybe the same: listed for the clerk, never counted
    OTHER = "khac"  # someone else


@dataclass(frozen=True)
class Identity:
    """The keys a recipient is matched by."""

    kind: Kind
    name_key: str
    unit_key: str
    birth: date | None = None

    @classmethod
    def of(cls, kind: Kind, name: str, unit: str, birth: date | None = None) -> Identity:
        """The identity of a recipient named so."""
        return cls(kind, name_key(name), unit_key(unit), birth)

    def match(self, other: Identity) -> Match:
        """How `other` (a history record) relates to this recipient."""
        if other.kind is not self.kind or other.name_key != self.name_key:
            return Match.OTHER
        if self.kind is Kind.COLLECTIVE:
            same_unit = other.unit_key == self.unit_key or not (other.unit_key and self.unit_key)
            return Match.SAME if same_unit else Match.AMBIGUOUS
        if self.birth and other.birth and self.birth != other.birth:
            return Match.OTHER
        same_unit = other.unit_key == self.unit_key
        if self.birth and other.birth:  # equal births
            return Match.SAME if same_unit else Match.AMBIGUOUS
        return Match.AMBIGUOUS if same_unit else Match.OTHER


def name_key(name: str) -> str:
    """A name's key: case, spacing and tone placement folded ("HOÀ" = "Hòa" ≠ "Hoa")."""
    return person_key(name)


def unit_key(unit: str) -> str:
    """A unit's key: folded, punctuation dropped, "UBND" = "Ủy ban nhân dân"."""
    words = _NOT_WORD.sub(" ", fold(unit)).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)
