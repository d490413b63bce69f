"""Steps that take time run as jobs: one at a time, under the workspace lock, with progress.

A job holds the same workspace lock as the command it stands for (`docgen.lock`), so the page
and a `docgen` command in a terminal never write at once: when a command holds it, the job
ends at once with the lock's message naming that command. The page polls `/viec/<id>`, which
renders the job's progress until it is done, then its result.
"""

from __future__ import annotations

import secrets
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from docgen.errors import DocgenError
from docgen.lock import workspace_lock
from docgen.oserror import advice, describe

UNEXPECTED = "docgen gặp lỗi không lường trước khi làm việc này; hãy báo lại kèm dòng này"
LOCK_WAIT = 0.5  # a busy workspace is said at once, not after the command's five seconds


class State(StrEnum):
    """Where a job is (the value is what the clerk reads)."""

    RUNNING = "đang chạy"
    OK = "xong"
    PROBLEMS = "xong, có vấn đề"
    REFUSED = "chưa làm được"  # only problems: the input was refused, nothing was done
    FAILED = "không chạy được"


@dataclass
class Job:
    """One step the clerk started: progress while it runs, then what it found."""

    id: str
    title: str
    page: str  # the page that shows its result
    state: State = State.RUNNING
    done: int = 0
    total: int = 0
    lines: list[str] = field(default_factory=list)  # what the command would print
    problems: list[str] = field(default_factory=list)
    files: list[tuple[str, Path]] = field(default_factory=list)  # (label, file) to download
    trace: str = ""  # the traceback of an unexpected failure (for the developers, not shown)

    def step(self, done: int, total: int) -> None:
        """Progress callback in the library's shape."""
        self.done, self.total = done, total

    def say(self, line: str) -> None:
        """A line of the result."""
        self.lines.append(line)

    def offer(self, label: str, path: Path) -> None:
        """A file the result offers to download."""
        self.files.append((label, path))


Work = Callable[[Job], None]


class Jobs:
    """The jobs of this server; `output` is the workspace's output folder (the lock's home)."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.all: dict[str, Job] = {}
        self._running: Job | None = None
        self.finished = 0  # jobs ended: what a page shows may have changed
        self._guard = threading.Lock()

    def start(self, title: str, page: str, work: Work, *, writes: bool = True) -> Job:
        """Run `work` in the background (one job at a time); a busy page says so."""
        job = Job(secrets.token_urlsafe(9), title, page)
        self.all[job.id] = job
        with self._guard:
            if self._running is not None:
                job.state = State.FAILED
                job.problems.append(f"Đang chạy “{self._running.title}”: hãy chờ xong rồi làm lại.")
                return job
            self._running = job
        threading.Thread(target=self._run, args=(job, work, writes), daemon=True).start()
        return job

    def run_now(self, title: str, page: str, work: Work, *, writes: bool = True) -> Job:
        """Run `work` in the caller's thread (short steps that answer at once)."""
        job = Job(secrets.token_urlsafe(9), title, page)
        self.all[job.id] = job
        self._run(job, work, writes, own=False)
        return job

    def _run(self, job: Job, work: Work, writes: bool, own: bool = True) -> None:
        try:
            if writes:
                with workspace_lock(self.output, f"giao-dien: {job.title}", wait=LOCK_WAIT):
                    work(job)
            else:
                work(job)
            job.state = _ended(job)
        except DocgenError as exc:
            job.problems.append(str(exc))
            job.state = State.FAILED
        except OSError as exc:
            job.problems.append(f"{describe(exc)} {advice(exc)}")
            job.state = State.FAILED
        except Exception as exc:  # a bug: said on the page, the traceback kept for the report
            job.problems.append(f"{UNEXPECTED} ({type(exc).__name__}: {exc})")
            job.trace = traceback.format_exc()
            job.state = State.FAILED
        finally:
            self.finished += 1
            if own:
                with self._guard:
                    self._running = None


def _ended(job: Job) -> State:
    """How a job that ran through ended: done, done with problems, or nothing done at all."""
    if not job.problems:
        return State.OK
    return State.PROBLEMS if job.lines or job.files else State.REFUSED
