"""The page's locks: who may talk to it, what it may load, how much it may be sent.

Policy, checked on every request before any handler runs:
- Host must be this server's own address (127.0.0.1 or localhost with its port): a page on
  another site that rebinds its name to 127.0.0.1 (DNS rebinding) is refused.
- The secret token of the opening address (`/?khoa=…`, printed by `docgen giao-dien`) is traded
  once for a session cookie (HttpOnly, SameSite=Strict); without the cookie nothing but that
  exchange answers.
- Every POST carries the session's CSRF token in the `X-CSRF-Token` header (htmx sends it from
  the page's `hx-headers`), or in its form's action (`?csrf=…`, when a form is posted as plain
  HTML before htmx has loaded), and, when the browser says where it comes from, an Origin of
  this server.
- A request body is limited (`MAX_BODY`), by its Content-Length and while it streams.
- Every answer forbids external resources (Content-Security-Policy: only this server's own
  scripts, styles and images), framing, sniffing and referrers to anywhere else, and says how long the server
  took (Server-Timing, read by `make bench`).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "docgen_phien"
TOKEN_PARAM = "khoa"
CSRF_HEADER = b"x-csrf-token"
CSRF_PARAM = "csrf"  # a form posted before htmx loaded (plain HTML) carries it in its action
MAX_BODY = 64 * 1024 * 1024  # a saved mail (60 MB at most) with the form around it
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Not "no-referrer": under it a browser sends `Origin: null` with a plain form post, which
    # the Origin check refuses. "same-origin" sends this server's own origin to itself only.
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
BAD_HOST = "Địa chỉ không đúng: trang docgen chỉ mở tại 127.0.0.1 trên máy này."
NO_SESSION = (
    "Chưa mở phiên làm việc: hãy mở trang bằng đúng địa chỉ “docgen giao-dien” in ra "
    "(có khoa=…), hoặc chạy lại lệnh đó."
)
BAD_CSRF = "Yêu cầu không đến từ trang docgen đang mở; hãy tải lại trang rồi làm lại."
TOO_LARGE = "Tệp gửi lên quá lớn (tối đa 64 MB một lần)."


@dataclass
class Secrets:
    """The opening token, and the sessions it opened (cookie value → CSRF token)."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    sessions: dict[str, str] = field(default_factory=dict)

    def open_session(self) -> str:
        """A new session cookie value."""
        cookie = secrets.token_urlsafe(32)
        self.sessions[cookie] = secrets.token_urlsafe(32)
        return cookie

    def csrf_of(self, cookie: str | None) -> str | None:
        """The CSRF token of the session with this cookie, if there is one."""
        return self.sessions.get(cookie) if cookie else None


class Guard:
    """ASGI middleware applying the policy above to `app`, served at `port`."""

    def __init__(self, app: ASGIApp, keys: Secrets, port: int) -> None:
        self.app, self.keys = app, keys
        self.hosts = {f"127.0.0.1:{port}".encode(), f"localhost:{port}".encode()}
        self.origins = {b"http://" + host for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope["headers"])
        send = _decorated(send, started)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, text, extra = refusal
            await _answer(send, status, text, extra)
            return
        scope.setdefault("state", {})["csrf"] = self.keys.csrf_of(_cookie(headers))
        await self.app(scope, _limited(receive), send)

    def _refusal(
        self, scope: Scope, headers: dict[bytes, bytes]
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        if headers.get(b"host") not in self.hosts:
            return 421, BAD_HOST, []
        if int(headers.get(b"content-length", b"0") or 0) > MAX_BODY:
            return 413, TOO_LARGE, []
        query = parse_qs(scope.get("query_string", b"").decode())
        token = query.get(TOKEN_PARAM, [""])[0]
        if token:
            return self._exchange(token)
        csrf = self.keys.csrf_of(_cookie(headers))
        if csrf is None:
            return 403, NO_SESSION, []
        sent = headers.get(CSRF_HEADER) or query.get(CSRF_PARAM, [""])[0].encode()
        if scope["method"] not in ("GET", "HEAD") and not self._same_site(headers, sent, csrf):
            return 403, BAD_CSRF, []
        return None

    def _exchange(self, token: str) -> tuple[int, str, list[tuple[bytes, bytes]]]:
        if not secrets.compare_digest(token.encode(), self.keys.token.encode()):
            return 403, NO_SESSION, []
        cookie = f"{COOKIE}={self.keys.open_session()}; HttpOnly; SameSite=Strict; Path=/"
        return 303, "", [(b"location", b"/"), (b"set-cookie", cookie.encode())]

    def _same_site(self, headers: dict[bytes, bytes], sent: bytes, csrf: str) -> bool:
        origin = headers.get(b"origin")
        if origin is not None and origin not in self.origins:
            return False
        return secrets.compare_digest(sent, csrf.encode())


def _cookie(headers: dict[bytes, bytes]) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get(b"cookie", b"").decode("latin-1"))
    except Exception:  # a malformed cookie header is no session
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel else None


def _decorated(send: Send, started: float) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            elapsed = (time.perf_counter() - started) * 1000
            timing = (b"server-timing", f"app;dur={elapsed:.1f}".encode())
            message["headers"] = [*message.get("headers", []), *HEADERS, timing]
        await send(message)

    return wrapped


def _limited(receive: Receive) -> Receive:
    """The body, refused past MAX_BODY even when the client did not announce its length."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY:  # reads as a client gone: the form parser stops, nothing is kept
            return {"type": "http.disconnect"}
        return message

    return wrapped


async def _answer(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = _page(text).encode() if text else b""
    headers: list[Any] = [(b"content-type", b"text/html; charset=utf-8"), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _page(text: str) -> str:
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>docgen</title>'
        f"</head><body><main><h1>docgen</h1><p>{text}</p></main></body></html>"
    )
