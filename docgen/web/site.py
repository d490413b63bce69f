"""What the running page knows: its workspace and campaign, the last results, jobs, downloads.

Reading every workbook again on each page view would make a 2,000-nominee campaign answer in
seconds, so the page keeps the last validation report with a fingerprint of what it read (the
campaign file, the submissions folder, the mail journal): when any of them changed, the page
says the report is out of date and offers to check again instead of showing stale findings
as current.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.archive.store import Store
from docgen.campaign import Campaign, load_campaign
from docgen.output.manifest import MANIFEST, Manifest, read_manifest
from docgen.stage import Stage, campaign_stage
from docgen.web.files import Downloads
from docgen.web.guard import Secrets
from docgen.web.jobs import Jobs
from docgen.workspace import Workspace

if TYPE_CHECKING:
    from docgen.award.history import History
    from docgen.dossier.run import BuildResult
    from docgen.feedback.outbox import Reply
    from docgen.meeting.select import MeetingResult
    from docgen.validate.report import Report

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass
class Checked:
    """A validation report and the fingerprint of the inputs it read."""

    report: Report
    fingerprint: Fingerprint


@dataclass
class Site:
    """The state of one page server over one workspace."""

    ws: Workspace
    scratch: Path  # the server's own folder: previews, dropped files being filed
    keys: Secrets = field(default_factory=Secrets)
    stop: Callable[[], None] = lambda: None
    checked: Checked | None = None
    built: BuildResult | None = None
    meeting: MeetingResult | None = None
    feedback: dict[str, Path] = field(default_factory=dict)  # received file → its feedback
    replies: dict[str, Path] = field(default_factory=dict)  # received file(s) → reply draft
    drafts: list[Reply] = field(default_factory=list)  # the last replies drafted or sent
    _campaign: tuple[int, Campaign] | None = None
    _stage: tuple[object, Stage] | None = None
    _manifest: tuple[tuple[str, int, int], Manifest | None] | None = None
    _history: tuple[object, History] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.downloads = Downloads([self.ws.root, self.ws.ward, self.scratch])
        self.jobs = Jobs(self.ws.root / "output")

    def campaign(self) -> Campaign:
        """The campaign file, read again only when it changed."""
        stamp = self.ws.campaign.stat().st_mtime_ns
        with self._lock:
            if self._campaign is None or self._campaign[0] != stamp:
                self._campaign = (stamp, load_campaign(self.ws.campaign))
            return self._campaign[1]

    def inputs(self) -> Fingerprint:
        """What a validation reads, as (name, size, mtime) of each file."""
        from docgen.mail.journal import journal_for

        found = [self.ws.campaign, journal_for(self.ws.submissions)]
        if self.ws.submissions.is_dir():
            found.extend(sorted(self.ws.submissions.iterdir()))
        return tuple(_stat(p) for p in found)

    def report(self) -> Report | None:
        """The last validation report, if nothing it read has changed since."""
        checked = self.checked
        if checked is None or checked.fingerprint != self.inputs():
            return None
        return checked.report

    def remember(self, report: Report, fingerprint: Fingerprint) -> None:
        """Keep a report made from inputs with this fingerprint (taken before reading)."""
        self.checked = Checked(report, fingerprint)

    def check_forms(self, progress: Callable[[Path], None] | None = None) -> Report:
        """The forms checked as `kiem-tra` checks them (the ward's history included), and kept
        for the pages with the fingerprint of the inputs taken before reading them."""
        from docgen.award.past import check_forms

        fingerprint = self.inputs()
        report = check_forms(self.campaign(), self.ws.submissions, self.ws.ward, progress)
        self.remember(report, fingerprint)
        return report

    def stage(self) -> Stage:
        """Where the campaign stands (with the error count of a current report), worked out
        again only when a file it reads changed or a job finished."""
        report = self.report()
        errors = len(report.errors) if report is not None else None
        meeting = len(self.meeting.errors) if self.meeting is not None else 0
        key = (errors, meeting, self.jobs.finished, self._stage_inputs())
        if self._stage is None or self._stage[0] != key:
            stage = campaign_stage(self.ws, self.campaign(), errors, meeting)
            self._stage = (key, stage)
        return self._stage[1]

    def _stage_inputs(self) -> Fingerprint:
        out = self.output()
        found = [self.ws.submissions, self.ws.meeting, out / "tong-hop.xlsx", out / "manifest.json"]
        register = Store.of(self.ws.ward).register_file
        found += [register, register.with_name(register.name + "-wal")]
        if out.is_dir():  # a level's folder, its certificates' folder, the wrap-up's
            for folder in (p for p in out.iterdir() if p.is_dir()):
                found += [folder, folder / "giay-khen"]
        return tuple(_stat(p) for p in found)

    def manifest(self) -> Manifest | None:
        """The dossier's manifest, read again only when the file changed."""
        path = self.output() / MANIFEST
        stamp = _stat(path)
        if self._manifest is None or self._manifest[0] != stamp:
            self._manifest = (stamp, read_manifest(self.output()))
        return self._manifest[1]

    def history(self) -> History:
        """The ward's award history (`load_history`), read again only when the register (or
        its write-ahead log) changed or a job ended."""
        from docgen.award.history import load_history, register_path

        register = register_path(self.ws.ward)
        wal = register.with_name(register.name + "-wal")
        key = (_stat(register), _stat(wal), self.jobs.finished)
        if self._history is None or self._history[0] != key:
            self._history = (key, load_history(self.ws.ward))
        return self._history[1]

    def output(self) -> Path:
        """The campaign's output folder."""
        return self.ws.output(self.campaign().id)


def _stat(path: Path) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (path.name, -1, -1)
    return (path.name, st.st_size, st.st_mtime_ns)
