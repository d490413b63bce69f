"""Exceptions that abort a command; the CLI turns each into one clear Vietnamese line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

E = TypeVar("E", bound="DocgenError")


class DocgenError(Exception):
    """Base of every abort: a stable `code` and a Vietnamese `message` for the clerk."""

    exit_code = 2
    #: The file or folder that was looked for and not found, when that is why the command stopped
    #: (the CLI then says which workspace it used and how to point it at another).
    looked_for: Path | None = None

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


def not_found(error: E, path: Path) -> E:
    """`error`, marked as caused by `path` not being where it was looked for."""
    error.looked_for = path
    return error


class ProblemsError(DocgenError):
    """An abort that lists its problems, one per line under the message."""

    CODE = "INVALID"

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(self.CODE, message)
        self.problems = problems or []
        self.after = ""  # a line after the problems: what was kept, how to go on

    def __str__(self) -> str:
        lines = [self.message, *(f"  - {p}" for p in self.problems)]
        return "\n".join([*lines, self.after] if self.after else lines)


class CampaignError(ProblemsError):
    """The campaign file is missing, not TOML, or does not describe a usable campaign."""

    CODE = "CAMPAIGN_INVALID"


class TemplateError(ProblemsError):
    """A Word template is missing or cannot be rendered with the data it receives."""

    CODE = "TEMPLATE_INVALID"


class OutputError(DocgenError):
    """An output cannot be written safely (hand-edited file, unwritable folder)."""

    def __init__(self, message: str) -> None:
        super().__init__("OUTPUT_BLOCKED", message)
