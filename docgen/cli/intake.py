"""`docgen mau-nhap`: the blank intake workbook for departments."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    FORCE_OPTION,
    WORKSPACE_OPTION,
    aborts_cleanly,
    load_campaign,
    out_option,
    writes_workspace,
)
from docgen.output.files import Written
from docgen.workspace import Workspace


@click.command("mau-nhap")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@click.option(
    "--don-vi", "department", default="", metavar="TÊN", help="Ghi sẵn tên đơn vị vào phiếu."
)
@FORCE_OPTION
@out_option("Tệp phiếu cần tạo (mặc định: output/<mã chiến dịch>/mau-nhap/…).")
@aborts_cleanly
@writes_workspace("mau-nhap")
def intake_template(
    workspace: Workspace, campaign_path: Path, department: str, force: bool, out: Path | None
) -> None:
    """Tạo phiếu nhập Excel của chiến dịch để gửi các đơn vị.

    \b
    Ví dụ:
      docgen mau-nhap
      docgen mau-nhap --don-vi "Khối Văn hóa - Xã hội"
    """
    from docgen.intake.template import WRITTEN, form_department, template_path, write_template

    campaign = load_campaign(campaign_path)
    department = form_department(campaign, department)
    target = out or template_path(workspace.output(campaign.id), department)
    path, status = write_template(campaign, target, department, force)
    said = WRITTEN[status].format(path=path, original=target)
    click.echo(f"{said} Dùng --ghi-de để ghi đè." if status is Written.COPY else said)
