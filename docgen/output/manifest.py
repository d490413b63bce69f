"""The manifest: every current generated file with its hash and provenance, and the history.

`files` lists exactly the documents of the current decision; `history` lists every document
moved aside (`da-thay-the/…`) by a later run, with where it went and why. A rerun compares each
target with the hashes docgen itself wrote (manifest and journal, see `docgen.output.state`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from docgen.output.files import write_atomic

MANIFEST = "manifest.json"
_LISTS = ("files", "history")  # written one record per line, after the other keys


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
        """Write the manifest atomically and durably: one line per file, grep-able.

        Each record is encoded by json's C encoder (an indented dump goes through its pure
        Python encoder: seconds for 20,000 files).
        """
        data = self.to_json()
        sections = [f"  {_json(k)}: {_json(v)}" for k, v in data.items() if k not in _LISTS]
        for key in _LISTS:
            records = ",\n".join(f"    {_json(record)}" for record in data[key])
            sections.append(f'  "{key}": [\n{records}\n  ]' if records else f'  "{key}": []')
        text = "{\n" + ",\n".join(sections) + "\n}\n"
        write_atomic(folder / MANIFEST, text.encode("utf-8"))


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
