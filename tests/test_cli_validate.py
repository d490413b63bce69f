"""`docgen kiem-tra` through click's CliRunner: exit codes, JSON, feedback files, messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from tests.conftest import CAMPAIGN_FILE, GOOD_INDIVIDUAL, GOOD_UNIT, MakeWorkbook

FEEDBACK = Path("output/kh19-2023-cchc/phan-hoi")


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner inside an empty workspace holding the shipped campaign file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "input").mkdir()
    # Without its [[departments]] (the file's last tables): these tests are about one form, not
    # about the departments that have sent none (tests/test_attendance.py).
    text = CAMPAIGN_FILE.read_text(encoding="utf-8").split("[[departments]]", 1)[0]
    (tmp_path / "input" / "campaign.toml").write_text(text, encoding="utf-8")
    return CliRunner()


def fill(
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    unit: dict[str, object] | None = None,
    **changes: object,
) -> Path:
    folder = tmp_path / "input" / "phieu"
    return make_workbook(
        unit={**GOOD_UNIT, **(unit or {})},
        individuals=[{**GOOD_INDIVIDUAL, **changes}],
        folder=folder,
    )


CASES = [
    ("clean", {}, {}, 0, "0 lỗi, 0 cảnh báo"),
    ("late is a warning", {"ngay_gui": "21/12/2023"}, {}, 0, "0 lỗi, 1 cảnh báo"),
    ("error", {}, {"ngay_sinh": "31/02/1990"}, 1, "1 lỗi, 0 cảnh báo"),
]


@pytest.mark.parametrize(
    ("unit", "changes", "code", "text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_exit_codes(
    runner: CliRunner,
    make_workbook: MakeWorkbook,
    tmp_path: Path,
    unit: dict[str, object],
    changes: dict[str, object],
    code: int,
    text: str,
) -> None:
    fill(make_workbook, tmp_path, unit, **changes)
    result = runner.invoke(main, ["kiem-tra"])
    assert result.exit_code == code, result.output
    assert result.stdout.splitlines()[0] == f"Chiến dịch kh19-2023-cchc: 1 tệp, {text}."
    (feedback,) = (tmp_path / FEEDBACK).glob("phan-hoi-*.xlsx")
    assert re.fullmatch(r"phan-hoi-khoi-van-hoa-xa-hoi-\d{4}-\d\d-\d\d-\d{4}\.xlsx", feedback.name)


def test_bad_campaign_path_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["kiem-tra", "--chien-dich", "khong-co.toml"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Lỗi: Không tìm thấy tệp chiến dịch: {Path.cwd() / 'khong-co.toml'}\n"
    )


def test_missing_folder_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["kiem-tra", "--phieu", "khong-co"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"Lỗi: Không tìm thấy thư mục phiếu nhập: {Path.cwd() / 'khong-co'}"
    ]


def test_json_to_stdout_only(
    runner: CliRunner, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    fill(make_workbook, tmp_path, ngay_sinh="31/02/1990")
    result = runner.invoke(main, ["kiem-tra", "--json", "--khong-phan-hoi"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["errors"] == 1 and data["issues"][0]["code"] == "CELL_DATE"
    assert "Đang kiểm tra" not in result.stderr
    assert not (tmp_path / FEEDBACK).exists()


def test_other_folder_and_campaign(
    runner: CliRunner, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    make_workbook(individuals=[GOOD_INDIVIDUAL], folder=tmp_path / "khac")
    result = runner.invoke(
        main, ["kiem-tra", "--phieu", "khac", "--chien-dich", str(CAMPAIGN_FILE)]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # The form of the folder given is clean; the campaign's four other departments sent none.
    assert lines[0] == "Chiến dịch kh19-2023-cchc: 1 tệp, 0 lỗi, 4 cảnh báo."
    assert "  Không có vấn đề: Khối Văn hóa - Xã hội." in lines
    assert "  DEPARTMENT_NO_FORM — Đơn vị chưa nộp phiếu: 4" in lines
    assert lines[-1] == "Đã ghi 1 tệp phản hồi vào output/kh19-2023-cchc/phan-hoi"


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(main, ["kiem-tra", "--help"])
    assert result.exit_code == 0
    assert (
        "Ví dụ:" in result.stdout and "docgen kiem-tra --phieu input/phieu --json" in result.stdout
    )


def test_the_lines_the_clerk_reads(
    runner: CliRunner, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    fill(make_workbook, tmp_path, ngay_sinh="31/02/1990")
    result = runner.invoke(main, ["kiem-tra"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "Chiến dịch kh19-2023-cchc: 1 tệp, 1 lỗi, 0 cảnh báo.",
        "",
        "Theo đơn vị:",
        "  Khối Văn hóa - Xã hội: 1 lỗi, 0 cảnh báo",
        "",
        "Theo mã:",
        "  CELL_DATE — Ngày không hợp lệ: 1",
        "",
        "don-vi.xlsx (Khối Văn hóa - Xã hội)",
        "  [Lỗi] Cá nhân › dòng 3 › cột C (Ngày sinh): “31/02/1990” không phải ngày hợp lệ. "
        "— Ghi ngày theo ngày/tháng/năm, ví dụ 05/03/2023.",
        "",
        "Đã ghi 1 tệp phản hồi vào output/kh19-2023-cchc/phan-hoi",
    ]


@pytest.mark.parametrize(
    ("argv", "code"),
    [(["kiem-tra", "--khong-phan-hoi"], 1), (["ket-qua"], 0), (["luu-tru", "--kiem-tra"], 0)],
    ids=["kiem-tra (the example's forms have errors)", "ket-qua", "luu-tru"],
)
def test_json_goes_to_a_named_file_in_utf8(
    argv: list[str], code: int, example_workspace: Path
) -> None:
    """PowerShell 5.1 writes `>` redirections in UTF-16: `--json-ra` writes UTF-8 itself."""
    target = example_workspace / "kết quả.json"
    result = CliRunner().invoke(
        main, [*argv, "--thu-muc", str(example_workspace), "--json-ra", str(target)]
    )
    assert result.exit_code == code, result.output
    data = json.loads(target.read_bytes().decode("utf-8"))
    assert data
    assert f"Đã ghi kết quả dạng JSON (UTF-8) vào {target}" in result.stderr
