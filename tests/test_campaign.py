"""The campaign file: the shipped plan loads; each kind of mistake is named with key and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from docgen.campaign import Campaign, Kind, load_campaign
from docgen.errors import CampaignError
from tests.conftest import CAMPAIGN_FILE


def test_shipped_campaign_matches_the_plan(campaign: Campaign) -> None:
    city, ward = campaign.levels
    assert campaign.plan.number == "19/KH-UBND"
    assert campaign.plan.date == date(2023, 2, 24)
    assert campaign.period.deadline == date(2023, 12, 20)
    assert campaign.legal_profile == "nd91_2017"
    assert city.quota == {Kind.COLLECTIVE: 1, Kind.INDIVIDUAL: 2}
    assert ward.quota == {Kind.COLLECTIVE: 1, Kind.INDIVIDUAL: 3}
    assert city.documents == ("to-trinh", "danh-sach", "bien-ban", "bao-cao")
    assert ward.documents == ("bien-ban", "bao-cao")
    assert "ubnd-phuong" in city.subjects and "mot-cua" not in city.subjects
    assert "mot-cua" in ward.subjects and "ubnd-phuong" not in ward.subjects
    assert [c.id for c in campaign.criteria_for(Kind.COLLECTIVE)] == ["TT1", "TT2", "TT3", "TT4"]
    assert [c.id for c in campaign.criteria_for(Kind.INDIVIDUAL)] == ["CN1", "CN2", "CN3", "CN4"]
    assert campaign.signers["chu_tich"].name == "Lê Thanh Hoan"


@pytest.mark.parametrize(
    ("votes", "members", "present", "denominator", "inclusive", "passes"),
    [
        (5, 9, 8, "members", False, True),
        (4, 9, 8, "members", False, False),
        (4, 9, 8, "present", False, False),  # exactly 50 % is not "more than"
        (4, 9, 8, "present", True, True),
        (5, 9, 0, "present", False, False),
    ],
    ids=["5of9", "4of9", "4of8-strict", "4of8-inclusive", "nobody-present"],
)
def test_vote_rule(
    votes: int, members: int, present: int, denominator: str, inclusive: bool, passes: bool
) -> None:
    from docgen.campaign.model import VoteRule

    assert VoteRule(50, inclusive, denominator).passes(votes, members, present) is passes


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = CAMPAIGN_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "campaign.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'legal_profile = "nd91_2017"',
            'legal_profile = "nd30"',
            "khóa `campaign.legal_profile` (dòng",
        ),
        ("members = 9", "members = 0", "khóa `council.members`"),
        ("members = 9", 'members = "chín"', "phải là số nguyên"),
        ("deadline = 2023-12-20", "deadline = 2023-01-01", "hạn chót phải sau ngày bắt đầu"),
        (
            'denominator = "members"',
            'denominator = "all"',
            "“members” (tổng số thành viên)".replace("“", '"').replace("”", '"'),
        ),
        ('op = "equals", value = "Tốt"', 'op = "eval", value = "Tốt"', "phải là một trong equals"),
        (
            'field = "xep_loai_cchc"',
            'field = "khong_co"',
            "trường “khong_co” không có trong phiếu nhập",
        ),
        ('signer = "chu_tich"', 'signer = "pho_chu_tich"', "người ký “pho_chu_tich” chưa khai báo"),
        (
            'subjects = ["ubnd-phuong",',
            'subjects = ["ubnd-xa",',
            "đối tượng “ubnd-xa” chưa khai báo",
        ),
        (
            "quota = { collective = 1, individual = 2 }",
            "quota = { collective = -1, individual = 2 }",
            "số nguyên không âm",
        ),
        (
            'documents = ["to-trinh", "danh-sach", "bien-ban", "bao-cao"]',
            'documents = ["quyet-dinh"]',
            "“quyet-dinh” không phải loại văn bản",
        ),
        (
            'title = "Phát động',
            'titel = "Phát động',
            "khóa `plan.title` (dòng 28): thiếu giá trị bắt buộc",
        ),
    ],
    ids=[
        "unknown-profile",
        "zero-members",
        "members-not-int",
        "deadline-before-start",
        "bad-denominator",
        "unknown-check-op",
        "unknown-field",
        "unknown-signer",
        "unknown-subject",
        "negative-quota",
        "unknown-document",
        "missing-key",
    ],
)
def test_campaign_errors_name_the_key(tmp_path: Path, old: str, new: str, expected: str) -> None:
    with pytest.raises(CampaignError) as caught:
        load_campaign(_broken(tmp_path, old, new))
    assert expected in str(caught.value)


def test_error_names_the_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "members = 9", "members = 0")
    line = next(
        i
        for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if t.startswith("members =")
    )
    with pytest.raises(CampaignError, match=rf"\(dòng {line}\)"):
        load_campaign(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [("[campaign\nid = 1", "sai cú pháp TOML"), (None, "Không tìm thấy tệp chiến dịch")],
    ids=["not-toml", "missing-file"],
)
def test_unreadable_campaign(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "c.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CampaignError, match=expected):
        load_campaign(path)


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    path = _broken(tmp_path, "members = 9", "members = 0")
    text = path.read_text(encoding="utf-8").replace(
        'legal_profile = "nd91_2017"', 'legal_profile = "x"'
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CampaignError) as caught:
        load_campaign(path)
    assert len(caught.value.problems) == 2
