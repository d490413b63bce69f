"""The consolidated workbook: layout, round trip through the secretary's hands, checks on reading."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from docgen.campaign.model import Campaign, Kind
from docgen.intake.records import Nominee, Source, Submission
from docgen.issues.model import ValidationIssue
from docgen.meeting.consolidate import (
    consolidated_bytes,
    summary,
    write_consolidated,
    write_meeting_list,
)
from docgen.meeting.model import Absence, Meeting, Person, nominee_key
from docgen.meeting.read import MeetingFileMissing, read_meeting
from docgen.meeting.values import parse_time
from docgen.validate.report import Report
from tests.conftest import CSV_ALL_SHEETS, libreoffice_convert
from tools.fill.meeting import fill_meeting

CITY, WARD = "Cấp thành phố", "Cấp phường"
MEETING = Meeting(
    date=date(2023, 12, 22),
    start=time(8, 0),
    end=time(10, 30),
    place="Hội trường UBND phường Tiến Thành",
    chair=Person("Lê Thanh Hoan", "Chủ tịch UBND phường, Chủ tịch Hội đồng"),
    secretary=Person("Trần Thị Bích", "Công chức Văn phòng - Thống kê"),
    members=9,
    present=8,
    absent=(Absence("Phạm Văn Cường", "Đi công tác"),),
    voting_form="biểu quyết",
)


def individual(
    name: str,
    row: int,
    level: str = CITY,
    file: str = "khoi-a.xlsx",
    dept: str = "Khối A",
    **extra: object,
) -> Nominee:
    values = {
        "ho_ten": name,
        "cap_de_nghi": level,
        "doi_tuong": "Công chức",
        "chuc_vu": "Công chức Tư pháp - Hộ tịch",
        "don_vi": "UBND phường",
        "thanh_tich": "Hoàn thành 100 % hồ sơ đúng hạn.",
        **extra,
    }
    return Nominee(Kind.INDIVIDUAL, Source(file, "Cá nhân", row), dept, values, {})  # type: ignore[arg-type]


def collective(
    name: str, row: int, level: str = CITY, file: str = "khoi-a.xlsx", dept: str = "Khối A"
) -> Nominee:
    values = {
        "ten": name,
        "cap_de_nghi": level,
        "doi_tuong": "Ủy ban nhân dân phường",
        "thanh_tich": "Dẫn đầu khối.",
    }
    return Nominee(Kind.COLLECTIVE, Source(file, "Tập thể", row), dept, values, {})  # type: ignore[arg-type]


def make_report(campaign: Campaign, *nominees: Nominee) -> Report:
    files: dict[str, Submission] = {}
    for n in nominees:
        files.setdefault(
            n.source.file, Submission(Path(n.source.file), n.department)
        ).nominees.append(n)
    return Report(campaign, submissions=sorted(files.values(), key=lambda s: s.file))


def default_nominees() -> list[Nominee]:
    return [
        individual("Nguyễn Văn An", 3),
        collective("Ủy ban nhân dân phường Tiến Thành", 3),
        individual("Đỗ Thị Bình", 4),
        individual("Lê Văn Cường", 5, WARD),
    ]


Fill = Callable[..., tuple[Meeting | None, dict[str, int | None], list[ValidationIssue]]]


@pytest.fixture
def report(campaign: Campaign) -> Report:
    return make_report(campaign, *default_nominees())


@pytest.fixture
def blank(campaign: Campaign, report: Report, tmp_path: Path) -> Path:
    return write_consolidated(campaign, report, tmp_path / "tong-hop.xlsx")


@pytest.fixture
def fill_and_read(campaign: Campaign, report: Report, blank: Path, tmp_path: Path) -> Fill:
    """Fill the blank list (all 7 votes unless told) and read it back against `current`."""

    def run(
        votes: Mapping[str, object] | None = None,
        meeting: Meeting | None = MEETING,
        fields: Mapping[str, object] | None = None,
        current: Report | None = None,
    ) -> tuple[Meeting | None, dict[str, int | None], list[ValidationIssue]]:
        given = {nominee_key(n): 7 for n in report.eligible()} if votes is None else votes
        path = fill_meeting(blank, tmp_path / "hop-xet.xlsx", meeting, given, fields)
        return read_meeting(path, campaign, current or report)

    return run


def codes(issues: list[ValidationIssue]) -> list[str]:
    return [i.code for i in issues]


# --- layout ----------------------------------------------------------------------------------
def test_sheets_titles_and_marker(blank: Path, campaign: Campaign) -> None:
    wb = load_workbook(blank)
    assert wb.sheetnames == [CITY, WARD, "Cuộc họp", "Số văn bản", "_docgen"]
    assert wb["_docgen"].sheet_state == "veryHidden"
    city = wb[CITY]
    assert city["A1"].value == f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG — {campaign.levels[0].award}"
    assert [c.value for c in city[4]][:9] == [
        "STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị", "Đơn vị đề nghị", "Đối tượng",
        "Tóm tắt thành tích", "Số phiếu đồng ý", "Số phiếu biểu quyết lại (chỉ khi bằng phiếu)",
        "Ghi chú",
    ]  # fmt: skip
    assert city.row_dimensions[3].hidden and city["J3"].value == "ma_de_nghi"
    assert city.column_dimensions["J"].hidden and city.column_dimensions["K"].hidden
    assert city.freeze_panes == "A5"
    marker = {r[0]: r[1] for r in wb["_docgen"].iter_rows(values_only=True)}
    assert marker["campaign_id"] == campaign.id and marker["kind"] == "tong-hop"
    assert marker["eligible"] == 4 and len(str(marker["fingerprint"])) == 16


def test_collectives_first_then_individuals_in_submission_order(blank: Path) -> None:
    city = load_workbook(blank)[CITY]
    rows = [(r[0], r[1]) for r in city.iter_rows(min_row=5, values_only=True)]
    assert rows == [
        ("I", "TẬP THỂ"),
        (1, "Ủy ban nhân dân phường Tiến Thành"),
        ("II", "CÁ NHÂN"),
        (1, "Nguyễn Văn An"),
        (2, "Đỗ Thị Bình"),
    ]
    assert city["C8"].value == "Công chức Tư pháp - Hộ tịch, UBND phường"
    assert str(city["J8"].value).startswith("khoi-a.xlsx|Cá nhân|3|")


def test_given_name_sort_uses_vietnamese_collation(campaign: Campaign, tmp_path: Path) -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị Ân", "Đỗ Văn An", "Lê Thị Đào", "Vũ Văn Dũng"]
    report = make_report(campaign, *(individual(n, i + 3) for i, n in enumerate(names)))
    path = write_consolidated(campaign, report, tmp_path / "t.xlsx", sort="given_name")
    listed = [r[1] for r in load_workbook(path)[CITY].iter_rows(min_row=6, values_only=True)]
    assert listed == ["Đỗ Văn An", "Trần Thị Ân", "Nguyễn Văn Bình", "Vũ Văn Dũng", "Lê Thị Đào"]


def test_only_votes_notes_and_meeting_cells_are_unlocked(blank: Path) -> None:
    wb = load_workbook(blank)
    city, form = wb[CITY], wb["Cuộc họp"]
    assert city.protection.sheet and form.protection.sheet
    assert not city["G6"].protection.locked and not city["H6"].protection.locked
    assert not city["I6"].protection.locked  # vote, run-off, note
    assert city["B6"].protection.locked and city["J6"].protection.locked
    assert not form["B4"].protection.locked and form["A4"].protection.locked
    choices = [dv.formula1 for dv in form.data_validations.dataValidation if dv.type == "list"]
    assert choices == ['"biểu quyết,bỏ phiếu kín"']
    assert form["B12"].value == 9  # total members pre-filled from the campaign


def test_formula_looking_text_stays_text(campaign: Campaign, tmp_path: Path) -> None:
    evil = individual('=HYPERLINK("http://x","An")', 3, thanh_tich="+84 912 345 678; @ban")
    path = write_consolidated(campaign, make_report(campaign, evil), tmp_path / "t.xlsx")
    row = load_workbook(path)[CITY][6]
    assert row[1].data_type == "s" and row[1].value == evil.name
    assert row[5].data_type == "s" and row[5].value == "+84 912 345 678; @ban"
    _, votes, issues = read_meeting(
        fill_meeting(path, tmp_path / "f.xlsx", MEETING, {nominee_key(evil): 7}),
        campaign,
        make_report(campaign, evil),
    )
    assert issues == [] and votes == {nominee_key(evil): 7}


def test_same_inputs_same_bytes(campaign: Campaign, report: Report) -> None:
    assert consolidated_bytes(campaign, report) == consolidated_bytes(campaign, report)


SUMMARIES = [
    ("Hoàn thành 100 % hồ sơ.", "Hoàn thành 100 % hồ sơ."),
    ("Đoạn một.\nĐoạn hai.", "Đoạn một."),
    ("Câu đầu ngắn. " + "rất dài " * 40, "Câu đầu ngắn."),
    ("chữ " * 80, ("chữ " * 49).strip() + "…"),
    ("", ""),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    SUMMARIES,
    ids=["short", "first-paragraph", "first-sentence", "cut-on-word", "empty"],
)
def test_summary(text: str, expected: str) -> None:
    assert summary(text) == expected
    assert len(summary(text)) <= 200


# --- round trip ------------------------------------------------------------------------------
def test_round_trip(fill_and_read: Fill, report: Report) -> None:
    meeting, votes, issues = fill_and_read()
    assert issues == []
    assert meeting is not None
    assert replace(meeting, runoff_cells={}) == replace(MEETING, source="hop-xet.xlsx")
    assert votes == {nominee_key(n): 7 for n in report.eligible()}
    assert {p.column for p in meeting.runoff_cells.values()} == {"H"}  # where run-offs go


TIMES = [
    ("8:00", time(8)), ("8 giờ 00", time(8)), ("08h00", time(8)), ("14g30", time(14, 30)),
    ("8 giờ", time(8)), ("8 giờ 30 phút", time(8, 30)), (time(9, 15), time(9, 15)), (0.5, time(12)),
]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), TIMES, ids=[str(v) for v, _ in TIMES])
def test_times_as_people_write_them(value: object, expected: time) -> None:
    assert parse_time(value) == expected


@pytest.mark.parametrize(
    "value", ["tám giờ", "25:00", "8:75", ""], ids=["words", "hour-25", "minute-75", "empty"]
)
def test_bad_times_are_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_time(value)


def test_text_date_time_and_form_are_read_day_first(fill_and_read: Fill) -> None:
    fields = {
        "ngay_hop": "05/03/2024",
        "gio_bat_dau": "8 giờ 00",
        "gio_ket_thuc": "10h30",
        "hinh_thuc": "Bo phieu kin",
    }
    meeting, _, issues = fill_and_read(fields=fields)
    assert issues == [] and meeting is not None
    assert (meeting.date, meeting.start, meeting.end) == (date(2024, 3, 5), time(8), time(10, 30))
    assert meeting.voting_form == "bỏ phiếu kín"


# --- checks ----------------------------------------------------------------------------------
VOTES = [
    (-1, "VOTES_INVALID", "không thể âm"),
    (9, "VOTES_INVALID", "lớn hơn số thành viên có mặt (8)"),
    ("bảy", "VOTES_INVALID", "không phải số nguyên"),
    (3.5, "VOTES_INVALID", "không phải số nguyên"),
    (None, "VOTES_MISSING", "Chưa ghi số phiếu"),
    ("7", None, None),
    (0, None, None),
    (8, None, None),
]


@pytest.mark.parametrize(
    ("vote", "code", "text"),
    VOTES,
    ids=[
        "negative",
        "above-present",
        "text",
        "fraction",
        "empty",
        "digits-as-text",
        "zero",
        "all-present",
    ],
)
def test_vote_bounds(
    fill_and_read: Fill, report: Report, vote: object, code: str | None, text: str | None
) -> None:
    target = nominee_key(report.eligible()[0])
    votes = {nominee_key(n): 7 for n in report.eligible()} | {target: vote}
    _, read, issues = fill_and_read(votes=votes)
    assert codes(issues) == ([code] if code else [])
    if code:
        assert (
            text
            and text in issues[0].message
            and issues[0].place.column == "G"
            and read[target] is None
        )
    else:
        assert read[target] == int(vote)  # type: ignore[call-overload]


ATTENDANCE = [
    ({"co_mat": 10}, (), "MEETING_ATTENDANCE", "lớn hơn tổng số thành viên"),
    (
        {"co_mat": 7},
        (Absence("Phạm Văn Cường", "Đi công tác"),),
        "MEETING_ATTENDANCE",
        "khác tổng số thành viên 9",
    ),
    ({"co_mat": 0}, (), "MEETING_ATTENDANCE", "Không có thành viên nào"),
    (
        {"thanh_vien": 8, "co_mat": 8},
        (),
        "MEETING_MEMBERS_DIFFER",
        "ghi 8 thành viên, tệp chiến dịch ghi 9",
    ),
    (
        {"gio_ket_thuc": time(7, 0)},
        MEETING.absent,
        "MEETING_FIELD_INVALID",
        "giờ kết thúc phải sau giờ bắt đầu",
    ),
    ({"co_mat": "tám"}, MEETING.absent, "MEETING_FIELD_INVALID", "số nguyên"),
    ({"dia_diem": None}, MEETING.absent, "MEETING_FIELD_MISSING", "Chưa điền “Địa điểm”"),
    ({}, (Absence("Phạm Văn Cường", ""),), "MEETING_FIELD_MISSING", "Lý do vắng mặt"),
]


@pytest.mark.parametrize(
    ("fields", "absent", "code", "text"),
    ATTENDANCE,
    ids=[
        "present-above-members",
        "absent-not-listed",
        "nobody-present",
        "members-differ",
        "end-before-start",
        "present-not-number",
        "place-missing",
        "absence-without-reason",
    ],
)
def test_meeting_checks(
    fill_and_read: Fill,
    fields: dict[str, object],
    absent: tuple[Absence, ...],
    code: str,
    text: str,
) -> None:
    votes = {k: 0 for k in fill_and_read()[1]}  # 0 votes never exceed the present count
    meeting, _, issues = fill_and_read(
        votes=votes, meeting=replace(MEETING, absent=absent), fields=fields
    )
    assert code in codes(issues)
    issue = next(i for i in issues if i.code == code)
    assert text in issue.message + issue.place.header
    assert issue.place.sheet == "Cuộc họp"
    if (
        code == "MEETING_FIELD_MISSING"
        and not absent
        or code == "MEETING_FIELD_INVALID"
        and "co_mat" in fields
    ):
        assert meeting is None


def test_resubmission_after_consolidation_makes_the_list_stale(
    fill_and_read: Fill, campaign: Campaign
) -> None:
    """Khối A re-sent its file: one nominee changed, one is new; the votes must be recorded again."""
    resent = [
        individual("Nguyễn Văn An", 3, file="khoi-a-lan-2.xlsx"),
        collective("Ủy ban nhân dân phường Tiến Thành", 3, file="khoi-a-lan-2.xlsx"),
        individual("Đỗ Thị Bình", 4, file="khoi-a-lan-2.xlsx"),
        individual("Lê Văn Cường", 5, WARD, file="khoi-a-lan-2.xlsx"),
    ]
    _, votes, issues = fill_and_read(current=make_report(campaign, *resent))
    assert codes(issues) == ["MEETING_LIST_STALE"]
    message = issues[0].message
    assert (
        "Đơn vị “Khối A” đã gửi lại phiếu sau khi tổng hợp; hãy chạy lại tong-hop và ghi lại phiếu bầu"
        in message
    )
    assert "trang “Cấp thành phố” dòng 6 (Ủy ban nhân dân phường Tiến Thành)" in message
    assert "trang “Cấp phường” dòng 6 (Lê Văn Cường)" in message
    assert "Lê Văn Cường (tệp khoi-a-lan-2.xlsx, dòng 5)" in message
    assert votes == {}


def test_changed_row_in_place_is_stale(fill_and_read: Fill, campaign: Campaign) -> None:
    changed = default_nominees()
    changed[2].values["chuc_vu"] = "Phó Chủ tịch UBND phường"
    _, votes, issues = fill_and_read(current=make_report(campaign, *changed))
    assert codes(issues) == ["MEETING_LIST_STALE"]
    assert "dòng 9 (Đỗ Thị Bình)" in issues[0].message
    assert nominee_key(changed[2]) not in votes and len(votes) == 3


def test_department_gone_is_stale(fill_and_read: Fill, campaign: Campaign) -> None:
    others = [individual("Hà Văn Em", 3, WARD, file="khoi-b.xlsx", dept="Khối B")]
    _, _, issues = fill_and_read(current=make_report(campaign, *default_nominees(), *others))
    assert codes(issues) == ["MEETING_LIST_STALE"]
    assert (
        "Chưa có trong danh sách họp xét: Hà Văn Em (tệp khoi-b.xlsx, dòng 3)" in issues[0].message
    )


def test_not_a_consolidated_workbook(
    campaign: Campaign, report: Report, make_workbook: Callable[..., Path]
) -> None:
    intake = make_workbook("khoi-a.xlsx")
    meeting, votes, issues = read_meeting(intake, campaign, report)
    assert (meeting, votes, codes(issues)) == (None, {}, ["MEETING_FILE_INVALID"])


def test_wrong_campaign(campaign: Campaign, report: Report, tmp_path: Path) -> None:
    other = replace(campaign, id="dot-khac")
    path = write_consolidated(other, report, tmp_path / "khac.xlsx")
    _, _, issues = read_meeting(path, campaign, report)
    assert codes(issues) == ["MEETING_FILE_INVALID"] and "dot-khac" in issues[0].message


def test_unreadable_file_is_an_issue_not_a_crash(
    campaign: Campaign, report: Report, tmp_path: Path
) -> None:
    bad = tmp_path / "hop-xet.xlsx"
    bad.write_text("không phải bảng tính")
    _, _, issues = read_meeting(bad, campaign, report)
    assert codes(issues) == ["FILE_NOT_WORKBOOK"]


def test_missing_file_aborts(campaign: Campaign, report: Report, tmp_path: Path) -> None:
    with pytest.raises(MeetingFileMissing, match="docgen tong-hop"):
        read_meeting(tmp_path / "khong-co.xlsx", campaign, report)


def test_reading_never_modifies_the_file(
    campaign: Campaign, report: Report, blank: Path, tmp_path: Path
) -> None:
    path = fill_meeting(blank, tmp_path / "f.xlsx", MEETING, {})
    before = path.read_bytes()
    read_meeting(path, campaign, report)
    assert path.read_bytes() == before


# --- writing without losing work -------------------------------------------------------------
def test_existing_filled_list_is_never_overwritten(
    campaign: Campaign, report: Report, tmp_path: Path
) -> None:
    target = tmp_path / "tong-hop.xlsx"
    assert write_meeting_list(campaign, report, target) == (target, "created")
    assert write_meeting_list(campaign, report, target) == (target, "unchanged")
    fill_meeting(target, target, MEETING, {})
    filled = target.read_bytes()
    copy = tmp_path / "tong-hop-2.xlsx"
    assert write_meeting_list(campaign, report, target) == (copy, "copy")
    assert target.read_bytes() == filled
    assert write_meeting_list(campaign, report, target) == (copy, "unchanged")
    assert write_meeting_list(campaign, report, target, force=True) == (target, "overwritten")
    assert target.read_bytes() == copy.read_bytes()


def test_libreoffice_opens_the_list(blank: Path, tmp_path: Path) -> None:
    out = libreoffice_convert([blank], CSV_ALL_SHEETS, tmp_path / "csv")
    city = out / "tong-hop-Cấp thành phố.csv"
    assert city.exists(), sorted(p.name for p in out.iterdir())
    text = city.read_text(encoding="utf-8")
    assert "Số phiếu đồng ý" in text and "Nguyễn Văn An" in text
