"""`docgen nhan-thu` (workbooks from mail into input/phieu/) and `docgen tra-loi` (replies)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime
from itertools import chain
from pathlib import Path

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    SUBMISSIONS_OPTION,
    WORKSPACE_OPTION,
    F,
    UsageProblem,
    aborts_cleanly,
    load_campaign,
    writes_workspace,
)
from docgen.text import typed_day
from docgen.workspace import Workspace

PASSWORD_ENV = "DOCGEN_MAIL_PASSWORD"


def password_for(user: str, host: str) -> str:
    """From the environment, else typed at a hidden prompt; never stored, never printed."""
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise UsageProblem(
            f"Chưa có mật khẩu thư của {user} tại {host}: đặt biến môi trường {PASSWORD_ENV} "
            "hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu."
        )
    return str(click.prompt(f"Mật khẩu thư của {user} tại {host}", hide_input=True))


def _day(value: str | None) -> date | None:
    if not value:
        return None
    day = typed_day(value)
    if day is None:
        raise UsageProblem(
            f"--tu-ngay: “{value}” không phải ngày dạng ngày/tháng/năm, ví dụ 01/12/2023."
        )
    return day


def server_options(
    flag: str, server_help: str, port: tuple[int, str], user_help: str
) -> Callable[[F], F]:
    """The mail server options of a command: `flag` MÁY_CHỦ, `--cong`, `--tai-khoan`."""
    options = (
        click.option(flag, "host", default=None, metavar="MÁY_CHỦ", help=server_help),
        click.option("--cong", "port", default=port[0], show_default=True, help=port[1]),
        click.option("--tai-khoan", "user", default=None, metavar="TÊN", help=user_help),
    )

    def apply(command: F) -> F:
        for option in reversed(options):  # as stacked decorators: the first one listed first
            command = option(command)
        return command

    return apply


@click.command("nhan-thu")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@SUBMISSIONS_OPTION
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@server_options(
    "--imap",
    "Máy chủ IMAP của hộp thư, ví dụ imap.gmail.com.",
    (993, "Cổng IMAP (TLS)."),
    "Tên đăng nhập (thường là địa chỉ thư).",
)
@click.option(
    "--hop-thu",
    "mailbox",
    default="INBOX",
    show_default=True,
    metavar="HỘP_THƯ",
    help="Thư mục thư cần đọc.",
)
@click.option(
    "--tu-ngay",
    "since",
    default=None,
    metavar="NGÀY",
    help="Chỉ đọc thư từ ngày này (ngày/tháng/năm).",
)
@click.option(
    "--khoi-phuc",
    "restore",
    is_flag=True,
    help="Chép lại phiếu đã nhận mà không còn trong thư mục phiếu, từ thư đã nhận (không ghi "
    "nguồn thì đọc lại các thư đã lưu ghi trong nhật ký).",
)
@aborts_cleanly
@writes_workspace("nhan-thu")
def receive(
    workspace: Workspace,
    campaign_path: Path,
    folder: Path,
    sources: tuple[Path, ...],
    host: str | None,
    port: int,
    user: str | None,
    mailbox: str,
    since: str | None,
    restore: bool,
) -> None:
    """Nhận phiếu Excel đính kèm trong thư vào thư mục phiếu, không sửa tệp nào.

    Đọc thư đã lưu (.eml, Outlook .msg), hộp thư xuất ra (mbox, Maildir) hoặc một hộp thư
    IMAP (chỉ đọc: không đánh dấu đã đọc, không xóa gì trên máy chủ). Mỗi thư, mỗi tệp đính
    kèm được ghi vào nhật ký input/thu-nhan.csv; tệp trùng chỉ nhập một lần. Mật khẩu IMAP lấy
    từ biến môi trường DOCGEN_MAIL_PASSWORD hoặc được hỏi khi chạy, không bao giờ được lưu.

    \b
    Phiếu đã nhận bị xóa hay chuyển khỏi thư mục phiếu: --khoi-phuc chép lại đúng tệp đó từ
    thư đã nhận (đối chiếu SHA-256 trong nhật ký).

    \b
    Ví dụ:
      docgen nhan-thu ~/Tải\\ xuống/*.eml
      docgen nhan-thu thu-da-luu/ hop-thu.mbox
      docgen nhan-thu --imap imap.gmail.com --tai-khoan thiduakhenthuong@gmail.com --tu-ngay 01/12/2023
      docgen nhan-thu --khoi-phuc
    """
    from docgen.mail.imap import Account, fetch
    from docgen.mail.importer import import_messages
    from docgen.mail.journal import journal_for
    from docgen.mail.message import Envelope, Incoming, Unreadable
    from docgen.mail.restore import saved_again
    from docgen.mail.sources import read_paths
    from docgen.mail.summary import import_lines

    campaign = load_campaign(campaign_path)  # from the wrong folder: says where it looked
    journal = journal_for(folder)
    dropped: list[Incoming] = []  # workbooks dropped on the page, from the copies it kept
    if restore and not host and not sources:
        saved, dropped = saved_again(journal, folder)
        sources = tuple(saved)
        if not sources and not dropped:
            raise UsageProblem(
                "Không có thư đã lưu nào để chép lại phiếu (không có phiếu nào bị mất, hoặc thư "
                "được nhận qua IMAP): ghi thư/hộp thư đã nhận, hoặc --imap MÁY_CHỦ --tai-khoan TÊN."
            )
    if bool(host) == bool(sources or dropped):
        raise UsageProblem(
            "Hãy ghi các tệp/thư mục thư cần đọc, hoặc --imap MÁY_CHỦ (một trong hai)."
        )
    items: Iterable[Incoming | Unreadable | Envelope]
    if host:
        account = Account(host, user or campaign.contacts.address, port, mailbox, _day(since))
        if not account.user:
            raise UsageProblem("Hãy ghi --tai-khoan (tên đăng nhập hộp thư).")
        items = fetch(account, password_for(account.user, host))
    else:
        items = chain(read_paths(list(sources)), dropped)
    result = import_messages(
        items, folder, journal, campaign.contacts.book(), datetime.now().astimezone(), restore
    )
    for line in import_lines(result, folder, journal):
        click.echo(line)
    sys.exit(1 if result.problems else 0)


@click.command("tra-loi")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@SUBMISSIONS_OPTION
@click.option(
    "--gui", "send", is_flag=True, help="Gửi các thư đã soạn (mặc định: chỉ soạn, không gửi)."
)
@server_options(
    "--smtp",
    "Máy chủ gửi thư (SMTP, STARTTLS), ví dụ smtp.gmail.com.",
    (587, "Cổng SMTP (STARTTLS)."),
    "Tên đăng nhập (mặc định: địa chỉ [mail] của tệp chiến dịch).",
)
@aborts_cleanly
@writes_workspace("tra-loi")
def reply(
    workspace: Workspace,
    campaign_path: Path,
    folder: Path,
    send: bool,
    host: str | None,
    port: int,
    user: str | None,
) -> None:
    """Soạn thư phản hồi cho từng đơn vị (tệp .eml, kèm tệp phản hồi), gửi khi có --gui.

    Kiểm tra lại các phiếu như "docgen kiem-tra", rồi soạn cho mỗi đơn vị một thư gửi người đã
    gửi phiếu (hoặc địa chỉ của đơn vị trong tệp chiến dịch) vào output/<mã chiến dịch>/tra-loi/:
    mở bằng Outlook/Thunderbird để xem, sửa, gửi. Với --gui, docgen gửi luôn qua SMTP (STARTTLS);
    thư đã gửi được ghi vào nhật ký input/thu-nhan.csv và không bị gửi lại lần sau. Mật khẩu lấy
    từ biến môi trường DOCGEN_MAIL_PASSWORD hoặc được hỏi khi chạy, không bao giờ được lưu.

    \b
    Ví dụ:
      docgen tra-loi
      docgen tra-loi --gui --smtp smtp.gmail.com --tai-khoan thiduakhenthuong@gmail.com
    """
    from docgen.feedback.outbox import reply_all
    from docgen.mail.smtp import Server
    from docgen.mail.summary import reply_lines

    if send and not host:
        raise UsageProblem("Hãy ghi --smtp MÁY_CHỦ để gửi thư (ví dụ --smtp smtp.gmail.com).")
    campaign = load_campaign(campaign_path)
    smtp = None
    if send and host:
        server = Server(host, user or campaign.contacts.address, port)
        smtp = (server, password_for(server.user, host))
    out = workspace.output(campaign.id)
    replies = reply_all(campaign, folder, workspace.ward, out, datetime.now().astimezone(), smtp)
    lines, problems = reply_lines(replies, sent=send)
    for line in lines:
        click.echo(line)
    sys.exit(1 if problems else 0)


COMMANDS = [receive, reply]
