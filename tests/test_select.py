"""Selection after the meeting: threshold, ranking, quota per kind, ties at the boundary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

import pytest

from docgen.campaign.model import Campaign, Kind, VoteRule
from docgen.intake.records import Nominee, Source
from docgen.meeting.model import Absence, Meeting, Person, Selection
from docgen.meeting.select import select

CITY, WARD = "Cấp thành phố", "Cấp phường"


def nominee(name: str, row: int, level: str = CITY, kind: Kind = Kind.INDIVIDUAL) -> Nominee:
    """A nomination built in code, as validation would hand it over."""
    key = "ho_ten" if kind is Kind.INDIVIDUAL else "ten"
    sheet = "Cá nhân" if kind is Kind.INDIVIDUAL else "Tập thể"
    values = {key: name, "cap_de_nghi": level, "doi_tuong": "Công chức"}
    return Nominee(kind, Source("khoi-a.xlsx", sheet, row), "Khối A", values, {})  # type: ignore[arg-type]


def meeting(members: int = 9, present: int = 9) -> Meeting:
    absent = tuple(Absence(f"Thành viên {i}", "Đi công tác") for i in range(members - present))
    return Meeting(
        date(2023, 12, 22), time(8), time(10), "Hội trường UBND phường",
        Person("Lê Thanh Hoan", "Chủ tịch UBND phường"), Person("Trần Thị Bích", "Công chức"),
        members, present, absent, "biểu quyết",
    )  # fmt: skip


def run(
    campaign: Campaign,
    votes: Sequence[int | None],
    level: str = CITY,
    kind: Kind = Kind.INDIVIDUAL,
    m: Meeting | None = None,
) -> tuple[Selection, list[str]]:
    names = [f"Người {chr(65 + i)}" for i in range(len(votes))]
    group = [
        (nominee(n, 3 + i, level, kind), v)
        for i, (n, v) in enumerate(zip(names, votes, strict=True))
    ]
    selections, issues = select(campaign, m or meeting(), group)
    selection = next(s for s in selections if s.level.label == level)
    return selection, [i.code for i in issues]


def proposed(selection: Selection) -> list[str]:
    return [d.nominee.name for d in selection.proposed()]


RANKING = [
    # votes, expected proposed, expected tied names
    ([8, 7, 6], ["Người A", "Người B"], []),
    ([8, 8, 6], ["Người A", "Người B"], []),
    ([8, 7, 7], ["Người A"], ["Người B", "Người C"]),
    ([7, 7, 7], [], ["Người A", "Người B", "Người C"]),
    ([6, 9, 7], ["Người B", "Người C"], []),
    ([8, 7, 4, 4], ["Người A", "Người B"], []),
    ([8, 4, 4], ["Người A"], []),
    ([8, 7], ["Người A", "Người B"], []),
]
RANKING_IDS = [
    "top-two-of-three",
    "tie-inside-quota-both-proposed",
    "tie-straddling-boundary-reported",
    "three-way-tie-for-two-seats",
    "ranked-by-votes-not-order",
    "tie-below-threshold-irrelevant",
    "below-threshold-not-a-tie",
    "fewer-than-quota",
]


@pytest.mark.parametrize(("votes", "expected", "tied"), RANKING, ids=RANKING_IDS)
def test_ranking_quota_and_ties(
    campaign: Campaign, votes: list[int], expected: list[str], tied: list[str]
) -> None:
    selection, codes = run(campaign, votes)
    assert proposed(selection) == expected
    assert [d.nominee.name for tie in selection.ties for d in tie] == tied
    assert codes == (["TIE_AT_QUOTA"] if tied else [])


def test_tie_reason_and_issue_say_what_the_council_must_settle(campaign: Campaign) -> None:
    selections, issues = select(
        campaign,
        meeting(),
        [(nominee(n, i), v) for i, (n, v) in enumerate([("An", 8), ("Bình", 7), ("Cường", 7)])],
    )
    city = selections[0]
    tied = {d.nominee.name: d for d in city.ties[0]}
    assert not tied["Bình"].proposed and not tied["Cường"].proposed
    assert "2 cá nhân cùng 07 phiếu tranh 01 suất" in tied["Bình"].reason
    (issue,) = issues
    assert issue.code == "TIE_AT_QUOTA" and str(issue.severity) == "error"
    assert "Bình (Khối A), Cường (Khối A)" in issue.message
    assert "tranh 01 suất còn lại" in issue.message and "biểu quyết lại" in issue.message


def test_beyond_quota_reason(campaign: Campaign) -> None:
    selection, _ = run(campaign, [9, 8, 7])
    third = selection.not_proposed()[0]
    assert third.rank == 3
    assert third.reason == "Vượt số lượng: xếp thứ 3, chỉ tiêu 02 cá nhân"


def test_below_threshold_reason_states_the_denominator(campaign: Campaign) -> None:
    selection, _ = run(campaign, [4])
    (decision,) = selection.decisions
    assert not decision.passed and not decision.proposed
    assert decision.reason == "Không đạt tỷ lệ phiếu: 04/09 thành viên (44,44 %), cần trên 50 %"


THRESHOLD = [
    # rule, members, present, votes, passes
    (VoteRule(50, False, "members"), 10, 10, 5, False),
    (VoteRule(50, True, "members"), 10, 10, 5, True),
    (VoteRule(50, False, "members"), 10, 10, 6, True),
    (VoteRule(50, False, "members"), 9, 6, 4, False),
    (VoteRule(50, False, "present"), 9, 6, 4, True),
    (VoteRule(50, False, "present"), 9, 6, 3, False),
    (VoteRule(50, True, "present"), 9, 6, 3, True),
]
THRESHOLD_IDS = [
    "exactly-50-strict-fails",
    "exactly-50-inclusive-passes",
    "above-50-strict-passes",
    "members-denominator-4-of-9",
    "present-denominator-4-of-6",
    "present-denominator-exactly-half-strict",
    "present-denominator-exactly-half-inclusive",
]


@pytest.mark.parametrize(
    ("rule", "members", "present", "votes", "passes"), THRESHOLD, ids=THRESHOLD_IDS
)
def test_threshold(
    campaign: Campaign, rule: VoteRule, members: int, present: int, votes: int, passes: bool
) -> None:
    selection, _ = run(replace(campaign, vote=rule), [votes], m=meeting(members, present))
    (decision,) = selection.decisions
    assert decision.passed is passes and decision.proposed is passes
    assert decision.base == (members if rule.denominator == "members" else present)


def test_inclusive_reason_wording(campaign: Campaign) -> None:
    selection, _ = run(replace(campaign, vote=VoteRule(60, True, "present")), [3], m=meeting(9, 6))
    assert (
        selection.decisions[0].reason
        == "Không đạt tỷ lệ phiếu: 03/06 thành viên có mặt (50 %), cần từ 60 % trở lên"
    )


QUOTAS = [
    (CITY, Kind.COLLECTIVE, [8, 7], 1),
    (CITY, Kind.INDIVIDUAL, [9, 8, 7, 6], 2),
    (WARD, Kind.COLLECTIVE, [8, 7], 1),
    (WARD, Kind.INDIVIDUAL, [9, 8, 7, 6], 3),
]


@pytest.mark.parametrize(
    ("level", "kind", "votes", "count"),
    QUOTAS,
    ids=["city-collective-1", "city-individual-2", "ward-collective-1", "ward-individual-3"],
)
def test_quota_per_kind_of_the_shipped_campaign(
    campaign: Campaign, level: str, kind: Kind, votes: list[int], count: int
) -> None:
    selection, codes = run(campaign, votes, level, kind)
    assert len(selection.proposed(kind)) == count
    assert [d.votes for d in selection.proposed(kind)] == votes[:count]
    assert codes == []


def test_levels_and_kinds_are_decided_separately(campaign: Campaign) -> None:
    group = [
        (nominee("Tập thể X", 3, CITY, Kind.COLLECTIVE), 9),
        (nominee("An", 4, CITY), 9),
        (nominee("Bình", 5, CITY), 8),
        (nominee("Cường", 6, WARD), 8),
    ]
    selections, issues = select(campaign, meeting(), group)
    city, ward = selections
    assert [d.nominee.name for d in city.proposed()] == ["Tập thể X", "An", "Bình"]
    assert [d.nominee.name for d in ward.proposed()] == ["Cường"]
    assert issues == []


def test_missing_votes_are_not_proposed(campaign: Campaign) -> None:
    selection, _ = run(campaign, [None, 8])
    assert proposed(selection) == ["Người B"]
    missing = next(d for d in selection.decisions if d.nominee.name == "Người A")
    assert missing.reason == "Chưa có số phiếu hợp lệ" and missing.rank == 0


def test_equal_votes_keep_submission_order_and_share_rank(campaign: Campaign) -> None:
    selection, _ = run(campaign, [7, 9, 7], WARD)
    assert [(d.nominee.name, d.rank) for d in selection.decisions] == [
        ("Người B", 1),
        ("Người A", 2),
        ("Người C", 2),
    ]
