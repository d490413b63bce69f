"""``python -m tools.bench.web``: how fast each page of ``docgen giao-dien`` answers.

On the generated campaign (2,000 nominees in 40 workbooks by default, as ``tools.bench``), the
page is served in this process on 127.0.0.1; the clerk's long steps run once as the page runs
them (check, meeting list, meeting result, dossier: their progress streams, they are not
page views), then every page is asked ``--times`` times over real HTTP and the server's own
time (its ``Server-Timing`` header: from the request reaching the app to the answer's start)
is kept. One row per page: median and worst server time, median time seen by the client.
Before the history page is timed, ten past years of the ward's awards (``--past`` lines, 2,000
by default) are imported through the page from its own import template, so that its search and
its pairs not settled read a register of a ward's real size.
Target (issue 23): median ≤ 200 ms per page.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tools.bench.generate import write_campaign
from tools.fill.history import fill_awards_sheet
from tools.webclient import Client, serving

TARGET_MS = 200.0
PAGES = ("/", "/don-vi", "/don-vi/0", "/nhan-phieu", "/hop-xet", "/ho-so", "/luu-tru",
         "/lich-su", "/lich-su?nam=2020")  # fmt: skip


def _server_ms(client: Client, path: str) -> tuple[float, float]:
    started = time.perf_counter()
    answer = client.request("GET", path)
    seen = (time.perf_counter() - started) * 1000
    assert answer.status == 200, (path, answer.status)
    timing = answer.headers["server-timing"]
    return float(timing.split("dur=")[1]), seen


def measure(root: Path, times: int, past: int = 2000) -> list[dict[str, object]]:
    """Serve the workspace at `root`, run the long steps, time every page."""
    rows: list[dict[str, object]] = []
    with serving(root) as (_, client):
        client.login()
        for step in ("/kiem-tra", "/hop-xet/tong-hop", "/hop-xet/ket-qua", "/ho-so/lap"):
            started = time.perf_counter()
            client.run(step)
            print(f"{step}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        started = time.perf_counter()
        _past_years(client, root, past)
        print(f"/lich-su/nhap ({past} dòng): {time.perf_counter() - started:.1f} s",
              file=sys.stderr, flush=True)  # fmt: skip
        rows.extend(_row(client, path, path, times) for path in PAGES)
    with serving(root) as (_, fresh):  # a page opened again: no build in this session, so each
        fresh.login()  # listed document's state comes from hashing it against the manifest
        rows.append(_row(fresh, "/ho-so", REOPENED, times))
    return rows


REOPENED = "/ho-so (mở lại trang)"
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Thanh", "Đức", "Ngọc", "Hữu", "Thu")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Hà", "Hòa", "Lan", "Mai", "Nam", "Tâm", "Thắng", "Yến")
FORMS = ("Giấy khen", "Lao động tiên tiến")
PER_DECISION = 20


def _past_years(client: Client, root: Path, lines: int) -> None:
    """`lines` past awards, over ten years, imported through the page from its template."""
    panel = client.run("/lich-su/mau-nhap")
    found = re.search(r'href="/tai/([^"]+)"', panel)
    assert found is not None, panel
    blank = root / "mau-nhap.xlsx"
    blank.write_bytes(client.request("GET", f"/tai/{found.group(1)}").body)
    sheet = fill_awards_sheet(blank, _past_rows(lines), root / "cac-nam-truoc.xlsx")
    said = client.run("/lich-su/nhap", files=[("tep", sheet.name, sheet.read_bytes())])
    assert "Đã nhập" in said, said


def _past_rows(lines: int) -> list[list[object]]:
    rng = random.Random(lines)
    rows: list[list[object]] = []
    for n in range(lines):
        year = 2014 + n * 10 // max(lines, 1)
        number = f"{n // PER_DECISION + 1}/QĐ-UBND"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        birth = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1965, 1998)}"
        unit = f"Khối {rng.randint(1, 40)}"
        rows.append([year, number, f"15/12/{year}", "Chủ tịch UBND phường", "Cấp phường",
                     "Cá nhân", name, birth, unit, "Công chức", rng.choice(FORMS), ""])  # fmt: skip
    return rows


def _row(client: Client, path: str, label: str, times: int) -> dict[str, object]:
    _server_ms(client, path)  # first view: templates compiled, ids handed out
    samples = [_server_ms(client, path) for _ in range(times)]
    server = [s for s, _ in samples]
    return {
        "page": label,
        "median_ms": round(statistics.median(server), 1),
        "max_ms": round(max(server), 1),
        "client_median_ms": round(statistics.median(c for _, c in samples), 1),
    }


def table(rows: list[dict[str, object]], size: int) -> str:
    """The rows as the README prints them."""
    lines = [
        f"Trang ({size} đề nghị) | trung vị máy chủ | chậm nhất | trung vị phía trình duyệt | mục tiêu",
        "---|---|---|---|---",
    ]
    for r in rows:
        ok = "✓" if float(str(r["median_ms"])) <= TARGET_MS else "✗"
        lines.append(
            f"`{r['page']}` | {r['median_ms']} ms | {r['max_ms']} ms | "
            f"{r['client_median_ms']} ms | ≤ {TARGET_MS:.0f} ms {ok}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Generate, serve, measure, print the table and write output/bench-web.json."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench.web", description=__doc__)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--workbooks", type=int, default=40)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--times", type=int, default=15)
    parser.add_argument("--past", type=int, default=2000, help="past awards in the history")
    parser.add_argument("--out", type=Path, default=Path("output") / "bench-web.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docgen-bench-web-") as tmp:
        root = Path(tmp) / "bench"
        write_campaign(root, args.size, args.workbooks, args.seed)
        rows = measure(root, args.times, args.past)
    print(table(rows, args.size))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"size": args.size, "pages": rows}, ensure_ascii=False, indent=1)
    )
    return 0  # a page over target is marked ✗ in the table, as the other benches do


if __name__ == "__main__":
    sys.exit(main())
