"""From the children's measurements to the numbers of issue 5: a table and bench.json."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from docgen.output.files import write_atomic

Numbers = dict[str, Any]
Results = Mapping[str, Mapping[str, Any]]

# Targets of issue 5.
BUILD_SPEEDUP = 30.0
FLOOR_FRACTION = 0.5
VALIDATE_SPEEDUP = 1.5
BUILD_RSS_MB = 150.0
VALIDATE_RSS_MB = 100.0
BIG_SHEET_S = 3.0
EXAMPLE_S = 10.0
SCALING = 1.25
# Targets of issue 11.
OVER_FLOOR = 1.5  # ho-so's time per document over its floor's, at LARGE
HO_SO_RSS_MB = 200.0
HO_SO_SCALING = 1.0  # time per document at LARGE over that at SMALL
LARGE = 20_000  # the memory targets are stated at this size
SMALL = 2_000  # the default size, and the reference for time per report


def numbers(size: int, rows: int, results: Results) -> Numbers:
    """The per-size entry of bench.json; rates from each child's CPU seconds."""
    reports, dossiers = results["reports"], results["dossiers"]
    build = reports["documents"] / reports["cpu_seconds"]
    floor = reports["documents"] / reports["floor_cpu_seconds"]
    docxtpl = _docxtpl_rate(results["docxtpl"]["templates"])
    validate = rows / results["validate"]["cpu_seconds"]
    openpyxl = rows / results["openpyxl"]["cpu_seconds"]
    return {
        "build_docs_per_s": round(build, 1),
        "docxtpl_docs_per_s": round(docxtpl, 1),
        "build_speedup_vs_docxtpl": round(build / docxtpl, 1),
        "build_fraction_of_floor": round(build / floor, 3),
        "validate_rows_per_s": round(validate),
        "validate_speedup_vs_openpyxl": round(validate / openpyxl, 2),
        "validate_speedup_pairs": results["validate"]["pair_ratios"],
        **_same_run_scaling(results),
        **_ho_so(results),
        **_calamine(rows, results),
        "peak_rss_mb": round(max(dossiers["peak_rss_mb"], results["validate"]["peak_rss_mb"]), 1),
        "floor_docs_per_s": round(floor, 1),
        "openpyxl_rows_per_s": round(openpyxl),
        "validate_peak_rss_mb": round(results["validate"]["peak_rss_mb"], 1),
        "openpyxl_peak_rss_mb": round(results["openpyxl"]["peak_rss_mb"], 1),
        "build_peak_rss_mb": round(dossiers["peak_rss_mb"], 1),
        "reports_peak_rss_mb": round(reports["peak_rss_mb"], 1),
        "ms_per_doc": round(1000 / build, 3),
        "reports": reports["documents"],
        "rows": rows,
        "docxtpl_sample": sum(t["sampled"] for t in results["docxtpl"]["templates"].values()),
        "dossiers_documents": dossiers["documents"],
        "dossiers_seconds": round(dossiers["seconds"], 2),
        "dossiers_cpu_seconds": round(dossiers["cpu_seconds"], 2),
        "dossiers_ms_per_doc": round(1000 * dossiers["seconds"] / dossiers["documents"], 3),
        "big_sheet_seconds": round(results["bigsheet"]["seconds"], 3),
        "big_sheet_peak_rss_mb": round(results["bigsheet"]["peak_rss_mb"], 1),
        "example_dossiers_seconds": round(results["example"]["seconds"], 2),
        "example_documents": results["example"]["documents"],
        "example_blocked": results["example"]["blocked"],
        "size": size,
        "clock": "process CPU seconds (the machine is shared); *_seconds are wall",
    }


def _same_run_scaling(results: Results) -> Numbers:
    """Time per report against the small size when both were measured in this run."""
    if "reports_small" not in results:
        return {}
    small = results["reports_small"]
    return {
        "small_ms_per_doc": round(1000 * small["cpu_seconds"] / small["documents"], 3),
        "scaling_pairs": results["reports"]["pair_ratios"],
    }


def _ho_so(results: Results) -> Numbers:
    """ho-so against its floor (median pair) and, at the large size, against the small one."""
    dossiers, floor = results["dossiers"], results["floor"]
    ms = 1000 * dossiers["cpu_seconds"] / dossiers["documents"]
    floor_ms = 1000 * floor["cpu_seconds"] / floor["documents"]
    out: Numbers = {
        "ho_so_cpu_ms_per_doc": round(ms, 3),
        "ho_so_wall_ms_per_doc": round(1000 * dossiers["seconds"] / dossiers["documents"], 3),
        "floor_cpu_ms_per_doc": round(floor_ms, 3),
        "floor_wall_ms_per_doc": round(1000 * floor["seconds"] / floor["documents"], 3),
        "ho_so_over_floor": round(ms / floor_ms, 2),
        "ho_so_over_floor_pairs": dossiers["pair_ratios"],
        "floor_peak_rss_mb": round(floor["peak_rss_mb"], 1),
    }
    if "dossiers_small" in results:
        small = results["dossiers_small"]
        small_ms = 1000 * small["cpu_seconds"] / small["documents"]
        out["ho_so_small_cpu_ms_per_doc"] = round(small_ms, 3)
        out["ho_so_scaling"] = round(ms / small_ms, 2)
    return out


