"""The ward's own decision: the bonus as data, the amount in words, the decision record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.award.decision import (
    NotFinalError,
    bonus_of,
    conferments,
    ward_decision,
    ward_decisions,
)
from docgen.award.model import Origin
from docgen.award.recorded import RecordError, recorded_decision
from docgen.award.words import in_words
from docgen.campaign import Campaign
from docgen.campaign.award import FORMS, form_of
from docgen.campaign.load import load_campaign
from docgen.campaign.model import Kind
from docgen.campaign.profiles import PROFILES
from docgen.campaign.write import campaign_toml
from docgen.checks import sample
from docgen.cli import main
from docgen.errors import CampaignError
from docgen.legal import bonus
from docgen.meeting.model import Assigned, Selection


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (105, "Một trăm linh năm đồng"),
        (360_000, "Ba trăm sáu mươi nghìn đồng"),
        (710_000, "Bảy trăm mười nghìn đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (3_000_000_000, "Ba tỷ đồng"),
        (12_000_015_000, "Mười hai tỷ không trăm mười lăm nghìn đồng"),
    ],
    ids=lambda v: str(v) if isinstance(v, int) else "",
)
def test_amount_in_words(amount: int, words: str) -> None:
    assert in_words(amount) == words


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (dt.date(2023, 6, 30), 1_490_000),
        (dt.date(2023, 7, 1), 1_800_000),
        (dt.date(2024, 6, 30), 1_800_000),
        (dt.date(2024, 7, 1), 2_340_000),
        (dt.date(2026, 12, 6), 2_340_000),
    ],
    ids=["nd38-last-day", "nd24-first-day", "nd24-last-day", "nd73-first-day", "nd73-later"],
)
def test_base_salary_by_date(day: dt.date, amount: int) -> None:
    assert bonus.base_salary(day).amount == amount


@pytest.mark.parametrize(
    ("profile", "tier", "kind", "day", "amount"),
    [
        ("nd91_2017", "xa", Kind.INDIVIDUAL, dt.date(2023, 12, 20), 270_000),  # 0,15 × 1.800.000
        ("nd91_2017", "xa", Kind.COLLECTIVE, dt.date(2023, 12, 20), 540_000),
        ("nd91_2017", "xa", Kind.INDIVIDUAL, dt.date(2023, 6, 20), 230_000),  # 223.500 rounded up
        ("nd91_2017", "huyen", Kind.INDIVIDUAL, dt.date(2023, 12, 20), 540_000),
        ("nd98_2023", "xa", Kind.INDIVIDUAL, dt.date(2024, 12, 20), 360_000),  # 351.000 up
        ("nd98_2023", "xa", Kind.COLLECTIVE, dt.date(2024, 12, 20), 710_000),  # 702.000 up
        ("nd152_2025", "xa", Kind.INDIVIDUAL, dt.date(2026, 1, 10), 360_000),
    ],
    ids=[
        "nd91-xa-individual",
        "nd91-xa-collective",
        "nd91-before-nd24",
        "nd91-huyen",
        "nd98-individual",
        "nd98-collective",
        "nd152",
    ],
)
def test_giay_khen_bonus(profile: str, tier: str, kind: Kind, day: dt.date, amount: int) -> None:
    found = bonus.rate("giay-khen", kind, profile, tier)
    assert found is not None
    assert bonus.amount(found, day) == amount


def test_rounding_is_up_to_ten_thousand() -> None:
    assert bonus.ROUNDING.apply(Decimal(350_001)) == 360_000
    assert bonus.ROUNDING.apply(Decimal(350_000)) == 350_000


def test_every_figure_names_its_source_and_none_claims_to_be_verified() -> None:
    records = [*bonus.RATES, *bonus.BASE_SALARIES, bonus.ROUNDING]
    assert all(r.source.strip() and r.read.strip() for r in records)
    # Nothing was read in an official text: a True here must come with the text read.
    assert not any(r.verified for r in records)
    for rate in bonus.RATES:
        assert rate.form in FORMS and set(rate.profiles) <= set(PROFILES)


def test_every_profile_has_a_giay_khen_rate_for_both_kinds() -> None:
    for profile in PROFILES:
        for kind in Kind:
            assert bonus.rate("giay-khen", kind, profile, "xa") is not None, (profile, kind)


@pytest.mark.parametrize(
    ("award", "form"),
    [
        ("Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành", "giay-khen"),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", "chien-si-thi-dua-co-so"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", ""),
    ],
    ids=["giay-khen", "cstdcs", "none"],
)
def test_form_from_the_award_name(award: str, form: str) -> None:
    assert form_of(award) == form


# --- the decision record --------------------------------------------------------------------------
def _ward(campaign: Campaign) -> Selection:
    return sample.selection(campaign, "phuong")


def test_shipped_ward_level_decides_itself(campaign: Campaign) -> None:
    assert campaign.level("phuong").decides and not campaign.level("thanh-pho").decides
    assert campaign.level("phuong").form == "giay-khen"


def test_conferments_in_list_order_with_bonus(campaign: Campaign) -> None:
    lines = conferments(campaign, _ward(campaign), dt.date(2023, 12, 20))
    assert [(c.recipient.kind, c.recipient.name, c.bonus) for c in lines] == [
        (Kind.COLLECTIVE, "Ủy ban nhân dân phường Tiến Thành", 540_000),
        (Kind.INDIVIDUAL, "Trần Thị Bình", 270_000),
        (Kind.INDIVIDUAL, "Nguyễn Văn An", 270_000),
    ]
    assert lines[1].recipient.birth is not None
    assert {c.form for c in lines} == {"Giấy khen"}


def test_no_decision_record_until_numbered(campaign: Campaign) -> None:
    selection = _ward(campaign)
    day = dt.date(2023, 12, 5)
    assert ward_decision(campaign, selection, None, day) is None
    assert ward_decision(campaign, selection, Assigned("", "QĐ-UBND", None), day) is None
    issued = ward_decision(
        campaign, selection, Assigned("15", "QĐ-UBND", dt.date(2023, 12, 20)), day
    )
    assert issued is not None
    assert (issued.reference, issued.date, issued.origin) == (
        "15/QĐ-UBND",
        dt.date(2023, 12, 20),
        Origin.CAMPAIGN,
    )
    assert (issued.level, issued.campaign, issued.year) == ("phuong", campaign.id, 2023)
    assert issued.authority == "Chủ tịch Ủy ban nhân dân phường Tiến Thành"
    assert len(issued.conferments) == 3


def test_higher_level_is_not_the_wards_decision(campaign: Campaign) -> None:
    assigned = Assigned("15", "QĐ-UBND", dt.date(2023, 12, 20))
    city = sample.selection(campaign, "thanh-pho")
    assert ward_decision(campaign, city, assigned, dt.date(2023, 12, 5)) is None


def test_no_decision_from_a_result_that_is_not_final(campaign: Campaign) -> None:
    selection = _ward(campaign)
    tied = dataclasses.replace(selection, ties=[selection.decisions[1:3]])
    assigned = Assigned("15", "QĐ-UBND", dt.date(2023, 12, 20))
    with pytest.raises(NotFinalError) as caught:
        ward_decision(campaign, tied, assigned, dt.date(2023, 12, 5))
    assert caught.value.exit_code == 1
    assert "chưa thể lập quyết định khen thưởng vì kết quả họp xét chưa cuối cùng" in str(
        caught.value
    )
    assert "Nguyễn Văn An" in str(caught.value)


def test_bonus_follows_the_decision_date(campaign: Campaign) -> None:
    level = campaign.level("phuong")
    assert bonus_of(campaign, level, Kind.INDIVIDUAL, dt.date(2023, 6, 30)) == 230_000
    assert bonus_of(campaign, level, Kind.INDIVIDUAL, dt.date(2023, 7, 1)) == 270_000


# --- the campaign file's keys -----------------------------------------------------------------------
def test_campaign_check_tells_the_wards_own_decision(pristine_example: Path) -> None:
    result = CliRunner().invoke(main, ["kiem-tra-chien-dich", "--thu-muc", str(pristine_example)])
    assert result.exit_code == 0, result.output
    assert (
        "tự quyết định khen thưởng: tờ trình của Thường trực Hội đồng Thi đua - Khen thưởng "
        "phường Tiến Thành (TTr-HĐTĐKT), quyết định (QĐ-UBND) và danh sách kèm theo; tiền "
        "thưởng Giấy khen ngày 20/12/2023: tập thể 540.000 đồng; cá nhân 270.000 đồng (mức "
        "lương cơ sở 1.800.000 đồng) — mức chưa đối chiếu văn bản gốc" in result.output
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'documents = ["bien-ban", "bao-cao"]',
            'documents = ["to-trinh", "bien-ban", "bao-cao"]',
            "cấp này tự quyết định: tờ trình gửi Chủ tịch do Thường trực Hội đồng lập",
        ),
        ('tier = "xa"', 'tier = "xa"\nform = "bang-khen"', "cấp tự quyết định khen thưởng cần"),
        (
            'proposer_signer = "thuong_truc_hd"',
            'proposer_signer = "khong_co"',
            "khóa `award.proposer_signer`",
        ),
    ],
    ids=["ubnd-to-its-own-chairman", "unknown-form", "unknown-signer"],
)
def test_campaign_award_keys_are_checked(
    pristine_example: Path, tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = (pristine_example / "input" / "campaign.toml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "campaign.toml"
    bad.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(CampaignError) as caught:
        load_campaign(bad)
    assert message in str(caught.value)


# --- a higher level's decision, recorded ------------------------------------------------------------
def test_a_higher_levels_decision_is_recorded(campaign: Campaign) -> None:
    city = sample.selection(campaign, "thanh-pho")
    record = recorded_decision(
        campaign, city, "7/QĐ-UBND", dt.date(2024, 1, 15), ["  trần thị  BÌNH "]
    )
    assert (record.reference, record.origin, record.level) == (
        "07/QĐ-UBND",
        Origin.RECORDED,
        "huyen",
    )
    assert record.authority == "Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài"
    assert [c.recipient.name for c in record.conferments] == ["Trần Thị Bình"]
    assert record.conferments[0].form == "Giấy khen" and record.conferments[0].bonus == 0
    everyone = recorded_decision(campaign, city, "12/QĐ-UBND", dt.date(2024, 1, 15))
    assert len(everyone.conferments) == 3


@pytest.mark.parametrize(
    ("level", "reference", "names", "message"),
    [
        ("thanh-pho", "7/QĐ-UBND", ["Lê Văn Cường"], "không có trong danh sách phường đề nghị: Lê Văn Cường"),
        ("thanh-pho", "QĐ-UBND", [], "phải ghi dạng 15/QĐ-UBND"),
        ("phuong", "7/QĐ-UBND", [], "do phường tự quyết định"),
    ],
    ids=["not-proposed", "no-number", "the-wards-own"],
)  # fmt: skip
def test_a_record_never_guesses(
    campaign: Campaign, level: str, reference: str, names: list[str], message: str
) -> None:
    with pytest.raises(RecordError) as caught:
        recorded_decision(
            campaign, sample.selection(campaign, level), reference, dt.date(2024, 1, 15), names
        )
    assert message in str(caught.value)


def test_the_campaigns_issued_decisions(campaign: Campaign) -> None:
    selections = [sample.selection(campaign, "thanh-pho"), _ward(campaign)]
    assert ward_decisions(campaign, sample.meeting(), selections) == []
    numbered = sample.meeting(
        {"quyet-dinh:phuong": Assigned("215", "QĐ-UBND", dt.date(2023, 12, 20))}
    )
    (issued,) = ward_decisions(campaign, numbered, selections)
    assert (issued.reference, issued.level, len(issued.conferments)) == ("215/QĐ-UBND", "phuong", 3)


def test_a_record_never_merges_two_people_of_one_name(campaign: Campaign) -> None:
    city = sample.selection(campaign, "thanh-pho")
    twin = sample.nominee(Kind.INDIVIDUAL, chuc_vu="Công chức Tư pháp")  # Nguyễn Văn An again
    city.decisions[3] = sample.decision(twin, city.level, 8, 1, True)
    with pytest.raises(RecordError) as caught:
        recorded_decision(campaign, city, "7/QĐ-UBND", dt.date(2024, 1, 15), ["Nguyễn Văn An"])
    assert "có nhiều người cùng tên Nguyễn Văn An" in str(caught.value)


def test_decision_bases_round_trip(pristine_example: Path, tmp_path: Path) -> None:
    loaded = load_campaign(pristine_example / "input" / "campaign.toml")
    law = (
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một "
        "số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng "
        "11 năm 2019"
    )  # the shipped campaign's competence basis, as the wizard offers it for 2023
    assert loaded.award is not None and loaded.award.bases == (law,)
    again = tmp_path / "again.toml"
    again.write_text(campaign_toml(loaded), encoding="utf-8")
    assert load_campaign(again).award == loaded.award
