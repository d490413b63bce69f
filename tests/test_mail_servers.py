"""Mail through real servers: SMTP (aiosmtpd, STARTTLS) delivers, `nhan-thu --imap` reads Dovecot."""

from __future__ import annotations

import imaplib
import smtplib
import ssl
import time
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.mail import journal as j
from tests.conftest import GOOD_UNIT, MakeWorkbook, after_announce
from tests.mailservers import CLERK, HOST, PASSWORD, USER, Servers
from tools.fill.mail import message

KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"


def send(servers: Servers, msg: EmailMessage) -> None:
    """Deliver through the SMTP server, as a department's mail server would."""
    context = ssl.create_default_context(cafile=str(servers.cert))
    with smtplib.SMTP(HOST, servers.smtp_port, timeout=30) as smtp:
        smtp.starttls(context=context)
        smtp.login(CLERK, PASSWORD)
        smtp.send_message(msg, to_addrs=[CLERK])


def mailbox_state(servers: Servers) -> list[tuple[bytes, bytes]]:
    """Every message's UID and flags, as the IMAP server reports them (read-only)."""
    context = ssl.create_default_context(cafile=str(servers.cert))
    with imaplib.IMAP4_SSL(HOST, servers.imap_port, ssl_context=context) as conn:
        conn.login(USER, PASSWORD)
        conn.select("INBOX", readonly=True)
        status, data = conn.uid("FETCH", "1:*", "(FLAGS)")
        assert status == "OK"
        return sorted(
            (item.split(b" (UID ")[1].split(b" ")[0], item.split(b"FLAGS (")[1].split(b")")[0])
            for item in data
            if isinstance(item, bytes) and b"FLAGS" in item
        )


@pytest.fixture
def workspace(
    campaign_workspace: Path, monkeypatch: pytest.MonkeyPatch, mail_servers: Servers
) -> Path:
    root = campaign_workspace
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_servers.cert))  # trust the test certificate
    monkeypatch.delenv("DOCGEN_MAIL_PASSWORD", raising=False)
    return root


def imap_args(servers: Servers) -> list[str]:
    return ["nhan-thu", "--imap", HOST, "--cong", str(servers.imap_port), "--tai-khoan", USER]


