"""``python -m tools.bench.mail_large``: a 57 MB message's memory, and a re-run with nothing new.

Issue 20 item 7, each measurement in a fresh child process (its own peak memory, VmHWM):

- `nhan-thu` of one saved message of about 57 MB (a 40 MB attachment, refused for its size,
  and an intake workbook), next to the floor: a child that imports the same modules and reads
  nothing. Target: peak memory at most the floor + 50 MB, whatever the message's size.
- a re-run over IMAP on a mailbox with nothing new (200 small messages and the 57 MB one),
  next to the listing itself: TLS login, EXAMINE, and one FETCH of every message's UID,
  received time and Message-ID, with imaplib alone. Target: at most 2× the listing's time.
"""

from __future__ import annotations

import argparse
import imaplib
import json
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tools.bench.measure import peak_rss_mb

BIG = 40 * 1024 * 1024
SENDER = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"
Result = dict[str, Any]


def _child(task: str, **params: Any) -> Result:
    command = [sys.executable, "-m", "tools.bench.mail_large", "--child", task, json.dumps(params)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ)
    if done.returncode != 0:
        raise RuntimeError(f"bench task {task} failed:\n{done.stderr[-3000:]}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _import(sources: Any, root: Path) -> Result:
    from docgen.mail.importer import import_messages
    from docgen.mail.journal import journal_for

    folder = root / "input" / "phieu"
    wall, cpu = time.perf_counter(), time.process_time()
    result = import_messages(sources, folder, journal_for(folder), {}, datetime.now(UTC))
    return {
        "seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
        "messages": len(result.messages),
        "known": result.known,
    }


def task_floor(params: Result) -> Result:
    """The same imports, nothing read: what any `nhan-thu` costs before its first message."""
    import docgen.mail.imap
    import docgen.mail.importer
    import docgen.mail.sources  # noqa: F401

    return {}


def task_saved(params: Result) -> Result:
    """Import saved messages (`paths`) into the workspace at `root`."""
    from docgen.mail.sources import read_paths

    return _import(read_paths([Path(p) for p in params["paths"]]), Path(params["root"]))


def task_imap(params: Result) -> Result:
    """Import over IMAP into the workspace at `root`."""
    from docgen.mail.imap import Account, fetch

    account = Account("127.0.0.1", params["user"], params["port"])
    return _import(fetch(account, params["password"]), Path(params["root"]))


def task_listing(params: Result) -> Result:
    """The floor of a re-run: list every message's UID, time and Message-ID, nothing else."""
    wall, cpu = time.perf_counter(), time.process_time()
    context = ssl.create_default_context()
    with imaplib.IMAP4_SSL("127.0.0.1", params["port"], ssl_context=context) as conn:
        conn.login(params["user"], params["password"])
        conn.select("INBOX", readonly=True)
        _, data = conn.uid("SEARCH", "ALL")
        uids = bytes(data[0] or b"").split()
        items = "(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])"
        _, listed = conn.uid("FETCH", b",".join(uids).decode(), items)
    count = sum(isinstance(item, tuple) for item in listed)
    return {
        "seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
        "messages": count,
    }


TASKS = {"floor": task_floor, "saved": task_saved, "imap": task_imap, "listing": task_listing}


def _big_message(folder: Path) -> Path:
    from docgen.campaign import load_campaign
    from tools.example.build import EXAMPLE_CAMPAIGN
    from tools.fill.intake import blank_template
    from tools.fill.mail import message

    workbook = blank_template(load_campaign(EXAMPLE_CAMPAIGN))
    huge = b"PK\x03\x04" + bytes(range(256)) * (BIG // 256)
    files = [("phieu.xlsx", workbook), ("ban-chup.xlsx", huge)]
    path = folder / "thu-lon.eml"
    path.write_bytes(message(SENDER, "Phiếu và bản chụp", files).as_bytes())
    return path


def measure(pairs: int, messages: int) -> Result:
    """Medians over `pairs` runs of every row."""
    from tools.fill.mail import message
    from tools.mailservers import PASSWORD, USER, find_dovecot, running

    dovecot = find_dovecot()
    if dovecot is None:
        raise SystemExit("Cần Dovecot (gói Debian dovecot-imapd) để đo nhận thư qua IMAP.")
    with (
        tempfile.TemporaryDirectory(prefix="docgen-bench-mail-large-") as tmp,
        running(dovecot) as servers,
    ):
        os.environ["SSL_CERT_FILE"] = str(servers.cert)
        root = Path(tmp)
        big = _big_message(root)
        for number in range(messages):
            servers.deliver(message(SENDER, f"Thư số {number}").as_bytes())
        servers.deliver(big.read_bytes())
        login = {"port": servers.imap_port, "user": USER, "password": PASSWORD}
        rows: dict[str, list[Result]] = {}
        for turn in range(pairs):
            rows.setdefault("floor", []).append(_child("floor"))
            fresh = str(root / f"lan-{turn}")
            rows.setdefault("large", []).append(_child("saved", paths=[str(big)], root=fresh))
            rows.setdefault("large_rerun", []).append(_child("saved", paths=[str(big)], root=fresh))
            imap_root = str(root / f"imap-{turn}")
            rows.setdefault("imap_first", []).append(_child("imap", root=imap_root, **login))
            rows.setdefault("imap_rerun", []).append(_child("imap", root=imap_root, **login))
            rows.setdefault("listing", []).append(_child("listing", **login))
    return {
        name: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        for name, runs in rows.items()
    }


def table(n: Result, messages: int) -> list[str]:
    """The rows, with their targets."""
    floor = n["floor"]["peak_rss_mb"]
    grow = n["large"]["peak_rss_mb"] - floor
    rerun = n["imap_rerun"]["seconds"] / n["listing"]["seconds"]
    lines = [
        "| đo | thời gian | CPU | bộ nhớ đỉnh | mục tiêu |",
        "|---|---|---|---|---|",
        f"| sàn: nạp các mô-đun nhận thư | — | — | {floor:.0f} MB | — |",
    ]
    for key, label in (
        ("large", "nhan-thu 1 thư ~57 MB (tệp 40 MB bị từ chối)"),
        ("large_rerun", "chạy lại thư đó (đã nhận)"),
        ("imap_first", f"nhan-thu IMAP, {messages + 1} thư, lần đầu"),
        ("imap_rerun", f"nhan-thu IMAP, {messages + 1} thư, không có thư mới"),
        ("listing", "liệt kê thư (imaplib: UID, giờ, Message-ID)"),
    ):
        r = n[key]
        target = ""
        if key == "large":
            target = f"sàn + {grow:.0f} MB ≤ sàn + 50 MB {'✓' if grow <= 50 else '✗'}"
        if key == "imap_rerun":
            target = f"{rerun:.1f}× liệt kê ≤ 2× {'✓' if rerun <= 2 else '✗'}"
        peak = f"{r['peak_rss_mb']:.0f} MB"
        lines.append(
            f"| {label} | {r['seconds']:.2f} s | {r['cpu_seconds']:.2f} s | {peak} | {target} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        result = TASKS[args[1]](json.loads(args[2]))
        print(json.dumps({**result, "peak_rss_mb": peak_rss_mb()}))
        return 0
    parser = argparse.ArgumentParser(prog="python -m tools.bench.mail_large", description=__doc__)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--messages", type=int, default=200)
    options = parser.parse_args(args)
    numbers = measure(options.pairs, options.messages)
    print(f"docgen bench thư lớn và chạy lại: trung vị {options.pairs} lần")
    print("\n".join(table(numbers, options.messages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
