"""Context of the review meeting's minutes (Biên bản họp xét): one meeting, one Biên bản.

The Biên bản records the whole meeting: attendance once, then a section per award level the
meeting considered (its criteria, the vote table grouped Tập thể / Cá nhân, any run-off, and its
conclusion). The same file is filed in each level's dossier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from docgen.campaign.model import Campaign, Kind, Level
from docgen.documents.dates import clock, number, short_date
from docgen.documents.heading import council_header
from docgen.documents.nominees import GROUP_TITLES, ordered, position_unit
from docgen.documents.outcomes import (
    counted,
    not_proposed_line,
    proposed_line,
    runoff_lines,
    threshold_words,
)
from docgen.documents.phrases import (
    ROMAN,
    as_printed,
    count,
    item_mark,
    kinds_count,
    listed,
    lower_first,
    percent,
    votes,
)
from docgen.documents.required import require_context
from docgen.meeting.model import Decision, Meeting, Selection
from docgen.meeting.numbers import MINUTES_KEY

DOCUMENT = "Biên bản họp xét"
REQUIRED = ("dia_diem", "hinh_thuc_bieu_quyet", "chu_toa", "thu_ky", "cac_cap")


def considered(selections: list[Selection]) -> list[Selection]:
    """The levels the meeting voted on (those with at least one nomination)."""
    return [s for s in selections if s.decisions]


def minutes_context(
    campaign: Campaign, meeting: Meeting, selections: list[Selection]
) -> dict[str, Any]:
    """Everything the Biên bản prints: attendance, criteria, results per level, conclusions."""
    levels = considered(selections)
    own = meeting.assigned(MINUTES_KEY)
    every = [d for s in levels for d in s.decisions]
    context: dict[str, Any] = {
        **council_header(campaign),
        "so": number(own.number if own else "", f"BB-{campaign.council.symbol}"),
        "trich_yeu": f"Họp xét đề nghị khen thưởng {campaign.movement}",
        **_attendance(campaign, meeting),
        "ke_hoach": _plan(campaign),
        "so_ho_so": counted(every),
        "so_cap": count(len(levels)),
        "hinh_thuc_bieu_quyet": meeting.voting_form,
        "cac_cap": [
            _level(campaign, meeting, s, item_mark(f"6.{i}", len(levels)))
            for i, s in enumerate(levels, start=1)
        ],
        "ket_thuc": clock(meeting.end, meeting.date),
        "noi_nhan": listed(_recipients(levels)),
    }
    require_context(DOCUMENT, context, REQUIRED)
    return as_printed(context)


def _attendance(campaign: Campaign, meeting: Meeting) -> dict[str, Any]:
    return {
        "bat_dau": clock(meeting.start, meeting.date),
        "dia_diem": meeting.place,
        "hoi_dong": campaign.council.name,
        "so_thanh_vien": count(meeting.members),
        "so_co_mat": count(meeting.present),
        "so_vang": count(meeting.members - meeting.present),
        "vang_mat": [{"ten": a.name, "ly_do": a.reason or "không rõ"} for a in meeting.absent],
        "chu_toa": {"ten": meeting.chair.name, "chuc_vu": meeting.chair.title},
        "thu_ky": {"ten": meeting.secretary.name, "chuc_vu": meeting.secretary.title},
    }


def _plan(campaign: Campaign) -> str:
    plan = campaign.plan
    return (
        f"Kế hoạch số {plan.number} ngày {short_date(plan.date)} của "
        f"{campaign.issuer.full_name} về {lower_first(plan.title)}"
    )


def _level(campaign: Campaign, meeting: Meeting, selection: Selection, mark: str) -> dict[str, Any]:
    """One level's section: heading, criteria, grouped results, run-offs and conclusion.

    `mark`: "6.1. " before the level's heading, "" when the meeting considered one level.
    """
    level = selection.level
    proposed = selection.proposed()
    collectives = sum(d.nominee.kind is Kind.COLLECTIVE for d in proposed)
    return {
        "muc": mark.removesuffix(". "),
        "dau_muc": mark,
        "ten": level.label,
        "hinh_thuc": level.award,
        "so_ho_so": counted(selection.decisions),
        "tieu_chi": _criteria(campaign, level),
        "nhom": _groups(selection.decisions),
        "bieu_quyet_lai": [
            line for r in selection.runoffs for line in runoff_lines(r, level, meeting)
        ],
        "nguyen_tac": _rule(campaign, level),
        "nguoi_quyet_dinh": level.decider,
        "so_luong": kinds_count(collectives, len(proposed) - collectives),
        "de_nghi": Rows(proposed, lambda d: proposed_line(d, meeting), punctuated=True),
        "khong_de_nghi": Rows(
            ordered(selection.not_proposed()),
            lambda d: not_proposed_line(d, campaign, meeting),
            punctuated=True,
        ),
    }


def _criteria(campaign: Campaign, level: Level) -> list[dict[str, Any]]:
    """The criteria of each subject kind eligible at `level`, in the plan's wording."""
    kinds = {campaign.subject(s).kind for s in level.subjects}
    return [
        {"doi_tuong": kind.label, "muc": [c.text for c in campaign.criteria_for(kind)]}
        for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL)
        if kind in kinds and campaign.criteria_for(kind)
    ]


