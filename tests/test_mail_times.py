"""Every time the clerk reads is Vietnam time, date first; `--tu-ngay` is a Vietnam day (issue 20)."""

from __future__ import annotations

import imaplib
import ssl
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.mail import journal as j
from docgen.validate.run import validate_folder
from tests.conftest import GOOD_UNIT, MakeWorkbook
from tests.mailservers import HOST, PASSWORD, USER, Servers
from tools.fill.mail import message

KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"


@pytest.fixture
def workspace(campaign_workspace: Path) -> Path:
    return campaign_workspace


@pytest.fixture
def workbook(make_workbook: MakeWorkbook, tmp_path: Path) -> bytes:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    return make_workbook("x.xlsx", unit=unit, folder=tmp_path / "made").read_bytes()


def test_received_time_is_shown_in_vietnam_time_date_first(
    workspace: Path, workbook: bytes
) -> None:
    """07:45 in Vietnam, written by a server in UTC (00:45): the clerk reads 07:45."""
    when = datetime(2023, 12, 14, 0, 45, 4, tzinfo=UTC)
    (workspace / "thu").mkdir()
    mail = message(KINH_TE, "Phiếu", [("phieu.xlsx", workbook)], when)
    (workspace / "thu" / "1.eml").write_bytes(mail.as_bytes())
    result = CliRunner().invoke(main, ["nhan-thu", "thu"])
    assert result.exit_code == 0, result.output
    assert ", nhận lúc 14/12/2023 07:45:04" in result.stdout
    rows = j.read_journal(workspace / "input" / "thu-nhan.csv")
    assert {e.received for e in rows} == {"2023-12-14T07:45:04+07:00"}
    assert all(e.recorded.endswith("+07:00") for e in rows)


def test_arrival_day_and_label_are_vietnam_s(
    workspace: Path, workbook: bytes, campaign: Campaign
) -> None:
    """18:00 UTC on the 13th is 01:00 on the 14th in Vietnam: the 14th, like "Ngày gửi"."""
    when = datetime(2023, 12, 13, 18, 0, tzinfo=UTC)
    (workspace / "thu").mkdir()
    mail = message(KINH_TE, "Phiếu", [("phieu.xlsx", workbook)], when)
    (workspace / "thu" / "1.eml").write_bytes(mail.as_bytes())
    assert CliRunner().invoke(main, ["nhan-thu", "thu"]).exit_code == 0
    report = validate_folder(campaign, workspace / "input" / "phieu")
    arrival = report.arrivals["phieu.xlsx"]
    assert arrival.day == date(2023, 12, 14)
    assert arrival.label() == "nhận qua thư lúc 14/12/2023 01:00:00"
    assert arrival.stamp() == "2023-12-14-0100"


def _append(servers: Servers, subject: str, internal: str, files: list[tuple[str, bytes]]) -> None:
    """Put a message in the mailbox with the server's received time `internal`."""
    context = ssl.create_default_context(cafile=str(servers.cert))
    with imaplib.IMAP4_SSL(HOST, servers.imap_port, ssl_context=context) as conn:
        conn.login(USER, PASSWORD)
        raw = message(KINH_TE, subject, files).as_bytes()
        status, _ = conn.append("INBOX", "", f'"{internal}"', raw)
        assert status == "OK"


def test_since_is_a_vietnam_day_whatever_the_server_s_zone(
    workspace: Path,
    mail_servers: Servers,
    monkeypatch: pytest.MonkeyPatch,
    workbook: bytes,
) -> None:
    _append(mail_servers, "Sáng 15/12 giờ Việt Nam", "14-Dec-2023 23:30:00 +0000", [])
    _append(mail_servers, "Tối 14/12 giờ Việt Nam", "14-Dec-2023 16:00:00 +0000", [])
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_servers.cert))
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    args = ["nhan-thu", "--imap", HOST, "--cong", str(mail_servers.imap_port)]
    result = CliRunner().invoke(main, [*args, "--tai-khoan", USER, "--tu-ngay", "15/12/2023"])
    assert result.exit_code == 0, result.output
    rows = j.read_journal(workspace / "input" / "thu-nhan.csv")
    subjects = {e.subject for e in rows if e.kind == j.RowKind.MESSAGE}
    assert "Sáng 15/12 giờ Việt Nam" in subjects
    assert "Tối 14/12 giờ Việt Nam" not in subjects
    (early,) = [e for e in rows if e.subject == "Sáng 15/12 giờ Việt Nam"]
    assert early.received == "2023-12-15T06:30:00+07:00"


def test_the_names_kept_files_carry_are_vietnam_time_whatever_the_server_s_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Retired documents' folders and kept meeting workbooks are named by Vietnam's clock, as
    every time the clerk reads, on a machine that keeps UTC (or any other zone)."""
    import datetime as dt
    import time

    from docgen.dossier.run import _stamp
    from docgen.text import VIETNAM

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        before = dt.datetime.now(VIETNAM).replace(microsecond=0, tzinfo=None)
        stamp = dt.datetime.strptime(_stamp(tmp_path), "%Y-%m-%d_%H-%M-%S")
        after = dt.datetime.now(VIETNAM).replace(microsecond=0, tzinfo=None)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert before <= stamp <= after
