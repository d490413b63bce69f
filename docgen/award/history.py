"""The ward's award history: every decision's conferments, kept in the ward's register.

Recording a decision is idempotent: the decision of one campaign and level (or, without a
campaign, of one reference, date and authority) is kept once; recording it again with the
same content writes nothing, with a changed number or list replaces it whole. The history is
read whole (a ward confers some hundred awards a year) and matched in memory by
`identity.Identity`, so two records are never merged by guess.
"""

from __future__ import annotations

import json
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from docgen.archive.register import (
    ConfermentRow,
    DecisionRow,
    award_rows,
    decision_rows,
    save_decision,
)
from docgen.archive.schema import open_register
from docgen.archive.store import Store
from docgen.award.identity import Identity, Match, name_key, unit_key
from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.campaign.model import Kind
from docgen.digest import sha256
from docgen.text import fold, nfc

TITLE_PREFIXES = (
    "chien si thi dua",
    "lao dong tien tien",
    "tap the lao dong",
    "co thi dua",
    "danh hieu",
    "chien sy thi dua",
)


@dataclass(frozen=True, kw_only=True)
class Award:
    """One award a recipient received, as the history holds it."""

    recipient: Recipient
    form: str
    year: int
    number: str
    symbol: str
    issued: date
    authority: str
    level: str
    campaign: str
    origin: Origin
    achievement: str = ""  # the line a certificate prints, when the decision gave one

    @property
    def reference(self) -> str:
        """The decision as cited: "15/QĐ-UBND"."""
        return f"{self.number}/{self.symbol}" if self.symbol else self.number

    @property
    def identity(self) -> Identity:
        """The keys its recipient is matched by."""
        r = self.recipient
        return Identity.of(r.kind, r.name, r.unit, r.birth)

    @property
    def is_title(self) -> bool:
        """A danh hiệu thi đua (a title), not a hình thức khen thưởng (a commendation)."""
        return is_title(self.form)


def is_title(form: str) -> bool:
    """Whether the award form is a danh hiệu thi đua ("Lao động tiên tiến", "Chiến sĩ thi đua
    cơ sở"…) rather than a hình thức khen thưởng ("Giấy khen", "Bằng khen"…)."""
    return fold(form).startswith(TITLE_PREFIXES)


@dataclass(frozen=True)
class Found:
    """A recipient's awards in the history, and the records that may be theirs."""

    same: tuple[Award, ...]
    ambiguous: tuple[Award, ...]


@dataclass(frozen=True)
class History:
    """The ward's award history, read whole."""

    awards: tuple[Award, ...]

    @cached_property
    def _by_name(self) -> dict[tuple[Kind, str], list[tuple[Award, Identity]]]:
        """The awards with their identities, by kind and name key: a lookup reads only the
        records of the same name (a ward's history and a campaign both run to thousands)."""
        index: dict[tuple[Kind, str], list[tuple[Award, Identity]]] = {}
        for award in self.awards:
            who = award.identity
            index.setdefault((who.kind, who.name_key), []).append((award, who))
        return index

    def of(self, identity: Identity) -> Found:
        """The awards of `identity`, and those only maybe theirs (for the clerk)."""
        same, ambiguous = [], []
        for award, who in self._by_name.get((identity.kind, identity.name_key), []):
            match = identity.match(who)
            if match is Match.SAME:
                same.append(award)
            elif match is Match.AMBIGUOUS:
                ambiguous.append(award)
        return Found(tuple(same), tuple(ambiguous))

    def maybe_same(self) -> list[tuple[Award, Award]]:
        """Pairs of records that may name the same recipient but are not surely the same
        (a birth date missing on one side, another unit): for the clerk, never merged."""
        pairs = []
        for group in self._by_name.values():
            for i, (first, one) in enumerate(group):
                for second, other in group[i + 1 :]:
                    if one.match(other) is Match.AMBIGUOUS:
                        pairs.append((first, second))
        return pairs


def register_path(ward: Path) -> Path:
    """The ward's register, which holds the history beside the archive's records."""
    return Store.of(ward).register_file


def load_history(ward: Path) -> History:
    """The ward's history; empty when the ward has no register yet (nothing is created)."""
    path = register_path(ward)
    if not path.exists():
        return History(())
    with closing(open_register(path)) as db:
        return History(tuple(_award(row) for row in award_rows(db)))


def record_decision(ward: Path, decision: AwardDecision, when: datetime | None = None) -> str:
    """Record `decision` in the ward's history: "new", "replaced" or "unchanged"."""
    lines = [_line(c) for c in decision.conferments]
    row = _decision_row(decision, lines)
    stamp = (when or datetime.now().astimezone()).isoformat(timespec="seconds")
    with closing(open_register(register_path(ward))) as db:
        return save_decision(db, row, lines, stamp)


def recorded_decisions(ward: Path) -> list[dict[str, Any]]:
    """Every decision in the ward's history with its number of lines."""
    path = register_path(ward)
    if not path.exists():
        return []
    with closing(open_register(path)) as db:
        return decision_rows(db)


def decision_key(decision: AwardDecision) -> str:
    """One decision per campaign and level; without a campaign, per reference, date, body."""
    if decision.campaign:
        return f"{decision.campaign}|{decision.level}"
    issued = decision.date.isoformat()
    return f"|{decision.reference.casefold()}|{issued}|{unit_key(decision.authority)}"


def _decision_row(decision: AwardDecision, lines: list[ConfermentRow]) -> DecisionRow:
    fields = {
        "campaign": decision.campaign,
        "level": decision.level,
        "number": nfc(decision.number.strip()),
        "symbol": nfc(decision.symbol.strip()).replace("\u2011", "-"),
        "issued": decision.date.isoformat(),
        "authority": nfc(decision.authority.strip()),
        "year": decision.year,
        "origin": str(decision.origin),
    }
    canonical = json.dumps(
        [fields, [vars(line) for line in lines]], ensure_ascii=False, sort_keys=True
    )
    fingerprint = sha256(canonical.encode("utf-8"))
    return DecisionRow(
        key=decision_key(decision),
        fingerprint=fingerprint,
        campaign=decision.campaign,
        level=decision.level,
        number=str(fields["number"]),
        symbol=str(fields["symbol"]),
        issued=str(fields["issued"]),
        authority=str(fields["authority"]),
        year=decision.year,
        origin=str(decision.origin),
    )


def _line(conferment: Conferment) -> ConfermentRow:
    r = conferment.recipient
    return ConfermentRow(
        kind=str(r.kind),
        name=nfc(r.name.strip()),
        name_key=name_key(r.name),
        birth=r.birth.isoformat() if r.birth else "",
        unit=nfc(r.unit.strip()),
        unit_key=unit_key(r.unit),
        position=nfc(r.position.strip()),
        form=nfc(conferment.form.strip()),
        achievement=nfc(conferment.achievement.strip()),
        bonus=conferment.bonus,
    )


def _award(row: dict[str, Any]) -> Award:
    recipient = Recipient(
        kind=Kind(row["kind"]),
        name=row["name"],
        unit=row["unit"],
        position=row["position"],
        birth=date.fromisoformat(row["birth"]) if row["birth"] else None,
    )
    return Award(
        recipient=recipient,
        form=row["form"],
        year=int(row["year"]),
        number=row["number"],
        symbol=row["symbol"],
        issued=date.fromisoformat(row["issued"]),
        authority=row["authority"],
        level=row["level"],
        campaign=row["campaign"],
        origin=Origin(row["origin"]),
        achievement=row["achievement"],
    )
