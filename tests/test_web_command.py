"""`docgen giao-dien` as the clerk starts it: a real process, its address, Ctrl+C, the stop button."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_startup import EVERYTHING_HEAVY, loaded


def _start(root: Path, encoding: str = "utf-8") -> tuple[subprocess.Popen[str], str, int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "docgen", "giao-dien", "--khong-mo-trinh-duyet"],
        cwd=root,
        env={**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding=encoding,
        errors="replace",
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/\?khoa=(\S+)", line)
    assert found is not None, line + process.stderr.read() if process.stderr else line
    return process, found.group(2), int(found.group(1))


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(status, Set-Cookie, body) of one GET."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
    answer = conn.getresponse()
    result = (answer.status, answer.getheader("set-cookie", ""), answer.read().decode())
    conn.close()
    return result


@pytest.mark.parametrize("encoding", ["utf-8", "cp1258"])
def test_ctrl_c_stops_the_page_cleanly(example_workspace: Path, encoding: str) -> None:
    process, token, port = _start(example_workspace, encoding)
    assert _get(port, f"/?khoa={token}")[0] == 303
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Đã tắt giao diện." in out or encoding != "utf-8"  # cp1258 writes its own forms
    assert "Traceback" not in err and "INFO" not in err


def test_the_stop_button_stops_the_page(example_workspace: Path) -> None:
    process, token, port = _start(example_workspace)
    cookie = _get(port, f"/?khoa={token}")[1].split(";")[0]
    page = _get(port, "/", {"Cookie": cookie})[2]
    csrf = re.search(r'"X-CSRF-Token": "([^"]+)"', page)
    assert csrf is not None
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": f"127.0.0.1:{port}", "Cookie": cookie, "X-CSRF-Token": csrf.group(1)}
    conn.request("POST", "/dung", headers=headers)
    assert "Đã tắt giao diện docgen" in conn.getresponse().read().decode()
    conn.close()
    out, _err = process.communicate(timeout=30)
    assert process.returncode == 0 and "Đã tắt giao diện." in out


def test_without_a_campaign_it_says_where_it_looked(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "docgen", "giao-dien", "--khong-mo-trinh-duyet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 2
    assert "campaign.toml" in done.stderr and "Traceback" not in done.stderr


def test_its_help_loads_no_server_and_no_heavy_library(example_workspace: Path) -> None:
    found = loaded(["giao-dien", "--help"], example_workspace)
    assert found & (EVERYTHING_HEAVY | {"starlette", "uvicorn", "multipart"}) == set()


def test_the_page_is_listed_second_in_the_clerks_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "docgen", "--help"], capture_output=True, text=True, encoding="utf-8"
    )
    listed = done.stdout.split("Các lệnh:", 1)[1]
    commands = re.findall(r"^  ([a-z][a-z-]+)\s", listed, flags=re.M)
    assert commands[:2] == ["chien-dich-moi", "giao-dien"]


def test_a_port_in_use_is_said_in_one_line(example_workspace: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "docgen",
                "giao-dien",
                "--khong-mo-trinh-duyet",
                "--cong",
                str(port),
            ],
            cwd=example_workspace,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr.count("Lỗi:") == 1 and "Traceback" not in done.stderr


def test_a_port_in_use_is_said_as_such(example_workspace: Path) -> None:
    """`--cong` on a port another program holds: what is wrong and what to do, exit 2 (not a
    message about files held open by Excel)."""
    import socket

    from click.testing import CliRunner

    from docgen.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        argv = ["giao-dien", "--cong", str(port), "--khong-mo-trinh-duyet"]
        result = CliRunner().invoke(main, [*argv, "--thu-muc", str(example_workspace)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Lỗi: Cổng {port} trên 127.0.0.1 đang được chương trình khác dùng (có thể là một trang "
        "docgen đang mở). Hãy mở trang đó trong trình duyệt, hoặc chạy lại với cổng khác (--cong "
        "8766), hoặc bỏ --cong để docgen tự chọn một cổng còn trống."
    )


def test_a_stopped_page_server_leaves_no_scratch_folder(example_workspace: Path) -> None:
    """Previews and dropped files live in the server's scratch folder: gone when it stops."""
    from tools.webclient import serving

    with serving(example_workspace) as (running, client):
        client.login()
        scratch = running.site.scratch
        assert scratch.is_dir()
    assert not scratch.exists()
