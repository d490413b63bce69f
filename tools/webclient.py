"""A plain HTTP client for the page, from outside: real sockets, headers set by hand (tests, bench)."""

from __future__ import annotations

import http.client
import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from docgen.web.server import Running, start
from docgen.workspace import Workspace


@dataclass
class Answer:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "replace")


@dataclass
class Client:
    """Talks to the page at 127.0.0.1:`port`, with or without a session."""

    port: int
    token: str
    cookie: str = ""
    csrf: str = ""
    host: str = field(default="")

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Answer:
        """One request; Host is this server's unless `headers` says otherwise."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": self.host or f"127.0.0.1:{self.port}"}
        if self.cookie:
            sent["Cookie"] = self.cookie
        sent.update(headers or {})
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                        response.read())  # fmt: skip
        conn.close()
        return answer

    def login(self) -> Client:
        """Trade the token for a session cookie and read the page's CSRF token."""
        answer = self.request("GET", f"/?khoa={self.token}")
        assert answer.status == 303, answer.text
        self.cookie = answer.headers["set-cookie"].split(";")[0]
        page = self.request("GET", "/")
        found = re.search(r'"X-CSRF-Token": "([^"]+)"', page.text)
        assert found is not None
        self.csrf = found.group(1)
        return self

    def post(self, path: str, fields: dict[str, str] | None = None,
             files: list[tuple[str, str, bytes]] | None = None) -> Answer:  # fmt: skip
        """A form post as htmx sends it (multipart, CSRF header, HX-Request)."""
        body, kind = multipart(fields or {}, files or [])
        headers = {"Content-Type": kind, "X-CSRF-Token": self.csrf, "HX-Request": "true",
                   "Origin": f"http://127.0.0.1:{self.port}"}  # fmt: skip
        return self.request("POST", path, body, headers)

    def run(self, path: str, fields: dict[str, str] | None = None,
            files: list[tuple[str, str, bytes]] | None = None) -> str:  # fmt: skip
        """Post an action and wait for its job; the job panel's final HTML."""
        answer = self.post(path, fields, files)
        assert answer.status == 200, answer.text
        found = re.search(r'id="viec-([^"]+)"', answer.text)
        assert found is not None, answer.text
        deadline = time.monotonic() + 600
        panel = answer.text
        while "đang chạy…" in panel and time.monotonic() < deadline:
            time.sleep(0.05)
            panel = self.request("GET", f"/viec/{found.group(1)}").text
        return panel


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: text fields, then (field, file name, bytes) files."""
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())  # fmt: skip
    for name, filename, data in files:
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n')  # fmt: skip
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@contextmanager
def serving(root: Path) -> Iterator[tuple[Running, Client]]:
    """The page over the workspace at `root`, and a client holding the token (not logged in)."""
    running = start(Workspace(root))
    token = urlsplit(running.url).query.split("=", 1)[1]
    try:
        yield running, Client(running.port, token)
    finally:
        running.stop()
