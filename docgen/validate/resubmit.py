"""Re-submissions: the latest arrival of each department wins; a tie is the clerk's to decide.

A file mailed from an address the campaign file does not list (or with no sender at all) is
held: it never wins, nor replaces anything, until the clerk confirms the sender by adding the
address to the department's entry; a file copied into the folder by hand is the clerk's own.
"""

from __future__ import annotations

from collections.abc import Mapping

from docgen.intake.records import Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.text import fold
from docgen.validate.arrival import Arrival


def resolve(
    candidates: list[Submission], arrivals: Mapping[str, Arrival]
) -> tuple[list[Submission], set[str], list[ValidationIssue]]:
    """Kept submissions (file order), superseded file names, and the issues found."""
    groups: dict[str, list[Submission]] = {}
    for submission in candidates:
        groups.setdefault(fold(submission.department) or submission.file, []).append(submission)
    kept: list[Submission] = []
    superseded: set[str] = set()
    issues: list[ValidationIssue] = []
    for group in groups.values():
        held = [s for s in group if not confirmed(arrivals[s.file])]
        superseded.update(s.file for s in held)
        issues.extend(_unconfirmed(s, arrivals[s.file]) for s in held)
        group = [s for s in group if confirmed(arrivals[s.file])]
        if not group:
            continue
        group.sort(key=lambda s: (arrivals[s.file].key, s.file))
        last = arrivals[group[-1].file].key
        newest = [s for s in group if arrivals[s.file].key == last]
        if len(newest) > 1:
            issues.extend(_tie(newest, arrivals[newest[0].file]))
        else:
            kept.append(newest[0])
        for older in group[: len(group) - len(newest)]:
            superseded.add(older.file)
            issues.append(_superseded(older, newest, arrivals))
    kept.sort(key=lambda s: s.file)
    return kept, superseded, issues


def confirmed(arrival: Arrival) -> bool:
    """False for a mailed file whose sender is not (yet) a department address."""
    receipt = arrival.receipt
    return receipt is None or bool(receipt.department)


def _unconfirmed(submission: Submission, arrival: Arrival) -> ValidationIssue:
    sender = arrival.receipt.sender if arrival.receipt else ""
    return make_issue(
        Code.SENDER_UNKNOWN, Place(submission.file), sender=sender or "(không rõ người gửi)"
    )


def _superseded(
    older: Submission, newest: list[Submission], arrivals: Mapping[str, Arrival]
) -> ValidationIssue:
    newer = ", ".join(f"{s.file}, {arrivals[s.file].label()}" for s in newest)
    return make_issue(
        Code.FILE_SUPERSEDED, Place(older.file), department=newest[0].department, newer=newer
    )


def _tie(tied: list[Submission], arrival: Arrival) -> list[ValidationIssue]:
    files = ", ".join(s.file for s in tied)
    return [
        make_issue(
            Code.SUBMISSION_TIE,
            Place(s.file),
            department=s.department,
            when=arrival.label(),
            files=files,
        )
        for s in tied
    ]


def sender_issues(kept: list[Submission], arrivals: Mapping[str, Arrival]) -> list[ValidationIssue]:
    """A kept file mailed from the address of another department than it names."""
    issues: list[ValidationIssue] = []
    for submission in kept:
        receipt = arrivals[submission.file].receipt
        if receipt is None or not receipt.department:
            continue
        place = Place(submission.file)
        if submission.department and fold(receipt.department) != fold(submission.department):
            issues.append(
                make_issue(
                    Code.SENDER_MISMATCH,
                    place,
                    sender=receipt.sender,
                    sender_department=receipt.department,
                    department=submission.department,
                )
            )
    return issues
