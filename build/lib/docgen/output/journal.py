"""The write journal: what a run is about to do, recorded before it does it.

A run appends one line per file *before* renaming it into place (`write`) and one line per
file it moves aside *before* moving it (`retire`), and forces the journal to disk before the
renames of each batch. The manifest is written only at the end of a run; a run stopped in
between (Ctrl+C, kill -9, power loss) leaves the journal, and the next run reads it: a file
whose hash the journal recorded is docgen's own, not a hand edit, and a retirement it recorded
enters the manifest's history. The journal is deleted once the manifest holds everything.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

JOURNAL = ".docgen-nhat-ky.jsonl"


@dataclass(frozen=True)
class Line:
    """One intended step: `write` of `path` with `sha256`, or `retire` of `path` to `moved_to`."""

    op: str
    path: str
    sha256: str
    moved_to: str = ""
    reason: str = ""
    edited: bool = False


class Journal:
    """Append-only record of a run's intended writes and retirements in one output folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL

    def read(self) -> list[Line]:
        """Every complete line left by earlier runs (a torn last line is ignored)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return []
        lines: list[Line] = []
        for raw in text.splitlines():
            try:
                lines.append(Line(**json.loads(raw)))
            except (ValueError, TypeError):
                continue
        return lines

    def append(self, lines: list[Line]) -> None:
        """Record `lines` and force them to disk before the caller acts on them."""
        if not lines:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = "".join(json.dumps(asdict(line), ensure_ascii=False) + "\n" for line in lines)
        with open(self.path, "ab") as handle:
            handle.write(payload.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())

    def clear(self) -> None:
        """Forget everything: the manifest now holds it."""
        self.path.unlink(missing_ok=True)
