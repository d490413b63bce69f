"""The `docgen` command line: a thin shell over the library.

Each command parses options, calls one library function, prints a summary and maps errors
to exit codes: 0 ok, 1 data problems found, 2 usage, configuration or template error.
"""

from __future__ import annotations

import click

from docgen.cli import archive, campaign, checks, dossiers, intake, mail, meeting, validate, web
from docgen.cli.group import DocgenGroup, help_page


@click.group(
    "docgen",
    cls=DocgenGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(package_name="docgen")
@click.pass_context
def main(ctx: click.Context) -> None:
    """docgen — lập hồ sơ thi đua, khen thưởng từ phiếu nhập Excel.

    \b
    Cách dễ nhất: docgen giao-dien — làm cả đợt trên trang trong trình duyệt.
    Quy trình: mau-nhap → (các đơn vị điền, gửi lại qua thư) → nhan-thu
    → kiem-tra → tra-loi → tong-hop → (thư ký ghi phiếu bầu vào input/hop-xet.xlsx) → ho-so
    → (ký) → pdf → luu-tru → so-van-ban-di

    \b
    Ví dụ:
      docgen kiem-tra
      docgen ho-so --thu-muc "D:\\Thi đua\\docgen"
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
    archive.pdf,  # pdf
    archive.archive,  # luu-tru
    archive.registers,  # so-van-ban-di
    checks.check_campaign,  # kiem-tra-chien-dich
    checks.check_templates,  # kiem-tra-mau
    checks.check_format,  # kiem-tra-dinh-dang
)
for _command in COMMANDS:
    main.add_command(_command)
