"""The clerk's console: click's own words in Vietnamese, any code page, the wrong folder."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from docgen.cli import COMMANDS, click_vi, main
from docgen.cli.console import degrade, error_handler
from tests.conftest import CAMPAIGN_FILE
from tests.test_new_campaign import ANSWERS_19

# Words click prints in English unless translated (help headings, metavars, errors).
ENGLISH = (
    "Usage",
    "Options",
    "Commands",
    "Show this",
    "Show the",
    "default:",
    "Error",
    "TEXT",
    "PATH",
    "FILE",
    "DIRECTORY",
    "INTEGER",
    "COMMAND",
    "ARGS",
    "Try ",
)


def _marked_strings() -> list[tuple[str, ...]]:
    """Every string click marks for translation: `_("…")` and `ngettext("…", "…", n)`."""
    found: list[tuple[str, ...]] = []
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
                texts = tuple(
                    a.value
                    for a in node.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                )
                if texts and texts not in found:
                    found.append(texts)
    return found


def test_every_string_click_prints_has_a_vietnamese_translation() -> None:
    marked = _marked_strings()
    assert len(marked) > 50  # the extraction works
    missing = [
        m
        for m in marked
        if (m[0] not in click_vi.SINGULAR if len(m) == 1 else m not in click_vi.PLURAL)
    ]
    assert missing == []


@pytest.mark.parametrize("name", list(main.commands))
def test_help_pages_have_no_english(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Cách dùng: docgen {name} [TÙY CHỌN]")
    assert "Tùy chọn:" in result.output and "--thu-muc THƯ_MỤC" in result.output
    assert [word for word in ENGLISH if word in result.output] == []


def test_bare_docgen_prints_help_and_exits_0() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Cách dùng: docgen [TÙY CHỌN] LỆNH [ĐỐI SỐ]..."
    assert "Các lệnh:" in lines
    # the workflow order, not the alphabet
    listed = [line.split()[0] for line in lines[lines.index("Các lệnh:") + 1 :] if line.strip()]
    assert listed == [command.name for command in COMMANDS]  # the workflow order
    assert [word for word in ENGLISH if word in result.output] == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["kiem-tr"],
            [
                "Cách dùng: docgen [TÙY CHỌN] LỆNH [ĐỐI SỐ]...",
                "Gõ “docgen --help” để xem hướng dẫn.",
                "",
                "Lỗi: Không có lệnh “kiem-tr”. (Có phải là một trong: 'kiem-tra', 'kiem-tra-mau'?)",
            ],
        ),
        (
            ["tong-hop", "--sap-xep", "tuoi"],
            [
                "Cách dùng: docgen tong-hop [TÙY CHỌN]",
                "Gõ “docgen tong-hop --help” để xem hướng dẫn.",
                "",
                "Lỗi: Giá trị không hợp lệ cho '--sap-xep': “tuoi” không thuộc các giá trị 'nop', 'ten'.",
            ],
        ),
        (
            ["kiem-tra", "--khong-co"],
            [
                "Cách dùng: docgen kiem-tra [TÙY CHỌN]",
                "Gõ “docgen kiem-tra --help” để xem hướng dẫn.",
                "",
                "Lỗi: Không có tùy chọn “--khong-co”. Có phải là '--khong-phan-hoi'?",
            ],
        ),
    ],
    ids=["unknown-command", "bad-choice", "unknown-option"],
)
def test_usage_errors_are_vietnamese(argv: list[str], expected: list[str]) -> None:
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == expected


def test_version_is_vietnamese() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output.startswith("docgen, phiên bản ")


@pytest.mark.parametrize(
    ("char", "encoding", "written"),
    [
        ("ệ", "cp1258", "ê\u0323"),  # cp1258 spells Vietnamese as vowel + tone mark
        ("Ứ", "cp1258", "Ư\u0301"),
        ("đ", "cp1258", "đ"),
        ("ệ", "cp1252", "e"),
        ("Đ", "cp1252", "D"),
        ("“", "cp1252", "“"),
        ("“", "ascii", '"'),
        ("→", "cp1252", "->"),
        ("≤", "cp1258", "<="),
        ("\udcff", "cp1252", "?"),  # an undecodable byte in a file name
    ],
    ids=["tone-cp1258", "horn-cp1258", "d-cp1258", "tone-cp1252", "D-cp1252", "quote-cp1252",
         "quote-ascii", "arrow", "less-equal", "surrogate"],
)  # fmt: skip
def test_letters_degrade_to_what_the_code_page_can_write(
    char: str, encoding: str, written: str
) -> None:
    assert degrade(char, encoding) == written


# Every command, as a clerk runs it in the example workspace. A new command adds its line here.
RUNS: list[list[str]] = [
    ["chien-dich-moi"],  # answers on stdin: ANSWERS_19
    ["mau-nhap", "--don-vi", "Khối Kinh tế - Hạ tầng"],
    ["nhan-thu", "thư đã lưu.eml"],
    ["kiem-tra"],
    ["kiem-tra", "--json"],
    ["tra-loi"],
    ["tong-hop"],
    ["ket-qua"],
    ["ket-qua", "--json"],
    ["ho-so"],
    ["giay-khen", "--khong-pdf"],
    ["kiem-tra-chien-dich"],
    ["kiem-tra-mau"],
    ["pdf", "output/kh19-2023-cchc/thanh-pho/to-trinh.docx"],
    ["luu-tru", "--kiem-tra"],
    ["luu-tru", "--kiem-tra", "--json"],
    ["so-van-ban-di"],
    ["lich-su"],
    ["lich-su", "--thong-ke"],
    ["tong-ket"],
    ["kiem-tra-dinh-dang", "templates_docx/to-trinh.docx"],
    ["giao-dien", "--help"],  # the server runs until stopped: tests/test_web_command.py, cp1258 too
]


def test_every_command_is_run_under_windows_code_pages() -> None:
    assert set(main.commands) <= {argv[0] for argv in RUNS}


def _saved_message(path: Path) -> None:
    """A department's e-mail with its workbook attached, saved from the mail client."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Khối Văn hóa - Xã hội <vanhoa.tienthanh@dongxoai.gov.vn>"
    message["To"] = "thiduakhenthuong.tienthanh@dongxoai.gov.vn"
    message["Subject"] = "Gửi phiếu đề nghị khen thưởng"
    message["Date"] = "Tue, 05 Dec 2023 09:00:00 +0700"
    message.set_content("Kính gửi Thường trực Hội đồng, đơn vị gửi phiếu đề nghị.")
    workbook = path.parent / "input" / "phieu" / "khoi-van-hoa-xa-hoi.xlsx"
    message.add_attachment(
        workbook.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="phiếu khối văn hóa.xlsx",
    )
    path.write_bytes(message.as_bytes())


