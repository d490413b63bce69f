"""``python -m tools.bench.startup``: how long a command makes the clerk wait before it starts.

Each command is started as the clerk starts it (the installed ``docgen`` script), in pairs
with the floor — a bare interpreter importing click (``python -c "import click"``) — taking
turns; the CPU time of each child process (user + system) is compared within its pair and the
median pair is kept. Target (issue 18): ``docgen --help`` ≤ 3× the floor.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

TARGET = 3.0
FLOOR = ("python -c 'import click'", [sys.executable, "-c", "import click"])
# What the clerk types that only starts up: help pages, the version, the campaign check.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("--version",),
    ("kiem-tra-chien-dich",),
    *(
        (name, "--help")
        for name in (
            "chien-dich-moi",
            "mau-nhap",
            "nhan-thu",
            "kiem-tra",
            "tra-loi",
            "tong-hop",
            "ket-qua",
            "ho-so",
            "pdf",
            "luu-tru",
            "so-van-ban-di",
            "kiem-tra-mau",
            "kiem-tra-dinh-dang",
        )
    ),
)


def docgen_command() -> list[str]:
    """The installed `docgen` script beside this interpreter, else `python -m docgen`."""
    script = Path(sys.executable).with_name("docgen.exe" if os.name == "nt" else "docgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "docgen"]


def cpu_seconds(command: list[str], cwd: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def paired(command: list[str], pairs: int, cwd: Path) -> tuple[float, float, float, list[float]]:
    """(median ratio, our CPU, floor CPU of the median pair, every pair's ratio)."""
    runs = []
    for turn in range(pairs):
        first, second = (command, FLOOR[1]) if turn % 2 == 0 else (FLOOR[1], command)
        a, _ = cpu_seconds(first, cwd)
        b, _ = cpu_seconds(second, cwd)
        ours, floor = (a, b) if turn % 2 == 0 else (b, a)
        runs.append((ours / floor, ours, floor))
    runs.sort()
    ratio, ours, floor = runs[len(runs) // 2]
    return ratio, ours, floor, [r for r, _, _ in runs]


def main(argv: list[str] | None = None) -> int:
    """Measure every command's start-up next to the floor; exit 1 when --help misses the target."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench.startup", description=__doc__)
    parser.add_argument("--pairs", type=int, default=7, help="pairs per command (median kept)")
    parser.add_argument("--cwd", type=Path, default=Path.cwd(), help="workspace to start in")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    docgen = docgen_command()
    cpu_seconds(docgen + ["--version"], args.cwd)  # warm the file cache and bytecode first
    print(
        "Khởi động lệnh (CPU của tiến trình con, cặp trung vị so với sàn python -c 'import click')"
    )
    print(f"{'lệnh':<36} {'CPU (ms)':>9} {'sàn (ms)':>9} {'× sàn':>7}")
    help_ratio = 0.0
    for words in COMMANDS:
        ratio, ours, floor, _ = paired(docgen + list(words), args.pairs, args.cwd)
        help_ratio = ratio if words == ("--help",) else help_ratio
        label = "docgen " + " ".join(words)
        print(f"{label:<36} {ours * 1000:>9.0f} {floor * 1000:>9.0f} {ratio:>6.2f}×")
    verdict = "đạt" if help_ratio <= TARGET else "CHƯA ĐẠT"
    print(f"docgen --help: {help_ratio:.2f}× sàn (mục tiêu ≤ {TARGET:.0f}×): {verdict}")
    return 0 if help_ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
