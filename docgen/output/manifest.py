"""The manifest: every generated file with its hash and provenance, and rerun safety.

A rerun compares each target with the manifest of the previous run: a file whose hash still
matches was generated and not touched, so it may be replaced; a file edited by hand (hash
differs) or unknown to the manifest is kept and reported, unless the clerk forces it — and
then the old one is kept beside it, never lost.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from docgen.output.files import write_atomic

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    """Hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One generated file: where it is, its hash, and what it was made from."""

    path: str  # relative to the campaign's output folder, with forward slashes
    sha256: str
    kind: str
    template: str
    level: str = ""
    sources: tuple[dict[str, object], ...] = ()


@dataclass
class Manifest:
    """All generated files of one campaign output folder."""

    campaign: str
    campaign_sha256: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path, campaign: str) -> Manifest:
        """The manifest in `folder`, or an empty one (also when it is unreadable)."""
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            entries = {
                e["path"]: Entry(**{**e, "sources": tuple(e.get("sources", ()))})
                for e in data["files"]
            }
            return cls(data.get("campaign", campaign), data.get("campaign_sha256", ""), entries)
        except (OSError, ValueError, KeyError, TypeError):
            return cls(campaign)

    def save(self, folder: Path) -> None:
        """Write the manifest (sorted, no timestamps: a rerun gives the same bytes)."""
        data = {
            "campaign": self.campaign,
            "campaign_sha256": self.campaign_sha256,
            "files": [asdict(self.entries[p]) for p in sorted(self.entries)],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_atomic(folder / MANIFEST, text.encode("utf-8"))


class Outcome(StrEnum):
    """What happened to one target on this run."""

    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept-edited"  # edited by hand since generation: kept, not overwritten
    KEPT_UNKNOWN = "kept-unknown"  # a file docgen did not make: kept
    FORCED = "forced"  # overwritten on request; the old file kept beside it


def decide(target: Path, data: bytes, previous: Entry | None, force: bool) -> Outcome:
    """Whether `target` may receive `data`, given the previous run's entry for it."""
    if not target.exists():
        return Outcome.WRITTEN
    current = sha256(target.read_bytes())
    if current == sha256(data):
        return Outcome.UNCHANGED
    if previous is not None and previous.sha256 == current:
        return Outcome.WRITTEN
    if force:
        return Outcome.FORCED
    return Outcome.KEPT_EDITED if previous is not None else Outcome.KEPT_UNKNOWN


def put(target: Path, data: bytes, previous: Entry | None, force: bool) -> Outcome:
    """Write `data` to `target` atomically when allowed; keep what must be kept."""
    outcome = decide(target, data, previous, force)
    if outcome is Outcome.FORCED:
        old = target.read_bytes()
        backup = target.with_name(f"{target.stem}.ban-truoc-{sha256(old)[:8]}{target.suffix}")
        write_atomic(backup, old)
    if outcome in (Outcome.WRITTEN, Outcome.FORCED):
        write_atomic(target, data)
    return outcome
