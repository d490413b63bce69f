"""The README stays true: every command with help and an example, every code in the table."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.issues.codes import CODES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Ví dụ" in result.output
    assert f"docgen {name}" in result.output
    assert f"docgen {name}" in README or f"`{name}`" in README


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_in_the_readme_table(code: str) -> None:
    entry = CODES[code]
    assert (
        f"| `{code}` | {'lỗi' if entry.severity == 'error' else 'cảnh báo'} | {entry.title} | {entry.hint} |"
        in README
    )


def test_readme_shows_the_two_commands() -> None:
    assert "make dossiers" in README and "make test" in README


def test_the_workflow_table_needs_no_make() -> None:
    """A clerk's workspace has no Makefile: every step of the workflow is a docgen command."""
    table = README.split("## Quy trình làm việc", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 14
    for row in rows:
        command = row.rstrip(" |").rsplit("|", 1)[1]
        assert "make" not in command, row
        assert command.strip() == "—" or "docgen " in command, row


def test_the_help_shows_the_clerk_s_order_and_a_campaign_folder() -> None:
    """The workflow as the README's table has it (PDF for signing, then the signature), and
    examples that point at a campaign folder, never at the program's (nor at make)."""
    main_help = CliRunner().invoke(main, ["--help"]).output
    assert "Quy trình: chien-dich-moi → mau-nhap" in main_help
    assert main_help.index("→ pdf →") < main_help.index("(người ký ký) → luu-tru")
    for argv in (["--help"], ["ho-so", "--help"]):
        shown = CliRunner().invoke(main, argv).output
        assert "make dossiers" not in shown and 'Thi đua\\docgen"' not in shown
        assert '--thu-muc "D:\\Thi đua\\Phường Tiến Thành\\kh05-2026"' in shown
    workspace = CliRunner().invoke(main, ["kiem-tra", "--help"]).output
    assert "DOCGEN_THU_MUC" in workspace and "Mặc định: thư mục hiện tại." not in workspace
