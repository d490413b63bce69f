"""The law of the campaign's date: source table, profile/date/citation warnings, thematic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign import load_campaign
from docgen.campaign.profiles import PROFILES
from docgen.cli import main
from docgen.errors import CampaignError, TemplateError
from docgen.legal.check import review_campaign
from docgen.legal.sources import SOURCE_TABLE, load_sources
from tests.conftest import CAMPAIGN_FILE, ROOT
from tools.example.variants import CAMPAIGNS, VARIANTS
from tools.templates.build import TEMPLATES

TEMPLATE_DIR = ROOT / "templates_docx"
SHIPPED = CAMPAIGN_FILE
ND98 = CAMPAIGNS / "nd98-2024.toml"
ND152 = CAMPAIGNS / "nd152-2026.toml"


# --- the source table -----------------------------------------------------------------------


def test_source_table_covers_every_template() -> None:
    table = load_sources(TEMPLATE_DIR)
    on_disk = {p.name for p in TEMPLATE_DIR.glob("*.docx")}
    assert set(table) == on_disk == set(TEMPLATES)
    used = {form for p in PROFILES.values() for form in p.templates()}
    assert used <= set(table)


def test_every_source_row_says_where_and_how_sure() -> None:
    for row in load_sources(TEMPLATE_DIR).values():
        assert row.title and row.sources and row.note, row.file
        assert row.verified == (row.basis == "official"), row.file


def _template_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


@pytest.mark.parametrize("name", sorted(load_sources(TEMPLATE_DIR)))
def test_form_headings_and_items_follow_the_recorded_source(name: str) -> None:
    """Each form's headings and items appear, in order, as the source table records them."""
    text = _template_text(TEMPLATE_DIR / name)
    position = 0
    for line in load_sources(TEMPLATE_DIR)[name].lines:
        found = text.find(line, position)
        assert found >= 0, f"{name}: “{line}” missing or out of order"
        position = found + len(line)