# What only another library prints: a Python warning (category, file and line), a logging
# record, a machine path. docgen's own stderr is Vietnamese text, progress bars and paths given.
FOREIGN = re.compile(
    r"\w+Warning\b|warnings\.warn|site-packages|\.py:\d+|Traceback"
    r"|^\s*(DEBUG|INFO|WARNING|ERROR|CRITICAL)\b",
    re.MULTILINE,
)


def _exit_code(argv: list[str], encoding: str) -> int:
    """What each run of the example returns: its forms have errors (kiem-tra: 1); on cp1252 the
    wizard's typed answers lose their Vietnamese letters, it stops keeping them (1); an unknown
    command is a usage error (2)."""
    if argv[:1] == ["kiem-tra"] or (argv == ["chien-dich-moi"] and encoding == "cp1252"):
        return 1
    return 2 if argv == ["kiem-tr"] else 0


def _docgen(argv: list[str], cwd: Path, encoding: str) -> subprocess.CompletedProcess[bytes]:
    home = cwd.parent / "nha"  # the wizard's default ward folder is in the home folder
    home.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0", "HOME": str(home)}
    env["USERPROFILE"] = str(home)
    env.pop("DOCGEN_THU_MUC", None)
    typed = "\n".join(ANSWERS_19) + "\n" if argv[:1] == ["chien-dich-moi"] else ""
    return subprocess.run(
        [sys.executable, "-m", "docgen", *argv],
        cwd=cwd,
        env=env,
        input=typed.encode(encoding, errors=error_handler(encoding)),  # as that console types
        capture_output=True,
        timeout=300,
    )


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
def test_every_command_survives_a_windows_code_page(example_workspace: Path, encoding: str) -> None:
    """Console text degrades, never crashes; JSON on stdout is UTF-8 whatever the code page.
    (`pdf` finds its PDF current: what it prints is tried here, LibreOffice in test_pdf.py.)"""
    _saved_message(example_workspace / "thư đã lưu.eml")
    current = example_workspace / "output" / "kh19-2023-cchc" / "thanh-pho" / "to-trinh.pdf"
    current.parent.mkdir(parents=True, exist_ok=True)
    current.write_bytes(b"%PDF-1.4\n")
    os.utime(current, (4_000_000_000, 4_000_000_000))  # newer than any docx ho-so writes
    for argv in [
        *RUNS,
        [],
        ["kiem-tr"],
        ["ho-so", "--help"],
    ]:  # in the workspace, as the README says
        done = _docgen(argv, example_workspace, encoding)
        where = f"{argv} {done.stderr.decode(encoding, 'replace')}"
        assert done.returncode == _exit_code(argv, encoding), where
        assert b"Traceback" not in done.stderr + done.stdout, where
        assert not FOREIGN.search(done.stderr.decode(encoding)), where  # strict decoding too
        if "--json" in argv:
            data = json.loads(done.stdout.decode("utf-8"))
            assert argv[0] == "luu-tru" or data["campaign"] == "kh19-2023-cchc"
        else:
            assert done.stdout.decode(encoding) or done.returncode == 2  # usage: stderr only


