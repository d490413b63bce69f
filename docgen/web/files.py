"""Downloads by id: the page names files by random ids it handed out, never by a path.

A file gets an id when a page lists it; `/tai/<id>` serves only such a file, and only when it
still lies inside the workspace or its ward folder (resolved, so a link planted in the
workspace cannot lead out of it). A request path never becomes a file path.
"""

from __future__ import annotations

import secrets
import threading
from pathlib import Path


class Downloads:
    """Ids handed out for files under `roots` (the workspace and its ward)."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = [r.resolve() for r in roots]
        self._ids: dict[str, Path] = {}
        self._by_path: dict[Path, str] = {}
        self._lock = threading.Lock()

    def id_of(self, path: Path) -> str:
        """The id of `path` (the same one every time the page lists it)."""
        resolved = path.absolute()  # resolved when served: listing thousands stays cheap
        with self._lock:
            found = self._by_path.get(resolved)
            if found is None:
                found = secrets.token_urlsafe(12)
                self._ids[found], self._by_path[resolved] = resolved, found
            return found

    def path_of(self, file_id: str) -> Path | None:
        """The file an id names, if it still exists inside the roots."""
        path = self._ids.get(file_id)
        if path is None or not path.is_file():
            return None
        real = path.resolve()
        return real if any(real.is_relative_to(root) for root in self.roots) else None