def _groups(decisions: list[Decision]) -> list[dict[str, Any]]:
    """The vote table's groups: `I. TẬP THỂ`, `II. CÁ NHÂN` (an empty group is left out)."""
    out: list[dict[str, Any]] = []
    for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL):
        members = [d for d in ordered(decisions) if d.nominee.kind is kind]
        if members:
            rows = Rows(members, _result, numbered=True)
            title = GROUP_TITLES[kind].upper()
            collective = kind is Kind.COLLECTIVE  # its row: one cell for name and unit
            out.append(
                {"so_la_ma": ROMAN[len(out)], "tieu_de": title, "tap_the": collective, "muc": rows}
            )
    for group in out:  # one group alone is not numbered
        group["dau_muc"] = item_mark(group["so_la_ma"], len(out))
    return out


def _result(decision: Decision, index: int) -> dict[str, str]:
    return {
        "stt": str(index),
        "ten": decision.nominee.name,
        "chuc_vu_don_vi": position_unit(decision.nominee),
        "hinh_thuc": short_award(decision.level.award),
        "so_phieu": votes(decision.votes, decision.base),
        "ty_le": percent(decision.share).removesuffix(" %"),  # the column title says "%"
    }


class Rows(Sequence[Any]):
    """A table's rows or a list's lines, each made (and put in NFC) when the template reads it.

    The Biên bản lists every nomination of the meeting; held whole, with its NFC copy, that
    was some 30 MB at 20,000 nominations. A Rows holds only the decisions. ``numbered``:
    ``make`` also gets the 1-based position; ``punctuated``: lines end as :func:`listed` ends
    them (``;``, and ``.`` after the last).
    """

    __slots__ = ("_items", "_make", "_numbered", "_punctuated")

    def __init__(
        self,
        items: Sequence[Decision],
        make: Callable[..., Any],
        *,
        numbered: bool = False,
        punctuated: bool = False,
    ) -> None:
        self._items, self._make = items, make
        self._numbered, self._punctuated = numbered, punctuated

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        return self._row(position, self._items[position])

    def __iter__(self) -> Iterator[Any]:
        for index, item in enumerate(self._items):
            yield self._row(index, item)

    def _row(self, index: int, item: Decision) -> Any:
        value = self._make(item, index + 1) if self._numbered else self._make(item)
        if self._punctuated:  # as listed() ends them: ";" after each line, "." after the last
            last = index == len(self._items) - 1
            value = listed([value] if last else [value, ""], dash=False)[0]
        return as_printed(value)


def _rule(campaign: Campaign, level: Level) -> str:
    """The vote rule in words, with the denominator and the level's quota."""
    quota = kinds_count(level.quota.get(Kind.COLLECTIVE, 0), level.quota.get(Kind.INDIVIDUAL, 0))
    return (
        f"số phiếu đồng ý phải đạt {threshold_words(campaign)}, xét theo thứ tự số phiếu "
        f"từ cao xuống thấp và không vượt quá {quota}"
    )


def _recipients(levels: list[Selection]) -> list[str]:
    """Nơi nhận of every level the Biên bản covers, once each, the archive copy last."""
    seen: list[str] = []
    for selection in levels:
        for recipient in selection.level.noi_nhan:
            if recipient.casefold() != "như trên" and recipient not in seen:
                seen.append(recipient)
    return sorted(seen, key=lambda r: r.casefold().startswith("lưu"))


def short_award(award: str) -> str:
    """`Giấy khen` for `Giấy khen của Chủ tịch …`: the table column repeats it on every row."""
    return award.split(" của ", 1)[0]