def _calamine(rows: int, results: Results) -> Numbers:
    """docgen's reading next to python-calamine's on the same files (median pair)."""
    ours, theirs = results["validate_vs_calamine"], results["calamine"]
    return {
        "calamine_rows_per_s": round(rows / theirs["cpu_seconds"]),
        "validate_vs_calamine": round(theirs["cpu_seconds"] / ours["cpu_seconds"], 2),
        "validate_vs_calamine_pairs": ours["pair_ratios"],
        "calamine_peak_rss_mb": round(theirs["peak_rss_mb"], 1),
    }


def _docxtpl_rate(templates: Mapping[str, Mapping[str, Any]]) -> float:
    """Docs/s over the full mix: each template's sampled cost times its document count."""
    seconds = sum(t["documents"] * t["cpu_seconds"] / t["sampled"] for t in templates.values())
    return sum(t["documents"] for t in templates.values()) / seconds


def save(path: Path, size: int, entry: Numbers) -> dict[str, Numbers]:
    """Merge this size's numbers into `path` (other sizes are kept); return everything."""
    everything: dict[str, Numbers] = {}
    if path.is_file():
        everything = json.loads(path.read_text(encoding="utf-8"))
    everything[str(size)] = entry
    text = json.dumps(dict(sorted(everything.items(), key=lambda kv: int(kv[0]))), indent=2)
    write_atomic(path, (text + "\n").encode("utf-8"))
    return everything


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


Line = tuple[str, str, str, str, str, str]
HEADER: Line = ("Đo", "docgen", "mốc so sánh", "tỷ lệ", "mục tiêu", "")


def table(n: Numbers) -> str:
    """The printed table: each number next to its baseline and its target."""
    lines = [*_speed_lines(n), *_ho_so_lines(n), *_memory_lines(n), *_user_lines(n)]
    return _grid([HEADER, *lines])


def _ho_so_lines(n: Numbers) -> list[Line]:
    """ho-so next to its floor, its memory, and its time per document against the small size."""
    ratio, note = n["ho_so_over_floor"], "" if n["size"] >= LARGE else f" (ở {LARGE:,})"
    lines: list[Line] = [
        (
            "Đọc phiếu so với python-calamine",
            f"{n['validate_rows_per_s']:,} dòng/s (đọc + kiểm tra)",
            f"calamine {n['calamine_rows_per_s']:,} dòng/s (chỉ giá trị)",
            f"{n['validate_vs_calamine']:.2f}×",
            "(thông tin)",
            "",
        ),
        (
            f"ho-so so với sàn (CPU, {n['dossiers_documents']:,} vb)",
            f"{n['ho_so_cpu_ms_per_doc']:.2f} ms/vb",
            f"sàn {n['floor_cpu_ms_per_doc']:.2f} ms/vb",
            f"{ratio:.2f}×",
            f"≤ {OVER_FLOOR}×{note}",
            _mark(ratio <= OVER_FLOOR),
        ),
        (
            "ho-so so với sàn (thời gian thực)",
            f"{n['ho_so_wall_ms_per_doc']:.2f} ms/vb",
            f"sàn {n['floor_wall_ms_per_doc']:.2f} ms/vb",
            f"{n['ho_so_wall_ms_per_doc'] / n['floor_wall_ms_per_doc']:.2f}×",
            "(thông tin)",
            "",
        ),
        _limit("ho-so: bộ nhớ đỉnh", n["build_peak_rss_mb"], HO_SO_RSS_MB, note),
    ]
    if "ho_so_scaling" in n:
        scaling = n["ho_so_scaling"]
        lines.append(
            (
                f"ho-so: ms/vb ở {n['size']:,} so với ở {SMALL:,}",
                f"{n['ho_so_cpu_ms_per_doc']:.2f} ms/vb",
                f"{n['ho_so_small_cpu_ms_per_doc']:.2f} ms/vb",
                f"{scaling:.2f}×",
                f"≤ {HO_SO_SCALING:.0f}×",
                _mark(scaling <= HO_SO_SCALING),
            )
        )
    return lines


