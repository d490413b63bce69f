"""Row, submission and aggregate rules, each with a table of passing and failing values.

Nominations are built in code from the same raw values a department types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

import pytest
from openpyxl.utils import get_column_letter

from docgen.campaign.model import Campaign, Check, Kind
from docgen.intake.records import Cell, Nominee, PreviousAward, Row, Source, Submission
from docgen.intake.schema import build_schema
from docgen.issues.codes import make_issue
from docgen.issues.model import Place, Severity, ValidationIssue
from docgen.validate.cells import Memo, convert_row
from docgen.validate.rules import AGGREGATE_RULES, ROW_RULES, SUBMISSION_RULES, Context
from docgen.validate.rules.criterion import CriterionRule
from docgen.validate.rules.dates import AwardDates, PeriodDates
from docgen.validate.rules.duplicates import Duplicates
from docgen.validate.rules.eligibility import Eligibility
from docgen.validate.rules.late import LateSubmission
from docgen.validate.rules.quota import Quota
from tests.conftest import GOOD_COLLECTIVE, GOOD_INDIVIDUAL

C, I = Kind.COLLECTIVE, Kind.INDIVIDUAL  # noqa: E741


def make_nominee(
    campaign: Campaign,
    kind: Kind,
    changes: Mapping[str, object] = {},
    file: str = "a.xlsx",
    row: int = 3,
) -> Nominee:
    """A nomination as the reader would give it: raw cells converted by the cell rules."""
    schema = build_schema(campaign)
    spec = schema.collectives if kind is C else schema.individuals
    raw = {**(GOOD_COLLECTIVE if kind is C else GOOD_INDIVIDUAL), **changes}
    source = Source(file, spec.name, row)
    cells = {
        col.key: Cell(get_column_letter(i), col.header, raw.get(col.key))
        for i, col in enumerate(spec.columns, start=1)
    }
    values, _ = convert_row(Row(source, cells), spec, campaign.period)
    return Nominee(kind, source, "Khối Văn hóa - Xã hội", values, cells)


def submission(
    *nominees: Nominee, file: str = "a.xlsx", sent: date | None = date(2023, 12, 5)
) -> Submission:
    from pathlib import Path

    return Submission(Path(file), "Khối Văn hóa - Xã hội", submitted=sent, nominees=list(nominees))


def run_row(rule: object, campaign: Campaign, nominee: Nominee) -> list[ValidationIssue]:
    return list(rule.check(nominee, submission(nominee), Context(campaign)))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("key", "typed", "read"),
    [
        ("ho_ten", "Nguyễn\nVăn An", "Nguyễn Văn An"),
        ("ho_ten", "Nguyễn\r\n\nVăn  An", "Nguyễn Văn An"),
        ("chuc_vu", "Chuyên viên\nVăn phòng", "Chuyên viên Văn phòng"),
        ("thanh_tich", "Đoạn một\nĐoạn hai", "Đoạn một\nĐoạn hai"),
    ],
    ids=["name", "name-blank-line", "one-line-text", "long-text-keeps-lines"],
)
def test_line_breaks_only_in_long_texts(
    campaign: Campaign, key: str, typed: str, read: str
) -> None:
    from docgen.text import clean

    assert make_nominee(campaign, I, {key: clean(typed)}).values[key] == read


# --- eligibility ------------------------------------------------------------------------------
ELIGIBILITY = [
    (
        "ubnd at city",
        C,
        {"doi_tuong": "Ủy ban nhân dân phường", "cap_de_nghi": "Cấp thành phố"},
        None,
    ),
    ("mot cua at ward", C, {}, None),
    ("mot cua at city", C, {"cap_de_nghi": "Cấp thành phố"}, "“Ủy ban nhân dân phường”"),
    ("ubnd at ward", C, {"doi_tuong": "Ủy ban nhân dân phường"}, '“Bộ phận "Một cửa" phường”'),
    ("civil servant at ward", I, {}, None),
    ("civil servant at city", I, {"cap_de_nghi": "Cấp thành phố"}, None),
    ("staff at city", I, {"doi_tuong": "Nhân viên", "cap_de_nghi": "cấp thành phố"}, None),
    ("unknown level left to cell rule", C, {"cap_de_nghi": "Cấp tỉnh"}, None),
    ("empty subject left to cell rule", C, {"doi_tuong": None}, None),
]


@pytest.mark.parametrize(
    ("kind", "changes", "accepted"), [c[1:] for c in ELIGIBILITY], ids=[c[0] for c in ELIGIBILITY]
)
def test_eligibility(
    campaign: Campaign, kind: Kind, changes: dict[str, object], accepted: str | None
) -> None:
    issues = run_row(Eligibility(), campaign, make_nominee(campaign, kind, changes))
    if accepted is None:
        assert issues == []
        return
    (issue,) = issues
    assert issue.code == "ROW_NOT_ELIGIBLE" and issue.severity is Severity.ERROR
    assert issue.place.header == "Cấp đề nghị khen thưởng" and issue.place.column
    assert f"cấp này chỉ xét {accepted}" in issue.message
    assert issue.value in issue.message


def test_eligibility_names_the_levels_that_accept_the_subject(campaign: Campaign) -> None:
    (issue,) = run_row(
        Eligibility(), campaign, make_nominee(campaign, C, {"cap_de_nghi": "Cấp thành phố"})
    )
    assert issue.message.startswith('“Bộ phận "Một cửa" phường” không được đề nghị “Cấp thành phố”')
    assert "được đề nghị ở: “Cấp phường”" in issue.message


# --- criteria ---------------------------------------------------------------------------------
CRITERIA = [
    ("collective good", C, {}, []),
    ("individual good", I, {}, []),
    ("TT3 Khá", C, {"xep_loai_cchc": "Khá"}, [("TT3", "xep_loai_cchc", "giá trị nhập: Khá")]),
    (
        "TT1 and TT4",
        C,
        {"xep_loai_nam": "Hoàn thành tốt nhiệm vụ", "vi_pham_ky_luat": "Có"},
        [
            ("TT1", "xep_loai_nam", "giá trị nhập: Hoàn thành tốt nhiệm vụ"),
            ("TT4", "vi_pham_ky_luat", "giá trị nhập: Có"),
        ],
    ),
    (
        "CN2 Không",
        I,
        {"thuc_hien_cchc": "Không"},
        [("CN2", "thuc_hien_cchc", "giá trị nhập: Không")],
    ),
    (
        "CN3 no initiative",
        I,
        {
            "sang_kien_ten": None,
            "sang_kien_cap": None,
            "sang_kien_so_qd": None,
            "sang_kien_ngay_qd": None,
        },
        [
            (
                "CN3",
                "sang_kien_ten",
                "“Tên sáng kiến, giải pháp”: (trống); “Cơ quan công nhận sáng kiến”: (trống)",
            )
        ],
    ),
    (
        "CN3 decision before period",
        I,
        {"sang_kien_ngay_qd": "12/06/2022"},
        [
            (
                "CN3",
                "sang_kien_ngay_qd",
                "“Ngày quyết định công nhận sáng kiến”: 12/06/2022 (ngoài thời gian phong trào (từ 24/02/2023",
            )
        ],
    ),
    (
        "CN3 decision on deadline",
        I,
        {"sang_kien_ngay_qd": "20/12/2023"},
        [("CN3", "sang_kien_ngay_qd", "20/12/2023")],
    ),
    (
        "CN3 missing number only",
        I,
        {"sang_kien_so_qd": ""},
        [("CN3", "sang_kien_so_qd", "“Số quyết định công nhận sáng kiến”: (trống)")],
    ),
    ("bad date left to cell rule", I, {"sang_kien_ngay_qd": "31/02/2023"}, []),
    ("value outside list left to cell rule", C, {"xep_loai_cchc": "Rất tốt"}, []),
    ("required empty left to cell rule", C, {"xep_loai_cchc": None}, []),
    ("case of choice ignored", C, {"xep_loai_cchc": "tốt"}, []),
]


@pytest.mark.parametrize(
    ("kind", "changes", "expected"), [c[1:] for c in CRITERIA], ids=[c[0] for c in CRITERIA]
)
def test_criteria(
    campaign: Campaign, kind: Kind, changes: dict[str, object], expected: list[tuple[str, str, str]]
) -> None:
    nominee = make_nominee(campaign, kind, changes)
    issues = run_row(CriterionRule(), campaign, nominee)
    assert [i.code for i in issues] == ["ROW_CRITERION"] * len(expected)
    for issue, (criterion, key, detail) in zip(issues, expected, strict=True):
        assert issue.message.startswith(f"Không đạt tiêu chí {criterion}: ")
        assert detail in issue.message
        assert issue.place == nominee.place(key)
        assert issue.severity is Severity.ERROR


def test_criterion_message_quotes_the_plan(campaign: Campaign) -> None:
    (issue,) = run_row(
        CriterionRule(), campaign, make_nominee(campaign, C, {"xep_loai_cchc": "Khá"})
    )
    assert issue.message == (
        "Không đạt tiêu chí TT3: Kết quả đánh giá, phân loại thực hiện nhiệm vụ cải cách hành chính "
        "năm 2023 của cơ quan, đơn vị xếp loại Tốt — giá trị nhập: Khá"
    )
    assert issue.value == "Khá"


# --- dates ------------------------------------------------------------------------------------
def _without_period_check(campaign: Campaign) -> Campaign:
    """The campaign with CN3's date check removed: the date rule then checks the date."""
    criteria = tuple(
        replace(c, checks=tuple(k for k in c.checks if k.op != "within_period"))
        for c in campaign.criteria
    )
    return replace(campaign, criteria=criteria)


