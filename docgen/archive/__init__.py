"""The archive: filing signed documents, the register, its verification and printed registers.

Entry points for the commands: `file_signed` (luu-tru), `verify` (luu-tru --kiem-tra) and
`write_printed_books` (so-van-ban-di).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.archive.source import expected_documents
from docgen.archive.store import Store
from docgen.archive.verify import Finding, Problem, VerifyReport, verify_archive
from docgen.campaign import Campaign
from docgen.workspace import Workspace

if TYPE_CHECKING:
    from docgen.archive.filing import FilingOutcome, FilingReport, Request, Status
    from docgen.archive.printed import PrintedBooks, write_printed_books

# Filing reads signatures with pyHanko, the registers write workbooks: both load on first use,
# so a stage that only reads the register (the award history) never loads them.
_LAZY = {
    "FilingReport": "filing",
    "FilingOutcome": "filing",
    "Request": "filing",
    "Status": "filing",
    "PrintedBooks": "printed",
    "write_printed_books": "printed",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"docgen.archive.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FilingReport",
    "Finding",
    "FilingOutcome",
    "Problem",
    "PrintedBooks",
    "Request",
    "Status",
    "Store",
    "dossier_files",
    "VerifyReport",
    "file_signed",
    "verify",
    "write_printed_books",
]


def file_signed(
    paths: Iterable[Path], campaign: Campaign, root: Path, request: Request
) -> FilingReport:
    """File the signed files in `paths` against the campaign's current dossier."""
    from docgen.archive.filing import file_documents

    folder = Workspace(root).output(campaign.id)
    expected = expected_documents(campaign, folder)
    if not request.year:
        request = replace(request, year=campaign.period.year)
    return file_documents(paths, expected, folder, Store.of(Workspace(root).ward), request)


def dossier_files(campaign: Campaign, root: Path) -> list[Path]:
    """The current documents of the campaign's dossier (retired ones left out)."""
    folder = Workspace(root).output(campaign.id)
    return [folder / doc.path for doc in expected_documents(campaign, folder)]


def verify(root: Path) -> VerifyReport:
    """Re-hash the workspace's archive against its register."""
    return verify_archive(Store.of(Workspace(root).ward))
