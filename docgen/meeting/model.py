"""What the council decided: the meeting record and the selection per award level."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from docgen.campaign.model import Campaign, Kind, Level
from docgen.digest import sha256
from docgen.intake.records import Nominee
from docgen.issues.model import Place
from docgen.text import fold, nfc, person_key

VOTING_FORMS = ("biểu quyết", "bỏ phiếu kín")


@dataclass(frozen=True)
class Person:
    """A named participant with a title, e.g. the chair or the secretary."""

    name: str
    title: str


@dataclass(frozen=True)
class Absence:
    """A council member absent from the meeting and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class Meeting:
    """The meeting sheet as filled by the council secretary."""

    date: date
    start: time
    end: time | None
    place: str
    chair: Person
    secretary: Person
    members: int
    present: int
    absent: tuple[Absence, ...]
    voting_form: str  # "biểu quyết" | "bỏ phiếu kín"
    source: str = ""  # file name of the meeting workbook it was read from
    numbers: Mapping[str, Assigned] = field(default_factory=dict)  # document key → number
    runoffs: Mapping[str, int] = field(default_factory=dict)  # nominee key → run-off votes
    runoff_cells: Mapping[str, Place] = field(default_factory=dict)  # nominee key → its cell

    def assigned(self, key: str) -> Assigned | None:
        """The number and date the văn thư gave document `key` (see `numbered_documents`)."""
        return self.numbers.get(key)


@dataclass(frozen=True)
class Assigned:
    """A document's number and date as the văn thư entered them."""

    number: str  # "05"
    symbol: str  # "BB-HĐTĐKT"
    date: date | None

    @property
    def full(self) -> str:
        """`05/BB-HĐTĐKT`."""
        return f"{self.number}/{self.symbol}"


class Why(StrEnum):
    """Why a nomination is or is not proposed."""

    PROPOSED = "proposed"
    NO_VOTES = "no-votes"
    BELOW_THRESHOLD = "below-threshold"
    OVER_QUOTA = "over-quota"
    TIED = "tied"  # tied at the last seat, no run-off recorded yet
    RUNOFF_LOST = "runoff-lost"


@dataclass(frozen=True)
class Runoff:
    """A run-off held between nominations tied at the last seat(s) of one kind."""

    kind: Kind
    seats: int
    first_round: int  # the votes they were tied on
    decisions: tuple[Decision, ...]  # in run-off order, highest first


@dataclass
class Decision:
    """One nomination's outcome at its level: votes, share, rank and whether proposed."""

    nominee: Nominee
    level: Level
    votes: int
    base: int  # the denominator the threshold uses
    passed: bool
    rank: int = 0
    proposed: bool = False
    reason: str = ""  # why not proposed, in Vietnamese
    why: Why = Why.PROPOSED
    runoff: int | None = None  # votes in the run-off, when one was held for this nomination

    @property
    def share(self) -> float:
        """Percentage of `base` that voted for."""
        return self.votes * 100 / self.base if self.base else 0.0


@dataclass
class Selection:
    """A level's outcome: proposed nominations (ranked) and the others with reasons."""

    level: Level
    decisions: list[Decision] = field(default_factory=list)
    ties: list[list[Decision]] = field(default_factory=list)
    runoffs: list[Runoff] = field(default_factory=list)

    def proposed(self, kind: Kind | None = None) -> list[Decision]:
        """Proposed decisions in rank order, optionally of one kind."""
        out = [d for d in self.decisions if d.proposed and (kind is None or d.nominee.kind is kind)]
        return sorted(out, key=lambda d: (d.nominee.kind is Kind.INDIVIDUAL, d.rank))

    def not_proposed(self) -> list[Decision]:
        """Decisions not proposed, with their reasons."""
        return [d for d in self.decisions if not d.proposed]


def nominee_key(nominee: Nominee) -> str:
    """Stable key of a nomination in the consolidated list: file, sheet, row and name."""
    src = nominee.source
    return nfc(f"{src.file}|{src.sheet}|{src.row}|{person_key(nominee.name)}")


def content_hash(nominee: Nominee) -> str:
    """Short hash of what was nominated, to notice a row changed since consolidation."""
    values = sorted((k, "" if v is None else str(v)) for k, v in nominee.values.items())
    payload = _JSON.encode([str(nominee.kind), nominee.department, values])
    return sha256(nfc(payload).encode())[:12]


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(..., ensure_ascii=False) builds


def level_of(campaign: Campaign, nominee: Nominee) -> Level | None:
    """The campaign level the nomination asks for (labels compared without diacritics)."""
    wanted = fold(nominee.level_label)
    return next((lv for lv in campaign.levels if fold(lv.label) == wanted), None)
