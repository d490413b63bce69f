"""One run's changes to a campaign's output folder: what docgen knows it wrote, and the commit.

Rules:
- docgen's own files are recognised by hash: the manifest's hash of each file plus every hash
  the journal recorded before a rename (a run stopped at any moment leaves them). A file whose
  content is none of them was edited by hand and is kept (unless forced).
- Writes are staged in batches: temp files are written, the file system is synced once, the
  batch's hashes go to the journal (synced), then the temp files are renamed into place.
- Documents no longer planned, and files replaced on request, are moved to
  `da-thay-the/<date-time>/<same path>` (never deleted) and go to the manifest's history.
- The PDF beside a document rewritten or moved aside (or older than its unchanged document) is
  of an earlier version: it goes to the same `da-thay-the/<date-time>/` folder, a signed one
  too (kept there, never deleted, its reason says it was signed).
- `commit` syncs once more, writes the manifest atomically, and clears the journal: every file
  the manifest lists is on disk.
- A damaged manifest or journal stops the run (`docgen.statefile`): it is moved aside and the
  next run rebuilds the state from the files on disk — the manifest's files from their hashes
  (the unchanged ones are docgen's own; the others are kept), its history from `da-thay-the/`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from docgen.digest import sha256
from docgen.output.files import remove_leftover_temps, sync_to_disk, write_temp
from docgen.output.journal import Journal, Line
from docgen.output.manifest import Manifest, ManifestEntry, Retired, WriteOutcome, read_manifest
from docgen.output.pdfs import is_current_pdf, is_signed_pdf, pdf_of

RETIRED_DIR = "da-thay-the"
BATCH = 256
FORCED_REASON = "Được lập lại theo yêu cầu (--ghi-de); đây là bản đã sửa tay trước đó"
PDF_REASON = "PDF của bản trước ({path} {why}): không còn là văn bản hiện hành"
SIGNED_PDF_REASON = (
    "PDF ĐÃ KÝ của bản trước ({path} {why}): không phải văn bản hiện hành, được giữ ở đây (không "
    "xóa); bản hiện hành cần chuyển PDF và trình ký lại"
)
REBUILT_REASON = "Lập lại từ thư mục da-thay-the/ (danh mục cũ bị hỏng hoặc bị xóa)"


@dataclass(frozen=True)
class _Staged:
    target: Path
    temp: Path
    line: Line


class OutputState:
    """The output folder of one campaign during one run."""

    def __init__(self, folder: Path, campaign: str, stamp: str) -> None:
        self.folder = folder
        self.stamp = stamp  # names this run's da-thay-the/ folder
        self.cleaned = remove_leftover_temps(folder)  # docgen's temp files from a stopped run
        self.manifest = read_manifest(folder) or Manifest(campaign, history=retired_on_disk(folder))
        self.journal = Journal(folder)
        self.previous = dict(self.manifest.entries)
        self.known: dict[str, set[str]] = {p: {e.sha256} for p, e in self.previous.items()}
        self.retired: list[Retired] = []  # moved aside by this run (or the stopped one)
        self.current: dict[str, ManifestEntry] = {}
        self._pending: list[_Staged] = []
        self._written: list[Path] = []
        self._recover(self.journal.read())

    def _recover(self, lines: list[Line]) -> None:
        """Take in what a stopped run recorded: its hashes, and the files it moved aside."""
        for line in lines:
            if line.op == "write":
                self.known.setdefault(line.path, set()).add(line.sha256)
            elif line.op == "retire" and (self.folder / line.moved_to).exists():
                entry = self.previous.pop(line.path, None)
                self.retired.append(_retired(line, entry))
        # A history rebuilt from da-thay-the/ already holds what the stopped run moved; the
        # journal's record of it says more (what it was, why), so it takes its place.
        journaled = {r.moved_to for r in self.retired}
        self.manifest.history = [h for h in self.manifest.history if h.moved_to not in journaled]

    def place(self, entry: ManifestEntry, data: bytes, force: bool) -> WriteOutcome:
        """Put `data` at `entry.path` when allowed; keep a hand edit unless `force`."""
        target = self.folder / entry.path
        existed = target.exists()
        outcome = self._fate(entry.path, target, data, force)
        if outcome is WriteOutcome.FORCED:
            self._move_aside(entry.path, target, FORCED_REASON, edited=True)
        elif outcome is WriteOutcome.WRITTEN and existed:
            self._pdf_aside(entry.path, "được lập lại")
        elif outcome is WriteOutcome.UNCHANGED and not is_current_pdf(target):
            self._pdf_aside(entry.path, "đã đổi sau khi chuyển PDF")
        if outcome in (WriteOutcome.WRITTEN, WriteOutcome.FORCED):
            self._stage(target, entry, data)
        if outcome in (WriteOutcome.WRITTEN, WriteOutcome.FORCED, WriteOutcome.UNCHANGED):
            self.current[entry.path] = entry
        elif outcome is WriteOutcome.KEPT_EDITED:
            # Still docgen's document as far as the register goes (number, date, trích yếu of
            # this run: the văn thư's number reaches the archive even when the clerk typed it
            # into the kept file by hand), under the hash docgen wrote, so it stays "edited".
            generated = self.previous.get(entry.path)
            digest = generated.sha256 if generated else sorted(self.known[entry.path])[0]
            self.current[entry.path] = replace(entry, sha256=digest)
        return outcome

    def _fate(self, path: str, target: Path, data: bytes, force: bool) -> WriteOutcome:
        if not target.exists():
            return WriteOutcome.WRITTEN
        on_disk = sha256(target.read_bytes())
        if on_disk == sha256(data):
            return WriteOutcome.UNCHANGED
        if on_disk in self.known.get(path, ()):
            return WriteOutcome.WRITTEN
        if force:
            return WriteOutcome.FORCED
        return WriteOutcome.KEPT_EDITED if path in self.known else WriteOutcome.KEPT_UNKNOWN

    def _stage(self, target: Path, entry: ManifestEntry, data: bytes) -> None:
        temp = write_temp(target, data)
        self._pending.append(_Staged(target, temp, Line("write", entry.path, entry.sha256)))
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        """Sync the batch's temp files, journal their hashes, then rename them into place."""
        if not self._pending:
            return
        sync_to_disk([s.temp for s in self._pending])
        self.journal.append([s.line for s in self._pending])
        for staged in self._pending:
            os.replace(staged.temp, staged.target)
            self._written.append(staged.target)
        self._pending = []

    def retire_unplanned(self, reason_of: Callable[[ManifestEntry], str]) -> list[Retired]:
        """Move aside every earlier document that is not part of this run's plan."""
        self._flush()
        for path, entry in sorted(self.previous.items()):
            if path in self.current:
                continue
            target = self.folder / path
            if not target.exists():
                continue  # already gone (moved or deleted by the clerk): nothing to keep
            edited = sha256(target.read_bytes()) not in self.known.get(path, ())
            self._move_aside(path, target, reason_of(entry), edited)
        # a PDF an earlier docgen left behind when it moved its document aside
        for path in sorted({h.path for h in self.manifest.history} - set(self.current)):
            if path.endswith(".docx") and not (self.folder / path).exists():
                self._pdf_aside(path, f"đã được chuyển vào {RETIRED_DIR}/ trước đó")
        return self.retired

    def set_aside(self, path: str, reason: str) -> None:
        """Move the file at `path` aside now (a new one is placed after), when it is there."""
        target = self.folder / path
        if target.exists():
            self._flush()
            edited = sha256(target.read_bytes()) not in self.known.get(path, ())
            self._move_aside(path, target, reason, edited)

    def _move_aside(self, path: str, target: Path, reason: str, edited: bool) -> None:
        moved_to = f"{RETIRED_DIR}/{self.stamp}/{path}"
        digest = sha256(target.read_bytes())
        line = Line("retire", path, digest, moved_to, reason, edited)
        self.journal.append([line])
        destination = self.folder / moved_to
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, destination)
        self._written.append(destination)
        self.retired.append(_retired(line, self.previous.get(path)))
        if target.suffix == ".docx":
            self._pdf_aside(path, f"được chuyển vào {RETIRED_DIR}/")

    def _pdf_aside(self, path: str, why: str) -> None:
        """The PDF beside the document at `path` is of its previous version (the document `why`):
        it goes to da-thay-the/ too — a signed one is kept there, never deleted."""
        pdf = pdf_of(self.folder / path)
        if not pdf.is_file():
            return
        reason = (SIGNED_PDF_REASON if is_signed_pdf(pdf) else PDF_REASON).format(
            path=path, why=why
        )
        self._move_aside(pdf.relative_to(self.folder).as_posix(), pdf, reason, edited=False)

    def commit(self, campaign_sha256: str) -> None:
        """Make everything durable, then record it in the manifest and forget the journal."""
        self._flush()
        sync_to_disk(self._written)
        self.manifest.entries = dict(sorted(self.current.items()))
        self.manifest.history = self.manifest.history + self.retired
        self.manifest.campaign_sha256 = campaign_sha256
        self.manifest.save(self.folder)
        self.journal.clear()

    def abandon(self) -> None:
        """Remove this run's staged temp files (the run stops before renaming them)."""
        for staged in self._pending:
            staged.temp.unlink(missing_ok=True)
        self._pending = []


def retired_on_disk(folder: Path) -> list[Retired]:
    """The history as the files in `da-thay-the/<date-time>/` show it (no manifest to say it)."""
    root = folder / RETIRED_DIR
    found: list[Retired] = []
    for path in sorted(root.rglob("*")) if root.is_dir() else ():
        parts = path.relative_to(root).parts
        if len(parts) < 2 or not path.is_file():
            continue
        level = parts[1] if len(parts) > 2 else ""
        moved_to = path.relative_to(folder).as_posix()
        original = "/".join(parts[1:])
        digest = sha256(path.read_bytes())
        found.append(Retired(original, digest, "", level, "", moved_to, REBUILT_REASON))
    return found


def _retired(line: Line, entry: ManifestEntry | None) -> Retired:
    return Retired(
        line.path,
        line.sha256,
        entry.kind if entry else "",
        entry.level if entry else "",
        entry.title if entry else "",
        line.moved_to,
        line.reason,
        line.edited,
    )
