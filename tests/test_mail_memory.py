"""Memory and time do not grow with a message's size (issue 20 item 7)."""

from __future__ import annotations

import imaplib
import mailbox
import ssl
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from docgen.mail import imap, sources
from docgen.mail import journal as j
from docgen.mail.imap import Account, fetch
from docgen.mail.importer import ImportResult, import_messages
from docgen.mail.sources import read_paths
from tests.conftest import GOOD_UNIT, MakeWorkbook
from tests.mailservers import HOST, PASSWORD, USER, Servers
from tools.fill.mail import message

KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"
NOW = datetime(2023, 12, 11, 8, 0, tzinfo=UTC)
BIG = 40 * 1024 * 1024  # base64: a message of about 57 MB


def run(paths: list[Path], tmp_path: Path) -> ImportResult:
    folder = tmp_path / "input" / "phieu"
    return import_messages(read_paths(paths), folder, j.journal_for(folder), {}, NOW)


@pytest.fixture
def big_message(tmp_path: Path, make_workbook: MakeWorkbook) -> Path:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    workbook = make_workbook("x.xlsx", unit=unit, folder=tmp_path / "made").read_bytes()
    huge = b"PK\x03\x04" + bytes(range(256)) * (BIG // 256)
    path = tmp_path / "thu" / "lon.eml"
    path.parent.mkdir()
    path.write_bytes(
        message(KINH_TE, "Phiếu", [("phieu.xlsx", workbook), ("lon.xlsx", huge)]).as_bytes()
    )
    assert path.stat().st_size > 50 * 1024 * 1024
    return path


def test_a_57_mb_message_is_read_in_bounded_memory(big_message: Path, tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        result = run([big_message], tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [e.result for e in result.entries] == [
        j.Result.IMPORTED,
        j.Result.IMPORTED,
        j.Result.REFUSED,
    ]
    assert result.entries[2].sha256  # hashed while read, never held
    assert peak < 8 * 1024 * 1024, f"{peak / 1024 / 1024:.1f} MB"


def test_a_re_run_with_nothing_new_reads_no_message(
    big_message: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = mailbox.mbox(tmp_path / "thu" / "Inbox.mbox")
    box.add(big_message.read_bytes())
    box.close()
    msg_ids = tmp_path / "thu" / "khong-ma.eml"
    msg_ids.write_bytes(b"From: a@x.vn\r\nSubject: P\r\n\r\nx\r\n")  # no Message-ID
    paths = [big_message, tmp_path / "thu" / "Inbox.mbox", msg_ids]
    first = run(paths, tmp_path)
    assert first.known == 1  # the mbox copy of the same message

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a known message was parsed again")

    monkeypatch.setattr(sources, "parse_file", no_parsing)
    again = run(paths, tmp_path)
    assert (again.known, again.entries) == (3, [])


def test_the_bench_rows_state_their_targets() -> None:
    from tools.bench.mail_large import table

    row = {"seconds": 1.0, "cpu_seconds": 0.5, "peak_rss_mb": 40.0}
    numbers = {
        "floor": {"peak_rss_mb": 40.0},
        "large": {**row, "peak_rss_mb": 60.0},
        "large_rerun": row,
        "imap_first": row,
        "imap_rerun": {**row, "seconds": 0.3},
        "listing": {**row, "seconds": 0.2},
    }
    lines = table(numbers, 200)
    assert "sàn + 20 MB ≤ sàn + 50 MB ✓" in lines[3]
    assert "1.5× liệt kê ≤ 2× ✓" in lines[6]


def test_an_imap_re_run_downloads_nothing_even_without_message_id(
    tmp_path: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = ssl.create_default_context(cafile=str(mail_servers.cert))
    with imaplib.IMAP4_SSL(HOST, mail_servers.imap_port, ssl_context=context) as conn:
        conn.login(USER, PASSWORD)
        raw = b"From: ai.do@gmail.com\r\nSubject: Khong ma thu\r\n\r\nx\r\n"
        assert conn.append("INBOX", "", None, raw)[0] == "OK"
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_servers.cert))
    account = Account(HOST, USER, mail_servers.imap_port)
    folder = tmp_path / "input" / "phieu"
    first = import_messages(fetch(account, PASSWORD), folder, j.journal_for(folder), {}, NOW)
    assert "Khong ma thu" in {e.subject for e in first.messages}
    assert all(";UIDVALIDITY=" in e.source for e in first.messages)

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("a known message was downloaded again")

    monkeypatch.setattr(imap, "_download", no_download)
    again = import_messages(fetch(account, PASSWORD), folder, j.journal_for(folder), {}, NOW)
    assert (again.known, again.entries) == (len(first.messages), [])
