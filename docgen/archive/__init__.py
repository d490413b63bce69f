"""The archive: filing signed documents, the register, its verification and printed registers.

Entry points for the commands: `file_signed` (luu-tru), `verify` (luu-tru --kiem-tra) and
`printed.write_printed_books` (so-van-ban-di).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.archive.source import expected_documents
from docgen.archive.store import Store
from docgen.archive.textcheck import issuer_names
from docgen.archive.verify import Finding, Problem, VerifyReport, verify_archive
from docgen.campaign import Campaign
from docgen.workspace import Workspace

if TYPE_CHECKING:
    from docgen.archive.filing import FilingReport, Request

# Filing reads signatures with pyHanko, the printed registers write workbooks: a step that
# needs them imports `docgen.archive.filing` or `docgen.archive.printed` itself, so a stage
# that only reads the register (the award history) never loads them.

__all__ = [
    "Finding",
    "Problem",
    "Store",
    "VerifyReport",
    "dossier_files",
    "file_signed",
    "verify",
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
    if not request.issuer:
        names = issuer_names(campaign.issuer.full_name, campaign.issuer.name_lines)
        request = replace(request, issuer=names)
    return file_documents(paths, expected, folder, Store.of(Workspace(root).ward), request)


def dossier_files(campaign: Campaign, root: Path) -> list[Path]:
    """The current documents of the campaign's dossier (retired ones left out)."""
    folder = Workspace(root).output(campaign.id)
    return [folder / doc.path for doc in expected_documents(campaign, folder)]


def verify(root: Path) -> VerifyReport:
    """Re-hash the workspace's archive against its register."""
    return verify_archive(Store.of(Workspace(root).ward))
