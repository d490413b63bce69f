"""What the meeting stage shows: counts of the consolidated list, and the stable JSON of results.

JSON of `docgen ket-qua --json` (stable; keys in English, values as printed):

    {
      "campaign": "<campaign id>",
      "meeting": null | {"date", "start", "end", "place", "chair": {"name", "title"},
                         "secretary": {"name", "title"}, "members", "present",
                         "absent": [{"name", "reason"}], "voting_form",
                         "numbers": {"<document>": {"number", "symbol", "date"}}},
      "levels": [{"id", "label", "proposed": [<decision>], "not_proposed": [<decision>],
                  "ties": [["<name>", …]]}],
      "issues": [<issue as in kiem-tra --json>]
    }

    <decision> = {"name", "kind", "department", "votes", "base", "share", "rank", "runoff",
                  "reason", "file", "sheet", "row"}     ("runoff": run-off votes, or null)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.campaign.model import Campaign, Kind, Level
from docgen.meeting.layout import by_level
from docgen.meeting.model import Decision, Meeting
from docgen.meeting.select import MeetingResult
from docgen.output.files import Written
from docgen.text import format_date_short
from docgen.validate.report import Report


@dataclass(frozen=True)
class LevelCount:
    """How many nominations of each kind the consolidated list holds for one level."""

    level: Level
    collectives: int
    individuals: int


def listed_counts(campaign: Campaign, report: Report) -> tuple[list[LevelCount], int]:
    """Per level, the collectives and individuals listed; and how many were left out as invalid."""
    grouped = by_level(campaign, report.eligible())
    counts = []
    for level in campaign.levels:
        collectives = sum(n.kind is Kind.COLLECTIVE for n in grouped[level.id])
        counts.append(LevelCount(level, collectives, len(grouped[level.id]) - collectives))
    return counts, len(report.nominees) - len(report.eligible())


def to_json(campaign_id: str, result: MeetingResult) -> dict[str, Any]:
    """The stable JSON of `ket-qua --json`."""
    return {
        "campaign": campaign_id,
        "meeting": _meeting_json(result.meeting) if result.meeting else None,
        "levels": [
            {
                "id": s.level.id,
                "label": s.level.label,
                "proposed": [_decision_json(d) for d in s.proposed()],
                "not_proposed": [_decision_json(d) for d in s.not_proposed()],
                "ties": [[d.nominee.name for d in tie] for tie in s.ties],
            }
            for s in result.selections
        ],
        "issues": [i.to_json() for i in result.issues],
    }


def meeting_lines(m: Meeting) -> list[str]:
    """The meeting as `ket-qua` and the page say it: date, members present, the way of voting,
    and the văn thư's numbers (or that there are none yet)."""
    said = f"Cuộc họp ngày {format_date_short(m.date)}: {m.present}/{m.members} thành viên có mặt, {m.voting_form}."
    if not m.numbers:
        return [said, "Văn thư chưa ghi số, ngày văn bản (trang “Số văn bản” của tệp họp xét): "
                      "văn bản để trống đúng khuôn."]  # fmt: skip
    numbers = "; ".join(
        n.full + (f" ngày {format_date_short(n.date)}" if n.date else "")
        for n in m.numbers.values()
    )
    return [said, f"Số văn bản văn thư đã ghi: {numbers}."]


def _meeting_json(m: Meeting) -> dict[str, Any]:
    return {
        "date": m.date.isoformat(),
        "start": m.start.strftime("%H:%M"),
        "end": m.end.strftime("%H:%M") if m.end else None,
        "place": m.place,
        "chair": {"name": m.chair.name, "title": m.chair.title},
        "secretary": {"name": m.secretary.name, "title": m.secretary.title},
        "members": m.members,
        "present": m.present,
        "absent": [{"name": a.name, "reason": a.reason} for a in m.absent],
        "voting_form": m.voting_form,
        "numbers": {
            key: {
                "number": a.number,
                "symbol": a.symbol,
                "date": a.date.isoformat() if a.date else None,
            }
            for key, a in sorted(m.numbers.items())
        },
    }


def _decision_json(d: Decision) -> dict[str, Any]:
    src = d.nominee.source
    return {
        "name": d.nominee.name,
        "kind": str(d.nominee.kind),
        "department": d.nominee.department,
        "votes": d.votes,
        "base": d.base,
        "share": round(d.share, 2),
        "rank": d.rank,
        "runoff": d.runoff,
        "reason": d.reason,
        "file": src.file,
        "sheet": src.sheet,
        "row": src.row,
    }


_LIST_WRITTEN = {
    Written.CREATED: "Đã tạo bảng tổng hợp: {path}",
    Written.OVERWRITTEN: "Đã ghi đè bảng tổng hợp: {path}",
    Written.UNCHANGED: "Bảng tổng hợp không thay đổi: {path}",
    Written.COPY: (
        "Tệp {original} đã có và khác bản mới (có thể thư ký đã ghi phiếu vào đó), nên được giữ "
        "nguyên; bản mới được ghi vào {path}. Dùng --ghi-de để ghi đè."
    ),
}


def list_written(status: Written, path: Path, original: Path) -> str:
    """What writing the meeting list did, as the clerk reads it (`tong-hop`, the page)."""
    return _LIST_WRITTEN[status].format(path=path, original=original)
