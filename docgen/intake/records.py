"""Typed records read from intake workbooks, each carrying where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from docgen.campaign.model import Kind
from docgen.issues.model import Place
from docgen.text import file_name

Value = str | int | date | None


class Source(NamedTuple):
    """Provenance of a row: file name, sheet and Excel row number (built once per row)."""

    file: str
    sheet: str
    row: int

    def place(self, column: str = "", header: str = "") -> Place:
        """The issue place of this row, optionally narrowed to one column."""
        return Place(self.file, self.sheet, self.row, column, header)


class Cell(NamedTuple):
    """A value as read from one cell, before type conversion.

    A named tuple: immutable like a frozen dataclass, and several times cheaper to build,
    which counts at one per cell read.
    """

    column: str  # Excel column letter
    header: str  # header as found in the received file
    raw: object  # cleaned value as read: text, number, datetime or None
    font: str | None = None
    reported: bool = False  # unreadable (error value, formula without result): said once

    @property
    def shown(self) -> str:
        """The value as the department typed it, for messages."""
        if self.raw is None:
            return ""
        if isinstance(self.raw, date):
            return self.raw.strftime("%d/%m/%Y")
        if isinstance(self.raw, float) and self.raw.is_integer():
            return str(int(self.raw))
        return str(self.raw)


@dataclass(slots=True)
class Row:
    """One data row of a sheet: its cells by column key."""

    source: Source
    cells: dict[str, Cell]

    def raw(self, key: str) -> object:
        """Raw value of column `key`, None when absent."""
        cell = self.cells.get(key)
        return cell.raw if cell else None


@dataclass(slots=True)
class PreviousAward:
    """A title or award the nominee already received (award-history tables)."""

    source: Source
    owner: str
    owner_birth: date | None
    type: str  # "Danh hiệu thi đua" | "Hình thức khen thưởng"
    year: int
    title: str
    decision_number: str
    decision_date: date
    issuer: str
    title_column: str = ""  # column letter of `title` in the received sheet


@dataclass(slots=True)
class Nominee:
    """A nomination: a collective or an individual proposed for one award level."""

    kind: Kind
    source: Source
    department: str
    values: dict[str, Value]
    cells: dict[str, Cell]
    awards: list[PreviousAward] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Collective's name or individual's full name."""
        return str(self.values.get("ten" if self.kind is Kind.COLLECTIVE else "ho_ten") or "")

    @property
    def birth(self) -> date | None:
        """Date of birth (individuals only)."""
        value = self.values.get("ngay_sinh")
        return value if isinstance(value, date) else None

    @property
    def level_label(self) -> str:
        """The award level chosen on the sheet."""
        return str(self.values.get("cap_de_nghi") or "")

    @property
    def subject_label(self) -> str:
        """The subject kind chosen on the sheet (e.g. "Công chức")."""
        return str(self.values.get("doi_tuong") or "")

    def text(self, key: str) -> str:
        """Value of `key` as text ("" when empty)."""
        value = self.values.get(key)
        return "" if value is None else str(value)

    def place(self, key: str) -> Place:
        """Issue place of column `key` in this nominee's row."""
        cell = self.cells.get(key)
        return self.source.place(cell.column if cell else "", cell.header if cell else "")


@dataclass(slots=True)
class Submission:
    """One department's returned workbook, read."""

    path: Path
    department: str
    contact: str = ""
    phone: str = ""
    email: str = ""
    submitted: date | None = None
    sha256: str = ""
    nominees: list[Nominee] = field(default_factory=list)

    @property
    def file(self) -> str:
        """The file name as received."""
        return file_name(self.path)
