"""What departments really send (issue 11): names, escapes, gaps, years, formats, edges."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import socket
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from docgen import lock
from docgen.campaign.model import Campaign, Level
from docgen.cli import main
from docgen.dossier import plan
from docgen.feedback import write_feedback
from docgen.intake.schema import HEADER_ROW, KEY_ROW
from docgen.lock import workspace_lock
from docgen.meeting.consolidate import write_consolidated
from docgen.meeting.model import Decision, nominee_key
from docgen.oserror import advice, describe
from docgen.validate.run import validate_folder
from docgen.workbook import open_workbook
from docgen.workbook.strings import plain, unescape, xstring
from docgen.workspace import Workspace as DocgenWorkspace
from tests.conftest import CAMPAIGN_FILE, GOOD_INDIVIDUAL, ROOT, forms_only, libreoffice_convert
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
    report = validate_folder(forms_only(campaign), folder)
    nfc = unicodedata.normalize("NFC", NFD)
    assert report.files == [nfc] and report.submissions[0].file == nfc
    assert {i.place.file for i in report.issues} == {nfc}
    assert all(n.source.file == nfc for n in report.nominees)
    # The feedback copy is made from the file on disk, whatever form its name has.
    written = write_feedback(report, folder, tmp_path / "phan-hoi")
    (only,) = written
    assert re.fullmatch(r"phan-hoi-khoi-van-hoa-xa-hoi-\d{4}-\d\d-\d\d-\d{4}\.xlsx", only.name)
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
    assert xstring(stored) == read  # again, from the memo of short strings
    assert plain(unescape(stored)) == read


def test_repeated_short_strings_share_one_object() -> None:
    """A choice read 20,000 times is kept once: the memo hands back the same object."""
    stored = "C\u1ea5p ph\u01b0\u1eddng"
    first = xstring("".join(stored))
    assert xstring("".join(stored)) is first
    long = "x" * 500
    assert xstring(long) == long  # long texts are not memoised, only read


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
def example(example_workspace: Path) -> DocgenWorkspace:
    return DocgenWorkspace(example_workspace)


def test_sheet_missing_a_required_column_is_kept_out_and_ho_so_builds(
    example: DocgenWorkspace, campaign: Campaign
) -> None:
    broken = example.submissions / "khoi-noi-chinh.xlsx"
    _break_columns(broken, "Cá nhân", "que_quan", "chuc_vu")
    report = validate_folder(forms_only(campaign), example.submissions)
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


def _without_que_quan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trần Thị Bích Ngọc's report finds her Quê quán empty (her form is left as it is)."""
    real = plan.report_context

    def lacking(campaign: Campaign, decision: Decision, level: Level) -> dict[str, object]:
        if decision.nominee.name == "Trần Thị Bích Ngọc":
            decision.nominee.values["que_quan"] = None
        return real(campaign, decision, level)

    monkeypatch.setattr(plan, "report_context", lacking)


def test_ho_so_builds_the_others_when_one_report_lacks_data(
    example: DocgenWorkspace, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data missing for one document: it is named with its place; the others are written."""
    _without_que_quan(monkeypatch)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example.root)])
    assert result.exit_code == 1, result.output
    assert "Đã lập 13 văn bản" in result.output
    missing = (
        "thanh-pho/bao-cao-thanh-tich-tran-thi-bich-ngoc.docx: Báo cáo thành tích: thiếu “Quê "
        "quán” của “Trần Thị Bích Ngọc” (van-phong-hdnd-ubnd.xlsx › Cá nhân › dòng 4); bổ sung "
        "vào phiếu nhập rồi chạy lại."
    )
    lines = result.output.splitlines()
    heading = "Chưa lập 1 văn bản vì thiếu dữ liệu (bổ sung vào phiếu nhập rồi chạy lại):"
    assert lines[lines.index(heading) + 1] == f"  - {missing}"  # the command's list
    assert f"  {missing} — CHƯA LẬP" in lines  # the summary (tom-tat.txt)


def test_a_document_built_before_and_not_rebuildable_now_is_set_aside_as_such(
    example: DocgenWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its path is known as unbuilt (not parsed back from a message): the reason says so."""
    assert CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example.root)]).exit_code == 0
    _without_que_quan(monkeypatch)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example.root)])
    assert result.exit_code == 1, result.output
    output = example.root / "output" / "kh19-2023-cchc"
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    (retired,) = manifest["history"]
    assert retired["path"] == "thanh-pho/bao-cao-thanh-tich-tran-thi-bich-ngoc.docx"
    assert retired["reason"] == (
        "Báo cáo thành tích — Trần Thị Bích Ngọc: chưa lập lại được vì thiếu dữ liệu (xem thông "
        "báo của lần chạy này); bản cũ không còn đúng"
    )


