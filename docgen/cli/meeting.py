"""`docgen tong-hop` (the list for the council meeting) and `docgen ket-qua` (its outcome)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    FORCE_OPTION,
    JSON_FILE_OPTION,
    SUBMISSIONS_OPTION,
    WORKSPACE_OPTION,
    aborts_cleanly,
    in_workspace,
    load_campaign,
    out_option,
    writes_workspace,
)
from docgen.cli.console import emit_json
from docgen.issues.codes import CODES
from docgen.text import format_count, format_percent

# The meeting workbook is read with openpyxl: imported when a command runs.
if TYPE_CHECKING:
    from docgen.meeting.model import Decision
    from docgen.meeting.select import MeetingResult
    from docgen.workspace import Workspace


@click.command("tong-hop")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@SUBMISSIONS_OPTION
@click.option(
    "--sap-xep",
    "order",
    type=click.Choice(["nop", "ten"]),
    default="nop",
    show_default=True,
    help="Thứ tự trong danh sách: nop = theo tệp và dòng đã gửi; ten = theo tên (tiếng Việt).",
)
@out_option("Tệp cần tạo (mặc định: output/<mã chiến dịch>/tong-hop.xlsx).")
@FORCE_OPTION
@aborts_cleanly
@writes_workspace("tong-hop")
def consolidate(
    workspace: Workspace,
    campaign_path: Path,
    folder: Path,
    order: str,
    out: Path | None,
    force: bool,
) -> None:
    """Tổng hợp các đề nghị hợp lệ thành bảng Excel cho cuộc họp Hội đồng.

    Mỗi cấp khen thưởng một trang (tập thể trước, cá nhân sau, có cột "Số phiếu đồng ý"
    để trống), thêm trang "Cuộc họp" để thư ký ghi thời gian, địa điểm, thành phần.
    Đề nghị có lỗi không được đưa vào (xem "docgen kiem-tra"). Sau cuộc họp, lưu tệp
    đã ghi thành input/hop-xet.xlsx rồi chạy "docgen ket-qua".

    Không bao giờ ghi đè một bảng tổng hợp đã bị sửa: bản mới được ghi sang
    tong-hop-2.xlsx, tong-hop-3.xlsx … trừ khi dùng --ghi-de.

    \b
    Ví dụ:
      docgen tong-hop
      docgen tong-hop --sap-xep ten
      docgen tong-hop --ra hop-xet-moi.xlsx --ghi-de
    """
    from docgen.award.past import check_forms
    from docgen.meeting.consolidate import write_meeting_list
    from docgen.meeting.read import listed_but_gone
    from docgen.meeting.summary import list_written, listed_counts

    campaign = load_campaign(campaign_path)
    report = check_forms(campaign, folder, workspace.ward)
    target = out or workspace.output(campaign.id) / "tong-hop.xlsx"
    sort = "given_name" if order == "ten" else "submission"
    path, status = write_meeting_list(campaign, report, target, sort, force)
    click.echo(list_written(status, path, target))
    counts, excluded = listed_counts(campaign, report)
    for c in counts:
        click.echo(
            f"  {c.level.label}: {format_count(c.collectives)} tập thể, "
            f"{format_count(c.individuals)} cá nhân"
        )
    if excluded:
        click.secho(
            f"  {excluded} đề nghị có lỗi không được đưa vào (xem docgen kiem-tra).", fg="yellow"
        )
    click.echo(
        f"Sau cuộc họp, thư ký ghi số phiếu và thông tin cuộc họp vào tệp này rồi lưu thành "
        f"{workspace.meeting.absolute()}; sau đó chạy: docgen ket-qua"
    )
    gone = listed_but_gone(workspace.meeting, campaign, report)
    for issue in gone:
        click.secho(
            f"Chú ý: {workspace.meeting.name}: {issue.message} {issue.hint}", fg="red", err=True
        )
    sys.exit(1 if gone else 0)


@click.command("ket-qua")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@SUBMISSIONS_OPTION
@click.option(
    "--hop-xet",
    "meeting_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    callback=in_workspace(lambda ws: ws.meeting),
    metavar="TỆP",
    help="Bảng tổng hợp thư ký đã ghi phiếu bầu và thông tin cuộc họp. "
    "Mặc định: input/hop-xet.xlsx trong thư mục làm việc.",
)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (UTF-8).")
@JSON_FILE_OPTION
@aborts_cleanly
def results(
    workspace: Workspace,
    campaign_path: Path,
    folder: Path,
    meeting_path: Path,
    as_json: bool,
    json_file: Path | None,
) -> None:
    """Đọc phiếu bầu của cuộc họp và cho biết ai được đề nghị ở từng cấp.

    Xét tỷ lệ phiếu theo tệp chiến dịch, xếp hạng theo số phiếu, áp dụng số lượng
    (chỉ tiêu) từng cấp; người bằng phiếu ở vị trí cuối chỉ tiêu không được chọn thay
    Hội đồng mà được báo để Hội đồng quyết định. Mã thoát 1 khi tệp họp xét còn lỗi.

    \b
    Ví dụ:
      docgen ket-qua
      docgen ket-qua --hop-xet input/hop-xet.xlsx --json-ra ket-qua.json
    """
    from docgen.award.past import check_forms
    from docgen.meeting.select import read_and_select
    from docgen.meeting.summary import to_json

    campaign = load_campaign(campaign_path)
    result = read_and_select(campaign, check_forms(campaign, folder, workspace.ward), meeting_path)
    if json_file is not None:
        emit_json(to_json(campaign.id, result), json_file)
    if as_json:
        emit_json(to_json(campaign.id, result))
    else:
        _print(result)
    sys.exit(1 if result.errors else 0)


def _print(outcome: MeetingResult) -> None:
    from docgen.meeting.summary import meeting_lines

    for line in meeting_lines(outcome.meeting) if outcome.meeting else []:
        click.echo(line)
    for selection in outcome.selections:
        click.secho(f"{selection.level.label} — {selection.level.award}", bold=True)
        click.echo("  Đề nghị:" if selection.proposed() else "  Đề nghị: không có")
        for number, d in enumerate(selection.proposed(), start=1):
            runoff = "" if d.runoff is None else f"; biểu quyết lại: {format_count(d.runoff)}"
            click.echo(f"    {number}. {_line(d)}{runoff}")  # a loser's reason says its run-off
        for d in selection.not_proposed():
            click.echo(f"  Không đề nghị: {_line(d)}: {d.reason}")
    for issue in outcome.issues:
        colour = "red" if str(issue.severity) == "error" else "yellow"
        title = f"{CODES[issue.code].title} [{issue.code}]"  # the meaning, then the README's code
        click.secho(f"{title} — {issue.place.label()}: {issue.message}", fg=colour, err=True)
        if issue.hint:
            click.echo(f"    → {issue.hint}", err=True)


def _line(d: Decision) -> str:
    who = f"{d.nominee.name} ({d.nominee.kind.label}, {d.nominee.department})"
    if not d.rank:  # no valid votes: nothing to show
        return who
    return f"{who} — {format_count(d.votes)}/{format_count(d.base)} ({format_percent(d.share)})"