PERIOD_DATES = [
    ("inside", "12/06/2023", False),
    ("first day", "24/02/2023", False),
    ("before start", "23/02/2023", True),
    ("on deadline", "20/12/2023", True),
    ("next year", "05/01/2024", True),
    ("empty", None, False),
]


@pytest.mark.parametrize(
    ("value", "reported"), [c[1:] for c in PERIOD_DATES], ids=[c[0] for c in PERIOD_DATES]
)
def test_period_dates(campaign: Campaign, value: str | None, reported: bool) -> None:
    loose = _without_period_check(campaign)
    nominee = make_nominee(loose, I, {"sang_kien_ngay_qd": value})
    issues = run_row(PeriodDates(), loose, nominee)
    assert [i.code for i in issues] == (["ROW_DATE_OUTSIDE_PERIOD"] if reported else [])
    if reported:
        assert issues[0].severity is Severity.WARNING
        assert issues[0].place == nominee.place("sang_kien_ngay_qd")
        assert "“Ngày quyết định công nhận sáng kiến”" in issues[0].message


def test_period_dates_leave_dates_a_criterion_checks(campaign: Campaign) -> None:
    nominee = make_nominee(campaign, I, {"sang_kien_ngay_qd": "12/06/2022"})
    assert run_row(PeriodDates(), campaign, nominee) == []
    assert len(run_row(CriterionRule(), campaign, nominee)) == 1


