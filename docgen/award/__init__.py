"""The award stage: the decisions, the certificates and the ward's award history.

Entry points of `docgen lich-su`: `find_awards` (search), `maybe_same`, `write_statistics`,
`write_import_template`, `import_sheet`, and `record.record_level` (a decision that came back).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.award.books import statistics_bytes, template_bytes
from docgen.award.history import Award, load_history, record_decision
from docgen.award.search import Query, search
from docgen.award.sheet import COLUMNS, GUIDE, Imported, read_sheet
from docgen.award.stats import Statistics, statistics
from docgen.output.files import Written, write_beside

STATISTICS_FILE = "thong-ke-khen-thuong.xlsx"
TEMPLATE_FILE = "mau-nhap-lich-su-khen-thuong.xlsx"


def find_awards(ward: Path, query: Query) -> list[Award]:
    """The awards of the ward's history answering `query`."""
    return search(load_history(ward), query)


def maybe_same(ward: Path) -> list[tuple[Award, Award]]:
    """Pairs of the ward's history that may be one recipient (for the clerk to settle)."""
    return load_history(ward).maybe_same()


def write_statistics(
    ward: Path, target: Path, force: bool = False
) -> tuple[Path, Written, Statistics]:
    """Write the statistics workbook of the ward's history to `target` (never over other work)."""
    stats = statistics(load_history(ward).awards)
    path, status = write_beside(target, statistics_bytes(stats), force)
    return path, status, stats


def write_import_template(target: Path, force: bool = False) -> tuple[Path, Written]:
    """Write the blank sheet for importing past years' decisions."""
    columns = [(c.header, c.width) for c in COLUMNS]
    return write_beside(target, template_bytes(columns, GUIDE), force)


@dataclass(frozen=True)
class ImportResult:
    """The sheet read and, when it had no problem, what recording each decision did."""

    sheet: Imported
    statuses: tuple[str, ...]  # "new", "replaced", "unchanged", per decision of the sheet


def import_sheet(ward: Path, path: Path) -> ImportResult:
    """Record every decision of the history sheet at `path`; nothing when a line has a problem."""
    sheet = read_sheet(path)
    statuses = tuple(record_decision(ward, d) for d in sheet.decisions)
    return ImportResult(sheet, statuses)
