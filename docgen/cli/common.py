"""Pieces every command shares: default workspace, common options, clean aborts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from docgen.errors import DocgenError
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
    """Turn a DocgenError into one clear line and exit code 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DocgenError as exc:
            click.secho(f"Lỗi: {exc}", fg="red", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


SUBMISSIONS_OPTION = click.option(
    "--phieu",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=WS.submissions,
    show_default=True,
    help="Thư mục chứa các phiếu nhập đơn vị gửi về.",
)
