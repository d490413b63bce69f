"""Pieces every command shares: default workspace, common options, clean aborts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from docgen.errors import DocgenError
from docgen.lock import workspace_lock
from docgen.oserror import advice, describe
from docgen.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])
WS = Workspace()

CAMPAIGN_OPTION = click.option(
    "--chien-dich",
    "campaign_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=WS.campaign,
    show_default=True,
    help="Tệp chiến dịch (TOML).",
)


def aborts_cleanly(func: F) -> F:
    """Turn an abort into one clear line and an exit code, never a traceback.

    DocgenError: its own message (exit 2). OSError (a folder that cannot be written, a file
    held open by Excel): what failed and on which file (exit 2). Ctrl+C: a short line (130).
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DocgenError as exc:
            click.secho(f"Lỗi: {exc}", fg="red", err=True)
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
    `aborts_cleanly` so a busy workspace ends with its message. The workspace is the
    command's `root` option when it has one, else the current folder; `when` says, from
    the options, whether this run writes at all."""

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if when is not None and not when(kwargs):
                return func(*args, **kwargs)
            with workspace_lock(
                Workspace(kwargs.get("root") or Path(".")).root / "output", command
            ):
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


FORCE_OPTION = click.option(
    "--ghi-de", "force", is_flag=True, help="Ghi đè tệp đã có (mặc định: ghi sang tệp -2, -3 …)."
)

SUBMISSIONS_OPTION = click.option(
    "--phieu",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=WS.submissions,
    show_default=True,
    help="Thư mục chứa các phiếu nhập đơn vị gửi về.",
)
