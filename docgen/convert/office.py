"""LibreOffice headless: the one module that runs `soffice`.

One call converts a whole batch (LibreOffice's start-up costs far more than one document), each
call with its own profile folder so that parallel workers never wait on another's lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from docgen.errors import DocgenError

SOFFICE_ENV = "DOCGEN_SOFFICE"  # a clerk's own LibreOffice, when it is not found by itself

_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_POSIX_PLACES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


class OfficeMissingError(DocgenError):
    """LibreOffice is not installed where docgen looks for it."""

    def __init__(self, looked: Sequence[str]) -> None:
        super().__init__(
            "SOFFICE_MISSING",
            "Không tìm thấy LibreOffice (soffice) để chuyển sang PDF. Đã tìm trong PATH và: "
            + "; ".join(looked)
            + ". Hãy cài LibreOffice (https://vi.libreoffice.org) hoặc đặt biến môi trường "
            f"{SOFFICE_ENV} chỉ tới tệp soffice, rồi chạy lại.",
        )


class OfficeFailedError(DocgenError):
    """LibreOffice ran but did not convert (crash, timeout)."""

    def __init__(self, detail: str) -> None:
        super().__init__("SOFFICE_FAILED", f"LibreOffice không chuyển được văn bản: {detail}")


def usual_places() -> tuple[str, ...]:
    """Where LibreOffice installs itself on this kind of system, most likely first."""
    if sys.platform == "win32":
        local = os.environ.get("PROGRAMFILES", r"C:\Program Files")
        return (str(Path(local) / "LibreOffice" / "program" / "soffice.exe"), *_WINDOWS_PLACES)
    return _POSIX_PLACES


def find_soffice(env: dict[str, str] | None = None) -> Path:
    """LibreOffice's binary: $DOCGEN_SOFFICE, then PATH, then the usual install places."""
    env = dict(os.environ) if env is None else env
    chosen = env.get(SOFFICE_ENV)
    if chosen:
        if Path(chosen).is_file():
            return Path(chosen)
        raise OfficeMissingError([f"{SOFFICE_ENV}={chosen}"])
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return Path(found)
    for place in usual_places():
        if Path(place).is_file():
            return Path(place)
    raise OfficeMissingError(usual_places())


def pdf_filter(pdfa: bool) -> str:
    """The --convert-to argument: PDF with fonts embedded, PDF/A-2b when asked."""
    options = '"EmbedStandardFonts":{"type":"boolean","value":"true"}'
    if pdfa:
        options += ',"SelectPdfVersion":{"type":"long","value":"2"}'
    return "pdf:writer_pdf_Export:{" + options + "}"


def convert_batch(
    binary: Path,
    sources: Sequence[Path],
    outdir: Path,
    target: str,
    on_done: Callable[[Path], None] | None = None,
    timeout: float = 1800,
    profile: Path | None = None,
) -> None:
    """Convert `sources` into `outdir` with ONE LibreOffice process and a private profile.

    `on_done` is called with each source as LibreOffice reports it converted (progress).
    `profile`: a profile folder to reuse (the bench's per-file baseline); default a fresh one.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as fresh:
        where = profile or Path(fresh)
        command = [
            str(binary),
            "--headless",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={where.resolve().as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *(str(s.resolve()) for s in sources),
        ]
        made = {f"{s.stem}.{target.split(':', 1)[0]}": s for s in sources}
        with _Finished(outdir, made, on_done) as finished:
            _run(command, sources, finished.report, timeout)


class _Finished:
    """Reports each source once, as soon as LibreOffice is known to have converted it.

    LibreOffice says so on its output ("convert A -> B"), but not everywhere (soffice.exe on
    Windows writes nothing to a console): a finished file also shows as its output, which
    LibreOffice writes under a temporary name and renames when complete. A watcher thread
    looks for those names while the batch runs, so progress moves file by file either way.
    """

    INTERVAL = 0.1  # seconds between looks at the output folder

    def __init__(
        self, outdir: Path, made: dict[str, Path], on_done: Callable[[Path], None] | None
    ) -> None:
        self.outdir, self.made, self.on_done = outdir, made, on_done
        self.reported: set[Path] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> _Finished:
        if self.on_done is not None:
            self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join()
            self._sweep()  # the files finished after the watcher's last look

    def report(self, source: Path) -> None:
        with self.lock:
            if source in self.reported or self.on_done is None:
                return
            self.reported.add(source)
            self.on_done(source)

    def _watch(self) -> None:
        while not self.stop.wait(self.INTERVAL):
            self._sweep()

    def _sweep(self) -> None:
        try:
            names = os.listdir(self.outdir)
        except OSError:
            return
        for name in names:
            source = self.made.get(name)
            if source is not None:
                self.report(source)


def _run(
    command: list[str],
    sources: Sequence[Path],
    on_done: Callable[[Path], None],
    timeout: float,
) -> None:
    by_name = {str(s.resolve()): s for s in sources}  # LibreOffice reports absolute paths
    said: list[str] = []
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as process:
        watchdog = threading.Timer(timeout, process.kill)  # a hung LibreOffice is stopped
        watchdog.start()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                source = _converted(line, by_name)
                if source is None:
                    said.append(line.strip())
                else:
                    on_done(source)
            process.wait()
        finally:
            watchdog.cancel()
    if process.returncode != 0:
        told = [line for line in said if line]
        raise OfficeFailedError(told[-1] if told else f"mã thoát {process.returncode}")


def _converted(line: str, by_name: dict[str, Path]) -> Path | None:
    """The source named by a `convert SRC -> DST using filter …` line."""
    if not line.startswith("convert ") or " -> " not in line:
        return None
    return by_name.get(line[len("convert ") :].split(" -> ", 1)[0])


def pdf_pages_png(pdf: Path, folder: Path, last: int, dpi: int = 60) -> list[Path]:
    """The first `last` pages of `pdf` as PNG images `trang-N.png` in `folder`, for a preview
    (poppler's pdftoppm); none when poppler is not installed or cannot read the file."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    command = [tool, "-png", "-r", str(dpi), "-l", str(last), str(pdf), str(folder / "trang")]
    subprocess.run(command, check=False, capture_output=True, timeout=120)
    return sorted(folder.glob("trang*.png"))
