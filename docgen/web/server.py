"""Start the page: a free port on 127.0.0.1, the address with its token, the browser, the stop.

uvicorn serves the app on a socket bound here to 127.0.0.1 only (never 0.0.0.0), on a port
the system gives (or the one asked for). The address printed and opened carries the secret
token; the server stops on Ctrl+C (uvicorn's signal handling) or from the page's stop button.
Logging of the server is set up here, where the page starts, never at import time.
"""

from __future__ import annotations

import asyncio
import errno
import shutil
import socket
import sys
import tempfile
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import DocgenError
from docgen.web.guard import TOKEN_PARAM
from docgen.web.site import Site
from docgen.workspace import Workspace

if TYPE_CHECKING:
    from uvicorn import Server

HOST = "127.0.0.1"
WSAEADDRINUSE = 10048  # Windows' own number for a port in use
TICK = 0.02  # seconds between the server's looks at whether to stop


@dataclass
class Running:
    """A page server started in a thread (tests, bench): its address and how to stop it."""

    url: str
    port: int
    site: Site
    thread: threading.Thread

    def stop(self) -> None:
        """Ask the server to stop, wait for it, and remove its scratch folder (as `serve` does)."""
        self.site.stop()
        self.thread.join(timeout=15)
        shutil.rmtree(self.site.scratch, ignore_errors=True)


class PortBusy(DocgenError):
    """The port the clerk asked for is taken by another program (or another docgen page)."""

    def __init__(self, port: int) -> None:
        super().__init__(
            "PORT_BUSY",
            f"Cổng {port} trên {HOST} đang được chương trình khác dùng (có thể là một trang docgen "
            "đang mở). Hãy mở trang đó trong trình duyệt, hoặc chạy lại với cổng khác "
            "(--cong 8766), hoặc bỏ --cong để docgen tự chọn một cổng còn trống.",
        )


def listen(port: int = 0) -> socket.socket:
    """A socket bound to 127.0.0.1 (port 0: one the system picks); PortBusy when taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if sys.platform != "win32":  # on Windows it would let another program share the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (errno.EADDRINUSE, errno.EACCES, WSAEADDRINUSE):
            raise PortBusy(port) from exc
        raise
    return sock


def address(site: Site, port: int) -> str:
    """The opening address, with the secret token."""
    return f"http://{HOST}:{port}/?{TOKEN_PARAM}={site.keys.token}"


def serve(
    ws: Workspace, port: int = 0, browser: bool = True, ready: Callable[[str], None] = print
) -> None:
    """Serve the page until Ctrl+C or the page's stop; `ready` gets the address first."""
    sock = listen(port)
    site, server = _server(ws, sock)
    url = address(site, sock.getsockname()[1])

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            ready(url)
            if browser:
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stopped on Ctrl+C, then raised it again: a normal end
        pass
    finally:
        shutil.rmtree(site.scratch, ignore_errors=True)


def start(ws: Workspace) -> Running:
    """Serve the page in a thread of this process (uvicorn leaves signals alone there)."""
    sock = listen()
    site, server = _server(ws, sock)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    port = sock.getsockname()[1]
    return Running(address(site, port), port, site, thread)


def _server(ws: Workspace, sock: socket.socket) -> tuple[Site, Server]:
    import uvicorn

    from docgen.web.app import create_app

    site = Site(ws, scratch=Path(tempfile.mkdtemp(prefix="docgen-trang-")))
    app = create_app(site, sock.getsockname()[1])
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = _quick(uvicorn.Server)(config)
    site.stop = lambda: setattr(server, "should_exit", True)
    return site, server


def _quick(base: type[Server]) -> type[Server]:
    """uvicorn's server looking every 20 ms (not 100 ms) whether it is asked to stop: “Tắt giao
    diện”, and each test's server, end that much sooner. Its loop is uvicorn's own (0.55)."""

    class Quick(base):  # type: ignore[misc, valid-type]
        async def main_loop(self) -> None:
            counter = 0
            should_exit = await self.on_tick(counter)
            while not should_exit:
                counter = (counter + 1) % 864000
                await asyncio.sleep(TICK)
                should_exit = await self.on_tick(counter)

    return Quick
