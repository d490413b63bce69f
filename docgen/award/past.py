"""The history in the next campaign: each nominee's past awards join those of the sheet.

What the department wrote on its previous-awards sheet stays (older awards the ward's history
does not hold, forms from other bodies); the history adds the awards it holds for the same
recipient. Where both speak of the same form in the same year, the history is printed: the
same decision is said once, a different decision is a finding (HISTORY_CONFLICT) on the
sheet's row. A record that may be the nominee's but is not surely so (see `identity`) is not
added: it is a finding for the clerk (HISTORY_AMBIGUOUS). The campaign's own decisions are not
its past, so building the dossier again after recording them changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docgen.award.history import Award, History, load_history
from docgen.award.identity import Identity
from docgen.award.model import Recipient
from docgen.campaign.model import Campaign, Kind
from docgen.errors import ProblemsError
from docgen.intake.records import Nominee, PreviousAward, Source, Submission
from docgen.intake.schema import AWARD_TYPES
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.meeting.model import Meeting, Selection
from docgen.text import fold, format_date_short
from docgen.validate.report import Report
from docgen.workspace import Workspace

SOURCE = Source("so-dang-ky.sqlite", "Lịch sử khen thưởng", 0)


@dataclass(frozen=True)
class WardAwards:
    """The ward's history, offered to one campaign's validation (`validate.past.PastAwards`)."""

    history: History
    campaign: str  # this campaign's id: its own decisions are left out

    def attach(self, submissions: Sequence[Submission]) -> list[ValidationIssue]:
        """Add each nominee's awards from the history; the conflicts and maybes found."""
        issues: list[ValidationIssue] = []
        for submission in submissions:
            for nominee in submission.nominees:
                issues.extend(self._attach(nominee))
        return issues

    def _attach(self, nominee: Nominee) -> list[ValidationIssue]:
        found = self.history.of(identity_of(nominee))
        own = [a for a in found.same if a.campaign != self.campaign]
        issues = merge(nominee, own)
        for award in found.ambiguous:
            if award.campaign != self.campaign:
                issues.append(_ambiguous(nominee, award))
        return issues


def check_forms(
    campaign: Campaign, folder: Path, ward: Path, progress: Callable[[Path], None] | None = None
) -> Report:
    """The forms in `folder` checked against the campaign with the ward's award history (the
    reports' past awards, the criteria on the history). Every step that decides who is
    proposed asks this one function, so that none of them — a command, the page, the decision,
    the certificates — decides without the history."""
    from docgen.validate.run import validate_folder

    return validate_folder(campaign, folder, progress, ward_awards(ward, campaign.id))


class MeetingNotFinal(ProblemsError):
    """The meeting's result still has errors: nobody is known to be proposed yet."""

    CODE = "MEETING_INVALID"
    exit_code = 1


@dataclass(frozen=True)
class Final:
    """A meeting's result without errors: the forms as checked, the meeting, its selections."""

    report: Report
    meeting: Meeting
    selections: list[Selection]


def final_result(campaign: Campaign, ws: Workspace, doing: str) -> Final:
    """The meeting's result in workspace `ws`, checked with the ward's history; `MeetingNotFinal`
    while it has errors (`doing` says what waits for it: "ghi quyết định", "tổng kết")."""
    from docgen.meeting.select import read_and_select

    report = check_forms(campaign, ws.submissions, ws.ward)
    result = read_and_select(campaign, report, ws.meeting)
    if result.errors or result.meeting is None:
        raise MeetingNotFinal(
            f"Kết quả họp xét còn lỗi, chưa {doing} được (chạy “docgen ket-qua” để xem):",
            [issue.message for issue in result.errors],
        )
    return Final(report, result.meeting, result.selections)


def ward_awards(ward: Path, campaign: str) -> WardAwards:
    """The history of the ward folder `ward`, for the campaign `campaign`."""
    return WardAwards(load_history(ward), campaign)


def recipient_of(nominee: Nominee) -> Recipient:
    """A nominee as a decision names them: an individual in the unit they work in, a
    collective within the department that proposed it (the rule every decision built from a
    campaign follows, so the next campaign finds the same recipient)."""
    if nominee.kind is Kind.COLLECTIVE:
        return Recipient(kind=nominee.kind, name=nominee.name, unit=nominee.department)
    return Recipient(
        kind=nominee.kind,
        name=nominee.name,
        unit=nominee.text("don_vi") or nominee.department,
        position=nominee.text("chuc_vu"),
        birth=nominee.birth,
    )


def identity_of(nominee: Nominee) -> Identity:
    """A nominee's identity in the history (see `recipient_of`)."""
    r = recipient_of(nominee)
    return Identity.of(r.kind, r.name, r.unit, r.birth)


def merge(nominee: Nominee, awards: Sequence[Award]) -> list[ValidationIssue]:
    """Add `awards` to the nominee's; the sheet's row of the same form and year gives way."""
    issues: list[ValidationIssue] = []
    for award in awards:
        clashing = [
            a
            for a in nominee.awards
            if a.source is not SOURCE and a.year == award.year and fold(a.title) == fold(award.form)
        ]
        for sheet in clashing:
            nominee.awards.remove(sheet)
            if not _same_decision(sheet, award):
                issues.append(_conflict(sheet, award))
        nominee.awards.append(as_previous(award))
    return issues


def as_previous(award: Award) -> PreviousAward:
    """The award as a row of the report's award-history tables."""
    titles, commendations = AWARD_TYPES
    return PreviousAward(
        source=SOURCE,
        owner=award.recipient.name,
        owner_birth=award.recipient.birth,
        type=titles if award.is_title else commendations,
        year=award.year,
        title=award.form,
        decision_number=award.reference,
        decision_date=award.issued,
        issuer=award.authority,
    )


def _reference_key(reference: str) -> str:
    return "".join(fold(reference.replace("\u2011", "-")).split())


def _same_decision(sheet: PreviousAward, award: Award) -> bool:
    typed = _reference_key(sheet.decision_number)
    if typed == _reference_key(award.reference):
        return True
    return typed == _reference_key(award.number) and sheet.decision_date == award.issued


def _conflict(sheet: PreviousAward, award: Award) -> ValidationIssue:
    return make_issue(
        Code.HISTORY_CONFLICT,
        sheet.source.place(),
        sheet.decision_number,
        form=award.form,
        year=award.year,
        sheet=f"{sheet.decision_number} ngày {format_date_short(sheet.decision_date)}",
        history=f"{award.reference} ngày {format_date_short(award.issued)}",
    )


def _ambiguous(nominee: Nominee, award: Award) -> ValidationIssue:
    r = award.recipient
    known = [f"ngày sinh {format_date_short(r.birth)}"] if r.birth else ["không ghi ngày sinh"]
    known += [f"đơn vị “{r.unit}”"] if r.unit else []
    return make_issue(
        Code.HISTORY_AMBIGUOUS,
        nominee.place("ten" if nominee.kind is Kind.COLLECTIVE else "ho_ten"),
        r.name,
        form=award.form,
        year=award.year,
        reference=award.reference,
        other=f"({', '.join(known)})",
        kind="tập thể" if nominee.kind is Kind.COLLECTIVE else "người",
    )
