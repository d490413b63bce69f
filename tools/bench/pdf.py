"""``python -m tools.bench.pdf``: PDF conversion of 50 documents, docgen against its baselines.

On the same 50 copies of the example's documents, every way starting from a warm LibreOffice
profile, in the same run: one LibreOffice call per file (on a sample, per document), one
batched process for all, and docgen's split into batches for two workers.

The machine is shared, so wall time says little about what a clerk's idle machine does. Each
way is therefore also measured in CPU seconds of its LibreOffice processes (they are CPU-bound):
one call per file and one batched process run one after the other, so their CPU time is their
time on a free core; docgen's workers run side by side, so on free cores its time is that of
its busiest worker, measured by running each worker's batch alone. `docgen pdf` itself is run
as well, and its wall time printed beside the load of the machine.
Goals (issue 14): ≥ 10× one call per file, ≥ 1,6× one batched process with two free cores.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docgen.convert.office import convert_batch, find_soffice, pdf_filter
from docgen.convert.pdf import convert_to_pdf, split
from tools.example.build import write_pristine


def _documents(tmp: Path, count: int) -> list[Path]:
    """`count` copies of the example's generated documents, each under its own name."""
    root = tmp / "example"
    write_pristine(root)
    subprocess.run(
        [sys.executable, "-m", "docgen", "ho-so", "--thu-muc", str(root)],
        check=True,
        capture_output=True,
    )
    generated = sorted((root / "output").rglob("*.docx"))
    docs = tmp / "docs"
    docs.mkdir()
    for n in range(count):
        source = generated[n % len(generated)]
        shutil.copy(source, docs / f"{n:02d}-{source.parent.name}-{source.name}")
    return sorted(docs.glob("*.docx"))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measured(task: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child processes) of `task`."""
    cpu, wall = _children_cpu(), time.perf_counter()
    task()
    return time.perf_counter() - wall, _children_cpu() - cpu


def measure(count: int, workers: int, sample: int) -> dict[str, float]:
    """Seconds for each way of converting `count` documents, and the resulting ratios."""
    binary = find_soffice()
    target = pdf_filter(False)
    with tempfile.TemporaryDirectory(prefix="docgen-bench-pdf-") as name:
        tmp = Path(name)
        docs = _documents(tmp, count)
        profiles = [tmp / f"profile-{n}" for n in range(workers + 1)]
        for profile in profiles:  # every way starts warm, as docgen's kept profiles do
            convert_batch(binary, docs[:1], tmp / "warm", target, profile=profile)
        convert = functools.partial(convert_batch, binary, target=target)
        one = [
            _measured(functools.partial(convert, [doc], tmp / "1", profile=profiles[0]))
            for doc in docs[:sample]
        ]
        batch = _measured(functools.partial(convert, docs, tmp / "b", profile=profiles[0]))
        shares = [
            _measured(functools.partial(convert, share, tmp / "w", profile=profile))
            for share, profile in zip(split(docs, workers), profiles[1:], strict=False)
        ]
        load = os.getloadavg()[0]
        convert_to_pdf(docs[:workers], workers=workers, force=True)  # docgen's own profiles warm
        docgen = _measured(lambda: convert_to_pdf(docs, workers=workers, force=True))
    per_file_cpu = sum(cpu for _, cpu in one) / len(one) * count
    busiest = max(cpu for _, cpu in shares)
    return {
        "documents": count,
        "workers": workers,
        "per_file_sample": len(one),
        "per_file_cpu_seconds": per_file_cpu,
        "batched_cpu_seconds": batch[1],
        "docgen_busiest_worker_cpu_seconds": busiest,
        "docgen_total_cpu_seconds": sum(cpu for _, cpu in shares),
        "per_file_wall_seconds": sum(wall for wall, _ in one) / len(one) * count,
        "batched_wall_seconds": batch[0],
        "docgen_pdf_wall_seconds": docgen[0],
        "load": load,
        "cores": os.cpu_count() or 1,
        "vs_per_file": per_file_cpu / busiest,
        "vs_batched": batch[1] / busiest,
    }


def table(n: dict[str, float]) -> str:
    """The numbers as the README prints them."""
    docs = n["documents"]
    rows = [
        (
            "một lần gọi LibreOffice cho mỗi tệp",
            n["per_file_cpu_seconds"],
            n["per_file_wall_seconds"],
        ),
        (
            "một tiến trình LibreOffice cho cả lô",
            n["batched_cpu_seconds"],
            n["batched_wall_seconds"],
        ),
        (
            f"docgen pdf ({n['workers']:.0f} tiến trình; tiến trình bận nhất)",
            n["docgen_busiest_worker_cpu_seconds"],
            n["docgen_pdf_wall_seconds"],
        ),
    ]
    lines = [
        f"| cách chuyển ({docs:.0f} văn bản) | trên lõi rảnh (CPU) | văn bản/giây | thời gian thực (máy chung) |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {label} | {cpu:.1f} s | {docs / cpu:.1f} | {wall:.1f} s |" for label, cpu, wall in rows
    ]
    lines.append(
        f"docgen pdf so với gọi từng tệp: {n['vs_per_file']:.1f}× (mục tiêu ≥ 10×); so với một "
        f"tiến trình cả lô: {n['vs_batched']:.2f}× (mục tiêu ≥ 1,6× khi 2 lõi rảnh). Gọi từng tệp "
        f"đo trên {n['per_file_sample']:.0f} tệp mẫu; tải máy {n['load']:.1f} trên {n['cores']:.0f} lõi."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, save the numbers."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench.pdf", description=__doc__)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=10, help="files converted one call each")
    parser.add_argument("--out", type=Path, default=Path("output/bench-pdf.json"))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    numbers = measure(args.documents, args.workers, args.sample)
    print(table(numbers))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"Đã ghi {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
