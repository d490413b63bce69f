"""Run the whole build: validate, read the meeting, select, render and write the dossiers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docgen.campaign.model import Campaign
from docgen.dossier.plan import Planned, check_contexts, plan_documents
from docgen.dossier.summary import write_summary
from docgen.errors import TemplateError
from docgen.meeting.model import Selection
from docgen.meeting.select import Outcome as MeetingOutcome
from docgen.meeting.select import decide
from docgen.output.manifest import Entry, Manifest, Outcome, put, sha256
from docgen.render import CompiledTemplate, undeclared_variables
from docgen.validate.report import Report
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace

Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    """What the build did: the validation, the meeting outcome and each file's fate."""

    folder: Path
    report: Report
    meeting: MeetingOutcome
    files: list[tuple[str, Outcome]] = field(default_factory=list)
    fallbacks: dict[str, str] = field(default_factory=dict)  # template → why docxtpl was used

    @property
    def blocked(self) -> bool:
        """True when meeting problems prevented building the dossiers."""
        return bool(self.meeting.errors)

    @property
    def selections(self) -> list[Selection]:
        """The selection of every level."""
        return self.meeting.selections

    def count(self, outcome: Outcome) -> int:
        """How many files had this outcome."""
        return sum(1 for _, o in self.files if o is outcome)


def build_dossiers(
    campaign: Campaign, ws: Workspace, force: bool = False, progress: Progress | None = None
) -> BuildResult:
    """Build every dossier of `campaign` from the workspace's intake and meeting."""
    report = validate_folder(campaign, ws.submissions)
    meeting = decide(campaign, report, ws.meeting)
    result = BuildResult(ws.output(campaign.id), report, meeting)
    if result.blocked or meeting.meeting is None:
        return result
    planned = plan_documents(campaign, meeting.meeting, meeting.selections)
    compiled = _compile(ws.templates, planned, check_contexts(planned))
    manifest = Manifest.load(result.folder, campaign.id)
    manifest.campaign_sha256 = sha256(Path(campaign.source).read_bytes()) if campaign.source else ""
    for index, item in enumerate(planned, start=1):
        data = compiled[item.template].render(item.context())
        result.files.append((item.path, _write(result.folder, item, data, manifest, force)))
        if progress:
            progress(index, len(planned))
    result.fallbacks = {t: c.fallback_reason for t, c in compiled.items() if c.fallback_reason}
    manifest.save(result.folder)
    write_summary(result)
    return result


def _compile(
    folder: Path, planned: list[Planned], keys: dict[str, set[str]]
) -> dict[str, CompiledTemplate]:
    """Compile each template once, after checking it asks for nothing its contexts lack."""
    compiled: dict[str, CompiledTemplate] = {}
    problems: list[str] = []
    for item in planned:
        if item.template in compiled:
            continue
        path = folder / item.template
        if not path.is_file():
            raise TemplateError(f"Không tìm thấy mẫu văn bản {path}.")
        unknown = sorted(undeclared_variables(path) - keys[item.template])
        if unknown:
            problems.append(f"{item.template}: không có dữ liệu cho {', '.join(unknown)}")
        compiled[item.template] = CompiledTemplate(path)
    if problems:
        raise TemplateError("Mẫu văn bản dùng biến không có trong dữ liệu:", problems)
    return compiled


def _write(folder: Path, item: Planned, data: bytes, manifest: Manifest, force: bool) -> Outcome:
    previous = manifest.entries.get(item.path)
    outcome = put(folder / item.path, data, previous, force)
    if outcome in (Outcome.WRITTEN, Outcome.FORCED, Outcome.UNCHANGED):
        manifest.entries[item.path] = Entry(
            item.path,
            sha256(data),
            item.kind,
            f"templates_docx/{item.template}",
            item.level,
            item.sources,
        )
    return outcome
