"""``python -m tools.bench --size 2000``: measure docgen against its baselines (issue 5)."""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docgen.campaign import load_campaign
from docgen.workspace import Workspace
from tools.bench import measure, report
from tools.bench.bigsheet import formatted_workbook
from tools.bench.generate import write_campaign
from tools.example.build import write_pristine


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--size", type=int, default=2000, help="nominees (default 2000)")
    parser.add_argument("--workbooks", type=int, default=40, help="department workbooks")
    parser.add_argument("--seed", type=int, default=19, help="random seed of the campaign")
    parser.add_argument("--out", type=Path, default=Path("output/bench.json"))
    parser.add_argument(
        "--pairs",
        type=int,
        default=5,
        help="pairs of runs compared, taking turns (the median pair is kept)",
    )
    parser.add_argument(
        "--baseline-sample", type=int, default=60, help="documents rendered by plain docxtpl"
    )
    return parser.parse_args(argv)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args: argparse.Namespace, tmp: Path) -> report.Numbers:
    """Generate the campaign under `tmp`, run every measurement, return the numbers."""
    root = tmp / "bench"
    started = time.perf_counter()
    depts = write_campaign(root, args.size, args.workbooks, args.seed)
    big = formatted_workbook(load_campaign(Workspace(root).campaign), depts[0], tmp / "big.xlsx")
    _say(f"sinh dữ liệu: {time.perf_counter() - started:.0f} s")
    example = tmp / "example"
    write_pristine(example)
    results: dict[str, measure.Result] = {}
    results["validate"], results["openpyxl"] = measure.paired(
        args.pairs, _task("validate", root), _task("openpyxl", root), _speedup
    )
    results["validate_vs_calamine"], results["calamine"] = measure.paired(
        args.pairs, _task("validate", root), _task("calamine", root), _speedup
    )
    _say(f"đọc phiếu: xong ({time.perf_counter() - started:.0f} s)")
    results["dossiers"], results["floor"] = measure.paired(
        args.pairs, _task("dossiers", root), _task("floor", root), _over_floor
    )
    if args.size > report.SMALL:
        results["dossiers_small"] = measure.run("dossiers", small_root(tmp, args))
    _say(f"ho-so và sàn: xong ({time.perf_counter() - started:.0f} s)")
    if args.size > report.SMALL:  # per-report time against the small size, in this same run
        small = small_root(tmp, args)
        results["reports"], results["reports_small"] = measure.paired(
            args.pairs, _task("reports", root), _task("reports", small), _per_report
        )
    else:
        results["reports"] = measure.run("reports", root)
    _say(f"reports: xong ({time.perf_counter() - started:.0f} s)")
    tasks = {
        "docxtpl": (root, {"sample": args.baseline_sample}),
        "bigsheet": (root, {"path": str(big)}),
        "example": (example, {}),
    }
    for name, (where, params) in tasks.items():
        results[name] = measure.run("dossiers" if name == "example" else name, where, **params)
        _say(f"{name}: xong ({time.perf_counter() - started:.0f} s)")
    return report.numbers(args.size, sum(d.rows for d in depts), results)


def small_root(tmp: Path, args: argparse.Namespace) -> Path:
    """The campaign of the small size, generated once in this run."""
    small = tmp / "small"
    if not small.exists():
        write_campaign(small, report.SMALL, args.workbooks, args.seed)
    return small


def _over_floor(dossiers: measure.Result, floor: measure.Result) -> float:
    """ho-so's CPU time per document over the floor's (same documents)."""
    return float(
        (dossiers["cpu_seconds"] / dossiers["documents"])
        / (floor["cpu_seconds"] / floor["documents"])
    )


def _task(name: str, root: Path) -> Callable[[], measure.Result]:
    return functools.partial(measure.run, name, root)


def _speedup(ours: measure.Result, openpyxl: measure.Result) -> float:
    """How many times faster than openpyxl (same files, so CPU seconds compare directly)."""
    return float(openpyxl["cpu_seconds"] / ours["cpu_seconds"])


def _per_report(large: measure.Result, small: measure.Result) -> float:
    """Time per report at the large size over that at the small size."""
    return float(
        (large["cpu_seconds"] / large["documents"]) / (small["cpu_seconds"] / small["documents"])
    )


def main(argv: list[str] | None = None) -> int:
    """Run the bench, print the table, merge the numbers into --out."""
    args = _arguments(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        numbers = run(args, Path(tmp))
    everything = report.save(args.out, args.size, numbers)
    print(f"docgen bench: {args.size:,} đề nghị, {args.workbooks} phiếu, seed {args.seed}")
    print(report.table(numbers))
    print("Tốc độ tính theo thời gian CPU của từng tiến trình con (máy dùng chung).")
    pairs = ", ".join(f"{ratio:.2f}×" for ratio in numbers["validate_speedup_pairs"])
    print(
        f"Kiểm tra phiếu so với openpyxl, từng cặp chạy liền nhau: {pairs}; bảng lấy cặp trung vị."
    )
    if scaling := report.scaling(everything):
        print(scaling)
    print(f"Đã ghi {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
