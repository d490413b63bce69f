"""``python -m tools.bench.mail``: 200 messages with 400 attachments over IMAP, next to a copy.

A real Dovecot on 127.0.0.1 serves a Maildir holding 200 messages, each with two distinct
intake workbooks attached. Measured in the same run, in pairs taking turns: `nhan-thu`'s
library import over IMAP (TLS login, EXAMINE, FETCH BODY.PEEK in batches, MIME parsing, the
attachment checks, SHA-256, atomic copies, the journal), and the baseline: copying the same
400 files from a folder into an input folder (what the clerk did by hand, at machine speed).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docgen.campaign import load_campaign
from docgen.mail.imap import Account, fetch
from docgen.mail.importer import import_messages
from docgen.mail.journal import Result, journal_for
from tools.bench import mail_large
from tools.example.build import EXAMPLE_CAMPAIGN
from tools.fill.intake import blank_template
from tools.fill.mail import message
from tools.mailservers import PASSWORD, USER, Servers, find_dovecot, running

SENDER = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"


def _variants(template: bytes, count: int) -> list[bytes]:
    """`count` distinct workbooks (distinct SHA-256): the template with a numbered zip comment."""
    out = []
    for number in range(count):
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(buffer, "w") as dst:
            for info in src.infolist():
                dst.writestr(info, src.read(info))
            dst.comment = f"phieu {number}".encode()
        out.append(buffer.getvalue())
    return out


def _fill(servers: Servers, source: Path, books: list[bytes], messages: int) -> None:
    """The mailbox gets `messages` messages of two workbooks each; `source` the same files."""
    source.mkdir(parents=True)
    per = len(books) // messages
    for number in range(messages):
        files = [(f"phieu-{number:03d}-{k}.xlsx", books[number * per + k]) for k in range(per)]
        for name, data in files:
            (source / name).write_bytes(data)
        msg = message(SENDER, f"Phiếu đề nghị số {number}", files)
        servers.deliver(msg.as_bytes())


def _imap(servers: Servers, target: Path) -> tuple[float, float, int]:
    campaign = load_campaign(EXAMPLE_CAMPAIGN)
    account = Account("127.0.0.1", USER, servers.imap_port)
    folder = target / "input" / "phieu"
    wall, cpu = time.perf_counter(), time.process_time()
    result = import_messages(
        fetch(account, PASSWORD),
        folder,
        journal_for(folder),
        campaign.contacts.book(),
        datetime.now(UTC),
    )
    took = (time.perf_counter() - wall, time.process_time() - cpu)
    return (*took, len(result.files(Result.IMPORTED)))


def _copy(source: Path, target: Path) -> tuple[float, float, int]:
    folder = target / "input" / "phieu"
    wall, cpu = time.perf_counter(), time.process_time()
    folder.mkdir(parents=True)
    count = 0
    for path in sorted(source.iterdir()):
        shutil.copy2(path, folder / path.name)
        count += 1
    return time.perf_counter() - wall, time.process_time() - cpu, count


def measure(messages: int, attachments: int, pairs: int) -> dict[str, float]:
    """Median wall and CPU seconds of both ways, over `pairs` pairs taking turns."""
    dovecot = find_dovecot()
    if dovecot is None:
        raise SystemExit("Cần Dovecot (gói Debian dovecot-imapd) để đo nhận thư qua IMAP.")
    campaign = load_campaign(EXAMPLE_CAMPAIGN)
    books = _variants(blank_template(campaign), attachments)
    with (
        tempfile.TemporaryDirectory(prefix="docgen-bench-mail-") as tmp,
        running(dovecot) as servers,
    ):
        os.environ["SSL_CERT_FILE"] = str(servers.cert)  # trust the throwaway certificate
        _fill(servers, Path(tmp) / "source", books, messages)
        imap, copy = [], []
        for turn in range(pairs):
            ways = [("imap", turn), ("copy", turn)]
            for way, n in ways if turn % 2 == 0 else ways[::-1]:
                target = Path(tmp) / f"{way}-{n}"
                if way == "imap":
                    imap.append(_imap(servers, target))
                else:
                    copy.append(_copy(Path(tmp) / "source", target))
    if {r[2] for r in imap} != {attachments} or {r[2] for r in copy} != {attachments}:
        raise SystemExit(
            f"Số tệp nhập sai: IMAP {[r[2] for r in imap]}, chép {[r[2] for r in copy]}"
        )
    return {
        "imap_seconds": statistics.median(r[0] for r in imap),
        "imap_cpu_seconds": statistics.median(r[1] for r in imap),
        "copy_seconds": statistics.median(r[0] for r in copy),
        "copy_cpu_seconds": statistics.median(r[1] for r in copy),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.mail", description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--attachments", type=int, default=400)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    n = measure(args.messages, args.attachments, args.pairs)
    print(
        f"docgen bench thư: {args.messages} thư, {args.attachments} tệp đính kèm, trung vị {args.pairs} cặp"
    )
    print("| cách | thời gian | CPU (docgen) | thư/giây | tệp/giây |")
    print("|---|---|---|---|---|")
    for label, key in (
        ("nhan-thu qua IMAP (Dovecot, TLS)", "imap"),
        ("chép tệp từ thư mục", "copy"),
    ):
        wall = n[f"{key}_seconds"]
        per_msg = f"{args.messages / wall:,.0f}" if key == "imap" else "—"
        print(
            f"| {label} | {wall:.2f} s | {n[f'{key}_cpu_seconds']:.2f} s | {per_msg} | {args.attachments / wall:,.0f} |"
        )
    print(f"IMAP so với chép tệp: {n['imap_seconds'] / n['copy_seconds']:.1f}× thời gian.")
    print()
    return mail_large.main(["--pairs", str(args.pairs)])  # a large message, and a re-run


if __name__ == "__main__":
    sys.exit(main())
