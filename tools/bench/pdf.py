"""``python -m tools.bench.pdf``: PDF conversion of 50 documents, docgen against its baselines.

Measured in the same run, on the same 50 copies of the example's documents (wall time: the work
is done by LibreOffice processes), every way starting from a warm LibreOffice profile: one
LibreOffice call per file, one batched process for all, and `docgen pdf` (batched, one worker
per core asked for). Goals (issue 14): ≥ 10× one call per file, ≥ 1.6× one batched process with
two free cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docgen.convert.office import convert_batch, find_soffice, pdf_filter
from docgen.convert.pdf import convert_to_pdf
from tools.bench.generate import REPO


def _documents(tmp: Path, count: int) -> list[Path]:
    """`count` copies of the example's generated documents, each under its own name."""
    root = tmp / "example"
    for name in ("input", "templates_docx"):
        shutil.copytree(REPO / name, root / name)
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


def _timed(task: object) -> float:
    started = time.perf_counter()
    task()  # type: ignore[operator]
    return time.perf_counter() - started


def measure(count: int, workers: int) -> dict[str, float]:
    """Seconds for each way of converting `count` documents, and the resulting ratios."""
    binary = find_soffice()
    with tempfile.TemporaryDirectory(prefix="docgen-bench-pdf-") as name:
        tmp = Path(name)
        docs = _documents(tmp, count)
        warm, warm_batch = tmp / "profile", tmp / "profile-batch"
        for profile in (warm, warm_batch):  # baselines start warm, as docgen's kept profiles do
            convert_batch(binary, docs[:1], tmp / "warm", pdf_filter(False), profile=profile)
        convert_to_pdf(docs[:2], workers=workers, force=True)  # docgen's own profiles, warm

        def per_file() -> None:
            for doc in docs:
                convert_batch(binary, [doc], tmp / "one", pdf_filter(False), profile=warm)

        def batched() -> None:
            convert_batch(binary, docs, tmp / "batch", pdf_filter(False), profile=warm_batch)

        def parallel() -> None:
            convert_to_pdf(docs, workers=workers, force=True)

        seconds = {"per_file": _timed(per_file), "batched": _timed(batched)}
        seconds["docgen"] = _timed(parallel)
    return {
        **{f"{k}_seconds": v for k, v in seconds.items()},
        "documents": count,
        "workers": workers,
        "cores": os.cpu_count() or 1,
        "load_before": os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0,
        "vs_per_file": seconds["per_file"] / seconds["docgen"],
        "vs_batched": seconds["batched"] / seconds["docgen"],
    }


def table(numbers: dict[str, float]) -> str:
    """The numbers as the README prints them."""
    n = numbers["documents"]
    rows = [
        ("một lần gọi LibreOffice cho mỗi tệp", numbers["per_file_seconds"]),
        ("một tiến trình LibreOffice cho cả lô", numbers["batched_seconds"]),
        (f"docgen pdf ({numbers['workers']:.0f} tiến trình song song)", numbers["docgen_seconds"]),
    ]
    lines = [f"| cách chuyển ({n:.0f} văn bản) | thời gian | văn bản/giây |", "|---|---|---|"]
    lines += [f"| {label} | {s:.1f} s | {n / s:.2f} |" for label, s in rows]
    lines.append(
        f"docgen pdf nhanh hơn gọi từng tệp {numbers['vs_per_file']:.1f}× (mục tiêu ≥ 10×), "
        f"hơn một tiến trình cả lô {numbers['vs_batched']:.2f}× (mục tiêu ≥ 1,6× khi 2 lõi rảnh); "
        f"tải máy lúc bắt đầu {numbers['load_before']:.1f} trên {numbers['cores']:.0f} lõi."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, save the numbers."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench.pdf", description=__doc__)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("output/bench-pdf.json"))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    numbers = measure(args.documents, args.workers)
    print(table(numbers))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"Đã ghi {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
