"""Which departments of the campaign file have no current form in the input folder.

A department listed in `[[departments]]` without any form is a warning, not an error: before
the deadline it simply has not sent one yet, and a department may have no one to nominate. A
form the mail journal says was received from it but which is no longer in the folder (deleted or
moved by mistake) is named as such, with the way to copy it back from the received message.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.mail.journal import Receipt
from docgen.mail.uploads import is_dropped
from docgen.text import fold, format_date_short, format_moment
from docgen.validate.report import Report


def absent_departments(
    report: Report, folder: Path, received: Mapping[str, Receipt]
) -> list[ValidationIssue]:
    """One warning per listed department with no form in `folder` (read or held).

    An empty folder is already one warning (`FOLDER_EMPTY`): only lost forms are named then.
    """
    listed = report.campaign.contacts.departments
    if not listed:
        return []
    present = {fold(d) for d in report.departments.values() if d}
    present |= {fold(r.department) for name, r in received.items() if name in report.paths}
    place = Place(str(folder))
    issues: list[ValidationIssue] = []
    for department in listed:
        if fold(department.name) in present:
            continue
        gone = _gone(department.name, folder, received)
        if gone is not None and gone.received is not None:
            issues.append(
                make_issue(
                    Code.FORM_GONE,
                    place,
                    department.name,
                    department=department.name,
                    how="nhận trực tiếp" if is_dropped(gone.message_id) else "nhận qua thư",
                    received=format_moment(gone.received),
                    file=gone.file,
                )
            )
        elif report.files:
            deadline = format_date_short(report.campaign.period.deadline)
            issues.append(
                make_issue(
                    Code.DEPARTMENT_NO_FORM,
                    place,
                    department.name,
                    department=department.name,
                    deadline=deadline,
                )
            )
    return issues


def _gone(department: str, folder: Path, received: Mapping[str, Receipt]) -> Receipt | None:
    """The department's latest received file that is no longer in the folder, if any."""
    key = fold(department)
    missing = [
        r
        for name, r in received.items()
        if fold(r.department) == key and r.received is not None and not (folder / name).exists()
    ]
    return max(missing, key=lambda r: (r.received, r.file), default=None)
