"""Pieces every command shares: the workspace, common options, clean aborts.

How a command uses them:

    @click.command("ten-lenh")
    @WORKSPACE_OPTION            # --thu-muc: gives `workspace: Workspace`
    @CAMPAIGN_OPTION             # --chien-dich: gives `campaign_path`, defaulting inside the workspace
    @aborts_cleanly              # DocgenError / OSError / Ctrl+C → one Vietnamese line, exit code
    def command(workspace: Workspace, campaign_path: Path) -> None:
        \"\"\"… Ví dụ: … (every command's help has an example, and a line in the README).\"\"\"

- Paths inside the workspace come from `workspace` (`workspace.output(campaign.id)`), never
  from the current folder; options defaulting into the workspace take `default=None` and a
  callback from `in_workspace(...)`.
- A command that forgets `WORKSPACE_OPTION` still gets `--thu-muc` (the `docgen` group adds it,
  unexposed), so every command takes it and `--chien-dich`/`--phieu` defaults follow it.
- When a library abort says a file or folder is missing (`DocgenError.looked_for`), the command
  prints the full path, the workspace it used and how to point at another one.
- Printing: `click.echo` (the group makes the console degrade, not crash); JSON through
  `console.emit_json` (UTF-8 bytes whatever the code page). See `docgen/cli/console.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from docgen.errors import DocgenError
from docgen.lock import workspace_lock
from docgen.oserror import advice, describe
from docgen.workspace import CAMPAIGN_FILE, Workspace, campaigns_in

if TYPE_CHECKING:
    from docgen.campaign import Campaign

F = TypeVar("F", bound=Callable[..., Any])
WORKSPACE_KEY = "docgen.workspace"
WORKSPACE_HELP = "Thư mục làm việc (chứa input/, templates_docx/, output/)."


class UsageProblem(DocgenError):
    """A command called wrongly (a missing option or password, a path that does not exist, a
    date not in dd/mm/yyyy): one Vietnamese line, exit 2, no English usage banner."""

    def __init__(self, message: str) -> None:
        super().__init__("USAGE", message)


def current_workspace(ctx: click.Context | None = None) -> Workspace:
    """The workspace of the running command (the current folder when none was given)."""
    ctx = ctx or click.get_current_context(silent=True)
    found = ctx.meta.get(WORKSPACE_KEY) if ctx else None
    return found if isinstance(found, Workspace) else Workspace.find()


def _set_workspace(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Workspace:
    workspace = Workspace.find(value)
    ctx.meta[WORKSPACE_KEY] = workspace
    return workspace


def workspace_option(expose_value: bool = True) -> Callable[[F], F]:
    """`--thu-muc` (or the DOCGEN_THU_MUC environment variable), read before every other option."""
    return click.option(
        "--thu-muc",
        "workspace",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        envvar="DOCGEN_THU_MUC",
        show_envvar=False,
        is_eager=True,
        expose_value=expose_value,
        callback=_set_workspace,
        metavar="THƯ_MỤC",
        help=WORKSPACE_HELP
        + " Mặc định: biến môi trường DOCGEN_THU_MUC, rồi thư mục hiện tại hoặc thư mục gần nhất"
        " phía trên có input/campaign.toml.",
    )


WORKSPACE_OPTION = workspace_option()


def load_campaign(path: Path) -> Campaign:
    """The campaign file at `path`, its reader imported on first use (help needs none of it);
    says on stderr which workspace and campaign the command works on."""
    from docgen.campaign import load_campaign as load

    campaign = load(path)
    announce(campaign.id, path)
    return campaign


def announce(campaign_id: str, path: Path) -> None:
    """One line on stderr: the workspace and the campaign this command works on."""
    root = current_workspace().root.absolute()
    click.echo(f"Thư mục làm việc: {root} — chiến dịch “{campaign_id}” ({path})", err=True)


def in_workspace(where: Callable[[Workspace], Path]) -> Callable[..., Path]:
    """An option callback: the value given, or its default place inside the workspace."""

    def resolve(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path:
        return value if value is not None else where(current_workspace(ctx))

    return resolve


CAMPAIGN_OPTION = click.option(
    "--chien-dich",
    "campaign_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    callback=in_workspace(lambda ws: ws.campaign),
    metavar="TỆP",
    help="Tệp chiến dịch (TOML). Mặc định: input/campaign.toml trong thư mục làm việc.",
)

SUBMISSIONS_OPTION = click.option(
    "--phieu",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    callback=in_workspace(lambda ws: ws.submissions),
    metavar="THƯ_MỤC",
    help="Thư mục chứa các phiếu nhập đơn vị gửi về. Mặc định: input/phieu trong thư mục làm việc.",
)


def out_option(help_text: str) -> Callable[[F], F]:
    """The `--ra TỆP` option of a command that writes one file; `help_text` names its default."""
    return click.option(
        "--ra",
        "out",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="TỆP",
        help=help_text,
    )


JSON_FILE_OPTION = click.option(
    "--json-ra",
    "json_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="TỆP",
    help="Ghi kết quả dạng JSON (UTF-8) vào TỆP (dùng thay cho “--json > TỆP” trong PowerShell).",
)

FORCE_OPTION = click.option(
    "--ghi-de", "force", is_flag=True, help="Ghi đè tệp đã có (mặc định: ghi sang tệp -2, -3 …)."
)


def where_hint(missing: Path, said: str = "") -> str:
    """Where the command looked (unless `said` shows it) and, when the folder is not a
    workspace at all, how to point the command at one. In a workspace, a missing file is a
    step not done yet (the message says which), not a wrong folder."""
    ctx = click.get_current_context(silent=True)
    workspace = current_workspace(ctx)
    looked = "" if str(missing.absolute()) in said else f"Đã tìm ở: {missing.absolute()}\n"
    if workspace.campaign.is_file():
        return looked.rstrip("\n")
    command = ctx.command_path if ctx else "docgen"
    found = campaigns_in(workspace.root)  # standing in the ward folder, one level too high
    if found:
        names = ", ".join(c.name for c in found)
        latest = max(found, key=lambda c: (c.joinpath(CAMPAIGN_FILE).stat().st_mtime, c.name))
        return (
            f"{looked}Thư mục làm việc đang dùng: {workspace.root.absolute()} — đây là thư mục "
            f"phường, các đợt nằm trong các thư mục con: {names}.\n"
            f'Hãy vào thư mục của đợt rồi chạy lại, ví dụ: cd "{latest.absolute()}"\n'
            f'hoặc chỉ rõ thư mục đó: {command} --thu-muc "{latest.absolute()}"'
        )
    return (
        f"{looked}Thư mục làm việc đang dùng: {workspace.root.absolute()}\n"
        "Hãy chạy lệnh trong thư mục làm việc của đợt (thư mục có input/campaign.toml),\n"
        f'hoặc chỉ rõ thư mục đó: {command} --thu-muc "<đường dẫn thư mục làm việc>"\n'
        "(hoặc đặt biến môi trường DOCGEN_THU_MUC một lần cho mọi lệnh)."
    )


def aborts_cleanly(func: F) -> F:
    """Turn an abort into one clear line and an exit code, never a traceback.

    DocgenError: its own message (exit 2), and where it looked when something was missing.
    OSError (a folder that cannot be written, a file held open by Excel): what failed and on
    which file (exit 2). Ctrl+C: a short line (130).
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DocgenError as exc:
            click.secho(f"Lỗi: {exc}", fg="red", err=True)
            hint = where_hint(exc.looked_for, str(exc)) if exc.looked_for is not None else ""
            if hint:
                click.echo(hint, err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            click.secho(f"Lỗi: {describe(exc)}", fg="red", err=True)
            click.echo(advice(exc), err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("\nĐã dừng theo yêu cầu; tệp đang ghi dở không được giữ lại.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def writes_workspace(
    command: str, when: Callable[[dict[str, Any]], bool] | None = None
) -> Callable[[F], F]:
    """Run the command holding the workspace lock (`docgen.lock`); place it under
    `aborts_cleanly` so a busy workspace ends with its message. The workspace is the one
    `--thu-muc` named (else the current folder); `when` says, from the options, whether
    this run writes at all."""

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if when is not None and not when(kwargs):
                return func(*args, **kwargs)
            with workspace_lock(current_workspace().root / "output", command):
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
