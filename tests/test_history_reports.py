"""The history in the next campaign: past awards in the reports, conflicts, maybes, criteria."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from docgen.award.history import load_history, record_decision
from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.award.past import ward_awards
from docgen.campaign import Campaign, load_campaign
from docgen.campaign.model import Check, Criterion, Kind
from docgen.documents.report import report_context
from docgen.issues.model import ValidationIssue
from docgen.validate.report import Report
from docgen.validate.run import validate_folder
from tests.conftest import ATTENDANCE, CAMPAIGN_FILE, GOOD_INDIVIDUAL, MakeWorkbook


def _found(report: Report) -> list[ValidationIssue]:
    """The report's findings on the workbook (the campaign's other departments sent none)."""
    return [i for i in report.issues if i.code not in ATTENDANCE]


AN = Recipient(
    kind=Kind.INDIVIDUAL,
    name="NGUYỄN VĂN AN",  # as another clerk typed it
    unit="UBND phường Tiến Thành",
    birth=date(1985, 8, 15),
)


def past(
    year: int,
    form: str = "Giấy khen",
    number: str = "15",
    who: Recipient = AN,
    campaign: str = "kh-cu",
) -> AwardDecision:
    return AwardDecision(
        number=number,
        symbol="QĐ-UBND",
        date=date(year, 12, 28),
        authority="Chủ tịch Ủy ban nhân dân phường Tiến Thành",
        level="phuong",
        campaign=f"{campaign}-{year}-{form}",
        year=year,
        origin=Origin.CAMPAIGN,
        conferments=(Conferment(recipient=who, form=form),),
    )


def test_the_report_prints_the_awards_of_the_history(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    record_decision(tmp_path, past(2021, "Lao động tiên tiến", "90"))
    record_decision(tmp_path, past(2022))
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    report = validate_folder(campaign, path.parent, past=ward_awards(tmp_path, campaign.id))
    assert _found(report) == []
    nominee = report.submissions[0].nominees[0]
    context = report_context(campaign, nominee, campaign.levels[-1])
    assert [(r["nam"], r["ten"]) for r in context["danh_hieu"]] == [("2021", "Lao động tiên tiến")]
    [row] = context["khen_thuong"]
    assert (row["nam"], row["ten"]) == ("2022", "Giấy khen")
    assert _plain(row["quyet_dinh"]) == (
        "Quyết định số 15/QĐ-UBND ngày 28 tháng 12 năm 2022 "
        "của Chủ tịch Ủy ban nhân dân phường Tiến Thành"
    )


def _plain(printed: str) -> str:
    """Printed text with the no-break hyphen and space of typography made plain."""
    return printed.replace("\u2011", "-").replace("\xa0", " ")


def test_the_campaigns_own_decision_is_not_its_past(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    own = dataclasses.replace(past(2023), campaign=campaign.id)
    record_decision(tmp_path, own)
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    report = validate_folder(campaign, path.parent, past=ward_awards(tmp_path, campaign.id))
    assert report.submissions[0].nominees[0].awards == []


SHEET_AWARD = {
    "ten": GOOD_INDIVIDUAL["ho_ten"],
    "ngay_sinh": GOOD_INDIVIDUAL["ngay_sinh"],
    "loai": "Hình thức khen thưởng",
    "nam": 2022,
    "hinh_thuc": "Giấy khen",
    "ngay_qd": "28/12/2022",
    "co_quan": "Chủ tịch UBND phường Tiến Thành",
}


@pytest.mark.parametrize(
    ("typed", "codes"),
    [("15/QĐ-UBND", []), ("15", []), ("12/QĐ-UBND", ["HISTORY_CONFLICT"])],
    ids=["same-reference", "number-only", "other-decision"],
)
def test_a_sheet_award_of_the_same_year_and_form_gives_way_to_the_history(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path, typed: str, codes: list[str]
) -> None:
    record_decision(tmp_path, past(2022))
    older = {**SHEET_AWARD, "nam": 2019, "so_qd": "3/QĐ-UBND", "ngay_qd": "05/01/2019"}
    path = make_workbook(
        individuals=[GOOD_INDIVIDUAL], awards=[{**SHEET_AWARD, "so_qd": typed}, older]
    )
    report = validate_folder(campaign, path.parent, past=ward_awards(tmp_path, campaign.id))
    assert [i.code for i in _found(report)] == codes
    awards = report.submissions[0].nominees[0].awards
    assert sorted((a.year, a.decision_number) for a in awards) == [
        (2019, "3/QĐ-UBND"),
        (2022, "15/QĐ-UBND"),
    ]
    if codes:
        issue = _found(report)[0]
        assert (issue.place.sheet, issue.place.row) == ("Khen thưởng đã nhận", 3)
        assert "Quyết định số 12/QĐ-UBND ngày 28/12/2022" in issue.message
        assert "sổ lịch sử khen thưởng của phường ghi Quyết định số 15/QĐ-UBND" in issue.message


def test_a_record_that_may_be_the_nominee_is_listed_never_merged(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    no_birth = dataclasses.replace(AN, birth=None)
    record_decision(tmp_path, past(2022, who=no_birth))
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    report = validate_folder(campaign, path.parent, past=ward_awards(tmp_path, campaign.id))
    assert report.submissions[0].nominees[0].awards == []
    [issue] = _found(report)
    assert issue.code == "HISTORY_AMBIGUOUS"
    assert issue.severity == "warning"
    assert issue.place.column == "A" and issue.place.sheet == "Cá nhân"
    assert "không ghi ngày sinh" in issue.message
    assert "chưa rõ có phải cùng người" in issue.message


def _with_criterion(campaign: Campaign, check: Check) -> Campaign:
    extra = Criterion("LS1", Kind.INDIVIDUAL, "Không nhận Giấy khen năm trước.", (check,))
    return dataclasses.replace(campaign, criteria=(*campaign.criteria, extra))


@pytest.mark.parametrize(
    ("check", "years", "detail"),
    [
        (Check("", "not_awarded_last_year", ("Giấy khen",)), [2021], None),
        (Check("", "not_awarded_last_year", ("Giấy khen",)), [2022], "đã được tặng “Giấy khen” năm 2022"),
        (Check("", "awarded_years_in_row", ("Giấy khen", "2")), [2021, 2022], None),
        (Check("", "awarded_years_in_row", ("Giấy khen", "2")), [2020, 2022], "chưa đủ 2 năm liên tục đạt “Giấy khen” (thiếu năm 2021)"),
    ],
    ids=["not-last-year-pass", "not-last-year-fail", "in-a-row-pass", "in-a-row-gap"],
)  # fmt: skip
def test_criteria_read_the_history(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    check: Check,
    years: list[int],
    detail: str | None,
) -> None:
    for year in years:
        record_decision(tmp_path, past(year))
    strict = _with_criterion(campaign, check)
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    report = validate_folder(strict, path.parent, past=ward_awards(tmp_path, strict.id))
    found = [i for i in report.issues if i.code == "ROW_CRITERION"]
    if detail is None:
        assert found == []
    else:
        [issue] = found
        assert issue.message.endswith(f"— theo lịch sử khen thưởng: {detail}")
        assert issue.severity == "error"


def test_history_checks_load_from_the_campaign_file_and_write_back(tmp_path: Path) -> None:
    from docgen.campaign.write import campaign_toml

    text = CAMPAIGN_FILE.read_text(encoding="utf-8") + (
        '\n[[criteria]]\nid = "LS1"\nsubject = "individual"\n'
        'text = "Hai năm liền đạt Lao động tiên tiến."\n'
        'checks = [{ op = "awarded_years_in_row", form = "Lao động tiên tiến", years = 2 },'
        ' { op = "not_awarded_last_year", form = "Giấy khen" }]\n'
    )
    path = tmp_path / "campaign.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_campaign(path)
    checks = loaded.criteria[-1].checks
    assert checks == (
        Check("", "awarded_years_in_row", ("Lao động tiên tiến", "2")),
        Check("", "not_awarded_last_year", ("Giấy khen",)),
    )
    again = tmp_path / "again.toml"
    again.write_text(campaign_toml(loaded), encoding="utf-8")
    assert load_campaign(again).criteria[-1].checks == checks


def test_a_run_of_years_out_of_range_is_refused(tmp_path: Path) -> None:
    from docgen.errors import DocgenError

    text = CAMPAIGN_FILE.read_text(encoding="utf-8") + (
        '\n[[criteria]]\nid = "LS1"\nsubject = "individual"\ntext = "x"\n'
        'checks = [{ op = "awarded_years_in_row", form = "Lao động tiên tiến", years = 0 }]\n'
    )
    path = tmp_path / "campaign.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocgenError, match="phải là số năm từ 1 đến 20"):
        load_campaign(path)


def test_history_is_read_without_creating_a_register(tmp_path: Path) -> None:
    assert ward_awards(tmp_path, "x").history == load_history(tmp_path)
    assert not (tmp_path / "luu-tru").exists()


def test_two_decisions_of_one_form_in_one_year_are_both_kept(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    record_decision(tmp_path, past(2022, number="15"))
    record_decision(tmp_path, past(2022, number="16", campaign="chuyen-de"))
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    report = validate_folder(campaign, path.parent, past=ward_awards(tmp_path, campaign.id))
    assert _found(report) == []
    awards = report.submissions[0].nominees[0].awards
    assert sorted(a.decision_number for a in awards) == ["15/QĐ-UBND", "16/QĐ-UBND"]


def test_the_department_is_told_of_a_conflict_with_the_history_in_its_reply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_workbook: MakeWorkbook
) -> None:
    """tra-loi checks the forms with the ward's history as kiem-tra does; the maybe-matches
    (another person's record) stay the clerk's."""
    from email import policy
    from email.parser import BytesParser

    from click.testing import CliRunner

    from docgen.cli import main
    from tests.conftest import GOOD_UNIT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "campaign.toml").write_bytes(CAMPAIGN_FILE.read_bytes())
    record_decision(tmp_path, past(2022))
    record_decision(tmp_path, past(2021, who=dataclasses.replace(AN, birth=None)))
    unit = {**GOOD_UNIT, "don_vi": "Khối Nội chính"}
    make_workbook("noi-chinh.xlsx", unit=unit, individuals=[GOOD_INDIVIDUAL],
                  awards=[{**SHEET_AWARD, "so_qd": "12/QĐ-UBND"}], folder=tmp_path / "input" / "phieu")  # fmt: skip
    result = CliRunner().invoke(main, ["tra-loi"])
    assert result.exit_code == 0, result.output
    [draft] = (tmp_path / "output" / "kh19-2023-cchc" / "tra-loi").glob("*.eml")
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "sổ lịch sử khen thưởng của phường ghi Quyết định số 15/QĐ-UBND" in text
    assert "Có thể trùng người" not in text and "không ghi ngày sinh" not in text


def test_history_checks_may_be_written_in_vietnamese(tmp_path: Path) -> None:
    text = CAMPAIGN_FILE.read_text(encoding="utf-8") + (
        '\n[[criteria]]\nid = "LS1"\nsubject = "cá nhân"\ntext = "x"\n'
        'checks = [{ op = "đạt liên tục", form = "Lao động tiên tiến", years = 2 },'
        ' { op = "năm trước chưa nhận", form = "Giấy khen" }]\n'
    )
    path = tmp_path / "campaign.toml"
    path.write_text(text, encoding="utf-8")
    assert [c.op for c in load_campaign(path).criteria[-1].checks] == [
        "awarded_years_in_row",
        "not_awarded_last_year",
    ]
