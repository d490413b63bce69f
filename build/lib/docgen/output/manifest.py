"""The manifest: every current generated file with its hash and provenance, and the history.

`files` lists exactly the documents of the current decision; `history` lists every document
moved aside (`da-thay-the/…`) by a later run, with where it went and why. A rerun compares each
target with the hashes docgen itself wrote (manifest and journal, see `docgen.output.state`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from docgen.output.files import write_atomic

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    """Hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One generated file: where it is, its hash, what it was made from, and what it is.

    The register fields (number, symbol, date, summary, signer, recipients) are those the
    văn thư and the archive need: `number` and `date` stay empty until the văn thư assigns them.
    """

    path: str  # relative to the campaign's output folder, with forward slashes
    sha256: str
    kind: str
    template: str
    level: str = ""
    sources: tuple[dict[str, object], ...] = ()
    title: str = ""  # "Tờ trình", "Báo cáo thành tích — Nguyễn Văn An"
    number: str = ""  # "05"
    symbol: str = ""  # ký hiệu: "TTr-UBND"
    date: str = ""  # ISO date of the document, "" while not assigned
    summary: str = ""  # trích yếu
    signer: str = ""  # "CHỦ TỊCH Lê Thanh Hoan"
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retired:
    """A document moved out of the current dossier: from where, to where, when and why."""

    path: str
    sha256: str
    kind: str
    level: str
    title: str
    moved_to: str  # relative to the campaign's output folder ("" when it was already gone)
    reason: str
    edited: bool = False  # it had been edited by hand


_ENTRY_FIELDS = tuple(sorted(f.name for f in fields(Entry)))
_RETIRED_FIELDS = tuple(sorted(f.name for f in fields(Retired)))


@dataclass
class Manifest:
    """All current generated files of one campaign output folder, and the retired ones."""

    campaign: str
    campaign_sha256: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    history: list[Retired] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path, campaign: str) -> Manifest:
        """The manifest in `folder`, or an empty one (also when it is unreadable)."""
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            entries = {e["path"]: _entry(e) for e in data["files"]}
            history = [
                Retired(**{k: v for k, v in h.items() if k in _RETIRED_FIELDS})
                for h in data.get("history", [])
            ]
            return cls(
                data.get("campaign", campaign), data.get("campaign_sha256", ""), entries, history
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(campaign)

    def to_json(self) -> dict[str, Any]:
        """The manifest as JSON data: no timestamps, sorted, so a rerun gives the same bytes."""
        return {
            "campaign": self.campaign,
            "campaign_sha256": self.campaign_sha256,
            "files": [_plain(self.entries[p], _ENTRY_FIELDS) for p in sorted(self.entries)],
            "history": [_plain(h, _RETIRED_FIELDS) for h in self.history],
        }

    def save(self, folder: Path) -> None:
        """Write the manifest atomically and durably: the data of `to_json`, one record per
        line (grep-able), each encoded by json's C encoder and written as it is made (an
        indented dump of 20,000 records takes seconds and tens of MB)."""
        write_atomic(folder / MANIFEST, (line.encode("utf-8") for line in self._lines()))

    def _lines(self) -> Iterator[str]:
        yield "{\n"
        yield f'  "campaign": {_json(self.campaign)},\n'
        yield f'  "campaign_sha256": {_json(self.campaign_sha256)},\n'
        files = (_plain(self.entries[p], _ENTRY_FIELDS) for p in sorted(self.entries))
        yield from _records("files", files, ",")
        yield from _records("history", (_plain(h, _RETIRED_FIELDS) for h in self.history), "")
        yield "}\n"


def _records(key: str, records: Iterable[dict[str, Any]], after: str) -> Iterator[str]:
    """`"key": [`, one record a line, `]`, then `after` (a comma between two lists)."""
    yield f'  "{key}": ['
    first, separator = "\n    ", ",\n    "
    lead = first
    for record in records:
        yield f"{lead}{_json(record)}"
        lead = separator
    yield ("]" if lead is first else "\n  ]") + after + "\n"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _plain(record: Entry | Retired, names: tuple[str, ...]) -> dict[str, Any]:
    """A record as JSON data (a shallow `asdict`: its values are plain already)."""
    return {name: getattr(record, name) for name in names}


def _entry(data: dict[str, Any]) -> Entry:
    values = {k: v for k, v in data.items() if k in _ENTRY_FIELDS}
    values["sources"] = tuple(values.get("sources", ()))
    values["recipients"] = tuple(values.get("recipients", ()))
    return Entry(**values)


class Outcome(StrEnum):
    """What happened to one planned document on this run."""

    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept-edited"  # edited by hand since generation: kept, not overwritten
    KEPT_UNKNOWN = "kept-unknown"  # a file docgen did not make: kept
    FORCED = "forced"  # overwritten on request; the old file moved to da-thay-the/