def test_birth_date_is_not_an_achievement(campaign: Campaign) -> None:
    assert run_row(PeriodDates(), _without_period_check(campaign), make_nominee(campaign, I)) == []


AWARD_DATES = [
    ("before submission", date(2023, 12, 5), date(2023, 3, 1), None),
    ("same day", date(2023, 12, 5), date(2023, 12, 5), None),
    ("after submission", date(2023, 12, 5), date(2023, 12, 6), "sau ngày gửi phiếu (05/12/2023)"),
    ("typo year", date(2023, 12, 5), date(2032, 3, 1), "01/03/2032"),
    ("no submission date, before deadline", None, date(2023, 12, 19), None),
    (
        "no submission date, after deadline",
        None,
        date(2024, 1, 2),
        "sau ngày hết hạn gửi phiếu (20/12/2023)",
    ),
]


@pytest.mark.parametrize(
    ("sent", "decided", "expected"), [c[1:] for c in AWARD_DATES], ids=[c[0] for c in AWARD_DATES]
)
def test_award_dates(
    campaign: Campaign, sent: date | None, decided: date, expected: str | None
) -> None:
    nominee = make_nominee(campaign, I)
    source = Source("a.xlsx", "Khen thưởng đã nhận", 4)
    nominee.awards.append(
        PreviousAward(
            source,
            nominee.name,
            None,
            "Hình thức khen thưởng",
            2022,
            "Giấy khen",
            "1/QĐ",
            decided,
            "UBND",
        )
    )
    issues = list(AwardDates().check(nominee, submission(nominee, sent=sent), Context(campaign)))
    if expected is None:
        assert issues == []
        return
    (issue,) = issues
    assert issue.code == "AWARD_DATE_AFTER_SUBMISSION" and expected in issue.message
    assert (issue.place.sheet, issue.place.row, issue.place.header) == (
        "Khen thưởng đã nhận",
        4,
        "Ngày quyết định",
    )


