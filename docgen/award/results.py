"""After the decisions: what the campaign came to, level by level, from the same data.

Who took part (the departments whose forms were kept, with their nominations), who the council
proposed at each level (the meeting's result) and who each level's decision awarded (the ward's
history, matched by identity). The Báo cáo kết quả thực hiện and the announcement both read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.award.history import Award, load_history
from docgen.award.identity import Match
from docgen.award.model import Recipient
from docgen.award.past import final_result, identity_of, recipient_of
from docgen.campaign.model import Campaign, Kind, Level
from docgen.intake.records import Nominee
from docgen.meeting.model import Meeting
from docgen.workspace import Workspace


@dataclass(frozen=True)
class Unit:
    """A department that took part, with how many it proposed of each kind."""

    name: str
    collectives: int
    individuals: int


@dataclass(frozen=True)
class Line:
    """One nominee the council proposed at a level, and whether the decision awarded them."""

    recipient: Recipient
    awarded: bool


@dataclass(frozen=True)
class LevelResult:
    """A level: who was proposed, and the decision that came back (if it did)."""

    level: Level
    lines: tuple[Line, ...]
    decision: Award | None  # one award of the decision: its number, date and authority
    awarded: tuple[Award, ...]  # every award of the decision, in its order

    def count(self, kind: Kind, awarded: bool = False) -> int:
        """How many of `kind` were proposed (or awarded)."""
        if awarded:
            return sum(a.recipient.kind is kind for a in self.awarded)
        return sum(line.recipient.kind is kind for line in self.lines)


@dataclass(frozen=True)
class Results:
    """The campaign's results: the meeting, the units that took part, each level."""

    campaign: Campaign
    meeting: Meeting
    units: tuple[Unit, ...]
    levels: tuple[LevelResult, ...]

    @property
    def awarded(self) -> bool:
        """Whether any level's decision has been recorded with someone in it."""
        return any(level.awarded for level in self.levels)


def campaign_results(campaign: Campaign, ws: Workspace) -> Results:
    """The results of `campaign` in workspace `ws`, with the decisions in the ward's history."""
    result = final_result(campaign, ws, "tổng kết")
    report = result.report
    own = [a for a in load_history(ws.ward).awards if a.campaign == campaign.id]
    units = tuple(
        Unit(
            s.department,
            sum(n.kind is Kind.COLLECTIVE for n in s.nominees),
            sum(n.kind is Kind.INDIVIDUAL for n in s.nominees),
        )
        for s in report.submissions
    )
    levels = tuple(
        _level(sel.level, [d.nominee for d in sel.proposed()], own) for sel in result.selections
    )
    return Results(campaign, result.meeting, units, levels)


def _level(level: Level, proposed: Sequence[Nominee], own: list[Award]) -> LevelResult:
    # The ward's decision is filed under the level's id, a higher level's under its tier.
    awarded = tuple(a for a in own if a.level in {level.id, level.tier or level.id})
    lines = []
    for nominee in proposed:
        who = identity_of(nominee)
        done = any(who.match(a.identity) is Match.SAME for a in awarded)
        lines.append(Line(recipient_of(nominee), done))
    return LevelResult(level, tuple(lines), awarded[0] if awarded else None, awarded)
