"""`docgen mau-nhap`: the blank intake workbook for departments."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.campaign import load_campaign
from docgen.cli.common import CAMPAIGN_OPTION, WS, aborts_cleanly


@click.command("mau-nhap")
@CAMPAIGN_OPTION
@click.option("--don-vi", "department", default="", help="Ghi sẵn tên đơn vị vào phiếu.")
@click.option(
    "--ra",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
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


COMMANDS = [intake_template]
