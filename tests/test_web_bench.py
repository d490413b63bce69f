"""`make bench` gets a row per page: the page bench runs end to end on a small campaign."""

from __future__ import annotations

import json
from pathlib import Path

from tools.bench import web


def test_the_page_bench_times_every_page(tmp_path: Path) -> None:
    out = tmp_path / "bench-web.json"
    argv = ["--size", "12", "--workbooks", "2", "--times", "2", "--past", "40", "--out", str(out)]
    assert web.main(argv) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["pages"]
    assert [r["page"] for r in rows] == [*web.PAGES, web.REOPENED]
    assert all(0 < r["median_ms"] <= r["max_ms"] for r in rows)
