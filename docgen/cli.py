"""The `docgen` command line: a thin shell over the library."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from docgen.campaign import load_campaign
from docgen.errors import DocgenError
from docgen.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])
WS = Workspace()

CAMPAIGN_OPTION = click.option(
    "--chien-dich",
    "campaign_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=WS.campaign,
    show_default=True,
    help="Tệp chiến dịch (TOML).",
)


def aborts_cleanly(func: F) -> F:
    """Turn a DocgenError into one clear line and exit code 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DocgenError as exc:
            click.secho(f"Lỗi: {exc}", fg="red", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen — lập hồ sơ thi đua, khen thưởng từ phiếu nhập Excel.

    \b
    Quy trình: mau-nhap → (các đơn vị điền, gửi lại vào input/phieu/)
    → kiem-tra → tong-hop → (thư ký ghi phiếu bầu vào input/hop-xet.xlsx) → ho-so
    """


@main.command("mau-nhap")
@CAMPAIGN_OPTION
@click.option("--don-vi", "department", default="", help="Ghi sẵn tên đơn vị vào phiếu.")
@click.option(
    "--ra", "out", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Tệp phiếu cần tạo (mặc định: output/<mã chiến dịch>/mau-nhap/…).",
)
@aborts_cleanly
def intake_template(campaign_path: Path, department: str, out: Path | None) -> None:
    """Tạo phiếu nhập Excel của chiến dịch để gửi các đơn vị.

    \b
    Ví dụ:
      docgen mau-nhap
      docgen mau-nhap --don-vi "Khối Văn hóa - Xã hội"
    """
    from docgen.intake.template import template_path, write_template

    campaign = load_campaign(campaign_path)
    path = out or template_path(WS.output(campaign.id), department)
    write_template(campaign, path, department)
    click.echo(f"Đã tạo phiếu nhập: {path}")
