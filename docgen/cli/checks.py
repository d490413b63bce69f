"""Checks a clerk runs after editing: the campaign file, the Word templates, any .docx."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    WORKSPACE_OPTION,
    aborts_cleanly,
    announce,
    load_campaign,
)
from docgen.errors import TemplateError, not_found

# The template and .docx checks read Word files (python-docx, lxml): imported when they run.
if TYPE_CHECKING:
    from docgen.workspace import Workspace

FILES = click.argument(
    "files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False), metavar="[TỆP]..."
)


@click.command("kiem-tra-chien-dich")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@aborts_cleanly
def check_campaign(workspace: Workspace, campaign_path: Path) -> None:
    """Kiểm tra tệp chiến dịch (TOML): báo mọi lỗi kèm khóa và số dòng.

    \b
    Ví dụ:
      docgen kiem-tra-chien-dich
      docgen kiem-tra-chien-dich --chien-dich input/khen-thuong-cuoi-nam.toml
    """
    from docgen.award.summary import describe
    from docgen.issues.codes import CODES
    from docgen.legal.check import review_campaign

    review = review_campaign(campaign_path, workspace.templates)
    campaign = review.campaign
    announce(campaign.id, campaign_path)
    state = "có lỗi về căn cứ pháp lý" if review.errors else "hợp lệ"
    click.echo(f"Tệp chiến dịch {state}: {campaign.title} (Kế hoạch số {campaign.plan.number}).")
    for level in campaign.levels:
        quota = ", ".join(f"{n:02d} {kind.label}" for kind, n in level.quota.items())
        click.echo(
            f"  - {level.label}: {level.award}; tối đa {quota}; văn bản: {', '.join(level.documents)}"
        )
        if level.decides:
            click.echo(f"    {describe(campaign, level, campaign.period.deadline)}")
    for heading, issues in (("Lỗi", review.errors), ("Cảnh báo", review.warnings)):
        if issues:
            click.echo(f"{heading} về căn cứ pháp lý ({len(issues)}):")
        for issue in issues:
            click.echo(
                f"  - {CODES[issue.code].title} [{issue.code}] — {issue.place.label()}: "
                f"{issue.message}"
            )
            click.echo(f"    Cách sửa: {issue.hint}")
    if review.errors:
        click.echo("Chưa lập được hồ sơ (docgen ho-so) cho đến khi sửa các lỗi trên.")
        sys.exit(2)


@click.command("kiem-tra-mau")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@FILES
@aborts_cleanly
def check_templates(workspace: Workspace, campaign_path: Path, files: tuple[Path, ...]) -> None:
    """Kiểm tra mẫu văn bản Word: cú pháp thẻ, biến không có dữ liệu, thẻ bị tách dòng.

    Không ghi tên tệp thì kiểm tra mọi mẫu trong templates_docx/.

    \b
    Ví dụ:
      docgen kiem-tra-mau
      docgen kiem-tra-mau templates_docx/to-trinh.docx
    """
    from docgen.checks.template import check_template

    campaign = load_campaign(campaign_path)
    paths = files or _templates(workspace)
    found = 0
    for path in paths:
        problems = check_template(path, campaign)
        found += len(problems)
        click.echo(f"{path}: {'không có lỗi' if not problems else f'{len(problems)} lỗi'}")
        for problem in problems:
            click.echo(
                f"  - [{problem.code}] {problem.message}"
                + (f" Đoạn: “{problem.paragraph}”" if problem.paragraph else "")
            )
    sys.exit(1 if found else 0)


def _templates(workspace: Workspace) -> tuple[Path, ...]:
    folder = workspace.templates
    if not folder.is_dir():
        missing = TemplateError(f"Không tìm thấy thư mục mẫu văn bản: {folder.absolute()}")
        raise not_found(missing, folder)
    return tuple(sorted(folder.glob("*.docx")))


@click.command("kiem-tra-dinh-dang")
@WORKSPACE_OPTION
@FILES
@aborts_cleanly
def check_format(workspace: Workspace, files: tuple[Path, ...]) -> None:
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020 (khổ giấy, lề, phông, cỡ chữ…).

    \b
    Ví dụ:
      docgen kiem-tra-dinh-dang output/kh19-2023-cchc/thanh-pho/to-trinh.docx
      docgen kiem-tra-dinh-dang templates_docx/*.docx
    """
    from docgen.checks.docx_format import check_docx

    if not files:
        raise click.UsageError("Hãy ghi ít nhất một tệp .docx cần kiểm tra.")
    found = 0
    for given in files:
        path = given if given.exists() else workspace.root / given
        problems = check_docx(path)
        found += len(problems)
        click.echo(
            f"{path}: {'đúng thể thức' if not problems else f'{len(problems)} lỗi thể thức'}"
        )
        for problem in problems:
            click.echo(f"  - [{problem.code}] {problem.message} — {problem.where()}")
    sys.exit(1 if found else 0)
