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
            "khóa `plan.title` (dòng 31): thiếu giá trị bắt buộc",
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
    [("[campaign\nid = 1", "sai cú pháp ở dòng 1"), (None, "Không tìm thấy tệp chiến dịch")],
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


def _load_variant(tmp_path: Path, changes: list[tuple[str, str]], encoding: str) -> Campaign:
    text = CAMPAIGN_FILE.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "campaign.toml"
    path.write_bytes(text.encode(encoding))
    return load_campaign(path)


@pytest.mark.parametrize(
    ("changes", "encoding"),
    [
        ([], "utf-8-sig"),
        ([('kind = "collective"', 'kind = "tập thể"'), ('kind = "individual"', 'kind = "Cá nhân"')], "utf-8"),
        ([('subject = "collective"', 'subject = "TẬP THỂ"'), ('subject = "individual"', 'subject = "ca nhan"')], "utf-8"),
        ([('applies = ["collective", "individual"]', 'applies = ["tập thể", "cá nhân"]')], "utf-8"),
        ([("quota = { collective = 1, individual = 2 }", 'quota = { "tập thể" = 1, "cá nhân" = 2 }')], "utf-8"),
        ([('documents = ["bien-ban", "bao-cao"]', 'documents = ["biên bản", "báo cáo thành tích"]')], "utf-8"),
        ([('type = "choice"', 'type = "chọn"'), ('op = "equals"', 'op = "bằng"'), ('op = "one_of"', 'op = "một trong"')], "utf-8"),
        ([('denominator = "members"', 'denominator = "tổng số thành viên"'), ('legal_profile = "nd91_2017"', 'legal_profile = "NĐ 91/2017"')], "utf-8"),
        ([("date = 2023-02-24", 'date = "24/02/2023"'), ("deadline = 2023-12-20", 'deadline = "20/12/2023"')], "utf-8"),
    ],
    ids=["utf8-bom", "subject-kinds", "criterion-subjects", "field-applies", "quota-keys",
         "documents", "types-and-ops", "vote-and-profile", "day-first-dates"],
)  # fmt: skip
def test_a_clerks_way_of_writing_gives_the_same_campaign(
    tmp_path: Path, campaign: Campaign, changes: list[tuple[str, str]], encoding: str
) -> None:
    variant = _load_variant(tmp_path, changes, encoding)
    assert variant == campaign.__class__(**{**variant.__dict__, "source": campaign.source})


@pytest.mark.parametrize(
    ("written", "profile"),
    [("NĐ 91/2017", "nd91_2017"), ("nd98-2023", "nd98_2023"), ("Nghị định 152/2025", "nd152_2025")],
)
def test_every_legal_profile_is_known_by_its_decree_number(written: str, profile: str) -> None:
    """The aliases ask the one list of profiles (ND 152/2025 was missing from a copy)."""
    from docgen.campaign.aliases import canonical

    data = canonical({"campaign": {"legal_profile": written}})
    assert data["campaign"]["legal_profile"] == profile


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "date = 2023-02-24",
            "date = 24/02/2023",
            "sai cú pháp ở dòng {line}: date = 24/02/2023\n"
            "  Ngày viết theo dạng năm-tháng-ngày, không có ngoặc kép (hoặc trong ngoặc kép theo "
            'ngày/tháng/năm), ví dụ: date = 2023-02-24  hoặc  date = "24/02/2023"',
        ),
        (
            'name = "Lê Thanh Hoan"',
            "name = Lê Thanh Hoan",
            "sai cú pháp ở dòng {line}: name = Lê Thanh Hoan\n"
            '  Chữ phải đặt trong ngoặc kép, ví dụ: name = "Lê Thanh Hoan"',
        ),
        (
            'label = "Bộ phận \\"Một cửa\\" phường"',
            'label = "Bộ phận "Một cửa" phường"',
            'Thiếu dấu ngoặc kép đóng, hoặc trong chữ có dấu " thì viết thành \\"',
        ),
    ],
    ids=["day-first-date-unquoted", "unquoted-name", "inner-quotes"],
)
def test_toml_mistakes_are_explained_with_the_line_and_the_right_form(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    with pytest.raises(CampaignError) as raised:
        _load_variant(tmp_path, [(old, new)], "utf-8")
    lines = CAMPAIGN_FILE.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(old))
    assert expected.replace("{line}", str(line)) in str(raised.value)


def test_a_utf16_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "campaign.toml"
    path.write_bytes(CAMPAIGN_FILE.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(CampaignError, match="được lưu dạng UTF-16") as raised:
        load_campaign(path)
    assert "ở ô Mã hóa chọn “UTF-8”" in str(raised.value)


def test_an_unknown_vietnamese_word_is_still_reported(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match='phải là "collective" \\(tập thể\\)'):
        _load_variant(tmp_path, [('kind = "collective"', 'kind = "tổ chức"')], "utf-8")


def test_the_committed_example_campaign_is_the_tests_copy() -> None:
    """input/campaign.toml as committed (the clerk's copy may differ) equals the tests' copy."""
    import shutil
    import subprocess

    from tests.conftest import ROOT

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    shown = [
        subprocess.run(["git", "show", f"HEAD:{name}"], cwd=ROOT, capture_output=True, check=False)
        for name in ("input/campaign.toml", "tools/example/campaign.toml")
    ]
    if any(s.returncode for s in shown):
        pytest.skip("the example is not committed in this checkout")
    assert shown[0].stdout == shown[1].stdout, "copy input/campaign.toml to tools/example/"
