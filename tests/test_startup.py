"""A command loads only what it needs (issue 18): help, the version and the campaign check start
without the heavy libraries, and only the commands that verify signatures or read mail import
pyHanko or the mail stack. Not timed here: `make bench` measures start-up next to its floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# What a command imports, as the clerk starts it: a fresh interpreter running `docgen ARGV`.
PROBE = """
import json, sys
from docgen.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))
"""
DOCUMENT_STACK = {"openpyxl", "lxml", "docx", "docxtpl", "jinja2", "python_calamine", "xlrd"}
SIGNATURE_AND_MAIL = {"pyhanko", "pyhanko_certvalidator", "aiohttp", "extract_msg", "signxml"}
EVERYTHING_HEAVY = DOCUMENT_STACK | SIGNATURE_AND_MAIL | {"cryptography"}


def loaded(argv: list[str], cwd: Path) -> set[str]:
    """The top-level modules imported by running `docgen argv` in `cwd`."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], cwd=cwd, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--version"], [], ["kiem-tra-chien-dich"], ["ho-so", "--help"]],
    ids=["help", "version", "bare", "kiem-tra-chien-dich", "ho-so-help"],
)
def test_starting_up_imports_no_heavy_library(argv: list[str], example_workspace: Path) -> None:
    assert loaded(argv, example_workspace) & EVERYTHING_HEAVY == set()


@pytest.mark.parametrize(
    ("argv", "proof"),
    [(["kiem-tra", "--khong-phan-hoi"], "openpyxl"), (["tong-hop"], "openpyxl"),
     (["ket-qua"], "openpyxl"), (["ho-so"], "openpyxl"), (["mau-nhap"], "openpyxl"),
     (["luu-tru", "--kiem-tra"], "sqlite3"), (["so-van-ban-di"], "openpyxl")],
    ids=["kiem-tra", "tong-hop", "ket-qua", "ho-so", "mau-nhap", "luu-tru-kiem-tra", "so-van-ban-di"],
)  # fmt: skip
def test_only_signature_and_mail_commands_load_their_stack(
    argv: list[str], proof: str, example_workspace: Path
) -> None:
    found = loaded(argv, example_workspace)
    assert found & SIGNATURE_AND_MAIL == set()
    assert proof in found  # the probe sees what the command really loaded