def test_import_over_imap_leaves_the_mailbox_unchanged(
    workspace: Path,
    mail_servers: Servers,
    make_workbook: MakeWorkbook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    first = make_workbook("a.xlsx", unit=unit, folder=workspace / "made").read_bytes()
    fixed = make_workbook(
        "b.xlsx", unit={**unit, "nguoi_lien_he": "Lê Sửa"}, folder=workspace / "made"
    ).read_bytes()
    name = "Phiếu đề nghị Khối Kinh tế.xlsx"
    send(mail_servers, message(KINH_TE, "Phiếu đề nghị khen thưởng", [(name, first)]))
    time.sleep(1.1)  # the server's received time counts in seconds: same second = a tie
    send(mail_servers, message(KINH_TE, "Gửi lại phiếu đã sửa", [(name, fixed)]))
    send(mail_servers, message(KINH_TE, "Gửi lại lần nữa", [(name, fixed)]))
    before = mailbox_state(mail_servers)
    assert len(before) >= 3 and all(b"\\Seen" not in flags for _, flags in before)

    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    result = CliRunner().invoke(main, imap_args(mail_servers))
    assert result.exit_code == 0, result.output
    assert mailbox_state(mail_servers) == before  # same messages, same flags: nothing marked read

    folder = workspace / "input" / "phieu"
    stored = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert stored[name] == first and stored["Phiếu đề nghị Khối Kinh tế-2.xlsx"] == fixed
    rows = j.read_journal(workspace / "input" / "thu-nhan.csv")
    files = [
        e
        for e in rows
        if e.kind == j.RowKind.FILE and e.subject != "" and e.sender.startswith("kinhte")
    ]
    assert [e.result for e in files][-3:] == [
        j.Result.IMPORTED,
        j.Result.IMPORTED,
        j.Result.DUPLICATE,
    ]
    assert all(e.source.startswith(f"imap://{USER}@{HOST}:") for e in files)
    assert PASSWORD not in result.output and PASSWORD not in (
        workspace / "input" / "thu-nhan.csv"
    ).read_text("utf-8-sig")

    # The later received version wins whatever the names; the earlier one is superseded.
    checked = CliRunner().invoke(main, ["kiem-tra", "--json", "--khong-phan-hoi"])
    assert '"code": "FILE_SUPERSEDED"' in checked.stdout
    assert f'"file": "{name}"' in checked.stdout

    again = CliRunner().invoke(main, imap_args(mail_servers))
    assert again.exit_code == 0
    assert again.stdout.startswith("Đã đọc 0 thư mới (")


def test_password_absent_is_a_clear_message(workspace: Path, mail_servers: Servers) -> None:
    result = CliRunner().invoke(main, imap_args(mail_servers))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert after_announce(result.stderr) == (
        f"Lỗi: Chưa có mật khẩu thư của {USER} tại {HOST}: đặt biến môi trường "
        "DOCGEN_MAIL_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu.\n"
    )


def test_bad_since_date_is_a_clear_message(workspace: Path, mail_servers: Servers) -> None:
    result = CliRunner().invoke(main, [*imap_args(mail_servers), "--tu-ngay", "2023-12-01"])
    assert result.exit_code == 2
    assert after_announce(result.stderr) == (
        "Lỗi: --tu-ngay: “2023-12-01” không phải ngày dạng ngày/tháng/năm, ví dụ 01/12/2023.\n"
    )


def test_wrong_password_is_a_clear_message(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", "sai")
    result = CliRunner().invoke(main, imap_args(mail_servers))
    assert result.exit_code == 2
    assert after_announce(result.stderr) == (
        f"Lỗi: Máy chủ {HOST} từ chối đăng nhập tài khoản {USER}: sai tên hoặc mật khẩu. Với "
        "Gmail hãy dùng mật khẩu ứng dụng (App Password), không dùng mật khẩu đăng nhập thường.\n"
    )


def test_untrusted_certificate_is_refused(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE")
    monkeypatch.setenv("SSL_CERT_DIR", str(workspace))  # no CA trusts the test certificate
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    result = CliRunner().invoke(main, imap_args(mail_servers))
    assert result.exit_code == 2
    assert after_announce(result.stderr).startswith(
        f"Lỗi: Chứng chỉ của máy chủ thư {HOST} không hợp lệ"
    )
    assert "đặt biến môi trường SSL_CERT_FILE trỏ tới tệp chứng chỉ (.pem)" in result.stderr
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert "đặt biến môi trường `SSL_CERT_FILE` trỏ tới tệp chứng chỉ (.pem)" in readme


def test_since_a_later_day_reads_nothing(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    send(mail_servers, message(KINH_TE, "Phiếu", []))
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    tomorrow = (date.today() + timedelta(days=2)).strftime("%d/%m/%Y")
    result = CliRunner().invoke(main, [*imap_args(mail_servers), "--tu-ngay", tomorrow])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Đã đọc 0 thư mới."


def test_missing_mailbox_folder_is_a_clear_message(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    result = CliRunner().invoke(main, [*imap_args(mail_servers), "--hop-thu", "Phiếu thi đua"])
    assert result.exit_code == 2
    assert (
        after_announce(result.stderr)
        == f"Lỗi: Tài khoản {USER} không có thư mục thư “Phiếu thi đua”.\n"
    )


def test_a_form_deleted_after_an_imap_import_is_restored_from_the_mailbox(
    workspace: Path,
    mail_servers: Servers,
    make_workbook: MakeWorkbook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng", "nguoi_lien_he": "Khôi Phục"}
    data = make_workbook("k.xlsx", unit=unit, folder=workspace / "made").read_bytes()
    name = "Phiếu khôi phục.xlsx"
    send(mail_servers, message(KINH_TE, "Phiếu để khôi phục", [(name, data)]))
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    assert CliRunner().invoke(main, imap_args(mail_servers)).exit_code == 0
    form = workspace / "input" / "phieu" / name
    assert form.read_bytes() == data
    form.unlink()

    plain = CliRunner().invoke(main, ["nhan-thu", "--khoi-phuc"])  # no saved message to re-read
    assert plain.exit_code == 2
    assert "--imap MÁY_CHỦ" in plain.stderr
    restored = CliRunner().invoke(main, [*imap_args(mail_servers), "--khoi-phuc"])
    assert restored.exit_code == 0, restored.output
    assert "Đã chép lại 1 phiếu từ thư đã nhận:" in restored.stdout
    assert form.read_bytes() == data
