"""The validation record: one problem found in one place of one received file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """Errors block a nomination; warnings are shown but do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value came from: file name, sheet, Excel row, column letter and header."""

    file: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""

    def label(self) -> str:
        """Human label such as `khoi-vh.xlsx › Cá nhân › dòng 5 › cột D (Ngày sinh)`."""
        parts = [self.file]
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}" + (f" ({self.header})" if self.header else ""))
        return " › ".join(parts)


@dataclass(frozen=True, slots=True)
class ValidationIssue:
    """One problem: stable code, severity, place, value as read, message and hint."""

    code: str
    severity: Severity
    place: Place
    message: str
    hint: str = ""
    value: str = ""
    reply: tuple[str, str] | None = None  # (message, hint) for the department, when they differ

    def to_department(self) -> ValidationIssue:
        """The issue as a department reads it in its feedback: no note meant for the clerk."""
        if self.reply is None:
            return self
        message, hint = self.reply
        return ValidationIssue(self.code, self.severity, self.place, message, hint, self.value)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON record documented in the README."""
        place = asdict(self.place)
        return {
            "code": self.code,
            "severity": str(self.severity),
            **place,
            "value": self.value,
            "message": self.message,
            "hint": self.hint,
        }


RowKey = tuple[str, str, int | None]  # (file, sheet, row); row None: the sheet as a whole


def of_severity(issues: Iterable[ValidationIssue], severity: Severity) -> list[ValidationIssue]:
    """The issues of one severity, in their order (a report's errors, its warnings)."""
    return [i for i in issues if i.severity is severity]


class BySeverity:
    """Errors and warnings of a record's `issues` (the validation report, the campaign's law
    review): a mixin, its class declares the `issues` field."""

    issues: list[ValidationIssue]

    @property
    def errors(self) -> list[ValidationIssue]:
        """The issues of severity error (they stop the step)."""
        return of_severity(self.issues, Severity.ERROR)

    @property
    def warnings(self) -> list[ValidationIssue]:
        """The issues of severity warning (the clerk is told of them)."""
        return of_severity(self.issues, Severity.WARNING)


def error_places(issues: Iterable[ValidationIssue]) -> set[RowKey]:
    """(file, sheet, row) of every error; row None for an error about a whole sheet."""
    return {
        (i.place.file, i.place.sheet, i.place.row) for i in issues if i.severity is Severity.ERROR
    }


def keeps_out(bad: set[RowKey], file: str, sheet: str, row: int | None) -> bool:
    """Whether the errors at `bad` keep the row at (file, sheet, row) from the meeting.

    An error on the row does; so does an error on its sheet as a whole (a required column
    missing, no header row): such a sheet cannot be read completely, so none of its rows is
    trusted, rather than reading some values and not others.
    """
    return (file, sheet, row) in bad or (file, sheet, None) in bad