# --- late submission --------------------------------------------------------------------------
LATE = [
    ("early", date(2023, 12, 5), False),
    ("day before deadline", date(2023, 12, 19), False),
    ("on deadline", date(2023, 12, 20), True),
    ("after deadline", date(2024, 1, 3), True),
    ("no date", None, False),
]


@pytest.mark.parametrize(("sent", "late"), [c[1:] for c in LATE], ids=[c[0] for c in LATE])
def test_late_submission(campaign: Campaign, sent: date | None, late: bool) -> None:
    issues = list(LateSubmission().check(submission(sent=sent), Context(campaign)))
    assert [i.code for i in issues] == (["SUBMISSION_LATE"] if late else [])
    if late:
        assert issues[0].severity is Severity.WARNING
        assert issues[0].place.sheet == "Đơn vị" and issues[0].place.header == "Ngày gửi"
        assert "trước ngày 20/12/2023" in issues[0].message


# --- duplicates -------------------------------------------------------------------------------
DUPLICATES = [
    ("same person other case and tone", I, {}, {"ho_ten": "NGUYỄN VĂN AN"}, True),
    ("tone placement", I, {"ho_ten": "Nguyễn Văn Hòa"}, {"ho_ten": "NGUYỄN VĂN HOÀ"}, True),
    ("both levels", I, {}, {"cap_de_nghi": "Cấp thành phố"}, True),
    ("extra spaces", I, {}, {"ho_ten": " Nguyễn  Văn An "}, True),
    ("namesake other birth", I, {}, {"ngay_sinh": "16/08/1985"}, False),
    (
        "old and new tone placement",
        I,
        {"ho_ten": "Nguyễn Văn Hoà"},
        {"ho_ten": "Nguyễn Văn Hòa"},
        True,
    ),
    ("tone differs", I, {"ho_ten": "Nguyễn Văn Hoa"}, {"ho_ten": "Nguyễn Văn Hòa"}, False),
    ("other tone", I, {"ho_ten": "Nguyễn Văn Hóa"}, {"ho_ten": "Nguyễn Văn Hòa"}, False),
    ("different name", I, {}, {"ho_ten": "Nguyễn Văn Ân"}, False),
    ("same collective", C, {}, {"ten": "BỘ PHẬN MỘT CỬA PHƯỜNG TIẾN THÀNH"}, True),
    ("other collective", C, {}, {"ten": "Ủy ban nhân dân phường Tiến Thành"}, False),
]


@pytest.mark.parametrize(
    ("kind", "first", "second", "duplicate"),
    [c[1:] for c in DUPLICATES],
    ids=[c[0] for c in DUPLICATES],
)
def test_duplicates(
    campaign: Campaign,
    kind: Kind,
    first: dict[str, object],
    second: dict[str, object],
    duplicate: bool,
) -> None:
    a = make_nominee(campaign, kind, first, file="a.xlsx", row=3)
    b = make_nominee(campaign, kind, second, file="b.xlsx", row=7)
    issues = list(
        Duplicates().check([submission(a), submission(b, file="b.xlsx")], Context(campaign))
    )
    if not duplicate:
        assert issues == []
        return
    assert [i.code for i in issues] == ["NOMINEE_DUPLICATE"] * 2
    assert issues[0].place.file == "a.xlsx" and "b.xlsx › " in issues[0].message
    assert (
        issues[1].place.file == "b.xlsx"
        and "a.xlsx › " in issues[1].message
        and "dòng 3" in issues[1].message
    )


def test_duplicate_names_every_other_place(campaign: Campaign) -> None:
    rows = [make_nominee(campaign, I, file="a.xlsx", row=r) for r in (3, 4)]
    other = make_nominee(campaign, I, {"cap_de_nghi": "Cấp thành phố"}, file="b.xlsx", row=5)
    issues = list(
        Duplicates().check([submission(*rows), submission(other, file="b.xlsx")], Context(campaign))
    )
    assert len(issues) == 3
    first = issues[0]
    assert "được đề nghị 3 lần" in first.message
    assert "a.xlsx › Cá nhân › dòng 4 (Cấp phường)" in first.message
    assert "b.xlsx › Cá nhân › dòng 5 (Cấp thành phố)" in first.message
    assert first.place.header == "Họ và tên" and first.severity is Severity.ERROR


