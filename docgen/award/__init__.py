"""The award stage: the decisions, the certificates and the ward's award history.

Entry points of `docgen lich-su`: `find_awards` (search), `maybe_same`, `write_statistics`,
`write_import_template`, `import_sheet`, and `record.record_level` (a decision that came back).
Light to import: the campaign check reads `award.summary` and must start fast, so each entry
point loads the workbook writer or reader it needs when called.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docgen.award.history import Award
    from docgen.award.search import Query
    from docgen.award.sheet import Imported
    from docgen.award.stats import Statistics
    from docgen.output.files import Written

STATISTICS_FILE = "thong-ke-khen-thuong.xlsx"
TEMPLATE_FILE = "mau-nhap-lich-su-khen-thuong.xlsx"


def find_awards(ward: Path, query: Query) -> list[Award]:
    """The awards of the ward's history answering `query`."""
    from docgen.award.history import load_history
    from docgen.award.search import search

    return search(load_history(ward), query)


def maybe_same(ward: Path) -> list[tuple[Award, Award]]:
    """Pairs of the ward's history that may be one recipient (for the clerk to settle)."""
    from docgen.award.history import load_history

    return load_history(ward).maybe_same()


def write_statistics(
    ward: Path, target: Path, force: bool = False
) -> tuple[Path, Written, Statistics]:
    """Write the statistics workbook of the ward's history to `target` (never over other work)."""
    from docgen.award.books import statistics_bytes
    from docgen.award.history import load_history
    from docgen.award.stats import statistics
    from docgen.output.files import write_beside

    stats = statistics(load_history(ward).awards)
    path, status = write_beside(target, statistics_bytes(stats), force)
    return path, status, stats


def write_import_template(target: Path, force: bool = False) -> tuple[Path, Written]:
    """Write the blank sheet for importing past years' decisions."""
    from docgen.award.books import template_bytes
    from docgen.award.sheet import COLUMNS, GUIDE
    from docgen.output.files import write_beside

    columns = [(c.header, c.width) for c in COLUMNS]
    return write_beside(target, template_bytes(columns, GUIDE), force)


@dataclass(frozen=True)
class ImportResult:
    """The sheet read and, when it had no problem, what recording each decision did."""

    sheet: Imported
    statuses: tuple[str, ...]  # "new", "replaced", "unchanged", per decision of the sheet


def import_sheet(ward: Path, path: Path) -> ImportResult:
    """Record every decision of the history sheet at `path`; nothing when a line has a problem."""
    from docgen.award.history import record_decision
    from docgen.award.sheet import read_sheet

    sheet = read_sheet(path)
    statuses = tuple(record_decision(ward, d) for d in sheet.decisions)
    return ImportResult(sheet, statuses)
