"""`docgen kiem-tra`: validate the received workbooks, summarise, write feedback workbooks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    JSON_FILE_OPTION,
    SUBMISSIONS_OPTION,
    WORKSPACE_OPTION,
    aborts_cleanly,
    load_campaign,
    writes_workspace,
)
from docgen.cli.console import emit_json
from docgen.workspace import Workspace


@click.command("kiem-tra")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@SUBMISSIONS_OPTION
@click.option(
    "--json", "as_json", is_flag=True, help="In kết quả dạng JSON (UTF-8) ra đầu ra chuẩn."
)
@JSON_FILE_OPTION
@click.option(
    "--phan-hoi/--khong-phan-hoi",
    "feedback",
    default=True,
    show_default=True,
    help="Ghi tệp phản hồi cho từng đơn vị vào output/<mã chiến dịch>/phan-hoi/.",
)
@aborts_cleanly
@writes_workspace("kiem-tra", when=lambda options: options["feedback"])
def validate(
    workspace: Workspace,
    campaign_path: Path,
    folder: Path,
    as_json: bool,
    json_file: Path | None,
    feedback: bool,
) -> None:
    """Kiểm tra các phiếu nhập đã nhận và lập tệp phản hồi cho từng đơn vị.

    Mã thoát: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi trong phiếu,
    2 lỗi cấu hình (tệp chiến dịch, thư mục phiếu).

    \b
    Ví dụ:
      docgen kiem-tra
      docgen kiem-tra --phieu input/phieu --json-ra kiem-tra.json
      docgen kiem-tra --khong-phan-hoi
    """
    from docgen.award.past import check_forms
    from docgen.feedback import write_feedback
    from docgen.validate.run import submission_files
    from docgen.validate.summary import to_json, to_text

    campaign = load_campaign(campaign_path)
    total = len(submission_files(folder))
    with click.progressbar(
        length=total, label="Đang kiểm tra phiếu", file=sys.stderr, hidden=as_json
    ) as bar:
        report = check_forms(campaign, folder, workspace.ward, lambda _path: bar.update(1))
    written = (
        write_feedback(report, folder, workspace.output(campaign.id) / "phan-hoi")
        if feedback
        else []
    )
    if json_file is not None:
        emit_json(to_json(report), json_file)
    if as_json:
        emit_json(to_json(report))
    else:
        click.echo(to_text(report))
        if written:
            click.echo(f"\nĐã ghi {len(written)} tệp phản hồi vào {written[0].parent}")
    sys.exit(1 if report.errors else 0)
