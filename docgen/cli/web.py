"""`docgen giao-dien`: the clerk's page on this machine (the server lives in `docgen.web`)."""

from __future__ import annotations

import click

from docgen.cli.common import WORKSPACE_OPTION, aborts_cleanly, load_campaign
from docgen.workspace import Workspace


@click.command("giao-dien")
@WORKSPACE_OPTION
@click.option(
    "--cong",
    "port",
    type=click.IntRange(0, 65535),
    default=0,
    help="Cổng trên 127.0.0.1 (mặc định 0: một cổng còn trống).",
)
@click.option(
    "--khong-mo-trinh-duyet", "no_browser", is_flag=True, help="Chỉ in địa chỉ, không tự mở."
)
@aborts_cleanly
def web(workspace: Workspace, port: int, no_browser: bool) -> None:
    """Mở trang làm việc của Thường trực trong trình duyệt (chỉ trên máy này).

    Trang chạy tại 127.0.0.1 với một khóa bí mật trong địa chỉ; mọi bước của đợt (nhận
    phiếu, kiểm tra, họp xét, hồ sơ, lưu trữ) làm được trên trang. Tắt bằng Ctrl+C hoặc nút
    “Tắt giao diện” trên trang. Trang và các lệnh docgen khác không bao giờ cùng ghi một lúc.

    \b
    Ví dụ:
      docgen giao-dien
      docgen giao-dien --thu-muc "D:\\Thi đua\\Phường Tiến Thành\\kh05-2026"
      docgen giao-dien --khong-mo-trinh-duyet --cong 8765
    """
    from docgen.web.server import serve

    load_campaign(workspace.campaign)  # a missing or broken campaign file: said here, exit 2

    def ready(url: str) -> None:
        click.echo(f"Trang làm việc đang mở tại: {url}")
        click.echo("Giữ cửa sổ này mở trong khi làm việc; tắt bằng Ctrl+C.")

    serve(workspace, port, browser=not no_browser, ready=ready)
    click.echo("Đã tắt giao diện.")
