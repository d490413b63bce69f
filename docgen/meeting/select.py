"""Who the council proposes: threshold, ranking by vote share, quota per kind, ties reported.

Policy:
- A nomination passes when its votes reach the campaign's threshold (`VoteRule.passes`,
  against all members or members present).
- Passing nominations of one level and kind are ranked by votes, highest first (competition
  ranking: equal votes share a rank, 1, 1, 3); within a rank the submission order is kept.
- The quota of the kind takes the best ranked. A kind missing from the level's quota is
  unlimited.
- A tie straddling the last seat is never broken by docgen: when the council held a run-off
  between the tied nominations (recorded in the meeting workbook's run-off column), its count
  orders them for the contested seat(s); otherwise none of them gets a contested seat, they are
  listed in `Selection.ties`, and a TIE_AT_QUOTA error says where to record the run-off. The
  first-round counts are never changed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docgen.campaign.model import Campaign, Kind, Level, VoteRule
from docgen.gctune import fewer_collections
from docgen.intake.records import Nominee
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, Severity, ValidationIssue
from docgen.meeting.layout import LIST_COLUMNS
from docgen.meeting.model import (
    Decision,
    Meeting,
    Runoff,
    Selection,
    Why,
    level_of,
    nominee_key,
)
from docgen.meeting.read import read_meeting
from docgen.text import format_count, format_percent
from docgen.validate.report import Report

Votes = Sequence[tuple[Nominee, int | None]]


def select(
    campaign: Campaign, meeting: Meeting, nominees_with_votes: Votes
) -> tuple[list[Selection], list[ValidationIssue]]:
    """Decide every level: who is proposed, in rank order, and why the others are not."""
    selections: list[Selection] = []
    issues: list[ValidationIssue] = []
    groups: dict[tuple[int, Kind], list[tuple[Nominee, int | None]]] = {}
    for nominee, votes in nominees_with_votes:  # each nomination's level worked out once
        level = level_of(campaign, nominee)
        if level is not None:
            groups.setdefault((id(level), nominee.kind), []).append((nominee, votes))
    for level in campaign.levels:
        selection = Selection(level)
        for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL):
            group = groups.get((id(level), kind), [])
            decisions, tie = _rank_group(campaign.vote, meeting, level, kind, group)
            selection.decisions.extend(decisions)
            if tie:
                issues.extend(_settle(meeting, selection, kind, tie))
        selections.append(selection)
    issues.extend(_unused_runoffs(meeting, selections))
    return selections, issues


def _rank_group(
    rule: VoteRule, meeting: Meeting, level: Level, kind: Kind, group: Votes
) -> tuple[list[Decision], list[Decision]]:
    """Decisions of one level and kind in rank order, and the tie at the boundary (if any)."""
    base = meeting.members if rule.denominator == "members" else meeting.present
    decisions = [_decision(rule, meeting, level, nominee, votes, base) for nominee, votes in group]
    counted = [d for d, (_, votes) in zip(decisions, group, strict=True) if votes is not None]
    ascending = sorted(d.votes for d in counted)
    for decision in counted:  # competition ranking: 1 + how many got more votes (1, 1, 3)
        decision.rank = 1 + len(ascending) - bisect_right(ascending, decision.votes)
    ordered = sorted(decisions, key=lambda d: d.rank or len(decisions) + 1)  # stable
    passing = [d for d in ordered if d.passed]
    tie = _apply_quota(passing, level.quota.get(kind), kind)
    return ordered, tie


def _decision(
    rule: VoteRule, meeting: Meeting, level: Level, nominee: Nominee, votes: int | None, base: int
) -> Decision:
    if votes is None:
        reason = "Chưa có số phiếu hợp lệ"
        return Decision(nominee, level, 0, base, passed=False, reason=reason, why=Why.NO_VOTES)
    passed = rule.passes(votes, meeting.members, meeting.present)
    decision = Decision(nominee, level, votes, base, passed)
    if not passed:
        decision.reason = _below_threshold(rule, decision)
        decision.why = Why.BELOW_THRESHOLD
    return decision


def _below_threshold(rule: VoteRule, decision: Decision) -> str:
    """ "Không đạt tỷ lệ phiếu: 04/09 thành viên (44,44 %), cần trên 50 %"."""
    who = "thành viên" if rule.denominator == "members" else "thành viên có mặt"
    need = "từ" if rule.inclusive else "trên"
    threshold = format_percent(rule.threshold_percent)
    tail = "" if not rule.inclusive else " trở lên"
    return (
        f"Không đạt tỷ lệ phiếu: {format_count(decision.votes)}/{format_count(decision.base)} "
        f"{who} ({format_percent(decision.share)}), cần {need} {threshold}{tail}"
    )


def _apply_quota(passing: list[Decision], quota: int | None, kind: Kind) -> list[Decision]:
    """Mark the proposed among ranked passing decisions; return the boundary tie, if any."""
    if quota is None or len(passing) <= quota:
        for decision in passing:
            decision.proposed = True
        return []
    cut = passing[quota].votes  # votes of the first one left out
    tie = (
        [d for d in passing if d.votes == cut] if quota and passing[quota - 1].votes == cut else []
    )
    seats = quota - sum(d.votes > cut for d in passing)
    for decision in passing:
        if decision.votes > cut:
            decision.proposed = True
        elif tie and decision.votes == cut:
            decision.why = Why.TIED
            decision.reason = (
                f"Bằng phiếu ở vị trí cuối chỉ tiêu: {len(tie)} {kind.label} cùng "
                f"{format_count(cut)} phiếu tranh {format_count(seats)} suất; chờ Hội đồng quyết định"
            )
        else:
            decision.why = Why.OVER_QUOTA
            decision.reason = f"Vượt số lượng: xếp thứ {decision.rank}, chỉ tiêu {format_count(quota)} {kind.label}"
    return tie


_RUNOFF_HEADER = next(f.header for f in LIST_COLUMNS if f.key == "so_phieu_lai")


def _settle(
    meeting: Meeting, selection: Selection, kind: Kind, tie: list[Decision]
) -> list[ValidationIssue]:
    """Apply the run-off recorded for `tie`, or report the tie and where to record one."""
    level = selection.level
    seats = level.quota.get(kind, 0) - (tie[0].rank - 1)
    keys = [nominee_key(d.nominee) for d in tie]
    counted = [meeting.runoffs.get(k) for k in keys]
    if all(c is None for c in counted):
        selection.ties.append(tie)
        return [_tie_issue(meeting, level, kind, tie, seats)]
    missing = [d for d, c in zip(tie, counted, strict=True) if c is None]
    if missing:
        selection.ties.append(tie)
        return [_runoff_missing(meeting, d) for d in missing]
    for decision, count in zip(tie, counted, strict=True):
        decision.runoff = count
    ordered = sorted(tie, key=lambda d: -(d.runoff or 0))
    if ordered[seats - 1].runoff == ordered[seats].runoff:
        selection.ties.append(tie)
        return [_tie_issue(meeting, level, kind, tie, seats, again=True)]
    for place, decision in enumerate(ordered):
        decision.proposed = place < seats
        decision.why = Why.PROPOSED if decision.proposed else Why.RUNOFF_LOST
        decision.reason = "" if decision.proposed else _runoff_lost(decision, ordered[seats - 1])
    selection.runoffs.append(Runoff(kind, seats, tie[0].votes, tuple(ordered)))
    return []


def _runoff_lost(decision: Decision, last: Decision) -> str:
    return (
        f"Bằng phiếu ở vị trí cuối chỉ tiêu ({format_count(decision.votes)} phiếu); biểu quyết "
        f"lại được {format_count(decision.runoff or 0)} phiếu, ít hơn {last.nominee.name} "
        f"({format_count(last.runoff or 0)} phiếu)"
    )


def _runoff_where(meeting: Meeting, tie: list[Decision]) -> str:
    """ "trang “Cấp thành phố”, cột H “Số phiếu biểu quyết lại …”, dòng 8 và 9"."""
    cells = [meeting.runoff_cells.get(nominee_key(d.nominee)) for d in tie]
    known = sorted((c for c in cells if c is not None and c.row), key=lambda c: c.row or 0)
    if not known:
        return f"cột “{_RUNOFF_HEADER}” của trang cấp này"
    rows = [str(c.row) for c in known]
    listed = ", ".join(rows[:-1]) + f" và {rows[-1]}" if len(rows) > 1 else rows[0]
    return f"trang “{known[0].sheet}”, cột {known[0].column} “{_RUNOFF_HEADER}”, dòng {listed}"


def _tie_issue(
    meeting: Meeting, level: Level, kind: Kind, tie: list[Decision], seats: int, again: bool = False
) -> ValidationIssue:
    quota = level.quota.get(kind, 0)
    names = ", ".join(f"{d.nominee.name} ({d.nominee.department})" for d in tie)
    first = (
        f"{level.label}: {len(tie)} {kind.label} cùng {format_count(tie[0].votes)} phiếu đồng ý "
        f"({names}) tranh {format_count(seats)} suất còn lại trong chỉ tiêu "
        f"{format_count(quota)} {kind.label}; chưa ai trong số này được đề nghị. "
    )
    if again:
        first += "Kết quả biểu quyết lại vẫn bằng nhau ở vị trí cuối chỉ tiêu. "
    detail = (
        first + "Hội đồng biểu quyết lại giữa những người bằng phiếu; thư ký ghi số phiếu "
        f"biểu quyết lại vào {_runoff_where(meeting, tie)} (không sửa số phiếu vòng đầu)."
    )
    return make_issue(Code.TIE_AT_QUOTA, Place(meeting.source, level.label), detail=detail)


def _runoff_missing(meeting: Meeting, decision: Decision) -> ValidationIssue:
    key = nominee_key(decision.nominee)
    place = meeting.runoff_cells.get(key) or Place(meeting.source, decision.level.label)
    return make_issue(Code.RUNOFF_INCOMPLETE, place, name=decision.nominee.name)


def _unused_runoffs(meeting: Meeting, selections: list[Selection]) -> list[ValidationIssue]:
    """Run-off votes entered for nominations that were not tied at the last seat."""
    used = {
        nominee_key(d.nominee)
        for s in selections
        for tie in [*s.ties, *(r.decisions for r in s.runoffs)]
        for d in tie
    }
    names = {nominee_key(d.nominee): d.nominee.name for s in selections for d in s.decisions}
    return [
        make_issue(Code.RUNOFF_UNUSED, meeting.runoff_cells[key], name=names.get(key, ""))
        for key in sorted(meeting.runoffs)
        if key not in used and key in meeting.runoff_cells
    ]


@dataclass
class MeetingResult:
    """The meeting as read, the selection per level and every meeting problem."""

    meeting: Meeting | None
    selections: list[Selection]
    issues: list[ValidationIssue]

    @property
    def errors(self) -> list[ValidationIssue]:
        """Meeting problems that must be fixed before the dossiers are built."""
        return [i for i in self.issues if i.severity is Severity.ERROR]


def read_and_select(campaign: Campaign, report: Report, path: Path) -> MeetingResult:
    """Read the filled meeting workbook at `path` and select per level."""
    with fewer_collections():
        meeting, votes, issues = read_meeting(path, campaign, report)
        if meeting is None:
            return MeetingResult(None, [], issues)
        pairs = [(n, votes.get(nominee_key(n))) for n in report.eligible()]
        selections, more = select(campaign, meeting, pairs)
    return MeetingResult(meeting, selections, issues + more)
