"""`docgen chien-dich-moi`: set up a new campaign file by answering questions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.common import FORCE_OPTION, WORKSPACE_OPTION, aborts_cleanly, out_option
from docgen.output.files import Written

if TYPE_CHECKING:
    from docgen.workspace import Workspace

_STATUS = {
    Written.CREATED: "Đã lập tệp chiến dịch: {path}",
    Written.OVERWRITTEN: "Đã ghi đè tệp chiến dịch: {path}",
    Written.UNCHANGED: "Tệp chiến dịch đã có, không thay đổi: {path}",
    Written.COPY: (
        "Tệp {original} đã có nên được giữ nguyên; tệp mới ghi vào {path}. "
        "Xem lại rồi đổi tên thành {original_name} (hoặc chạy lại với --ghi-de)."
    ),
}


@click.command("chien-dich-moi")
@WORKSPACE_OPTION
@out_option("Tệp cần lập (mặc định: input/campaign.toml trong thư mục làm việc).")
@FORCE_OPTION
@aborts_cleanly
def new_campaign(workspace: Workspace, out: Path | None, force: bool) -> None:
    """Lập tệp chiến dịch mới bằng cách trả lời các câu hỏi về kế hoạch.

    Hỏi số, ngày, trích yếu kế hoạch, cơ quan ban hành, thời gian, cách biểu quyết, người
    ký, đối tượng, các cấp khen và số lượng, tiêu chí; rồi ghi tệp TOML có chú thích từng mục.
    Tệp đã có thì không bị ghi đè (tệp mới ghi sang campaign-2.toml …) trừ khi dùng --ghi-de.

    \b
    Ví dụ:
      docgen chien-dich-moi
      docgen chien-dich-moi --ra input/khen-thuong-cuoi-nam.toml
    """
    from docgen.campaign.write import write_campaign_file
    from docgen.cli.interview import interview

    target = out or workspace.campaign
    path, campaign, status = write_campaign_file(interview(), target, force)
    click.echo("")
    click.echo(_STATUS[status].format(path=path, original=target, original_name=target.name))
    click.echo(
        f"{campaign.title} (Kế hoạch số {campaign.plan.number}): "
        f"{len(campaign.levels)} cấp khen, {len(campaign.criteria)} tiêu chí. "
        "Kiểm tra lại bằng: docgen kiem-tra-chien-dich"
        + (f" --chien-dich {path}" if path != workspace.campaign else "")
    )
