"""Mail through the page: a saved mail from an unknown sender confirmed with a click, the
mailbox read over IMAP with a password typed in the page, replies previewed then sent."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from docgen.campaign import load_campaign
from tests.conftest import GOOD_UNIT, MakeWorkbook
from tests.mailservers import CLERK, HOST, PASSWORD, USER, Servers
from tools.fill.mail import message
from tools.webclient import serving

STRANGER = "nguoi.la@gmail.com"


def _workbook_of(ws: Path, name: str) -> bytes:
    return (ws / "input" / "phieu" / name).read_bytes()


def test_a_sender_confirmed_on_the_page_is_used_from_the_next_check(
    example_workspace: Path,
) -> None:
    ws = example_workspace
    data = _workbook_of(ws, "khoi-noi-chinh.xlsx")
    (ws / "input" / "phieu" / "khoi-noi-chinh.xlsx").unlink()
    raw = message(STRANGER, "Phiếu Khối Nội chính", [("khoi-noi-chinh.xlsx", data)]).as_bytes()
    before = (ws / "input" / "campaign.toml").read_text(encoding="utf-8")
    with serving(ws) as (_, client):
        client.login()
        panel = client.run("/nhan-phieu/tai-len", {}, [("tep", "phieu.eml", raw)])
        assert "Đã đọc 1 thư mới" in panel
        client.run("/kiem-tra")
        page = client.request("GET", "/nhan-phieu").text
        assert "Cần xác nhận người gửi" in page and STRANGER in page
        assert "<option selected>Khối Nội chính</option>" in page  # the form's own department
        panel = client.run(
            "/nhan-phieu/xac-nhan", {"dia_chi": STRANGER, "don_vi": "Khối Nội chính"}
        )
        assert f"Đã thêm địa chỉ {STRANGER}" in panel
        assert "Đã kiểm tra 5 phiếu: 3 lỗi" in client.run("/kiem-tra")  # only the planted ones
        assert STRANGER not in client.request("GET", "/nhan-phieu").text
    after = (ws / "input" / "campaign.toml").read_text(encoding="utf-8")
    assert after.replace(f', "{STRANGER}"', "") == before  # one address added, comments kept
    assert STRANGER in load_campaign(ws / "input" / "campaign.toml").contacts.book()


def test_confirming_for_a_department_not_in_the_file_changes_nothing(
    example_workspace: Path,
) -> None:
    before = (example_workspace / "input" / "campaign.toml").read_bytes()
    with serving(example_workspace) as (_, client):
        client.login()
        panel = client.run("/nhan-phieu/xac-nhan", {"dia_chi": STRANGER, "don_vi": "Khối Ma"})
    assert "không có đơn vị “Khối Ma”" in panel
    assert (example_workspace / "input" / "campaign.toml").read_bytes() == before


@pytest.fixture
def trusted(monkeypatch: pytest.MonkeyPatch, mail_servers: Servers) -> Servers:
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_servers.cert))  # the test certificate
    return mail_servers


def test_mailbox_and_replies_through_the_page(example_workspace: Path, trusted: Servers) -> None:
    ws = example_workspace
    data = _workbook_of(ws, "khoi-kinh-te.xlsx")
    (ws / "input" / "phieu" / "khoi-kinh-te.xlsx").unlink()
    sender = load_campaign(ws / "input" / "campaign.toml").contacts.emails_of(
        "Khối Kinh tế - Hạ tầng"
    )
    trusted.deliver(message(sender[0], "Phiếu Khối Kinh tế", [("kinh-te.xlsx", data)]).as_bytes())
    with serving(ws) as (_, client):
        client.login()
        form = {"may_chu": HOST, "cong": str(trusted.imap_port), "tai_khoan": USER}
        panel = client.run("/nhan-phieu/hop-thu", {**form, "mat_khau": PASSWORD})
        assert "kinh-te.xlsx" in panel and (ws / "input" / "phieu" / "kinh-te.xlsx").is_file()

        panel = client.run("/nhan-phieu/tra-loi", {"gui": "khong"})
        assert "Soạn thư phản hồi: xong" in panel and ".eml)</a>" in panel
        page = client.request("GET", "/nhan-phieu").text
        assert "Khối Kinh tế - Hạ tầng — đã soạn" in page and f"Gửi tới: {sender[0]}" in page
        assert "Tiêu đề:" in page and "Đính kèm: phan-hoi-" in page
        sent_before = len(trusted.received)  # the servers serve the whole session

        smtp = {"gui": "co", "may_chu": HOST, "cong": str(trusted.smtp_port), "tai_khoan": CLERK,
                "mat_khau": PASSWORD}  # fmt: skip
        assert "đánh dấu ô xác nhận" in client.run("/nhan-phieu/tra-loi", smtp)
        assert len(trusted.received) == sent_before  # nothing sent without the confirmation
        panel = client.run("/nhan-phieu/tra-loi", {**smtp, "xac_nhan": "co"})
        assert "đã gửi" in panel
        new = trusted.received[sent_before:]
        assert {to for _, tos, _ in new for to in tos} >= {sender[0]}
        assert all(frm == CLERK for frm, _, _ in new)
    kept = [p for p in ws.rglob("*") if p.is_file() and p.suffix in (".csv", ".eml", ".toml")]
    assert all(PASSWORD.encode() not in p.read_bytes() for p in kept)


def test_a_form_lost_after_reading_the_mailbox_comes_back_with_the_restore_box(
    example_workspace: Path, trusted: Servers, make_workbook: MakeWorkbook
) -> None:
    """The page's way to `nhan-thu --khoi-phuc --imap …`: “Đọc hộp thư” with the box ticked
    writes the lost form back from its mail; without the box the mail is known and skipped,
    and the panel names the box and the button instead of the command."""
    ws = example_workspace
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng", "nguoi_lien_he": "Trang Khôi Phục"}
    data = make_workbook("k.xlsx", unit=unit).read_bytes()  # bytes no other mail of the box has
    sender = load_campaign(ws / "input" / "campaign.toml").contacts.emails_of(
        "Khối Kinh tế - Hạ tầng"
    )
    name = "Phiếu khôi phục trên trang.xlsx"
    trusted.deliver(message(sender[0], "Phiếu để khôi phục", [(name, data)]).as_bytes())
    form = {"may_chu": HOST, "cong": str(trusted.imap_port), "tai_khoan": USER,
            "mat_khau": PASSWORD}  # fmt: skip
    with serving(ws) as (_, client):
        client.login()
        client.run("/nhan-phieu/hop-thu", form)
        (ws / "input" / "phieu" / name).unlink()  # deleted by mistake
        plain = html.unescape(client.run("/nhan-phieu/hop-thu", form))
        assert not (ws / "input" / "phieu" / name).exists()
        assert "đánh dấu ô “Khôi phục phiếu đã nhận” rồi bấm “Đọc hộp thư”." in plain
        restored = html.unescape(client.run("/nhan-phieu/hop-thu", {**form, "khoi_phuc": "co"}))
    assert "<li>Đã chép lại 1 phiếu từ thư đã nhận:</li>" in restored
    assert (ws / "input" / "phieu" / name).read_bytes() == data