def test_json_redirected_to_a_file_is_utf8(example_workspace: Path) -> None:
    target = example_workspace / "kết quả.json"
    env = {**os.environ, "PYTHONIOENCODING": "cp1258"}
    with target.open("wb") as out:
        subprocess.run(
            [sys.executable, "-m", "docgen", "kiem-tra", "--json"],
            cwd=example_workspace,
            env=env,
            stdout=out,
            timeout=300,
            check=False,
        )
    text = target.read_text(encoding="utf-8")
    assert "Bấm vào ô và chọn trong danh sách." in text
    assert json.loads(text)["files"] == 5


# Commands that read the workspace (chien-dich-moi writes one; kiem-tra-dinh-dang takes files;
# luu-tru --kiem-tra reads the archive folder only and names it in full).
@pytest.mark.parametrize(
    "name", [n for n in main.commands if n not in ("kiem-tra-dinh-dang", "chien-dich-moi")]
)
def test_wrong_folder_says_where_it_looked_and_how_to_point_at_the_workspace(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOCGEN_THU_MUC", raising=False)
    result = CliRunner().invoke(main, [name])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Lỗi: Không tìm thấy tệp chiến dịch: {tmp_path / 'input' / 'campaign.toml'}",
        f"Thư mục làm việc đang dùng: {tmp_path}",
        "Hãy chạy lệnh trong thư mục làm việc của đợt (thư mục có input/campaign.toml),",
        f'hoặc chỉ rõ thư mục đó: docgen {name} --thu-muc "<đường dẫn thư mục làm việc>"',
        "(hoặc đặt biến môi trường DOCGEN_THU_MUC một lần cho mọi lệnh).",
    ]


def test_the_workspace_can_come_from_the_environment(
    pristine_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCGEN_THU_MUC", str(pristine_example))
    result = CliRunner().invoke(main, ["kiem-tra-chien-dich"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "Tệp chiến dịch hợp lệ: Phong trào thi đua cải cách hành chính năm 2023 "
        "(Kế hoạch số 19/KH-UBND)."
    )


def test_missing_submissions_folder_names_the_full_path(
    example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOCGEN_THU_MUC", raising=False)
    result = CliRunner().invoke(
        main, ["tong-hop", "--thu-muc", str(example_workspace), "--phieu", "khong-co"]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [  # after the line naming workspace and campaign
        f"Lỗi: Không tìm thấy thư mục phiếu nhập: {Path.cwd() / 'khong-co'}",
    ]


def test_a_step_not_done_yet_is_not_called_a_wrong_folder(example_workspace: Path) -> None:
    (example_workspace / "input" / "hop-xet.xlsx").unlink()
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example_workspace)])
    assert result.exit_code == 2
    assert "Chưa có tệp họp xét" in result.stderr
    assert "Hãy chạy lệnh trong thư mục làm việc" not in result.stderr
    assert "Thư mục làm việc đang dùng" not in result.stderr


def test_from_the_ward_folder_the_campaigns_in_it_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chien-dich-moi leaves a ward folder with the campaign folders inside: one level up is
    the likeliest wrong folder, and the way in is the campaign folder itself."""
    ward = tmp_path / "Phường Tiến Thành"
    for when, name in enumerate(("kh19-2023", "kh12-2026")):  # the 2026 one touched last
        (ward / name / "input").mkdir(parents=True)
        campaign = ward / name / "input" / "campaign.toml"
        campaign.write_bytes(CAMPAIGN_FILE.read_bytes())
        os.utime(campaign, (1_700_000_000 + when, 1_700_000_000 + when))
    (ward / "phuong.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(ward)
    monkeypatch.delenv("DOCGEN_THU_MUC", raising=False)
    result = CliRunner().invoke(main, ["kiem-tra"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"Thư mục làm việc đang dùng: {ward} — đây là thư mục phường, các đợt nằm trong các "
        "thư mục con: kh12-2026, kh19-2023.",
        f'Hãy vào thư mục của đợt rồi chạy lại, ví dụ: cd "{ward / "kh12-2026"}"',
        f'hoặc chỉ rõ thư mục đó: docgen kiem-tra --thu-muc "{ward / "kh12-2026"}"',
    ]
