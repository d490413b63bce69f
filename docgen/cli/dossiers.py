"""`docgen ho-so`: build the dossiers from the intake and the meeting."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    WORKSPACE_OPTION,
    aborts_cleanly,
    load_campaign,
    writes_workspace,
)

# Building reads workbooks and renders Word files: imported when the command runs.
if TYPE_CHECKING:
    from docgen.dossier.run import BuildResult
    from docgen.issues.model import ValidationIssue
    from docgen.workspace import Workspace


@click.command("ho-so")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@click.option(
    "--ghi-de",
    "force",
    is_flag=True,
    help="Lập lại cả văn bản đã sửa tay (bản cũ được giữ bên cạnh).",
)
@click.option(
    "--thay-ban-da-ky",
    "replace_signed",
    is_flag=True,
    help="Lập lại cả văn bản đã ký và đã nộp lưu với nội dung khác mà vẫn giữ số cũ "
    "(bản lập trước chuyển vào da-thay-the/, bản đã ký trong lưu trữ giữ nguyên).",
)
@aborts_cleanly
@writes_workspace("ho-so")
def dossiers(workspace: Workspace, campaign_path: Path, force: bool, replace_signed: bool) -> None:
    """Lập hồ sơ khen thưởng từ phiếu nhập và kết quả họp xét.

    Đọc input/phieu/ và input/hop-xet.xlsx, xếp hạng theo số phiếu, áp dụng tỷ lệ phiếu và
    số lượng tối đa, rồi lập cho mỗi cấp các văn bản kế hoạch yêu cầu vào output/<mã chiến dịch>/.

    \b
    Ví dụ:
      docgen ho-so
      docgen ho-so --ghi-de
      docgen ho-so --thay-ban-da-ky
      docgen ho-so --thu-muc "D:\\Thi đua\\Phường Tiến Thành\\kh05-2026"
    """
    from docgen.dossier.run import build_dossiers

    campaign = load_campaign(campaign_path)
    with click.progressbar(length=1, label="Lập văn bản", file=sys.stderr) as bar:

        def step(done: int, total: int) -> None:
            bar.length = total
            bar.update(1)

        result = build_dossiers(campaign, workspace, force, step, replace_signed)
    _print(result)
    sys.exit(1 if result.blocked or result.refused or result.missing or result.disagreements else 0)


def _print(result: BuildResult) -> None:
    from docgen.dossier.summary import SUMMARY, disagreement_lines, frozen_lines, summary_lines
    from docgen.output.manifest import MANIFEST, WriteOutcome

    _print_law(result.law)
    if result.blocked:
        click.secho("Chưa lập được hồ sơ: kết quả họp xét có lỗi cần sửa.", fg="red", err=True)
        for issue in result.meeting.errors:
            click.echo(f"  - {_line(issue)}", err=True)
        return
    if result.refused:
        click.secho("\n".join(frozen_lines(result)), fg="red", err=True)
        return
    for line in summary_lines(result, disagreements=False):  # they go to stderr, in red
        click.echo(line)
    kept = result.count(WriteOutcome.KEPT_EDITED) + result.count(WriteOutcome.KEPT_UNKNOWN)
    click.echo(
        f"\nĐã lập {len(result.files)} văn bản vào {result.folder} "
        f"(ghi mới {result.count(WriteOutcome.WRITTEN) + result.count(WriteOutcome.FORCED)}, "
        f"không đổi {result.count(WriteOutcome.UNCHANGED)}, giữ nguyên vì sửa tay {kept}"
        f"{f', chuyển sang da-thay-the {len(result.retired)}' if result.retired else ''}). "
        f"Danh mục: {MANIFEST}; tóm tắt: {SUMMARY}."
    )
    if result.missing:
        click.secho(
            f"Chưa lập {len(result.missing)} văn bản vì thiếu dữ liệu "
            "(bổ sung vào phiếu nhập rồi chạy lại):",
            fg="red",
            err=True,
        )
        for unbuilt in result.missing:
            click.echo(f"  - {unbuilt.path}: {unbuilt.problem}", err=True)
    if result.disagreements:
        click.secho("\n".join(disagreement_lines(result)), fg="red", err=True)
    for template, reason in result.fallbacks.items():
        click.echo(f"Lưu ý: mẫu {template} được lập bằng docxtpl thông thường ({reason}).")
    click.echo(f"Hồ sơ nằm trong thư mục: {result.folder.absolute()}")
    _print_recorded(result)


def _print_law(warnings: list[ValidationIssue]) -> None:
    """The campaign's law warnings, as `kiem-tra-chien-dich` details them."""
    from docgen.issues.codes import CODES

    if not warnings:
        return
    click.secho(
        f"Lưu ý về căn cứ pháp lý ({len(warnings)}; chi tiết: docgen kiem-tra-chien-dich):",
        fg="yellow",
        err=True,
    )
    for issue in warnings:
        click.echo(f"  - {CODES[issue.code].title} [{issue.code}]: {issue.message}", err=True)


def _line(issue: ValidationIssue) -> str:
    return f"{issue.place.label()}: {issue.message}" + (f" — {issue.hint}" if issue.hint else "")


def _print_recorded(result: BuildResult) -> None:
    """The ward's numbered decisions, now in the ward's award history."""
    from docgen.award.said import ward_recorded_line

    for done in result.recorded:
        click.echo(ward_recorded_line(done))