# ---------------------------------------------------------------- 7. messages at the edges


@pytest.mark.parametrize(
    ("number", "line", "hint"),
    [
        (
            errno.ENOSPC,
            "Không đọc/ghi được tệp (/ra/a.docx): ổ đĩa đã đầy.",
            "Giải phóng dung lượng ổ đĩa (xóa bớt tệp không cần) rồi chạy lại.",
        ),
        (
            errno.EROFS,
            "Không đọc/ghi được thư mục (/ra): thư mục chỉ cho phép đọc, không ghi được.",
            "Chép thư mục làm việc sang ổ đĩa ghi được (không dùng ổ CD, thẻ nhớ khóa ghi) rồi chạy lại.",
        ),
        (
            errno.EACCES,
            "Không đọc/ghi được tệp (/ra/a.docx): không có quyền truy cập hoặc tệp đang được "
            "mở bằng chương trình khác.",
            "Đóng tệp nếu đang mở bằng Excel/Word, kiểm tra quyền đọc/ghi thư mục rồi chạy lại.",
        ),
        (
            errno.EIO,
            "Không đọc/ghi được tệp (/ra/a.docx): lỗi đọc/ghi thiết bị (ổ đĩa hoặc thẻ nhớ có "
            "thể bị hỏng hay đã bị rút ra).",
            "Kiểm tra ổ đĩa, chép thư mục làm việc sang ổ khác rồi chạy lại.",
        ),
        (
            errno.ELOOP,
            f"Không đọc/ghi được tệp (/ra/a.docx): hệ điều hành báo lỗi khi đọc/ghi tệp "
            f"[mã lỗi {errno.ELOOP}].",
            "Kiểm tra ổ đĩa và quyền đọc/ghi thư mục, đóng tệp nếu đang mở bằng Excel/Word, "
            "rồi chạy lại.",
        ),
    ],
    ids=["disk-full", "read-only", "permission", "device", "other"],
)
def test_os_errors_in_vietnamese(number: int, line: str, hint: str) -> None:
    exc = OSError(number, os.strerror(number), "/ra/a.docx")
    assert (describe(exc), advice(exc)) == (line, hint)
    assert os.strerror(number) not in describe(exc) + advice(exc)


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EROFS], ids=["disk-full", "read-only"])
def test_ho_so_on_a_full_or_read_only_disk(
    example: DocgenWorkspace, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    target = example.root / "output"

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(number, os.strerror(number), str(target))

    monkeypatch.setattr("docgen.output.files.tempfile.mkstemp", refuse)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example.root)])
    exc = OSError(number, "", str(target))
    assert result.exit_code == 2
    assert f"Lỗi: {describe(exc)}\n{advice(exc)}\n" in result.output
    assert os.strerror(number) not in result.output and "Traceback" not in result.output


