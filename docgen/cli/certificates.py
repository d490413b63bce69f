"""`docgen giay-khen`: the certificates of the levels the ward decides, as .docx and PDF."""

from __future__ import annotations

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

if TYPE_CHECKING:
    from docgen.workspace import Workspace

_WRITTEN = {
    "created": "đã ghi",
    "overwritten": "đã ghi đè",
    "unchanged": "không đổi",
    "copy": "tệp cũ đã khác nên ghi bên cạnh",
}


@click.command("giay-khen")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@click.option("--tren-phoi", "blank", is_flag=True, help="Chỉ in chữ lên phôi Giấy khen in sẵn.")
@click.option("--trang-thu", "test", is_flag=True, help="In trang thử để cân lề phôi.")
@click.option("--lech-ngang", "right", type=float, help="Dịch sang phải (mm, âm: sang trái).")
@click.option("--lech-doc", "down", type=float, help="Dịch xuống (mm, âm: lên trên).")
@click.option("--khong-pdf", "no_pdf", is_flag=True, help="Không chuyển sang PDF.")
@click.option("--ghi-de", "force", is_flag=True, help="Ghi đè tệp đã có (kể cả đã sửa tay).")
@aborts_cleanly
@writes_workspace("giay-khen")
def certificates(
    workspace: Workspace,
    campaign_path: Path,
    blank: bool,
    test: bool,
    right: float | None,
    down: float | None,
    no_pdf: bool,
    force: bool,
) -> None:
    """In Giấy khen: mỗi tập thể, cá nhân một trang, kèm bản PDF.

    Lập cho các cấp phường tự quyết định, theo kết quả họp xét và số, ngày quyết định văn thư
    ghi trong input/hop-xet.xlsx. Mặc định in trên giấy trắng (đủ hình thức); --tren-phoi chỉ
    in chữ lên phôi in sẵn, dịch theo độ lệch ghi trong giay-khen.toml ở thư mục phường
    (lech_ngang, lech_doc, mm) hoặc theo --lech-ngang, --lech-doc.

    \b
    Ví dụ:
      docgen giay-khen
      docgen giay-khen --tren-phoi --trang-thu
      docgen giay-khen --tren-phoi --lech-ngang 1.5 --lech-doc -2
    """
    from docgen.award.certificate import Design
    from docgen.award.layout import read_placement
    from docgen.award.printing import print_certificates, print_test_page

    campaign = load_campaign(campaign_path)
    placement = read_placement(workspace.ward, right, down)
    if test:
        path, status = print_test_page(campaign, workspace, placement, force)
        click.echo(f"Trang thử cân lề phôi: {path} ({_WRITTEN[status]}).")
        _pdf([path], no_pdf)
        return
    design = Design.BLANK if blank else Design.PLAIN
    printed = print_certificates(campaign, workspace, design, placement, force)
    if not printed:
        click.echo("Không có cấp nào phường tự quyết định có người được đề nghị: không in gì.")
    for item in printed:
        click.echo(f"{item.level}: {item.pages} giấy khen — {item.path} ({_WRITTEN[item.status]}).")
        if not item.numbered:
            click.secho(
                "  Quyết định chưa có số, ngày: giấy khen để trống chỗ số và ngày; văn thư ghi "
                "số, ngày vào trang “Số văn bản” của input/hop-xet.xlsx rồi chạy lại.",
                fg="yellow",
            )
    _pdf([item.path for item in printed], no_pdf)


def _pdf(paths: list[Path], skip: bool) -> None:
    if skip or not paths:
        return
    from docgen.convert import convert_to_pdf

    result = convert_to_pdf(paths, force=True)
    for path in result.written:
        click.echo(f"PDF: {path}")
    for path in result.failed:
        click.secho(f"Không chuyển được sang PDF: {path}", fg="red")
