"""The result of validating a folder of submissions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from docgen.campaign.model import Campaign
from docgen.intake.records import Nominee, Submission
from docgen.issues.codes import ABOUT_DEPARTMENT, CLERK_ONLY
from docgen.issues.model import BySeverity, ValidationIssue, error_places, keeps_out
from docgen.validate.arrival import Arrival


@dataclass
class Report(BySeverity):
    """Accepted submissions, every problem found, and which nominations remain eligible."""

    campaign: Campaign
    submissions: list[Submission] = field(default_factory=list)
    issues: list[ValidationIssue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    departments: dict[str, str] = field(default_factory=dict)  # file name → department
    paths: dict[str, Path] = field(default_factory=dict)  # file name (NFC) → the file on disk
    arrivals: dict[str, Arrival] = field(default_factory=dict)  # file name → when it came
    superseded: set[str] = field(default_factory=set)  # files replaced by a later version

    @property
    def nominees(self) -> list[Nominee]:
        """Every nomination of the accepted submissions, in submission order."""
        return [n for s in self.submissions for n in s.nominees]

    def blocked(self, nominee: Nominee) -> bool:
        """True when an error was found on the nominee's row or on its dossier."""
        return keeps_out(error_places(self.issues), *_key(nominee))

    def eligible(self) -> list[Nominee]:
        """Nominations with no error: what the council considers at the meeting."""
        bad = error_places(self.issues)
        return [n for n in self.nominees if not keeps_out(bad, *_key(n))]

    def counts_by_code(self) -> Counter[str]:
        """How many issues of each code."""
        return Counter(i.code for i in self.issues)

    def counts_by_department(self) -> dict[str, Counter[str]]:
        """Per department (or file, before the department is known): errors and warnings."""
        out: dict[str, Counter[str]] = {}
        for issue in self.issues:
            if issue.code in ABOUT_DEPARTMENT:
                who = issue.value
            else:
                who = self.departments.get(issue.place.file) or issue.place.file
            out.setdefault(who, Counter())[str(issue.severity)] += 1
        return out

    def issues_of(self, file: str) -> list[ValidationIssue]:
        """Issues found in one received file."""
        return [i for i in self.issues if i.place.file == file]

    def told_to_department(self, file: str) -> list[ValidationIssue]:
        """The issues of one file as its department reads them: no note meant for the clerk."""
        return [i.to_department() for i in self.issues_of(file) if i.code not in CLERK_ONLY]


def _key(nominee: Nominee) -> tuple[str, str, int | None]:
    return (nominee.source.file, nominee.source.sheet, nominee.source.row)
