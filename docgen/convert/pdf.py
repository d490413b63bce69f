"""Word documents to PDF: batched, one LibreOffice worker per free core, never one per file.

Each PDF lands beside its .docx. A PDF newer than its .docx is left alone, and so is a PDF
that carries a digital signature (a signed copy is never replaced by a fresh conversion).
"""

from __future__ import annotations

import os
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from docgen.convert.office import convert_batch, find_soffice, pdf_filter
from docgen.convert.profiles import claimed_profile
from docgen.errors import DocgenError
from docgen.output.files import write_atomic
from docgen.output.pdfs import is_current_pdf, is_signed_pdf, pdf_of

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    """What one run did: PDFs written, PDFs already current, signed PDFs kept, failures."""

    written: tuple[Path, ...]
    current: tuple[Path, ...]
    signed: tuple[Path, ...]
    failed: tuple[Path, ...]
    workers: int


class NotWordError(DocgenError):
    """A file named for conversion is not a Word document (.docx)."""

    def __init__(self, paths: list[Path]) -> None:
        names = ", ".join(str(p) for p in paths)
        super().__init__(
            "PDF_NOT_DOCX",
            f"Không phải văn bản Word (.docx): {names}. Lệnh này chỉ chuyển tệp .docx sang PDF "
            "(tệp .doc cũ: mở bằng Word, chọn Lưu thành… dạng “Word Document (.docx)”).",
        )


def collect(paths: Iterable[Path]) -> list[Path]:
    """Every .docx named or inside the named folders (Word's ~$ lock files left out);
    NotWordError when a file named is not a .docx."""
    found: list[Path] = []
    for path in paths:
        candidates = sorted(path.rglob("*.docx")) if path.is_dir() else [path]
        found += [p for p in candidates if not p.name.startswith(("~$", "."))]
    other = [p for p in found if p.suffix.lower() != ".docx"]
    if other:
        raise NotWordError(other)
    return sorted(dict.fromkeys(found))


def is_word_package(path: Path) -> bool:
    """The file is a zip holding a Word body (LibreOffice would turn anything else into a
    PDF of whatever text it finds)."""
    try:
        with zipfile.ZipFile(path) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def free_cores() -> int:
    """Cores not busy right now (at least one): the number of LibreOffice workers to start."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        cores = os.cpu_count() or 1
    try:
        busy = int(os.getloadavg()[0] + 0.5)
    except (AttributeError, OSError):
        busy = 0
    return max(1, cores - busy)


def split(sources: Sequence[Path], workers: int) -> list[list[Path]]:
    """Share `sources` among `workers` so that each gets about the same number of bytes."""
    shares: list[list[Path]] = [[] for _ in range(max(1, min(workers, len(sources))))]
    loads = [0] * len(shares)
    for source in sorted(sources, key=lambda p: -p.stat().st_size):
        lightest = loads.index(min(loads))
        shares[lightest].append(source)
        loads[lightest] += source.stat().st_size
    return [share for share in shares if share]


def convert_to_pdf(
    paths: Iterable[Path],
    *,
    pdfa: bool = False,
    workers: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> PdfResult:
    """Convert every .docx in `paths` whose PDF is missing or older (or all, with `force`)."""
    sources = collect(paths)
    current = [s for s in sources if not force and is_current_pdf(s)]
    signed = [s for s in sources if s not in current and is_signed_pdf(pdf_of(s))]
    waiting = [s for s in sources if s not in current and s not in signed]
    todo = [s for s in waiting if is_word_package(s)]
    count = workers or free_cores()
    shares = split(todo, count)
    if todo:
        binary = find_soffice()
        tick = _counter(len(todo), progress)
        with ThreadPoolExecutor(max_workers=len(shares)) as pool:
            jobs = [
                pool.submit(_worker, binary, n, share, pdfa, tick) for n, share in enumerate(shares)
            ]
            done = [job.result() for job in jobs]
    else:
        done = []
    written = [pdf for share in done for pdf in share]
    failed = [s for s in waiting if pdf_of(s) not in written]
    return PdfResult(
        tuple(written),
        tuple(map(pdf_of, current)),
        tuple(map(pdf_of, signed)),
        tuple(failed),
        len(shares),
    )


def _counter(total: int, progress: Progress | None) -> Callable[[Path], None]:
    """A thread-safe `on_done` that reports (done, total) to `progress`."""
    lock = threading.Lock()
    state = [0]

    def tick(_: Path) -> None:
        with lock:
            state[0] += 1
            if progress is not None:
                progress(state[0], total)

    return tick


def _worker(
    binary: Path, number: int, share: list[Path], pdfa: bool, tick: Callable[[Path], None]
) -> list[Path]:
    """One LibreOffice process per round, on the worker's own kept profile; a round never
    holds two files of the same name."""
    written: list[Path] = []
    for batch in _rounds(share):
        with (
            tempfile.TemporaryDirectory(prefix="docgen-pdf-") as out,
            claimed_profile(number) as profile,
        ):
            target = pdf_filter(pdfa)
            convert_batch(binary, batch, Path(out), target, on_done=tick, profile=profile)
            for source in batch:
                made = Path(out) / f"{source.stem}.pdf"
                if made.is_file():
                    write_atomic(pdf_of(source), made.read_bytes())
                    written.append(pdf_of(source))
    return written


def _rounds(share: list[Path]) -> list[list[Path]]:
    """Split so that no round has two sources with the same stem (they share one out folder)."""
    rounds: list[list[Path]] = []
    for source in share:
        slot = next((r for r in rounds if all(s.stem != source.stem for s in r)), None)
        if slot is None:
            rounds.append(slot := [])
        slot.append(source)
    return rounds
