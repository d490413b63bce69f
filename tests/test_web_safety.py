"""The page's locks tried from outside (issue 23): a real server on 127.0.0.1, raw HTTP."""

from __future__ import annotations

import hashlib
import io
import re
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.mail.journal import journal_for
from docgen.web import guard
from docgen.web.server import Running
from tools.webclient import Client, serving

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/don-vi", "/nhan-phieu", "/hop-xet", "/ho-so", "/luu-tru", "/lich-su"]
HTMX_SHA256 = "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"  # htmx.org 2.0.11
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1


@pytest.fixture
def page(example_workspace: Path) -> Iterator[tuple[Running, Client]]:
    with serving(example_workspace) as served:
        yield served


def test_the_vendored_scripts_are_the_pinned_releases() -> None:
    htmx = ROOT / "docgen" / "web" / "static" / "htmx.min.js"
    axe = ROOT / "tests" / "data" / "axe" / "axe.min.js"
    assert hashlib.sha256(htmx.read_bytes()).hexdigest() == HTMX_SHA256
    assert hashlib.sha256(axe.read_bytes()).hexdigest() == AXE_SHA256


def test_listens_on_127_0_0_1_only(page: tuple[Running, Client]) -> None:
    running, _ = page
    try:  # any other address of this machine is refused
        found = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:  # a machine whose own name does not resolve has only the loopback
        found = []
    for address in {str(a[4][0]) for a in found} - {"127.0.0.1"}:
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, running.port)) != 0
    with socket.socket() as probe:  # the socket itself is bound to the loopback address
        probe.settimeout(2)
        assert probe.connect_ex(("127.0.0.2", running.port)) != 0
    assert running.url.startswith(f"http://127.0.0.1:{running.port}/?khoa=")


@pytest.mark.parametrize("path", PAGES + ["/tinh/trang.css", "/viec/x"])
def test_without_the_token_nothing_answers(page: tuple[Running, Client], path: str) -> None:
    _, client = page
    answer = client.request("GET", path)
    assert answer.status == 403
    assert "khoa=" in answer.text and "set-cookie" not in answer.headers


def test_a_wrong_token_opens_no_session(page: tuple[Running, Client]) -> None:
    _, client = page
    answer = client.request("GET", "/?khoa=" + "x" * len(client.token))
    assert answer.status == 403 and "set-cookie" not in answer.headers
    forged = client.request("GET", "/", headers={"Cookie": f"{guard.COOKIE}=doan-bua"})
    assert forged.status == 403


def test_the_token_gives_a_strict_http_only_cookie(page: tuple[Running, Client]) -> None:
    _, client = page
    answer = client.request("GET", f"/?khoa={client.token}")
    assert answer.status == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    client.login()
    for path in PAGES:
        assert client.request("GET", path).status == 200, path


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "0.0.0.0:{port}", ""]
)
def test_another_host_header_is_refused(page: tuple[Running, Client], host: str) -> None:
    running, client = page
    client.login()
    client.host = host.format(port=running.port) or " "
    answer = client.request("GET", "/")
    assert answer.status == 421
    assert "127.0.0.1" in answer.text


def test_every_post_needs_the_csrf_token_and_our_origin(
    page: tuple[Running, Client], example_workspace: Path
) -> None:
    running, client = page
    client.login()
    for headers in (
        {},
        {"X-CSRF-Token": "sai"},
        {"X-CSRF-Token": client.csrf, "Origin": "http://evil.example"},
    ):
        answer = client.request("POST", "/kiem-tra", b"", headers)
        assert answer.status == 403, headers
        assert "tải lại trang" in answer.text
    assert client.request("POST", "/kiem-tra?csrf=sai", b"", {}).status == 403
    assert not (example_workspace / "output").exists()  # nothing ran
    assert client.request("POST", "/dung", b"", {"X-CSRF-Token": "sai"}).status == 403
    assert running.thread.is_alive()


def test_a_form_posted_before_htmx_loaded_still_works(page: tuple[Running, Client]) -> None:
    """Plain HTML: the form's own method and action (never a GET carrying a password)."""
    _, client = page
    client.login()
    form = client.request("GET", "/nhan-phieu").text
    for tag in re.findall(r"<form[^>]*>", form):
        assert 'method="post"' in tag and f'?csrf={client.csrf}"' in tag, tag
    origin = {"Origin": f"http://127.0.0.1:{client.port}"}
    answer = client.request("POST", f"/kiem-tra?csrf={client.csrf}", b"", origin)
    assert answer.status == 303 and answer.headers["location"].startswith("/don-vi?viec=")
    assert "Kiểm tra phiếu" in client.request("GET", answer.headers["location"]).text


@pytest.mark.parametrize(
    "path",
    [
        "/tai/../../../../etc/passwd",
        "/tai/%2e%2e%2f%2e%2e%2finput%2fcampaign.toml",
        "/tai/input/campaign.toml",
        "/tai/" + "A" * 16,
        "/tinh/../guard.py",
        "/tinh/%2e%2e/guard.py",
        "/ho-so/xem/..%2f..%2finput%2fcampaign.toml",
    ],
)
def test_downloads_only_by_id_never_by_path(page: tuple[Running, Client], path: str) -> None:
    _, client = page
    client.login()
    answer = client.request("GET", path)
    assert answer.status in (404, 200) and b"[campaign]" not in answer.body
    assert b"COOKIE" not in answer.body  # guard.py is not served
    if answer.status == 200:  # the preview page of an unknown id says there is nothing to see
        assert "Chưa xem được" in answer.text