def test_political_theory_comes_before_qualifications_in_the_nd98_individual_form() -> None:
    text = _template_text(TEMPLATE_DIR / "bao-cao-nd98-mau03.docx")
    assert text.index("Trình độ lý luận chính trị") < text.index("Trình độ chuyên môn, nghiệp vụ")
    assert "lý luận chính trị" not in _template_text(TEMPLATE_DIR / "bao-cao-nd91-mau02.docx")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('file = "a.docx"\nverified = true\nbasis = "secondary"', "verified = true chỉ khi"),
        ('file = "a.docx"\nverified = "có"\nbasis = "none"', "cần verified (true/false)"),
        ('title = "x"\nverified = false\nbasis = "none"', "phải là chuỗi"),
    ],
    ids=["verified-without-official", "verified-not-bool", "no-file"],
)
def test_a_bad_source_table_is_refused(tmp_path: Path, row: str, message: str) -> None:
    (tmp_path / SOURCE_TABLE).write_text(f"[[form]]\n{row}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_sources(tmp_path)
    assert message in str(caught.value)


# --- profile, period and citations ------------------------------------------------------------

ND98_BASES = [
    "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ",
]


def _variant(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "campaign.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _bases(lines: list[str]) -> tuple[str, str]:
    return ("bases = [\n", "bases = [\n" + "".join(f'  "{line}",\n' for line in lines))


def _profile(old: str, new: str) -> tuple[str, str]:
    return (f'legal_profile = "{old}"', f'legal_profile = "{new}"')


PROVINCE = ('symbol = "UBND" ', 'province = "Bình Phước"\nsymbol = "UBND" ')
SHIPPED_BASES = 2  # the law and the decree cited by plan 19/KH-UBND


@pytest.mark.parametrize(
    ("source", "edits", "codes"),
    [
        (SHIPPED, (), ["LAW_FORMS_UNVERIFIED"]),
        (ND98, (), ["LAW_FORMS_UNVERIFIED"]),
        (ND152, (), ["LAW_FORMS_UNVERIFIED"]),
        (
            SHIPPED,
            (_profile("nd91_2017", "nd98_2023"), PROVINCE),
            ["LAW_PROFILE_PERIOD", "LAW_CITES_OTHER_PROFILE", "LAW_CITES_OTHER_PROFILE",
             "LAW_MISSING_CITATION", "LAW_MISSING_CITATION", "LAW_FORMS_UNVERIFIED"],
        ),
        (
            ND98,
            (_profile("nd98_2023", "nd91_2017"),),
            ["LAW_PROFILE_PERIOD", "LAW_CITES_OTHER_PROFILE", "LAW_CITES_OTHER_PROFILE",
             "LAW_MISSING_CITATION", "LAW_MISSING_CITATION", "LAW_FORMS_UNVERIFIED"],
        ),
        (
            ND152,
            (_profile("nd152_2025", "nd98_2023"),),
            ["LAW_PROFILE_PERIOD", "LAW_CITES_OTHER_PROFILE", "LAW_CITES_OTHER_PROFILE",
             "LAW_MISSING_CITATION", "LAW_FORMS_UNVERIFIED"],
        ),
        (
            ND152,
            (_bases(ND98_BASES),),
            ["LAW_CITES_REPEALED", "LAW_FORMS_UNVERIFIED"],
        ),
        (
            ND98,
            (("deadline = 2024-12-20", "deadline = 2025-08-20"),),
            ["LAW_PROFILE_PERIOD", "LAW_CITES_REPEALED", "LAW_CITES_REPEALED",
             "LAW_FORMS_UNVERIFIED"],  # the decree, and the 2015 law on local government
        ),
        (
            ND152,
            (('tier = "tinh"', 'tier = "huyen"'),),
            ["LAW_LEVEL_TIER", "LAW_FORMS_UNVERIFIED"],
        ),
        (
            SHIPPED,
            (("deadline = 2023-12-20", "deadline = 2024-01-10"),),
            ["LAW_PROFILE_PERIOD", "LAW_CITES_REPEALED", "LAW_CITES_REPEALED",
             "LAW_FORMS_UNVERIFIED"],
        ),
    ],
    ids=[
        "nd91-2023-fits", "nd98-2024-fits", "nd152-2026-fits", "nd98-on-a-2023-campaign",
        "nd91-on-a-2024-campaign", "nd98-on-a-2026-campaign", "nd152-citing-nd98",
        "nd98-period-past-june-2025", "nd152-with-a-district", "nd91-period-into-2024",
    ],
)  # fmt: skip
def test_profile_date_and_citation_warnings(
    tmp_path: Path, source: Path, edits: tuple[tuple[str, str], ...], codes: list[str]
) -> None:
    review = review_campaign(_variant(tmp_path, source, *edits), TEMPLATE_DIR)
    assert [w.code for w in review.issues] == codes
    assert all(w.place.row and w.place.sheet.startswith("khóa ") for w in review.issues)


def test_a_warning_names_the_key_the_line_and_the_right_profile(tmp_path: Path) -> None:
    path = _variant(tmp_path, SHIPPED, _profile("nd91_2017", "nd98_2023"), PROVINCE)
    issues = review_campaign(path, TEMPLATE_DIR).issues
    period, law, decree = issues[0], issues[1], issues[2]
    lines = path.read_text(encoding="utf-8").splitlines()
    row = lines.index('legal_profile = "nd98_2023"') + 1
    assert period.place.label() == f"campaign.toml › khóa campaign.legal_profile › dòng {row}"
    assert period.message == (
        "Bộ biểu mẫu “nd98_2023” áp dụng cho hồ sơ lập từ 01/01/2024 đến 30/06/2025; hồ sơ của "
        "chiến dịch này lập ngày 19/12/2023 (ngày cuối thời gian phong trào) nên theo bộ "
        "“nd91_2017” (từ 31/07/2017 đến 31/12/2023)."
    )
    assert "91/2017/NĐ-CP" in lines[decree.place.row - 1]  # type: ignore[operator]
    assert "2003" in lines[law.place.row - 1]  # type: ignore[operator]
    assert decree.place.sheet == f"khóa plan.bases[{SHIPPED_BASES - 1}]"


def test_a_repealed_citation_says_since_when_and_what_replaced_it(tmp_path: Path) -> None:
    path = _variant(tmp_path, ND152, _bases(ND98_BASES))
    repealed = review_campaign(path, TEMPLATE_DIR).issues[0]
    assert repealed.message == (
        "Kế hoạch viện dẫn Nghị định số 98/2023/NĐ-CP, văn bản đã hết hiệu lực từ 01/07/2025, "
        "thay bằng Nghị định số 152/2025/NĐ-CP; tờ trình lập ngày 19/12/2026 in căn cứ này."
    )


def test_unverified_forms_are_named_with_their_source(tmp_path: Path) -> None:
    path = _variant(tmp_path, ND152, ("thematic = false", "thematic = true"))
    (warning,) = review_campaign(path, TEMPLATE_DIR).warnings
    assert "mẫu chưa đối chiếu với văn bản gốc" in warning.message
    assert "bao-cao-nd152-chuyen-de.docx (Nghị định 152/2025/NĐ-CP" in warning.message


# --- what a profile requires -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "edit", "line_of", "expected"),
    [
        (
            ND98,
            ("thematic = false", "thematic = true"),
            "thematic = true",
            "khóa `campaign.thematic` (dòng {line}): bộ biểu mẫu “nd98_2023” chưa có mẫu báo cáo "
            "thành tích theo chuyên đề (chưa tìm được văn bản gốc); đặt thematic = false hoặc "
            "dùng bộ nd91_2017, nd152_2025.",
        ),
        (
            ND152,
            ('province = "Đồng Nai"', ""),
            "[issuer]",
            "khóa `issuer.province` (dòng {line}): bộ biểu mẫu “nd152_2025” ghi tên tỉnh ở dòng "
            "địa danh của báo cáo thành tích",
        ),
        (
            ND152,
            ('tier = "tinh"', 'tier = "quan"'),
            'tier = "quan"',
            "khóa `levels[0].tier` (dòng {line}): phải là một trong “tinh” (cấp tỉnh), "
            "“huyen” (cấp huyện), “xa” (cấp xã).",
        ),
        (
            SHIPPED,
            _profile("nd91_2017", "nd99_2024"),
            'legal_profile = "nd99_2024"',
            "khóa `campaign.legal_profile` (dòng {line}): phải là một trong nd91_2017, "
            "nd98_2023, nd152_2025.",
        ),
    ],
    ids=["nd98-thematic-refused", "province-missing", "unknown-tier", "unknown-profile"],
)
def test_what_a_profile_requires_is_an_error_with_key_and_line(
    tmp_path: Path, source: Path, edit: tuple[str, str], line_of: str, expected: str
) -> None:
    path = _variant(tmp_path, source, edit)
    line = path.read_text(encoding="utf-8").splitlines().index(line_of) + 1
    with pytest.raises(CampaignError) as caught:
        load_campaign(path)
    assert expected.format(line=line) in str(caught.value)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_thematic_is_honoured_or_refused_for_every_profile(profile: str) -> None:
    """Never silently ignored: a thematic form exists, or loading refuses `thematic = true`."""
    if PROFILES[profile].forms.thematic is None:
        assert profile == "nd98_2023"  # the one profile whose thematic form was not found
    else:
        assert (TEMPLATE_DIR / PROFILES[profile].forms.thematic).is_file()


def test_the_campaign_check_command_prints_the_errors_and_stops(
    tmp_path: Path, pristine_example: Path
) -> None:
    path = _variant(tmp_path, ND152, _bases(ND98_BASES))
    result = CliRunner().invoke(
        main,
        ["kiem-tra-chien-dich", "--thu-muc", str(pristine_example), "--chien-dich", str(path)],
    )
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("Tệp chiến dịch có lỗi về căn cứ pháp lý: ")
    assert "Lỗi về căn cứ pháp lý (1):" in lines
    assert "Cảnh báo về căn cứ pháp lý (1):" in lines
    assert re.fullmatch(
        r"  - Căn cứ không có hiệu lực ngày lập hồ sơ \[LAW_CITES_REPEALED\] — campaign\.toml › khóa plan\.bases\[1\] › dòng \d+: Kế hoạch "
        r"viện dẫn Nghị định số 98/2023/NĐ-CP, văn bản đã hết hiệu lực từ 01/07/2025, thay bằng "
        r"Nghị định số 152/2025/NĐ-CP; tờ trình lập ngày 19/12/2026 in căn cứ này\.",
        next(line for line in lines if "LAW_CITES_REPEALED" in line),
    )
    assert lines[-1] == "Chưa lập được hồ sơ (docgen ho-so) cho đến khi sửa các lỗi trên."


KEEP = (
    "thematic = false",
    'thematic = false\nkeep_legal_profile = "Hồ sơ đã trình trước 01/01/2024."',
)


def test_a_kept_profile_is_a_warning_with_its_reason(tmp_path: Path) -> None:
    """Kept on purpose, the old profile and its own law are one warning; no other regime."""
    path = _variant(tmp_path, SHIPPED, ("deadline = 2023-12-20", "deadline = 2024-01-10"), KEEP)
    review = review_campaign(path, TEMPLATE_DIR)
    assert [i.code for i in review.issues] == ["LAW_PROFILE_KEPT", "LAW_FORMS_UNVERIFIED"]
    assert not review.errors
    assert review.issues[0].message.endswith(
        "hồ sơ lập ngày 09/01/2024 lẽ ra theo bộ “nd98_2023” (từ 01/01/2024 đến 30/06/2025), "
        "nhưng chiến dịch giữ bộ này vì: Hồ sơ đã trình trước 01/01/2024."
    )
    assert review.issues[0].place.sheet == "khóa campaign.keep_legal_profile"


def test_a_kept_profile_still_refuses_another_regime_in_the_decisions_bases(
    tmp_path: Path,
) -> None:
    decision = ("decision_bases = [", 'decision_bases = ["Nghị định số 98/2023/NĐ-CP", ')
    path = _variant(
        tmp_path, SHIPPED, ("deadline = 2023-12-20", "deadline = 2024-01-10"), KEEP, decision
    )
    (error,) = review_campaign(path, TEMPLATE_DIR).errors
    assert error.code == "LAW_CITES_OTHER_PROFILE"
    assert error.place.sheet == "khóa award.decision_bases[0]"
    assert error.message == (
        "Căn cứ riêng của quyết định viện dẫn Nghị định số 98/2023/NĐ-CP, không phải văn bản "
        "của bộ biểu mẫu “nd91_2017”; tờ trình, quyết định sẽ viện dẫn hai chế độ pháp lý."
    )


def test_every_example_campaign_is_a_variant() -> None:
    assert {p.stem for p in CAMPAIGNS.glob("*.toml")} == set(VARIANTS)
    profiles = {load_campaign(v.campaign).legal_profile for v in VARIANTS.values()}
    assert profiles | {load_campaign(SHIPPED).legal_profile} == set(PROFILES)


def test_a_kept_profile_survives_the_written_campaign_file() -> None:
    from dataclasses import replace

    from docgen.campaign.load import campaign_from_text
    from docgen.campaign.write import campaign_toml

    assert '\n# keep_legal_profile = "…"   # chỉ khi buộc giữ bộ' in campaign_toml(
        load_campaign(SHIPPED)
    )
    kept = replace(load_campaign(SHIPPED), keep_profile="Hồ sơ trình trước 2024")
    text = campaign_toml(kept)
    assert 'keep_legal_profile = "Hồ sơ trình trước 2024"' in text
    assert campaign_from_text(text, "campaign.toml").keep_profile == "Hồ sơ trình trước 2024"


def test_a_decision_citing_a_repealed_law_on_local_government_is_refused(tmp_path: Path) -> None:
    """The 2015 law on local government was replaced in 2025: a 2026 decision may not cite it."""
    old = "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
    new = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    (error,) = review_campaign(_variant(tmp_path, ND152, (old, new)), TEMPLATE_DIR).errors
    assert (error.code, error.place.sheet) == ("LAW_CITES_REPEALED", "khóa award.decision_bases[0]")
    assert error.message == (
        "Căn cứ riêng của quyết định viện dẫn Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 "
        "năm 2015, văn bản đã hết hiệu lực từ 01/03/2025, thay bằng Luật Tổ chức chính quyền địa "
        "phương ngày 19 tháng 02 năm 2025; quyết định lập ngày 19/12/2026 in căn cứ này."
    )
