"""Run the whole build: validate, read the meeting, select, render and write the dossiers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docgen.archive.store import Store
from docgen.award.past import check_forms
from docgen.award.record import Recorded, record_ward_decisions
from docgen.campaign.model import Campaign
from docgen.digest import sha256
from docgen.dossier.agree import Disagreement, Kept, disagreements
from docgen.dossier.filed import (
    Frozen,
    Renumbered,
    frozen_documents,
    last_runs,
    renumbered_documents,
    signed_reason,
    watched,
)
from docgen.dossier.plan import Planned, build_first_contexts, plan_documents
from docgen.dossier.retire import retire_reason
from docgen.dossier.summary import write_summary
from docgen.errors import DocgenError, TemplateError, not_found
from docgen.gctune import new_garbage_only
from docgen.issues.model import ValidationIssue
from docgen.legal.check import campaign_law_warnings
from docgen.meeting.model import Meeting, Selection
from docgen.meeting.select import MeetingResult, read_and_select
from docgen.output.manifest import Retired, WriteOutcome
from docgen.output.state import RETIRED_DIR, OutputState
from docgen.render import CompiledTemplate, compile_file
from docgen.text import VIETNAM, now_in_vietnam
from docgen.validate.report import Report
from docgen.workspace import Workspace

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Unbuilt:
    """A planned document not written because its data is missing, and what is missing."""

    path: str  # relative to the campaign's output folder
    problem: str  # Vietnamese, for the clerk


@dataclass
class BuildResult:
    """What the build did: the validation, the meeting outcome and each file's fate."""

    folder: Path
    report: Report
    meeting: MeetingResult
    files: list[tuple[str, WriteOutcome]] = field(default_factory=list)
    fallbacks: dict[str, str] = field(default_factory=dict)  # template → why docxtpl was used
    retired: list[Retired] = field(default_factory=list)  # moved to da-thay-the/ by this run
    cleaned: list[str] = field(default_factory=list)  # temp files a stopped run had left
    missing: list[Unbuilt] = field(default_factory=list)  # documents not written: data missing
    law: list[ValidationIssue] = field(default_factory=list)  # profile, dates, citations, forms
    disagreements: list[Disagreement] = field(default_factory=list)  # kept edits vs the rest
    recorded: list[Recorded] = field(default_factory=list)  # the ward's decisions, into the history
    frozen: list[Frozen] = field(default_factory=list)  # filed documents it would change
    refused: bool = False  # the run changed nothing: it would have changed `frozen`
    renumbered: list[Renumbered] = field(default_factory=list)  # filed, now under a new number

    @property
    def blocked(self) -> bool:
        """True when meeting problems prevented building the dossiers."""
        return bool(self.meeting.errors)

    @property
    def selections(self) -> list[Selection]:
        """The selection of every level."""
        return self.meeting.selections

    def count(self, outcome: WriteOutcome) -> int:
        """How many files had this outcome."""
        return sum(1 for _, o in self.files if o is outcome)


def build_dossiers(
    campaign: Campaign,
    ws: Workspace,
    force: bool = False,
    progress: Progress | None = None,
    replace_signed: bool = False,
) -> BuildResult:
    """Build every dossier of `campaign` from the workspace's intake and meeting, with the
    ward's award history in the achievement reports; the ward's decisions the văn thư has
    numbered go into that history.

    A document with a signed copy in the archive is not changed under its number (nor taken
    out): the run is refused and changes nothing (`BuildResult.refused`), unless
    `replace_signed`, which moves the earlier generated file aside (`docgen.dossier.filed`)."""
    report = check_forms(campaign, ws.submissions, ws.ward)
    meeting = read_and_select(campaign, report, ws.meeting)
    result = BuildResult(ws.output(campaign.id), report, meeting)
    result.law = campaign_law_warnings(campaign, ws.templates)
    if result.blocked or meeting.meeting is None:
        return result
    planned = plan_documents(campaign, meeting.meeting, meeting.selections)
    keys = build_first_contexts(planned)
    compiled = _compile(
        ws.templates,
        [p for p in planned if p.template in keys],
        keys,
        document_time(meeting.meeting),
    )
    rendered = _check_filed(planned, compiled, result, ws)
    if result.frozen and not replace_signed:
        result.refused = True
        return result
    state = OutputState(result.folder, campaign.id, _stamp(result.folder))
    result.cleaned = state.cleaned
    seen = _Seen()
    try:
        _set_aside_signed(state, result.frozen)
        _write(planned, compiled, state, result, force, progress, seen, rendered)
        unbuilt = {m.path for m in result.missing}
        result.retired = state.retire_unplanned(
            lambda entry: retire_reason(entry, meeting.selections, unbuilt)
        )
    except BaseException:
        state.abandon()
        raise
    state.commit(sha256(Path(campaign.source).read_bytes()) if campaign.source else "")
    result.fallbacks = {t: c.fallback_reason for t, c in compiled.items() if c.fallback_reason}
    if seen.kept:  # the written documents are read back only when a hand edit was kept
        names = [d.nominee.name for s in meeting.selections for d in s.decisions]
        others = {path: (result.folder / path).read_bytes() for path in seen.others}
        result.disagreements = disagreements(seen.kept, others, names, ws.meeting.name)
    write_summary(result)
    result.recorded = record_ward_decisions(ws.ward, campaign, meeting.meeting, meeting.selections)
    return result