def test_a_link_out_of_the_workspace_is_not_served(
    page: tuple[Running, Client], tmp_path: Path
) -> None:
    running, client = page
    client.login()
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("bí mật", encoding="utf-8")
    planted = running.site.ws.root / "output" / "lien-ket.txt"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.symlink_to(secret)
    file_id = running.site.downloads.id_of(planted)
    assert client.request("GET", f"/tai/{file_id}").status == 404


def test_every_answer_forbids_external_resources(page: tuple[Running, Client]) -> None:
    _, client = page
    client.login()
    for path in [*PAGES, "/tinh/htmx.min.js", "/khong-co"]:
        answer = client.request("GET", path)
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "http" not in csp
        assert answer.headers["x-frame-options"] == "DENY"
        assert re.search(r"""(src|href)=["']?(https?:)?//""", answer.text) is None, path
        assert "<script>" not in answer.text and "style=" not in answer.text


def test_an_announced_oversized_upload_is_refused_unread(page: tuple[Running, Client]) -> None:
    _, client = page
    client.login()
    headers = {"X-CSRF-Token": client.csrf, "Content-Length": str(guard.MAX_BODY + 1)}
    conn_answer = client.request("POST", "/nhan-phieu/tai-len", b"", headers)
    assert conn_answer.status == 413
    assert "quá lớn" in conn_answer.text


def test_a_streamed_oversized_upload_is_cut_off(
    page: tuple[Running, Client], monkeypatch: pytest.MonkeyPatch, example_workspace: Path
) -> None:
    _, client = page
    client.login()
    monkeypatch.setattr(guard, "MAX_BODY", 50_000)
    before = sorted(p.name for p in (example_workspace / "input" / "phieu").iterdir())
    conn = socket.create_connection(("127.0.0.1", client.port), timeout=30)
    boundary = "ranhgioi"
    head = (
        f"POST /nhan-phieu/tai-len HTTP/1.1\r\nHost: 127.0.0.1:{client.port}\r\n"
        f"Cookie: {client.cookie}\r\nX-CSRF-Token: {client.csrf}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    part = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="tep"; filename="to.xlsx"\r\n\r\n'
    ).encode() + b"x" * 200_000
    conn.sendall(head + f"{len(part):x}\r\n".encode() + part + b"\r\n0\r\n\r\n")
    reply = conn.recv(4096).decode("utf-8", "replace")
    conn.close()
    assert reply.startswith("HTTP/1.1 413"), reply[:200]
    assert sorted(p.name for p in (example_workspace / "input" / "phieu").iterdir()) == before


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"0" * 200_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("../../../thoat-ra.xlsx", b"not a workbook at all", "không phải bảng tính"),
        ("bom.xlsx", _zip_bomb(), "nén"),
        ("ghi-chu.txt", "ghi chú".encode(), "Không phải phiếu Excel"),
    ],
    ids=["traversal-not-workbook", "zip-bomb", "not-a-workbook"],
)
def test_hostile_uploads_go_through_the_intake_door_and_are_refused(
    page: tuple[Running, Client], example_workspace: Path, name: str, data: bytes, reason: str
) -> None:
    _, client = page
    client.login()
    phieu = example_workspace / "input" / "phieu"
    before = sorted(p.name for p in phieu.iterdir())
    panel = client.run("/nhan-phieu/tai-len", {"don_vi": "Khối Nội chính"}, [("tep", name, data)])
    assert reason in panel
    after = sorted(p.name for p in phieu.iterdir())
    assert after == before  # nothing stored: only the journal says what came and why not
    assert not (example_workspace / "input" / "tai-len").exists()  # nor kept to restore
    assert not list(example_workspace.parent.glob("thoat-ra*"))
    journal = journal_for(phieu).read_text(encoding="utf-8")
    assert "trang-giao-dien" in journal


HISTORY_POSTS = ("/lich-su/ghi-cap", "/lich-su/tong-ket", "/lich-su/thong-ke", "/lich-su/mau-nhap",
                 "/lich-su/nhap")  # fmt: skip


def test_the_history_actions_need_the_csrf_token(
    page: tuple[Running, Client], example_workspace: Path
) -> None:
    _, client = page
    client.login()
    origin = f"http://127.0.0.1:{client.port}"
    for path in HISTORY_POSTS:
        for headers in ({"Origin": origin}, {"X-CSRF-Token": "sai", "Origin": origin},
                        {"X-CSRF-Token": client.csrf, "Origin": "http://evil.example"}):  # fmt: skip
            assert client.request("POST", path, b"", headers).status == 403, (path, headers)
        assert client.request("POST", f"{path}?csrf=sai", b"", {"Origin": origin}).status == 403
    assert not (example_workspace / "output").exists()  # nothing ran


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [("../../../thoat-ra.xlsx", b"not a workbook at all", "không phải bảng tính"),
     ("bom.xlsx", _zip_bomb(), "nén")],
    ids=["traversal-not-workbook", "zip-bomb"],
)  # fmt: skip
def test_a_hostile_history_sheet_is_refused_before_it_is_read(
    page: tuple[Running, Client], example_workspace: Path, name: str, data: bytes, reason: str
) -> None:
    from docgen.award.history import register_path

    _, client = page
    client.login()
    panel = client.run("/lich-su/nhap", files=[("tep", name, data)])
    assert reason in panel and "Hãy lưu tệp bằng Excel dạng .xlsx" in panel
    assert not register_path(example_workspace).exists()  # nothing imported, no register made
    assert not list(example_workspace.parent.glob("thoat-ra*"))
