"""Issue codes and document kinds are enum members: a misspelt one, or an issue code passed as
a string, fails mypy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

GOOD = """
from docgen.campaign.model import DocKind
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place

make_issue(Code.CELL_REQUIRED, Place("a.xlsx"))
"""


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        (
            'make_issue(Code.CELL_REQUIRD, Place("a.xlsx"))',
            '"type[Code]" has no attribute "CELL_REQUIRD"',
        ),
        (
            'make_issue("CELL_REQUIRED", Place("a.xlsx"))',
            'incompatible type "str"; expected "Code"',
        ),
        ("kinds = [DocKind.PROPOSL]", '"type[DocKind]" has no attribute "PROPOSL"'),
    ],
    ids=["misspelt-member", "string", "misspelt-kind"],
)
def test_mypy_rejects_a_code_that_is_not_a_member(
    tmp_path: Path, line: str, complaint: str
) -> None:
    good = tmp_path / "good.py"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text(GOOD + line + "\n", encoding="utf-8")
    status, out = _mypy(good)
    assert status == 0, out  # the snippet itself is well typed
    reveal = tmp_path / "reveal.py"
    reveal.write_text(GOOD + "reveal_type(Code.CELL_REQUIRED)\n", encoding="utf-8")
    assert "Literal[docgen.issues.codes.Code.CELL_REQUIRED]" in _mypy(reveal)[1]  # docgen was read
    status, out = _mypy(bad)
    assert status == 1
    assert complaint in out and "bad.py:7:" in out, out


def _mypy(path: Path) -> tuple[int, str]:
    """mypy with the project's settings on one file; docgen read from its source."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")),
            *("--cache-dir", str(path.parent / ".mypy_cache")),  # its own: tests run in parallel
            str(path),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(ROOT)},
        cwd=ROOT,
        timeout=300,
    )
    return done.returncode, done.stdout
