"""tools.bench: the synthetic campaign is deterministic and valid; the report has every key.

No timing is asserted here: the bench measures, the tests check what it measures on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from docgen.campaign import load_campaign
from docgen.issues.model import Severity
from docgen.meeting.select import read_and_select
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tests.conftest import CAMPAIGN_FILE
from tools.bench import measure, report
from tools.bench.generate import campaign_text, departments, write_campaign
from tools.bench.measure import spread

ISSUE_KEYS = {
    "build_docs_per_s",
    "docxtpl_docs_per_s",
    "build_speedup_vs_docxtpl",
    "build_fraction_of_floor",
    "validate_rows_per_s",
    "validate_speedup_vs_openpyxl",
    "peak_rss_mb",
}


def test_generation_is_deterministic() -> None:
    assert departments(40, 4, 7) == departments(40, 4, 7)
    assert departments(40, 4, 7) != departments(40, 4, 8)


def test_mix_of_nominees() -> None:
    depts = departments(400, 8, 19)
    collectives = sum(len(d.collectives) for d in depts)
    individuals = sum(len(d.individuals) for d in depts)
    assert (collectives, individuals) == (20, 380)
    assert all(len(d.collectives) + len(d.individuals) >= 1 for d in depts)
    texts = [str(row["thanh_tich"]) for d in depts for row in d.individuals]
    assert all("\n" in t for t in texts)  # multi-paragraph achievements


def test_quota_lines_are_raised() -> None:
    source = CAMPAIGN_FILE.read_text(encoding="utf-8")
    text = campaign_text(source, 5000)
    assert text.count("quota = { collective = 5000, individual = 5000 }") == 2
    assert "individual = 2 }" not in text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("bench")
    write_campaign(root, 40, 4, 19)
    return Workspace(root)


def test_generated_campaign_is_valid_and_everyone_is_selected(workspace: Workspace) -> None:
    campaign = load_campaign(workspace.campaign)
    validation = validate_folder(campaign, workspace.submissions)
    assert [i for i in validation.issues if i.severity is Severity.ERROR] == []
    assert len(validation.eligible()) == 40
    outcome = read_and_select(campaign, validation, workspace.meeting)
    assert outcome.errors == []
    assert sum(len(s.proposed()) for s in outcome.selections) == 40


def test_spread_is_even_and_deterministic() -> None:
    items: list[Any] = list(range(10))
    assert spread(items, 5) == [0, 2, 4, 6, 8]
    assert spread(items, 20) == items


def _results() -> dict[str, dict[str, Any]]:
    run = {"seconds": 2.0, "cpu_seconds": 1.0, "peak_rss_mb": 50.0}
    return {
        "validate": {**run, "pair_ratios": [2.0, 1.9, 2.2]},
        "openpyxl": {**run, "cpu_seconds": 2.0},
        "reports": {**run, "documents": 1000, "floor_cpu_seconds": 0.5},
        "docxtpl": {"templates": {"a.docx": {**run, "sampled": 20, "documents": 1000}}},
        "dossiers": {**run, "documents": 1004, "blocked": False, "pair_ratios": [1.2, 1.4]},
        "floor": {**run, "cpu_seconds": 0.8, "documents": 1004},
        "validate_vs_calamine": {**run, "pair_ratios": [0.3, 0.25]},
        "calamine": {**run, "cpu_seconds": 0.25},
        "bigsheet": run,
        "example": {**run, "documents": 9, "blocked": False},
    }


def test_numbers_have_every_key_and_the_table_every_row(tmp_path: Path) -> None:
    numbers = report.numbers(2000, 5000, _results())
    assert set(numbers) >= ISSUE_KEYS
    assert numbers["build_speedup_vs_docxtpl"] == 50.0  # 1000/s against 20 docs in 1 s
    assert numbers["build_fraction_of_floor"] == 0.5
    table = report.table(numbers)
    assert "docxtpl" in table and "openpyxl" in table and "1.048.576" in table
    assert table.count("✓") + table.count("✗") == 9  # issue 5's targets, and ho-so's two
    assert numbers["ho_so_over_floor"] == 1.25 and numbers["validate_vs_calamine"] == 0.25
    assert "ho-so so với sàn (CPU, 1,004 vb)" in table and "calamine" in table
    assert "ho-so: bộ nhớ đỉnh" in table


def test_ho_so_scaling_against_the_small_size() -> None:
    results = _results()
    results["dossiers_small"] = {**results["dossiers"], "cpu_seconds": 0.5}
    numbers = report.numbers(20000, 50000, results)
    assert numbers["ho_so_scaling"] == 2.0
    assert "ho-so: ms/vb ở 20,000 so với ở 2,000" in report.table(numbers)


def test_bench_json_accumulates_sizes(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    small = report.numbers(2000, 5000, _results())
    report.save(out, 2000, small)
    everything = report.save(out, 20000, {**small, "size": 20000, "ms_per_doc": 1.1})
    assert set(json.loads(out.read_text(encoding="utf-8"))) == {"2000", "20000"}
    assert "1.10×" in report.scaling(everything)


def test_paired_keeps_the_median_pair_and_takes_turns() -> None:
    # Pair ratios 2.0, 0.5 (docgen slowed by a burst), 1.6: the median pair is kept.
    cpu = iter([1.0, 2.0, 2.0, 4.0, 1.0, 1.6])
    order: list[str] = []

    def task(name: str) -> Any:
        def run() -> dict[str, Any]:
            order.append(name)
            return {"cpu_seconds": next(cpu), "peak_rss_mb": 10.0 * len(order)}

        return run

    def speedup(ours: dict[str, Any], baseline: dict[str, Any]) -> float:
        return float(baseline["cpu_seconds"] / ours["cpu_seconds"])

    mine, theirs = measure.paired(3, task("ours"), task("baseline"), speedup)
    assert order == ["ours", "baseline", "baseline", "ours", "ours", "baseline"]
    assert mine["pair_ratios"] == [0.5, 1.6, 2.0]
    assert theirs["cpu_seconds"] / mine["cpu_seconds"] == 1.6
    assert mine["peak_rss_mb"] == 50.0  # the highest of its own runs
    assert theirs["peak_rss_mb"] == 60.0


def test_scaling_prefers_the_same_run_measurement() -> None:
    results = _results()
    results["reports"] = {**results["reports"], "cpu_seconds": 1.2, "pair_ratios": [1.1, 1.2]}
    results["reports_small"] = {**results["reports"], "cpu_seconds": 1.0, "documents": 1000}
    large = report.numbers(20000, 50000, results)
    assert large["small_ms_per_doc"] == 1.0
    small = report.numbers(2000, 5000, _results())  # 1 ms per report, but another run
    line = report.scaling({"2000": {**small, "ms_per_doc": 0.5}, "20000": large})
    assert "1.20×" in line and "cùng lần chạy" in line and "✓" in line
    across = report.scaling({"2000": {**small, "ms_per_doc": 0.5}, "20000": {**small}})
    assert "2.00×" in across and "hai lần chạy riêng" in across and "✗" in across