def _speed_lines(n: Numbers) -> list[Line]:
    validate, build = n["validate_speedup_vs_openpyxl"], n["build_speedup_vs_docxtpl"]
    floor = n["build_fraction_of_floor"]
    sample = f"docxtpl {n['docxtpl_docs_per_s']:.1f} vb/s (mẫu {n['docxtpl_sample']} vb)"
    reports = f"{n['build_docs_per_s']:,.0f} vb/s"
    return [
        (
            "Kiểm tra phiếu (dòng/s)",
            f"{n['validate_rows_per_s']:,} dòng/s",
            f"openpyxl {n['openpyxl_rows_per_s']:,} dòng/s",
            f"{validate:.2f}×",
            f"≥ {VALIDATE_SPEEDUP}×",
            _mark(validate >= VALIDATE_SPEEDUP),
        ),
        (
            f"Báo cáo thành tích ({n['reports']:,} vb)",
            reports,
            sample,
            f"{build:.0f}×",
            f"≥ {BUILD_SPEEDUP:.0f}×",
            _mark(build >= BUILD_SPEEDUP),
        ),
        (
            "Báo cáo so với sàn ghi zip",
            reports,
            f"sàn {n['floor_docs_per_s']:,.0f} vb/s",
            f"{floor:.0%}",
            f"≥ {FLOOR_FRACTION:.0%}",
            _mark(floor >= FLOOR_FRACTION),
        ),
    ]


def _memory_lines(n: Numbers) -> list[Line]:
    note = "" if n["size"] >= LARGE else f" (ở {LARGE:,})"
    openpyxl = f"openpyxl {n['openpyxl_peak_rss_mb']:.0f} MB"
    return [
        _limit(
            "Kiểm tra phiếu: bộ nhớ đỉnh",
            n["validate_peak_rss_mb"],
            VALIDATE_RSS_MB,
            note,
            openpyxl,
        ),
        _limit("Báo cáo thành tích: bộ nhớ đỉnh", n["reports_peak_rss_mb"], BUILD_RSS_MB, note),
    ]


def _limit(label: str, mb: float, limit: float, note: str, baseline: str = "") -> Line:
    return (label, f"{mb:.0f} MB", baseline, "", f"< {limit:.0f} MB{note}", _mark(mb < limit))


def _user_lines(n: Numbers) -> list[Line]:
    whole = (
        f"{n['dossiers_seconds']:.1f} s, CPU {n['dossiers_cpu_seconds']:.1f} s "
        f"({n['dossiers_ms_per_doc']:.2f} ms/vb)"
    )
    big, example = n["big_sheet_seconds"], n["example_dossiers_seconds"]
    blocked = " (BỊ CHẶN: lỗi họp xét)" if n["example_blocked"] else ""
    return [
        (f"Lập hồ sơ cả bộ ({n['dossiers_documents']:,} vb, ghi đĩa)", whole, "", "", "", ""),
        (
            "Trang định dạng tới dòng 1.048.576",
            f"{big:.2f} s, {n['big_sheet_peak_rss_mb']:.0f} MB",
            "",
            "",
            f"< {BIG_SHEET_S:.0f} s",
            _mark(big < BIG_SHEET_S),
        ),
        (
            "make dossiers (ví dụ kèm theo)",
            f"{example:.2f} s, {n['example_documents']} vb{blocked}",
            "",
            "",
            f"< {EXAMPLE_S:.0f} s",
            _mark(example < EXAMPLE_S and not blocked),
        ),
    ]


def scaling(everything: Mapping[str, Numbers], small: int = SMALL, large: int = LARGE) -> str:
    """Time per report at `large` against `small`: measured in the same run when it was,
    else across the two sizes' last runs."""
    if str(large) not in everything:
        return ""
    b = everything[str(large)]
    if "small_ms_per_doc" in b:
        small_ms, how = b["small_ms_per_doc"], "cùng lần chạy"
    elif str(small) in everything:
        small_ms, how = everything[str(small)]["ms_per_doc"], "hai lần chạy riêng"
    else:
        return ""
    ratio = b["ms_per_doc"] / small_ms
    line = (
        f"Thời gian mỗi báo cáo: {b['ms_per_doc']:.3f} ms ở {large:,} so với "
        f"{small_ms:.3f} ms ở {small:,} ({how}): {ratio:.2f}× (mục tiêu ≤ {SCALING}×) "
        f"{_mark(ratio <= SCALING)}"
    )
    if "scaling_pairs" in b:
        pairs = ", ".join(f"{r:.2f}×" for r in b["scaling_pairs"])
        line += f"; từng cặp chạy liền nhau: {pairs}, lấy cặp trung vị"
    return line


def _grid(lines: Sequence[Line]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = [
        " │ ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in lines
    ]
    out.insert(1, "─┼─".join("─" * w for w in widths))
    return "\n".join(out)
