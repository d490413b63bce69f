"""Each measurement in a fresh child process: its time, CPU time and its own peak memory.

The parent calls :func:`run`; the child (``python -m tools.bench.measure TASK ROOT JSON``)
runs one task from :data:`TASKS` on the workspace at ROOT and prints one JSON line.
Untimed preparation (validation, contexts, pre-rendered XML) happens in the child too,
so its peak memory (``ru_maxrss``) belongs to that measurement only.
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Each task runs in its own process and imports only what it measures, so that its peak
# memory is its own (validation does not carry the rendering libraries, and so on).
from docgen.campaign import Campaign, load_campaign
from docgen.validate.run import submission_files, validate_folder
from docgen.workspace import Workspace

if TYPE_CHECKING:
    from docgen.dossier.plan import Planned
    from docgen.render.zipout import ZipMember

Result = dict[str, Any]


def run(task: str, root: Path, **params: Any) -> Result:
    """Run `task` in a new Python process and return what it measured."""
    command = [sys.executable, "-m", "tools.bench.measure", task, str(root), json.dumps(params)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench task {task} failed:\n{done.stderr[-3000:]}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def paired(
    times: int,
    ours: Callable[[], Result],
    baseline: Callable[[], Result],
    ratio: Callable[[Result, Result], float],
) -> tuple[Result, Result]:
    """Run `ours` and `baseline` in `times` back-to-back pairs; keep the median pair.

    The machine is shared: a burst of someone else's load slows whatever runs during it.
    Within a pair the two runs are seconds apart (and take turns going first), so each
    pair's `ratio(ours, baseline)` is fair; the median pair drops a pair that was unlucky
    either way. Peak memory is the highest seen over all runs; the ratio of every pair is
    kept as `pair_ratios` on our result.
    """
    pairs: list[tuple[Result, Result]] = []
    for turn in range(max(times, 1)):
        if turn % 2 == 0:
            mine = ours()
            pairs.append((mine, baseline()))
        else:
            theirs = baseline()
            pairs.append((ours(), theirs))
    pairs.sort(key=lambda pair: ratio(*pair))
    mine, theirs = (dict(result) for result in pairs[(len(pairs) - 1) // 2])
    mine["peak_rss_mb"] = max(pair[0]["peak_rss_mb"] for pair in pairs)
    theirs["peak_rss_mb"] = max(pair[1]["peak_rss_mb"] for pair in pairs)
    mine["pair_ratios"] = [round(ratio(*pair), 2) for pair in pairs]
    return mine, theirs


class Clock:
    """Wall and CPU seconds summed over the timed sections only."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    @contextmanager
    def timed(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu

    def result(self, **extra: Any) -> Result:
        return {"seconds": self.wall, "cpu_seconds": self.cpu, **extra}


def _campaign(root: Path) -> Campaign:
    return load_campaign(Workspace(root).campaign)


def task_validate(root: Path, params: Result) -> Result:
    """docgen's validation of every received workbook."""
    campaign, clock = _campaign(root), Clock()
    with clock.timed():
        report = validate_folder(campaign, Workspace(root).submissions)
    errors = sum(1 for i in report.issues if i.severity.name == "ERROR")
    return clock.result(issues=len(report.issues), errors=errors)


def task_openpyxl(root: Path, params: Result) -> Result:
    """The baseline: openpyxl's default mode, every cell value of every sheet."""
    from openpyxl import load_workbook

    clock, cells = Clock(), 0
    with clock.timed():
        for path in submission_files(Workspace(root).submissions):
            for sheet in load_workbook(path).worksheets:
                for row in sheet.iter_rows(values_only=True):
                    cells += len(row)
    return clock.result(cells=cells)


def task_dossiers(root: Path, params: Result) -> Result:
    """The whole build: validate, read the meeting, render and write every document."""
    import shutil

    from docgen.dossier.run import build_dossiers

    campaign, clock = _campaign(root), Clock()
    shutil.rmtree(Workspace(root).output(campaign.id), ignore_errors=True)  # a first run
    with clock.timed():
        built = build_dossiers(campaign, Workspace(root), force=True)
    return clock.result(
        documents=len(built.files), blocked=built.blocked, fallbacks=built.fallbacks
    )


def _reports(root: Path) -> list[Planned]:
    """The achievement reports the build writes, in its order (contexts not yet built)."""
    from docgen.dossier.plan import plan_documents
    from docgen.meeting.select import read_and_select

    campaign, ws = _campaign(root), Workspace(root)
    meeting = read_and_select(campaign, validate_folder(campaign, ws.submissions), ws.meeting)
    assert meeting.meeting is not None, "the generated meeting must be readable"
    planned = plan_documents(campaign, meeting.meeting, meeting.selections)
    return [item for item in planned if item.kind == "bao-cao"]


def task_reports(root: Path, params: Result) -> Result:
    """Compiled rendering of every report, and the floor: the same zips from finished XML."""
    from docgen.render import CompiledTemplate
    from docgen.render.zipout import compress_member, read_members, write_zip

    templates = Workspace(root).templates
    compiled: dict[str, CompiledTemplate] = {}
    static: dict[str, dict[str, ZipMember]] = {}
    build, floor, count = Clock(), Clock(), 0
    for item in _reports(root):
        context = item.context()
        if item.template not in compiled:
            compiled[item.template] = CompiledTemplate(templates / item.template)
        template = compiled[item.template]
        with build.timed():
            data = template.render(context)
        rendered = set(template.direct_reasons)
        if item.template not in static:
            static[item.template] = _static(read_members(data), rendered)
        fixed = static[item.template]
        finished = _finished(data, rendered)  # outside the floor's timing
        with floor.timed():
            write_zip([fixed.get(name) or compress_member(name, xml) for name, xml in finished])
        count += 1
    fallbacks = {t: c.fallback_reason for t, c in compiled.items() if c.fallback_reason}
    return build.result(
        documents=count, floor_seconds=floor.wall, floor_cpu_seconds=floor.cpu, fallbacks=fallbacks
    )


def _static(members: list[tuple[str, bytes]], rendered: set[str]) -> dict[str, ZipMember]:
    """Members no render changes, deflated once, as the compiled writer keeps them."""
    from docgen.render.zipout import compress_member

    return {name: compress_member(name, data) for name, data in members if name not in rendered}


def _finished(data: bytes, rendered: set[str]) -> list[tuple[str, bytes]]:
    """Every member's name in order, with the XML of the rendered parts (others empty)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            (info.filename, archive.read(info) if info.filename in rendered else b"")
            for info in archive.infolist()
        ]


def task_docxtpl(root: Path, params: Result) -> Result:
    """The baseline: ``DocxTemplate(path)``, ``render``, ``save`` per document, on a sample."""
    from docxtpl import DocxTemplate

    from docgen.render import make_env

    templates, env = Workspace(root).templates, make_env()
    by_template: dict[str, list[Planned]] = {}
    for item in _reports(root):
        by_template.setdefault(item.template, []).append(item)
    share = max(1, int(params["sample"]) // len(by_template))
    out: dict[str, Result] = {}
    for name, items in sorted(by_template.items()):
        clock = Clock()
        for item in spread(items, share):
            context = item.context()
            with clock.timed():
                doc = DocxTemplate(str(templates / name))
                doc.render(context, jinja_env=env, autoescape=True)
                doc.save(io.BytesIO())
        out[name] = clock.result(sampled=min(share, len(items)), documents=len(items))
    return {"templates": out}


def spread(items: list[Planned], count: int) -> list[Planned]:
    """`count` items evenly spaced over `items` (all of them when there are fewer)."""
    if count >= len(items):
        return items
    return [items[i * len(items) // count] for i in range(count)]


def task_bigsheet(root: Path, params: Result) -> Result:
    """One intake workbook whose sheet is formatted down to row 1,048,576."""
    from docgen.intake.read import read_intake_file
    from docgen.intake.schema import build_schema

    schema, clock = build_schema(_campaign(root)), Clock()
    with clock.timed():
        read = read_intake_file(Path(params["path"]), schema)
    rows = sum(len(rows) for rows in read.tables.values())
    return clock.result(rows=rows, issues=[i.code for i in read.issues])


def _received(root: Path) -> list[Path]:
    """The files ho-so reads: every received workbook and the meeting workbook."""
    ws = Workspace(root)
    return [*submission_files(ws.submissions), ws.meeting]


def task_calamine(root: Path, params: Result) -> Result:
    """The reading floor: python-calamine (Rust) reading every cell value of the same files."""
    from python_calamine import CalamineWorkbook

    clock, cells = Clock(), 0
    with clock.timed():
        for path in submission_files(Workspace(root).submissions):
            book = CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                cells += sum(map(len, book.get_sheet_by_name(name).to_python()))
    return clock.result(cells=cells)


def task_floor(root: Path, params: Result) -> Result:
    """ho-so's floor, part by part, timed in one process: every value of the files it reads
    (python-calamine), each document's context built once, its compiled render (Jinja and
    zip), its SHA-256, and one durable write (written, then all synced before the end)."""
    import hashlib
    import tempfile

    from python_calamine import CalamineWorkbook

    from docgen.dossier.plan import plan_documents
    from docgen.meeting.select import read_and_select
    from docgen.output.files import sync_to_disk
    from docgen.render import CompiledTemplate

    campaign, ws, clock = _campaign(root), Workspace(root), Clock()
    with clock.timed():
        for path in _received(root):
            book = CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python()
    meeting = read_and_select(campaign, validate_folder(campaign, ws.submissions), ws.meeting)
    assert meeting.meeting is not None, "the generated meeting must be readable"
    planned = plan_documents(campaign, meeting.meeting, meeting.selections)
    compiled = {
        name: CompiledTemplate(ws.templates / name) for name in {p.template for p in planned}
    }
    with tempfile.TemporaryDirectory(dir=root) as out:
        written = []
        for index, item in enumerate(planned):
            target = Path(out) / f"{index}.docx"
            with clock.timed():
                data = compiled[item.template].render(item.context())
                hashlib.sha256(data).hexdigest()
                target.write_bytes(data)
            written.append(target)
        with clock.timed():
            sync_to_disk(written)  # the same batched sync as ho-so (syncfs on Linux)
    return clock.result(documents=len(planned))


TASKS: dict[str, Callable[[Path, Result], Result]] = {
    "calamine": task_calamine,
    "floor": task_floor,
    "validate": task_validate,
    "openpyxl": task_openpyxl,
    "dossiers": task_dossiers,
    "reports": task_reports,
    "docxtpl": task_docxtpl,
    "bigsheet": task_bigsheet,
}


def main(argv: list[str]) -> None:
    """Child entry point: run one task, print its result and this process's peak memory."""
    task, root, params = argv[0], Path(argv[1]), json.loads(argv[2])
    result = TASKS[task](root, params)
    print(json.dumps({**result, "peak_rss_mb": peak_rss_mb()}, ensure_ascii=False))


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    ``ru_maxrss`` keeps the high-water mark of the forked parent image across ``exec``;
    ``VmHWM`` belongs to the new process only, so it is preferred where it exists.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


if __name__ == "__main__":
    main(sys.argv[1:])