def test_sheet_missing_fills_sheet_in_json(
    make_workbook: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    wb = load_workbook(path)
    del wb["Khen thưởng đã nhận"]
    wb.save(path)
    result = CliRunner().invoke(
        main,
        [
            "kiem-tra",
            "--json",
            "--khong-phan-hoi",
            "--chien-dich",
            str(CAMPAIGN_FILE),
            "--phieu",
            str(path.parent),
        ],
    )
    found = [i for i in json.loads(result.stdout)["issues"] if i["code"] == "SHEET_MISSING"]
    assert [(i["file"], i["sheet"], i["row"]) for i in found] == [
        ("don-vi.xlsx", "Khen thưởng đã nhận", None)
    ]


def test_formula_without_cached_value_is_one_finding(
    make_workbook: Callable[..., Path], campaign: Campaign
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    wb = load_workbook(path)
    ws = wb["Cá nhân"]
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(KEY_ROW, c).value == "chuc_vu")
    ws.cell(3, col).value = '=CONCAT("Công ", "chức")'  # openpyxl saves no cached value
    wb.save(path)
    found = [
        i for i in validate_folder(forms_only(campaign), path.parent).issues if i.place.row == 3
    ]
    assert [(i.code, i.place.column) for i in found] == [("CELL_FORMULA_NO_VALUE", "F")]


# ---------------------------------------------------------------- 4. two-digit years, impossible dates


@pytest.mark.parametrize(
    ("key", "typed", "value", "codes", "message"),
    [
        ("ngay_sinh", "05/03/90", dt.date(1990, 3, 5), ["CELL_DATE_TWO_DIGIT_YEAR"],
         "“05/03/90” ghi năm bằng hai chữ số; đã đọc là 05/03/1990 (theo năm của phong trào, "
         "năm hai chữ số được hiểu trong khoảng 1953–2052)."),
        ("ngay_sinh", "5-3-29", None, ["CELL_DATE_IMPOSSIBLE"], None),
        ("sang_kien_ngay_qd", "12/06/23", dt.date(2023, 6, 12), ["CELL_DATE_TWO_DIGIT_YEAR"], None),
        ("ngay_sinh", "05/03/2090", None, ["CELL_DATE_IMPOSSIBLE"], None),
        ("ngay_sinh", "05/03/1890", None, ["CELL_DATE_IMPOSSIBLE"],
         "“05/03/1890” không thể là ngày sinh: trước năm 1900."),
        ("sang_kien_ngay_qd", "12/06/1923", None, ["CELL_DATE_IMPOSSIBLE"],
         "“12/06/1923” không thể là “Ngày quyết định công nhận sáng kiến”: trước ngày 02/09/1945."),
        ("sang_kien_ngay_qd", "12/06/2203", None, ["CELL_DATE_IMPOSSIBLE"], None),
        ("ngay_sinh", "05/03/1990", dt.date(1990, 3, 5), [], None),
    ],
    ids=["birth-90", "birth-29-future", "decision-23", "birth-future", "birth-1890",
         "decision-1923", "decision-2203", "four-digits"],
)  # fmt: skip
def test_two_digit_years_and_impossible_dates(
    make_workbook: Callable[..., Path],
    campaign: Campaign,
    key: str,
    typed: str,
    value: dt.date | None,
    codes: list[str],
    message: str | None,
) -> None:
    folder = make_workbook(individuals=[{**GOOD_INDIVIDUAL, key: typed}]).parent
    report = validate_folder(forms_only(campaign), folder)
    found = [i for i in report.issues if i.place.row == 3 and i.code.startswith("CELL_DATE")]
    assert [i.code for i in found] == codes
    assert report.nominees[0].values[key] == value
    if codes:
        assert found[0].value == typed and found[0].place.column
    if message:
        assert found[0].message == message


# ---------------------------------------------------------------- 3. rows after blank runs


def test_nominee_after_fifty_blank_rows_is_read_with_a_warning(
    make_workbook: Callable[..., Path], campaign: Campaign
) -> None:
    path = make_workbook(individuals=[GOOD_INDIVIDUAL])
    wb = load_workbook(path)
    ws = wb["Cá nhân"]
    for col in range(1, ws.max_column + 1):  # the same nominee again, 50 blank rows below
        key = ws.cell(KEY_ROW, col).value
        if key in GOOD_INDIVIDUAL:
            value = "Lê Thị Muộn" if key == "ho_ten" else ws.cell(3, col).value
            ws.cell(54, col).value = value
            ws.cell(54, col).number_format = ws.cell(3, col).number_format
    wb.save(path)
    report = validate_folder(forms_only(campaign), path.parent)
    assert [(n.name, n.source.row) for n in report.nominees] == [
        ("Nguyễn Văn An", 3),
        ("Lê Thị Muộn", 54),
    ]
    gap = [i for i in report.issues if i.code == "ROW_AFTER_GAP"]
    assert [(i.place.sheet, i.place.row, i.message) for i in gap] == [
        (
            "Cá nhân",
            54,
            "Trước dòng này có 50 dòng trống (dòng 4–53); dòng này vẫn được đọc và xét.",
        )
    ]


# ---------------------------------------------------------------- 6. .ods read, .csv refused


def test_ods_saved_by_libreoffice_is_read_like_the_xlsx(
    make_workbook: Callable[..., Path], campaign: Campaign, tmp_path: Path
) -> None:
    second = {**GOOD_INDIVIDUAL, "ho_ten": "Trần Thị Bình", "ngay_sinh": "05/03/90"}
    xlsx = make_workbook("khoi-a.xlsx", individuals=[GOOD_INDIVIDUAL, second])
    ods_folder = tmp_path / "ods"
    libreoffice_convert([xlsx], "ods", ods_folder)
    assert [p.name for p in ods_folder.glob("*.ods")] == ["khoi-a.ods"]
    by_xlsx, by_ods = (
        validate_folder(forms_only(campaign), xlsx.parent),
        validate_folder(forms_only(campaign), ods_folder),
    )
    assert by_ods.files == ["khoi-a.ods"] and by_ods.submissions[0].department
    assert [(n.source.row, n.values) for n in by_ods.nominees] == [
        (n.source.row, n.values) for n in by_xlsx.nominees
    ]
    assert sorted(i.code for i in by_ods.issues) == sorted(i.code for i in by_xlsx.issues)
    assert open_workbook(ods_folder / "khoi-a.ods").format == "ods"


def test_csv_is_refused_with_how_to_send_the_workbook(tmp_path: Path, campaign: Campaign) -> None:
    folder = tmp_path / "phieu"
    folder.mkdir()
    (folder / "khoi-b.csv").write_text("Họ và tên,Ngày sinh\nNguyễn Văn An,15/08/1985\n")
    report = validate_folder(forms_only(campaign), folder)
    assert [(i.code, i.place.file) for i in report.issues] == [("FILE_NOT_WORKBOOK", "khoi-b.csv")]
    assert report.issues[0].message == (
        "Tệp này là văn bản thuần (CSV hoặc TXT), không phải bảng tính: CSV chỉ giữ chữ của một "
        "trang, mất các trang khác và dòng mã ẩn của mẫu phiếu nên không đọc được. Hãy điền trên "
        "mẫu phiếu .xlsx được gửi kèm và gửi lại chính tệp .xlsx đó (khi lưu, chọn “Sổ làm "
        "việc Excel (.xlsx)”, không chọn CSV)."
    )


# ---------------------------------------------------------------- 8. two runs at once

HOLD = """
import sys, time
from pathlib import Path
from docgen.lock import workspace_lock
with workspace_lock(Path(sys.argv[1]), sys.argv[2]):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
    (Path(sys.argv[1]) / "first-run-done").touch()  # still holding the lock
"""


def _holder(output: Path, command: str, seconds: float) -> subprocess.Popen[str]:
    """Another docgen process holding the workspace lock (started, lock taken)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(output), command, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


@pytest.mark.parametrize(
    "args",
    [["ho-so"], ["tong-hop"], ["kiem-tra"]],
    ids=["ho-so", "tong-hop", "kiem-tra"],
)
def test_second_writer_stops_with_a_clear_message(
    example: DocgenWorkspace, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    monkeypatch.chdir(example.root)
    holder = _holder(example.root / "output", "ho-so", 30)
    try:
        result = CliRunner().invoke(main, [*args, "--chien-dich", "input/campaign.toml"])
    finally:
        holder.kill()
        holder.communicate()
    assert result.exit_code == 2, result.output
    assert (
        f"Lỗi: Thư mục làm việc output đang được một lệnh docgen khác ghi (lệnh “ho-so”, "
        f"máy {socket.gethostname()}, tiến trình {holder.pid}, từ "
    ) in result.output
    assert "đã chờ 0 giây. Hãy chờ lệnh đó chạy xong rồi chạy lại" in result.output
    assert not (example.root / "output" / "kh19-2023-cchc").exists()  # nothing written


def test_second_writer_waits_for_a_short_run(tmp_path: Path) -> None:
    holder = _holder(tmp_path / "output", "tong-hop", 0.5)
    started = time.monotonic()
    with workspace_lock(tmp_path / "output", "ho-so", wait=20):
        assert (tmp_path / "output" / "first-run-done").exists()  # ran after the first one
    assert time.monotonic() - started < 20
    holder.communicate()


def test_a_killed_run_leaves_no_lock_behind(tmp_path: Path) -> None:
    holder = _holder(tmp_path / "output", "ho-so", 60)
    holder.kill()  # a crash: SIGKILL (TerminateProcess on Windows), no cleanup code runs
    holder.communicate()
    with workspace_lock(tmp_path / "output", "ho-so", wait=0):
        pass  # taken at once: the system released the dead process's lock


def test_reading_commands_and_no_feedback_take_no_lock(
    example: DocgenWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.1)
    monkeypatch.chdir(example.root)
    holder = _holder(example.root / "output", "ho-so", 30)
    try:
        checked = CliRunner().invoke(
            main, ["kiem-tra", "--khong-phan-hoi", "--chien-dich", "input/campaign.toml"]
        )
        results = CliRunner().invoke(main, ["ket-qua", "--chien-dich", "input/campaign.toml"])
    finally:
        holder.kill()
        holder.communicate()
    assert "đang được một lệnh docgen khác ghi" not in checked.output + results.output
    assert results.exit_code == 0, results.output
