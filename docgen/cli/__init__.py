"""The `docgen` command line: a thin shell over the library.

Each command parses options, calls one library function, prints a summary and maps errors
to exit codes: 0 ok, 1 data problems found, 2 usage, configuration or template error.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen — lập hồ sơ thi đua, khen thưởng từ phiếu nhập Excel.

    \b
    Quy trình: mau-nhap → (các đơn vị điền, gửi lại vào input/phieu/)
    → kiem-tra → tong-hop → (thư ký ghi phiếu bầu vào input/hop-xet.xlsx) → ho-so
    """


def _register() -> None:
    """Attach every command module's commands to the group (one module per command family)."""
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register()
