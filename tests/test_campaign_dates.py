"""Dates are judged against the campaign's dates, never the machine's today: a birth date on or
after the campaign's start is an error, and a two-digit year is read around the campaign's year."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from docgen.campaign import Campaign
from docgen.campaign.model import Period
from docgen.validate.run import validate_folder
from tests.conftest import GOOD_INDIVIDUAL, MakeWorkbook, forms_only


def period(year: int) -> Period:
    """A campaign period like the shipped one's (24/02 to before 20/12), in `year`."""
    return Period(dt.date(year, 2, 24), dt.date(year, 12, 20), year)


D = dt.date
BIRTH, DECISION = "ngay_sinh", "sang_kien_ngay_qd"
IMPOSSIBLE, TWO_DIGITS = "CELL_DATE_IMPOSSIBLE", "CELL_DATE_TWO_DIGIT_YEAR"
CASES = [
    ("birth 25 in a 2023 campaign", 2023, BIRTH, "05/03/25", None, IMPOSSIBLE,
     "“05/03/25” không thể là ngày sinh: đã đọc là 05/03/2025, trùng hoặc sau ngày bắt đầu "
     "phong trào (24/02/2023)."),
    ("birth 2025 in a 2023 campaign", 2023, BIRTH, "05/03/2025", None, IMPOSSIBLE,
     "“05/03/2025” không thể là ngày sinh: trùng hoặc sau ngày bắt đầu phong trào (24/02/2023)."),
    ("birth on the start", 2023, BIRTH, "24/02/2023", None, IMPOSSIBLE, None),
    ("birth the day before the start", 2023, BIRTH, "23/02/2023", D(2023, 2, 23), None, None),
    ("birth 25 in a 1999 campaign", 1999, BIRTH, "05/03/25", None, IMPOSSIBLE, None),
    ("birth 60 in a 2023 campaign", 2023, BIRTH, "05/03/60", D(1960, 3, 5), TWO_DIGITS, None),
    ("birth 60 in a 2035 campaign", 2035, BIRTH, "05/03/60", None, IMPOSSIBLE, None),
    ("birth after today, before a 2035 campaign", 2035, BIRTH, "05/03/2030", D(2030, 3, 5),
     None, None),
    ("decision 36 in a 2035 campaign", 2035, DECISION, "12/06/36", D(2036, 6, 12), TWO_DIGITS,
     "“12/06/36” ghi năm bằng hai chữ số; đã đọc là 12/06/2036 (theo năm của phong trào, năm "
     "hai chữ số được hiểu trong khoảng 1965–2064)."),
    ("decision over a year after the deadline", 2023, DECISION, "12/06/2025", None, IMPOSSIBLE,
     "“12/06/2025” không thể là “Ngày quyết định công nhận sáng kiến”: quá một năm sau hạn của "
     "kế hoạch (20/12/2023)."),
    ("decision within a year after the deadline", 2023, DECISION, "12/06/2024", D(2024, 6, 12),
     None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("year", "key", "typed", "value", "code", "message"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_dates_are_judged_against_the_campaign(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    year: int,
    key: str,
    typed: str,
    value: dt.date | None,
    code: str | None,
    message: str | None,
) -> None:
    folder = make_workbook(individuals=[{**GOOD_INDIVIDUAL, key: typed}]).parent
    report = validate_folder(dataclasses.replace(campaign, period=period(year)), folder)
    found = [i for i in report.issues if i.code.startswith("CELL_DATE") and i.value == typed]
    assert [i.code for i in found] == ([code] if code else [])
    assert report.nominees[0].values[key] == value
    if message:
        assert found[0].message == message
    if code == IMPOSSIBLE:
        assert report.errors and found[0].place.row == 3


AWARD = {
    "ten": GOOD_INDIVIDUAL["ho_ten"],
    "ngay_sinh": GOOD_INDIVIDUAL["ngay_sinh"],
    "loai": "Hình thức khen thưởng",
    "hinh_thuc": "Giấy khen của Chủ tịch UBND phường",
    "so_qd": "12/QĐ-UBND",
    "ngay_qd": "10/01/2023",
    "co_quan": "UBND phường Tiến Thành",
}
AWARD_YEARS = [
    ("the year before", 2022, []),
    ("the campaign's year", 2023, []),
    ("after the form was sent", 2025, ["AWARD_YEAR_AFTER_SUBMISSION"]),
]


@pytest.mark.parametrize(
    ("year", "codes"), [c[1:] for c in AWARD_YEARS], ids=[c[0] for c in AWARD_YEARS]
)
def test_a_previous_award_is_not_of_a_later_year(
    campaign: Campaign, make_workbook: MakeWorkbook, year: int, codes: list[str]
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL], awards=[{**AWARD, "nam": year}])
    report = validate_folder(forms_only(campaign), path.parent)
    assert [i.code for i in report.issues] == codes
    if codes:
        assert report.issues[0].message == (
            f"Năm khen thưởng {year} sau năm của ngày gửi phiếu (05/12/2023)."
        )
        assert report.issues[0].place.sheet == "Khen thưởng đã nhận"
