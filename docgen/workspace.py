"""Where things live in a docgen workspace, by default relative to the current folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Workspace:
    """The default layout: campaign and received files under input/, results under output/."""

    root: Path = Path(".")

    @property
    def campaign(self) -> Path:
        """The campaign file."""
        return self.root / "input" / "campaign.toml"

    @property
    def submissions(self) -> Path:
        """Received intake workbooks, as emailed back by departments."""
        return self.root / "input" / "phieu"

    @property
    def meeting(self) -> Path:
        """The consolidated workbook after the secretary filled votes and the meeting sheet."""
        return self.root / "input" / "hop-xet.xlsx"

    @property
    def templates(self) -> Path:
        """Word templates (a clerk may edit wording in Word)."""
        return self.root / "templates_docx"

    def output(self, campaign_id: str) -> Path:
        """Results of one campaign."""
        return self.root / "output" / campaign_id
