"""What departments really send (issue 11): names, escapes, gaps, years, formats, edges."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from docgen.campaign.model import Campaign, Level
from docgen.cli import main
from docgen.dossier import plan
from docgen.feedback import write_feedback
from docgen.intake.schema import HEADER_ROW, KEY_ROW
from docgen.meeting.consolidate import write_consolidated
from docgen.meeting.model import Decision, nominee_key
from docgen.validate.run import validate_folder
from docgen.workbook import open_workbook
from docgen.workbook.strings import plain, unescape, xstring
from docgen.workspace import Workspace as DocgenWorkspace
from tests.conftest import GOOD_INDIVIDUAL, ROOT
from tests.test_cli_meeting import NAMES, Workspace, vote
from tests.test_meeting import MEETING
from tests.test_workbook import read_all, sheet_xml, write_package
from tools.fill.meeting import fill_meeting

NFD = unicodedata.normalize("NFD", "khối-nội-chính.xlsx")


def _city_rows() -> list[dict[str, object]]:
    return [
        {
            **GOOD_INDIVIDUAL,
            "ho_ten": n,
            "ngay_sinh": f"1{i}/08/1985",
            "cap_de_nghi": "Cấp thành phố",
        }
        for i, n in enumerate(NAMES)
    ]


# ---------------------------------------------------------------- 1. NFD file names


def test_nfd_file_name_gives_a_current_meeting_list(
    make_workbook: Callable[..., Path], campaign: Campaign, tmp_path: Path
) -> None:
    """A decomposed name (macOS, some mail clients) keys the list as its NFC spelling."""
    path = make_workbook(NFD, individuals=_city_rows())
    assert path.name == NFD and not unicodedata.is_normalized("NFC", path.name)
    ws = Workspace(path.parent, tmp_path / "out" / "tong-hop.xlsx", tmp_path / "hop-xet.xlsx")
    assert ws.tong_hop().exit_code == 0
    vote(ws, campaign, [8, 7, 6])
    result = ws.ket_qua()
    assert "MEETING_LIST_STALE" not in result.output
    assert result.exit_code == 0, result.output
    assert "1. Nguyễn Văn An" in result.output


def test_nfd_file_name_is_nfc_in_every_place(
    make_workbook: Callable[..., Path], campaign: Campaign, tmp_path: Path
) -> None:
    bad = {**GOOD_INDIVIDUAL, "ngay_sinh": "31/02/1985"}
    folder = make_workbook(NFD, individuals=[bad]).parent
    report = validate_folder(campaign, folder)
    nfc = unicodedata.normalize("NFC", NFD)
    assert report.files == [nfc] and report.submissions[0].file == nfc
    assert {i.place.file for i in report.issues} == {nfc}
    assert all(n.source.file == nfc for n in report.nominees)
    # The feedback copy is made from the file on disk, whatever form its name has.
    written = write_feedback(report, folder, tmp_path / "phan-hoi")
    assert [p.name for p in written] == ["phan-hoi-khoi-van-hoa-xa-hoi.xlsx"]
    marked = load_workbook(written[0])
    assert "Cá nhân" in marked.sheetnames  # the annotated copy, not the bare list


def test_nfd_sheet_names_are_found(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Cá nhân")
    path = write_package(
        tmp_path / "s.xlsx", {name: sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>')}
    )
    wb = open_workbook(path)
    assert wb.sheet_names == ["Cá nhân"] and wb.has_sheet(name)
    assert wb.sheet(name) is wb.sheet("Cá nhân")


# ---------------------------------------------------------------- 5. ST_Xstring escapes


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        ("Dòng 1_x000D_\nDòng 2", "Dòng 1\r\nDòng 2"),
        ("A_x0001_B", "AB"),
        ("_x005F_x0041_", "_x0041_"),
        ("_x005f_x005F_", "_x005F_"),
        ("x_x0041_y", "xAy"),
        ("_xD83D__xDE00_", "\U0001f600"),
        ("_x00_ and _xZZZZ_ stay", "_x00_ and _xZZZZ_ stay"),
        ("Tab\tand NUL\x00", "Tab\tand NUL"),
        (unicodedata.normalize("NFD", "Hòa"), "Hòa"),
    ],
    ids=[
        "carriage-return",
        "control",
        "literal-escape",
        "lower-hex",
        "letter",
        "surrogates",
        "not-escapes",
        "c0-dropped",
        "nfd",
    ],
)
def test_xstring(stored: str, read: str) -> None:
    assert xstring(stored) == read
    assert plain(unescape(stored)) == read


def test_escapes_are_decoded_in_shared_and_inline_strings(tmp_path: Path) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = f'<sst xmlns="{ns}"><si><t>Số 1_x000D_</t></si><si><t>_x005F_x0041_ và _x0001_!</t></si></sst>'
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>a_x000A_b</t></is></c>'
        '<c r="D1" t="str"><f>"x"</f><v>c_x0002_d</v></c></row>'
    )
    path = write_package(tmp_path / "x.xlsx", {"S": sheet_xml(rows)}, shared=shared)
    cells = read_all(open_workbook(path))
    assert [cells[(1, c)].value for c in (1, 2, 3, 4)] == ["Số 1\r", "_x0041_ và !", "a\nb", "cd"]


# ---------------------------------------------------------------- 2. missing required columns


def _break_columns(path: Path, sheet: str, cleared: str, renamed: str) -> None:
    """As a department might: clear one required column's header, rename another's."""
    wb = load_workbook(path)
    ws = wb[sheet]
    for col in range(1, ws.max_column + 1):
        key = ws.cell(row=KEY_ROW, column=col).value
        if key in (cleared, renamed):
            ws.cell(row=KEY_ROW, column=col).value = None
            ws.cell(row=HEADER_ROW, column=col).value = None if key == cleared else "Chức danh"
    wb.save(path)


@pytest.fixture
def example(tmp_path: Path) -> DocgenWorkspace:
    for name in ("input", "templates_docx"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return DocgenWorkspace(tmp_path)


def test_sheet_missing_a_required_column_is_kept_out_and_ho_so_builds(
    example: DocgenWorkspace, campaign: Campaign
) -> None:
    broken = example.submissions / "khoi-noi-chinh.xlsx"
    _break_columns(broken, "Cá nhân", "que_quan", "chuc_vu")
    report = validate_folder(campaign, example.submissions)
    missing = [i for i in report.issues if i.code == "COLUMN_MISSING"]
    assert [(i.place.file, i.place.sheet, i.place.row) for i in missing] == [
        ("khoi-noi-chinh.xlsx", "Cá nhân", None)
    ] * 2
    assert {i.place.header for i in missing} == {
        "Quê quán",
        "Chức vụ (Đảng, chính quyền, đoàn thể)",
    }
    from_sheet = [n for n in report.nominees if n.source[:2] == ("khoi-noi-chinh.xlsx", "Cá nhân")]
    assert from_sheet and all(report.blocked(n) for n in from_sheet)
    eligible = report.eligible()
    assert eligible and not set(map(id, from_sheet)) & set(map(id, eligible))
    # The meeting list holds the others only; after the vote, ho-so builds their documents.
    listed = example.root / "output" / "tong-hop.xlsx"
    write_consolidated(campaign, report, listed)
    votes = {nominee_key(n): max(0, 8 - i) for i, n in enumerate(eligible)}
    fill_meeting(listed, example.meeting, MEETING, votes)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example.root)])
    assert "Thiếu dữ liệu" not in result.output and "thiếu" not in result.output
    assert "Đã lập" in result.output, result.output


def test_ho_so_builds_the_others_when_one_report_lacks_data(
    example: DocgenWorkspace, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data missing for one document: it is named with its place; the others are written."""
    real = plan.report_context

    def lacking(campaign: Campaign, decision: Decision, level: Level) -> dict[str, object]:
        if decision.nominee.name == "Trần Thị Bích Ngọc":
            decision.nominee.values["que_quan"] = None
        return real(campaign, decision, level)

    monkeypatch.setattr(plan, "report_context", lacking)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example.root)])
    assert result.exit_code == 1, result.output
    assert "Chưa lập 1 văn bản vì thiếu dữ liệu" in result.output
    assert (
        "Báo cáo thành tích: thiếu “Quê quán” của “Trần Thị Bích Ngọc” "
        "(van-phong-hdnd-ubnd.xlsx › Cá nhân › dòng 4)"
    ) in result.output
    assert "Đã lập 10 văn bản" in result.output
