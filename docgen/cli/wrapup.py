"""`docgen tong-ket`: after the decisions, the results report and the announcement."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    FORCE_OPTION,
    WORKSPACE_OPTION,
    aborts_cleanly,
    load_campaign,
    writes_workspace,
)

if TYPE_CHECKING:
    from docgen.workspace import Workspace


@click.command("tong-ket")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@FORCE_OPTION
@aborts_cleanly
@writes_workspace("tong-ket")
def wrap_up(workspace: Workspace, campaign_path: Path, force: bool) -> None:
    """Sau khi có quyết định: báo cáo kết quả thực hiện và thông báo nêu gương.

    Ghi vào output/<mã chiến dịch>/tong-ket/: bao-cao-ket-qua.docx (Báo cáo của Thường trực
    Hội đồng: đơn vị tham gia, người được đề nghị và được khen ở từng cấp, số quyết định), và khi
    có quyết định trong lịch sử khen thưởng: thong-bao.txt (đọc trên đài, đăng bài) và
    thong-bao.html (đoạn HTML dán vào trang thông tin điện tử; chỉ có tên, đơn vị, thành tích).
    Quyết định của phường vào lịch sử khi văn thư ghi số, ngày và lập lại hồ sơ (docgen ho-so).

    \b
    Ví dụ:
      docgen lich-su --ghi-cap thanh-pho --so 1234/QĐ-UBND --ngay 10/01/2024
      docgen tong-ket
    """
    from docgen.award.said import wrapup_lines
    from docgen.award.wrapup import wrap_up as write

    done = write(load_campaign(campaign_path), workspace, force)
    for line in wrapup_lines(done):
        click.echo(line)