# --- quota ------------------------------------------------------------------------------------
QUOTA = [
    ("ward individuals at quota", I, "Cấp phường", 3, 0, None),
    ("ward individuals over quota", I, "Cấp phường", 4, 0, "4 cá nhân"),
    ("city individuals over quota", I, "Cấp thành phố", 3, 0, "3 cá nhân"),
    ("errors do not count", I, "Cấp phường", 5, 2, None),
    ("collectives over quota", C, "Cấp phường", 2, 0, "2 tập thể"),
]


@pytest.mark.parametrize(
    ("kind", "level", "count", "bad", "expected"), [c[1:] for c in QUOTA], ids=[c[0] for c in QUOTA]
)
def test_quota(
    campaign: Campaign, kind: Kind, level: str, count: int, bad: int, expected: str | None
) -> None:
    key = "ten" if kind is C else "ho_ten"
    subject = (
        {"doi_tuong": "Ủy ban nhân dân phường"} if kind is C and level == "Cấp thành phố" else {}
    )
    nominees = [
        make_nominee(campaign, kind, {key: f"Tên {n}", "cap_de_nghi": level, **subject}, row=3 + n)
        for n in range(count)
    ]
    errors = [make_issue("CELL_REQUIRED", n.place(key)) for n in nominees[:bad]]
    issues = list(Quota().check([submission(*nominees)], Context(campaign, errors)))
    if expected is None:
        assert issues == []
        return
    (issue,) = issues
    assert issue.code == "QUOTA_EXCEEDED" and issue.severity is Severity.WARNING
    assert issue.place == Place("(tổng hợp)")
    assert f"“{level}”: {expected}" in issue.message and "tối đa" in issue.message


def test_rules_are_registered() -> None:
    names = {type(r).__name__ for r in [*ROW_RULES, *SUBMISSION_RULES, *AGGREGATE_RULES]}
    assert names == {
        "Eligibility",
        "CriterionRule",
        "PeriodDates",
        "AwardDates",
        "CollectiveTitles",
        "LateSubmission",
        "Duplicates",
        "Quota",
    }
    assert [type(r).__name__ for r in AGGREGATE_RULES] == ["Duplicates", "Quota"]


def test_unknown_check_op_fails_the_criterion(campaign: Campaign) -> None:
    odd = replace(campaign.criteria[0], checks=(Check("xep_loai_nam", "regex", ("x",)),))
    custom = replace(campaign, criteria=(odd,))
    assert len(run_row(CriterionRule(), custom, make_nominee(custom, C))) == 1


# --- the conversion memo ----------------------------------------------------------------------
MEMO_ROWS = [
    ("same-row-twice", [{}, {}]),
    ("bad-choice-repeated", [{"doi_tuong": "Không có"}, {"doi_tuong": "Không có"}]),
    ("bad-date-then-good", [{"ngay_sinh": "31/02/1990"}, {"ngay_sinh": "05/03/90"}, {}]),
    ("blank-required-repeated", [{"chuc_vu": None}, {"chuc_vu": "  "}, {"chuc_vu": None}]),
]


@pytest.mark.parametrize(("changes_list"), [r[1] for r in MEMO_ROWS], ids=[r[0] for r in MEMO_ROWS])
def test_conversion_memo_gives_the_same_values_and_issues(
    campaign: Campaign, changes_list: list[dict[str, object]]
) -> None:
    """A memo shared by the rows of one sheet changes nothing: same values, same issues."""
    spec = build_schema(campaign).individuals
    memo: Memo = {}
    for number, changes in enumerate(changes_list, start=3):
        raw = {**GOOD_INDIVIDUAL, **changes}
        cells = {
            col.key: Cell(get_column_letter(i), col.header, raw.get(col.key))
            for i, col in enumerate(spec.columns, start=1)
        }
        row = Row(Source("a.xlsx", spec.name, number), cells)
        assert convert_row(row, spec, campaign.period, memo) == convert_row(
            row, spec, campaign.period
        )
    assert memo  # the repeating columns were kept