def _check_filed(
    planned: list[Planned],
    compiled: dict[str, CompiledTemplate],
    result: BuildResult,
    ws: Workspace,
) -> dict[str, bytes]:
    """Render the documents that have a signed copy filed and note in `result.frozen` those
    the run would change; their bytes, for the write to take rather than render again."""
    filed = Store.of(ws.ward).filed_copies(result.report.campaign.id)
    if not filed:
        return {}
    filed = watched(filed, planned, *last_runs(result.folder))
    paths = {copy.path for copy in filed}
    rendered: dict[str, bytes] = {}
    same: dict[str, bytes] = {}
    for item in planned:
        if item.path in paths:
            try:
                rendered[item.path] = _document(item, compiled, same)
            except DocgenError:
                continue  # written as missing by the run, with its reason
    meeting = result.meeting
    names = [d.nominee.name for s in meeting.selections for d in s.decisions]
    result.frozen = frozen_documents(
        filed, planned, rendered, result.folder, names, ws.meeting.name
    )
    result.renumbered = renumbered_documents(filed, planned, rendered)
    return rendered


def _set_aside_signed(state: OutputState, frozen: list[Frozen]) -> None:
    """On request, the generated files that were signed go to da-thay-the/ before the new
    ones are written (or the run retires the others), saying so."""
    for item in frozen:
        state.set_aside(item.filed.path, signed_reason(item.filed, item.leaves))


@dataclass
class _Seen:
    """What the dossier check needs from a run: kept hand edits, and the documents that cite."""

    kept: list[Kept] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # written documents that may cite: no reports

    def note(self, item: Planned, data: bytes, outcome: WriteOutcome, folder: Path) -> None:
        if outcome in (WriteOutcome.KEPT_EDITED, WriteOutcome.KEPT_UNKNOWN):
            self.kept.append(Kept(item.path, (folder / item.path).read_bytes(), data))
        elif item.kind != "bao-cao":
            self.others.append(item.path)


def _write(
    planned: list[Planned],
    compiled: dict[str, CompiledTemplate],
    state: OutputState,
    result: BuildResult,
    force: bool,
    progress: Progress | None,
    seen: _Seen,
    rendered: dict[str, bytes],
) -> None:
    """Render and place every planned document; one whose data is missing is set aside."""
    same: dict[str, bytes] = {}  # the one Biên bản, filed in every level's dossier
    for index, item in enumerate(planned, start=1):
        try:
            data = rendered.pop(item.path, None) or _document(item, compiled, same)
        except DocgenError as exc:
            result.missing.append(Unbuilt(item.path, exc.message))
            continue
        outcome = state.place(item.entry(sha256(data)), data, force)
        seen.note(item, data, outcome, state.folder)
        result.files.append((item.path, outcome))
        if progress:
            progress(index, len(planned))


def _document(
    item: Planned, compiled: dict[str, CompiledTemplate], same: dict[str, bytes]
) -> bytes:
    """The document's bytes: rendered from its context (built once), or an earlier level's copy."""
    if item.same in same:
        return same[item.same]
    data = compiled[item.template].render(item.context())
    if item.same:
        same[item.same] = data
    return data


def _stamp(folder: Path) -> str:
    """This run's folder name under da-thay-the/: the local date and time, made unique."""
    base = now_in_vietnam().strftime("%Y-%m-%d_%H-%M-%S")
    stamp, n = base, 1
    while (folder / RETIRED_DIR / stamp).exists():
        n += 1
        stamp = f"{base}-{n}"
    return stamp


def document_time(meeting: Meeting) -> dt.datetime:
    """The documents' created/modified property: the meeting's start (the same on every rerun)."""
    return dt.datetime.combine(meeting.date, meeting.start, VIETNAM)


def _compile(
    folder: Path, planned: list[Planned], keys: dict[str, set[str]], when: dt.datetime
) -> dict[str, CompiledTemplate]:
    """Compile each template once, after checking it asks for nothing its contexts lack.

    A template loaded by python-docx is garbage in reference cycles (its XML trees, a few MB)
    once compiled. With every nominee's objects alive Python rarely runs a full collection, so
    the packages would pile up: each is collected after its template, by a collection over the
    objects made since this function began (the older ones are frozen meanwhile, so it is cheap).
    """
    compiled: dict[str, CompiledTemplate] = {}
    problems: list[str] = []
    with new_garbage_only() as collect:
        for item in planned:
            if item.template in compiled:
                continue
            compiled[item.template] = _compile_one(
                folder, item.template, keys[item.template], when, problems
            )
            collect()
    if problems:
        raise TemplateError("Mẫu văn bản dùng biến không có trong dữ liệu:", problems)
    return compiled


def _compile_one(
    folder: Path, template: str, keys: set[str], when: dt.datetime, problems: list[str]
) -> CompiledTemplate:
    path = folder / template
    if not path.is_file():
        raise not_found(TemplateError(f"Không tìm thấy mẫu văn bản {path.absolute()}."), path)
    compiled = compile_file(path, fixed_time=when)
    unknown = sorted(compiled.variables - keys)
    if unknown:
        problems.append(f"{template}: không có dữ liệu cho {', '.join(unknown)}")
    return compiled
