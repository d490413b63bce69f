"""The council's outcomes in plain Vietnamese sentences, as the Biên bản records them."""

from __future__ import annotations

from docgen.campaign.model import Campaign, Level
from docgen.documents.nominees import described
from docgen.documents.phrases import count, kinds_count, percent, votes
from docgen.meeting.model import Decision, Meeting, Runoff, Why


def threshold_words(campaign: Campaign) -> str:
    """`trên 50 % tổng số thành viên Hội đồng`."""
    rule = campaign.vote
    above = "từ" if rule.inclusive else "trên"
    base = (
        "tổng số thành viên Hội đồng" if rule.denominator == "members" else "số thành viên có mặt"
    )
    return f"{above} {percent(rule.threshold_percent)} {base}"


def proposed_line(decision: Decision, meeting: Meeting) -> str:
    """`Ông Nguyễn Văn An, Công chức …, Khối Văn phòng (07/09 phiếu, đạt 77,78 %)`."""
    share = f"{votes(decision.votes, decision.base)} phiếu, đạt {percent(decision.share)}"
    if decision.runoff is not None:
        share += f"; biểu quyết lại {votes(decision.runoff, meeting.present)} phiếu"
    return f"{described(decision.nominee)} ({share})"


def not_proposed_line(decision: Decision, campaign: Campaign, meeting: Meeting) -> str:
    """Why one nomination is not proposed, as a sentence ending in "nên không đề nghị"."""
    who = described(decision.nominee)
    got = f"đạt {votes(decision.votes, decision.base)} phiếu ({percent(decision.share)})"
    kind = decision.nominee.kind.label
    if decision.why is Why.BELOW_THRESHOLD:
        because = f"chưa đạt tỷ lệ {threshold_words(campaign)}"
    elif decision.why is Why.OVER_QUOTA:
        quota = count(decision.level.quota.get(decision.nominee.kind, 0))
        because = (
            f"xếp thứ {decision.rank} trong số {kind} đạt tỷ lệ phiếu, ngoài số lượng "
            f"{quota} {kind} được đề nghị"
        )
    elif decision.why is Why.RUNOFF_LOST:
        because = (
            f"bằng phiếu ở vị trí cuối của số lượng được đề nghị; khi biểu quyết lại chỉ đạt "
            f"{votes(decision.runoff or 0, meeting.present)} phiếu"
        )
    else:
        return f"{who}: chưa có kết quả bỏ phiếu hợp lệ"
    return f"{who} {got}, {because} nên không đề nghị"


def runoff_lines(runoff: Runoff, level: Level, meeting: Meeting) -> list[str]:
    """The run-off as held: who was tied, for how many seats, and the count of each."""
    names = [d.nominee.name for d in runoff.decisions]
    tied = ", ".join(names[:-1]) + f" và {names[-1]}"
    quota = level.quota.get(runoff.kind, 0)
    first = (
        f"Do {tied} cùng đạt {votes(runoff.first_round, runoff.decisions[0].base)} phiếu ở vị "
        f"trí cuối trong số lượng {count(quota)} {runoff.kind.label} được đề nghị, Hội đồng đã "
        f"biểu quyết lại giữa {count(len(names))} {runoff.kind.label} này để chọn "
        f"{count(runoff.seats)} {runoff.kind.label}. Kết quả biểu quyết lại "
        f"({count(meeting.present)} thành viên có mặt):"
    )
    results = [
        f"{d.nominee.name}: {votes(d.runoff or 0, meeting.present)} phiếu"
        + (" (được chọn)" if d.proposed else "")
        for d in runoff.decisions
    ]
    return [first, *_punctuated(results)]


def _punctuated(lines: list[str]) -> list[str]:
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def counted(decisions: list[Decision]) -> str:
    """`01 tập thể và 03 cá nhân`: the nominations a level considered."""
    collectives = sum(d.nominee.kind.name == "COLLECTIVE" for d in decisions)
    return kinds_count(collectives, len(decisions) - collectives)
