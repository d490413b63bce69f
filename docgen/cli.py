"""The `docgen` command line: a thin shell over the library."""

import click


@click.group()
def main() -> None:
    """docgen — lập hồ sơ thi đua, khen thưởng từ phiếu nhập Excel."""
