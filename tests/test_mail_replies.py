"""`tra-loi`: one ready-to-send .eml per department, parsed back; `--gui` through a real SMTP server."""

from __future__ import annotations

import re
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.mail import journal as j
from tests.conftest import GOOD_INDIVIDUAL, GOOD_UNIT, MakeWorkbook, after_announce
from tests.mailservers import CLERK, HOST, PASSWORD, Servers

KT = "kinhte.tienthanh@dongxoai.gov.vn"
OUT = Path("output/kh19-2023-cchc")


@pytest.fixture
def workspace(
    campaign_workspace: Path, monkeypatch: pytest.MonkeyPatch, make_workbook: MakeWorkbook
) -> Path:
    """Three departments: one mailed with an error, one copied by hand, one with no address."""
    root = campaign_workspace
    monkeypatch.delenv("DOCGEN_MAIL_PASSWORD", raising=False)
    folder = root / "input" / "phieu"
    bad = {**GOOD_INDIVIDUAL, "ngay_sinh": "31/02/1985"}
    kt = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    make_workbook("kinh-te.xlsx", unit=kt, individuals=[bad], folder=folder)
    make_workbook("noi-chinh.xlsx", unit={**GOOD_UNIT, "don_vi": "Khối Nội chính"}, folder=folder)
    make_workbook("khu-pho.xlsx", unit={**GOOD_UNIT, "don_vi": "Khu phố 3"}, folder=folder)
    when = "2023-12-10T09:30:00+07:00"
    j.append(
        j.journal_for(folder),
        [
            j.JournalEntry(
                when, j.RowKind.FILE, "imap://x", "<phieu-kt@dongxoai.gov.vn>", KT,
                "Khối Kinh tế - Hạ tầng", "Phiếu", when, "kinh-te.xlsx", "0" * 64,
                "kinh-te.xlsx", j.Result.IMPORTED,
            )
        ],
    )  # fmt: skip
    return root


def parse(path: Path) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(msg, EmailMessage)
    return msg


def test_drafts_are_ready_to_send_and_nothing_is_sent(workspace: Path) -> None:
    result = CliRunner().invoke(main, ["tra-loi"])
    assert result.exit_code == 1, result.output  # one department has no address
    drafts = workspace / OUT / "tra-loi"
    kt_name = "phan-hoi-khoi-kinh-te-ha-tang-2023-12-10-0930"
    assert sorted(p.name for p in drafts.iterdir())[0] == f"{kt_name}.eml"
    lines = result.stdout.splitlines()
    assert lines[0] == f"Đã soạn 2 thư phản hồi vào {OUT / 'tra-loi'}:"
    assert lines[1] == f"  - Khối Kinh tế - Hạ tầng → {KT}: {kt_name}.eml"
    assert re.fullmatch(
        r"  - Khối Nội chính → noichinh\.tienthanh@dongxoai\.gov\.vn: "
        r"phan-hoi-khoi-noi-chinh-\d{4}-\d\d-\d\d-\d{4}\.eml",
        lines[2],
    )
    assert lines[3:] == [
        "Chưa có địa chỉ để gửi (thêm vào [[departments]] của tệp chiến dịch): 1",
        "  - Khu phố 3 (tệp khu-pho.xlsx)",
        "Chưa gửi thư nào: mở tệp .eml để xem rồi gửi, hoặc chạy lại với --gui --smtp MÁY_CHỦ.",
    ]

    msg = parse(drafts / f"{kt_name}.eml")
    assert msg["To"] == KT
    # Decoded as RFC 2047 says (the stdlib's address parser keeps the space between two
    # encoded words, which mail clients drop).
    raw_from = BytesParser().parsebytes(path_bytes := (drafts / f"{kt_name}.eml").read_bytes())[
        "From"
    ]
    assert str(make_header(decode_header(raw_from))) == (
        f"Thường trực Hội đồng Thi đua - Khen thưởng phường Tiến Thành <{CLERK}>"
    )
    assert b"\r\n" in path_bytes  # CRLF: ready for SMTP
    assert msg["Subject"] == (
        "Phản hồi phiếu đề nghị khen thưởng (19/KH-UBND) – Khối Kinh tế - Hạ tầng: 1 lỗi, 0 cảnh báo"
    )
    assert msg["In-Reply-To"] == "<phieu-kt@dongxoai.gov.vn>"
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Kính gửi: Khối Kinh tế - Hạ tầng.\n")
    assert "(tệp kinh-te.xlsx, nhận qua thư lúc 10/12/2023 09:30:00)" in text
    assert "- Cá nhân › dòng " in text and "“31/02/1985”" in text
    assert "gửi lại trước ngày 20/12/2023." in text
    (attachment,) = msg.iter_attachments()
    assert attachment.get_filename() == f"{kt_name}.xlsx"
    feedback = workspace / OUT / "phan-hoi" / f"{kt_name}.xlsx"
    assert attachment.get_content() == feedback.read_bytes()

    clean = parse(next(drafts.glob("phan-hoi-khoi-noi-chinh-*.eml")))
    assert clean["Subject"].endswith("– Khối Nội chính: hợp lệ")
    assert "In-Reply-To" not in clean
    rows = j.read_journal(workspace / "input" / "thu-nhan.csv")
    assert [e.kind for e in rows] == [j.RowKind.FILE]  # nothing sent, nothing journaled


