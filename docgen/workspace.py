"""Where things live: a campaign's workspace, the ward that owns it, the program's templates.

A *workspace* holds one campaign: `input/campaign.toml`, the received workbooks in
`input/phieu/`, the meeting workbook `input/hop-xet.xlsx` and the results in `output/`. The
repository's own top folder is the workspace of the shipped example; a clerk's campaign gets a
folder of its own (`docgen chien-dich-moi`).

The *ward* owns what outlives a campaign: the archive of signed files, its register and the
award history (`luu-tru/`). A ward folder is marked by `phuong.toml`; the campaigns of the ward
are folders inside it, side by side, so next year's campaign finds this year's archive. A
workspace with no ward folder above it (the shipped example) is its own ward.

Templates: the workspace's own `templates_docx/` when the clerk made one, else the ward's,
else the program's (the checkout's top folder, or the copy installed beside the interpreter),
so upgrading docgen never has to touch a workspace.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

CAMPAIGN_FILE = Path("input") / "campaign.toml"
WARD_FILE = "phuong.toml"
TEMPLATES = "templates_docx"
ENVIRONMENT = "DOCGEN_THU_MUC"
WARD_ENVIRONMENT = "DOCGEN_PHUONG"
DEFAULT_WARD = "Thi đua"  # under the clerk's Documents folder (or home) when no ward is known


def ward_of(folder: Path) -> Path | None:
    """The ward folder holding `folder` (itself or the nearest one above with `phuong.toml`)."""
    absolute = folder.absolute()
    return next((f for f in (absolute, *absolute.parents) if (f / WARD_FILE).is_file()), None)


def campaigns_in(folder: Path) -> list[Path]:
    """The campaign folders directly inside `folder` (a ward folder), by name."""
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return []
    return [c for c in children if (c / CAMPAIGN_FILE).is_file()]


def default_ward() -> Path:
    """Where a new campaign goes when the clerk names no folder: DOCGEN_PHUONG, else the ward
    of the current folder, else "Thi đua" in the clerk's Documents folder (or home folder)."""
    if os.environ.get(WARD_ENVIRONMENT):
        return Path(os.environ[WARD_ENVIRONMENT])
    found = ward_of(Path.cwd())
    if found is not None:
        return found
    documents = Path.home() / "Documents"
    return (documents if documents.is_dir() else Path.home()) / DEFAULT_WARD


def program_templates() -> Path:
    """The templates shipped with docgen: the checkout's, else the installed copy."""
    checkout = Path(__file__).resolve().parent.parent / TEMPLATES
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "docgen" / TEMPLATES


@dataclass(frozen=True)
class Workspace:
    """The layout of one campaign's folder, and the ward folder above it."""

    root: Path = Path(".")

    @classmethod
    def find(cls, given: Path | None = None) -> Workspace:
        """The workspace named by `given`, else by DOCGEN_THU_MUC, else the current folder or
        the nearest folder above it that holds a campaign file (as git finds its repository)."""
        if given is not None:
            return cls(given)
        if os.environ.get(ENVIRONMENT):
            return cls(Path(os.environ[ENVIRONMENT]))
        here = Path.cwd()
        for folder in (here, *here.parents):
            if (folder / CAMPAIGN_FILE).is_file():
                return cls(Path(".") if folder == here else folder)
        return cls()

    @property
    def campaign(self) -> Path:
        """The campaign file."""
        return self.root / CAMPAIGN_FILE

    @property
    def submissions(self) -> Path:
        """Received intake workbooks, as emailed back by departments."""
        return self.root / "input" / "phieu"

    @property
    def dropped(self) -> Path:
        """Files dropped on the page (saved mails, workbooks), kept as the clerk's own saved
        mails are: the mail journal names each one, and `nhan-thu --khoi-phuc` reads it again."""
        return self.root / "input" / "tai-len"

    @property
    def meeting(self) -> Path:
        """The consolidated workbook after the secretary filled votes and the meeting sheet."""
        return self.root / "input" / "hop-xet.xlsx"

    @property
    def ward(self) -> Path:
        """The ward's folder (archive, register, award history): the nearest folder above the
        workspace holding `phuong.toml`; the workspace itself when there is none."""
        found = ward_of(self.root.absolute().parent)
        return found if found is not None else self.root

    @property
    def templates(self) -> Path:
        """Word templates: the workspace's own, else the ward's, else the program's."""
        for folder in (self.root / TEMPLATES, self.ward / TEMPLATES):
            if folder.is_dir():
                return folder
        shipped = program_templates()
        return shipped if shipped.is_dir() else self.root / TEMPLATES

    def output(self, campaign_id: str) -> Path:
        """Results of one campaign."""
        return self.root / "output" / campaign_id

    @property
    def history_output(self) -> Path:
        """Where the ward history's statistics and import template are written (`lich-su`)."""
        return self.root / "output" / "lich-su"
