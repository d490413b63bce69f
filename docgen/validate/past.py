"""The award history as validation sees it: past awards added to the nominees before the rules.

The history itself (the ward's register) is a stage above validation; what validation needs of
it is this one door, so the criteria on the history run like every other rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from docgen.intake.records import Submission
from docgen.issues.model import ValidationIssue


class PastAwards(Protocol):
    """Adds each nominee's past awards from the history to `Nominee.awards`."""

    def attach(self, submissions: Sequence[Submission]) -> list[ValidationIssue]:
        """Add the history's awards to the nominees; the findings (conflicts, maybes)."""
        ...
