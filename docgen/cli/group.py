"""The `docgen` command group: Vietnamese help, safe console, workspace option on every command."""

from __future__ import annotations

from typing import Any

import click

from docgen.cli import click_vi
from docgen.cli.common import workspace_option
from docgen.cli.console import prepare_streams
from docgen.liblogs import quiet_library_logs

OPTIONS_METAVAR = "[TÙY CHỌN]"
# Metavars click derives from a type's English name; path types are named by click_vi.
TYPE_METAVARS = {
    "text": "CHỮ",
    "integer": "SỐ",
    "integer range": "SỐ",
    "float": "SỐ",
    "float range": "SỐ",
    "boolean": "CÓ|KHÔNG",
    "datetime": "NGÀY",
    "tệp": "TỆP",
    "thư mục": "THƯ_MỤC",
    "đường dẫn": "ĐƯỜNG_DẪN",
}


class DocgenGroup(click.Group):
    """Lists commands in the order they were added (the clerk's workflow), not alphabetically.

    Every added command gets the Vietnamese "[TÙY CHỌN]" and metavars, and `--thu-muc` when
    it does not declare it; `main` makes the console degrade instead of crashing first, and
    makes click speak Vietnamese and other libraries' log records stay quiet while it runs.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI SỐ]...")
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        prepare_streams()
        with click_vi.vietnamese(), quiet_library_logs():
            return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.options_metavar = OPTIONS_METAVAR
        if not any(p.name == "workspace" for p in cmd.params):
            workspace_option(expose_value=False)(cmd)
        click_vi.name_path_types(cmd)
        for param in cmd.params:
            _vietnamese_metavar(param)
        super().add_command(cmd, name)


def _vietnamese_metavar(param: click.Parameter) -> None:
    if param.metavar is not None or getattr(param, "is_flag", False):
        return
    if isinstance(param.type, click.Choice):
        return  # shows its values: [nop|ten]
    name = TYPE_METAVARS.get(param.type.name, param.type.name.upper())
    if isinstance(param, click.Argument):
        name = name if param.required else f"[{name}]"
        name += "..." if param.nargs != 1 else ""
    param.metavar = name


def help_page(ctx: click.Context) -> None:
    """Print the group's help (bare `docgen`) and end with exit code 0."""
    click.echo(ctx.get_help())
    ctx.exit(0)