def test_gui_sends_through_smtp_once(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_servers.cert))
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    args = ["tra-loi", "--gui", "--smtp", HOST, "--cong", str(mail_servers.smtp_port)]
    before = len(mail_servers.received)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # still the department without an address
    assert " — đã gửi" in result.stdout.splitlines()[1]
    sent = mail_servers.received[before:]
    assert sorted(rcpt for _, (rcpt,), _ in sent) == [KT, "noichinh.tienthanh@dongxoai.gov.vn"]
    assert all(sender == CLERK for sender, _, _ in sent)
    drafts = workspace / OUT / "tra-loi"
    kt_draft = next(drafts.glob("phan-hoi-khoi-kinh-te-*.eml")).read_bytes()
    delivered = next(content for _, (rcpt,), content in sent if rcpt == KT)
    assert delivered.endswith(kt_draft.split(b"\r\n\r\n", 1)[1])  # the very message drafted
    rows = [
        e for e in j.read_journal(workspace / "input" / "thu-nhan.csv") if e.kind == j.RowKind.REPLY
    ]
    assert sorted(e.reason for e in rows) == [
        f"gửi tới {KT}",
        "gửi tới noichinh.tienthanh@dongxoai.gov.vn",
    ]
    assert all(e.result == j.Result.SENT for e in rows)
    assert PASSWORD not in result.output

    again = CliRunner().invoke(main, args)
    assert len(mail_servers.received) == before + 2  # not sent twice
    assert " — đã gửi trước đó, không gửi lại" in again.stdout.splitlines()[1]


def test_gui_without_password_is_a_clear_message(workspace: Path) -> None:
    result = CliRunner().invoke(main, ["tra-loi", "--gui", "--smtp", HOST])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"Lỗi: Chưa có mật khẩu thư của {CLERK} tại {HOST}: đặt biến môi trường "
        "DOCGEN_MAIL_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu."
    ]


def test_gui_wrong_password(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_servers.cert))
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", "sai")
    args = ["tra-loi", "--gui", "--smtp", HOST, "--cong", str(mail_servers.smtp_port)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert after_announce(result.stderr) == (
        f"Lỗi: Máy chủ {HOST} từ chối đăng nhập tài khoản {CLERK}: sai tên hoặc mật khẩu. Với "
        "Gmail hãy dùng mật khẩu ứng dụng (App Password).\n"
    )


def test_gui_untrusted_certificate_names_the_fix(
    workspace: Path, mail_servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setenv("SSL_CERT_DIR", str(workspace))  # no CA trusts the test certificate
    monkeypatch.setenv("DOCGEN_MAIL_PASSWORD", PASSWORD)
    args = ["tra-loi", "--gui", "--smtp", HOST, "--cong", str(mail_servers.smtp_port)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert after_announce(result.stderr).startswith(
        f"Lỗi: Chứng chỉ của máy chủ thư {HOST} không hợp lệ ("
    )
    assert "đặt biến môi trường SSL_CERT_FILE trỏ tới tệp chứng chỉ (.pem)" in result.stderr
