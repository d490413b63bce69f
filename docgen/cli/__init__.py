"""The `docgen` command line: a thin shell over the library.

Each command parses options, calls one library function, prints a summary and maps errors
to exit codes: 0 ok, 1 data problems found, 2 usage, configuration or template error.
"""

from __future__ import annotations

import click

from docgen.cli import (
    archive,
    campaign,
    certificates,
    checks,
    click_vi,
    dossiers,
    history,
    intake,
    mail,
    meeting,
    validate,
    web,
    wrapup,
)
from docgen.cli.group import DocgenGroup, help_page


@click.group(
    "docgen",
    cls=DocgenGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(
    package_name="docgen",
    message=click_vi.gettext("%(prog)s, version %(version)s"),
    help=click_vi.gettext("Show the version and exit."),
)
@click.pass_context
def main(ctx: click.Context) -> None:
    """docgen — lập hồ sơ thi đua, khen thưởng từ phiếu nhập Excel.

    \b
    Cách dễ nhất: docgen giao-dien — làm cả đợt trên trang trong trình duyệt.
    Quy trình: chien-dich-moi → mau-nhap → (các đơn vị điền, gửi lại qua thư) → nhan-thu
    → kiem-tra → tra-loi → tong-hop → (thư ký ghi phiếu bầu vào input/hop-xet.xlsx) → ho-so
    → pdf → (người ký ký) → luu-tru → so-van-ban-di

    \b
    Ví dụ:
      docgen kiem-tra
      docgen ho-so --thu-muc "D:\\Thi đua\\Phường Tiến Thành\\kh05-2026"
      docgen kiem-tra --help
    """
    if ctx.invoked_subcommand is None:
        help_page(ctx)


# Every command, in the order of the clerk's workflow. A new command module adds its line here.
COMMANDS: tuple[click.Command, ...] = (
    campaign.new_campaign,  # chien-dich-moi
    web.web,  # giao-dien: the clerk's page over every step below
    intake.intake_template,  # mau-nhap
    mail.receive,  # nhan-thu
    validate.validate,  # kiem-tra
    mail.reply,  # tra-loi
    meeting.consolidate,  # tong-hop
    meeting.results,  # ket-qua
    dossiers.dossiers,  # ho-so
    certificates.certificates,  # giay-khen
    archive.pdf,  # pdf
    archive.archive,  # luu-tru
    archive.printed_books,  # so-van-ban-di
    history.history,  # lich-su
    wrapup.wrap_up,  # tong-ket
    checks.check_campaign,  # kiem-tra-chien-dich
    checks.check_templates,  # kiem-tra-mau
    checks.check_format,  # kiem-tra-dinh-dang
)
for _command in COMMANDS:
    main.add_command(_command)
