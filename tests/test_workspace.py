"""A clerk's campaign lives in a workspace of its own, inside the ward's folder (issue 19 §1).

The ward folder (marked by phuong.toml) holds the campaigns side by side and the archive they
share; every command finds its workspace (option, DOCGEN_THU_MUC, current folder or the one
above it) and says which workspace and campaign it used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.archive.store import Store
from docgen.cli import main
from docgen.workspace import WARD_FILE, Workspace, program_templates
from tests.test_new_campaign import ANSWERS_19

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clerk's home folder with a Documents folder; no ward chosen by the environment."""
    folder = tmp_path / "nhà"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    monkeypatch.delenv("DOCGEN_PHUONG", raising=False)
    monkeypatch.delenv("DOCGEN_THU_MUC", raising=False)
    return folder


def _new(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["chien-dich-moi", *args], input="\n".join(ANSWERS_19) + "\n")
    return result.exit_code, result.stdout.splitlines()


def test_a_new_campaign_gets_its_own_workspace_in_the_wards_folder(home: Path) -> None:
    code, lines = _new()
    assert code == 0, lines
    ward = home / "Documents" / "Thi đua"
    root = ward / "kh19-2023-cchc"
    assert (ward / WARD_FILE).is_file()
    assert (root / "input" / "campaign.toml").is_file()
    assert (root / "input" / "phieu").is_dir() and not any((root / "input" / "phieu").iterdir())
    assert (root / "output").is_dir()
    assert lines[-2:] == [
        f"Thư mục phường (lập mới, giữ kho lưu trữ chung): {ward}",
        f'Làm việc trong đợt này: cd "{root}" rồi gõ docgen kiem-tra-chien-dich '
        f'(hoặc thêm --thu-muc "{root}" vào mỗi lệnh).',
    ]
    check = CliRunner().invoke(main, ["kiem-tra-chien-dich", "--thu-muc", str(root)])
    assert check.exit_code == 0, check.output
    code, lines = _new()  # the same plan again: a second folder, the first one untouched
    assert code == 0, lines
    assert (ward / "kh19-2023-cchc-2" / "input" / "campaign.toml").is_file()
    assert lines[-2] == f"Thư mục phường (đã có, giữ kho lưu trữ chung): {ward}"


def test_the_ward_can_be_named_by_the_environment(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward = tmp_path / "Phường Tiến Thành"
    monkeypatch.setenv("DOCGEN_PHUONG", str(ward))
    code, lines = _new()
    assert code == 0, lines
    assert Workspace(ward / "kh19-2023-cchc").ward == ward
    assert not (home / "Documents" / "Thi đua").exists()


def test_campaigns_of_one_ward_share_its_archive(home: Path, tmp_path: Path) -> None:
    ward = tmp_path / "Phường Tiến Thành"
    assert _new(str(ward / "kh19-2023"))[0] == 0
    assert _new(str(ward / "kh05-2026"))[0] == 0
    first, second = Workspace(ward / "kh19-2023"), Workspace(ward / "kh05-2026")
    assert first.ward == second.ward == ward.absolute()
    assert Store.of(first.ward).folder == Store.of(second.ward).folder == ward / "luu-tru"


def test_the_shipped_example_is_its_own_ward() -> None:
    assert Workspace(ROOT).ward == ROOT
    assert Workspace(ROOT).templates == ROOT / "templates_docx"


def test_a_command_inside_the_workspace_finds_it_and_says_so(
    example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOCGEN_THU_MUC", raising=False)
    monkeypatch.chdir(example_workspace / "input" / "phieu")
    result = CliRunner().invoke(main, ["kiem-tra-chien-dich"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"Thư mục làm việc: {example_workspace} — chiến dịch “kh19-2023-cchc” "
        f"({example_workspace / 'input' / 'campaign.toml'})"
    )


def test_templates_come_from_the_workspace_then_the_ward_then_the_program(tmp_path: Path) -> None:
    ward, root = tmp_path / "phường", tmp_path / "phường" / "kh05-2026"
    root.mkdir(parents=True)
    (ward / WARD_FILE).write_text('ten = "Ủy ban nhân dân phường Tiến Thành"\n', encoding="utf-8")
    assert Workspace(root).templates == program_templates()
    (ward / "templates_docx").mkdir()
    assert Workspace(root).templates == ward / "templates_docx"
    (root / "templates_docx").mkdir()
    assert Workspace(root).templates == root / "templates_docx"


def test_a_workspace_without_templates_builds_with_the_programs(example_workspace: Path) -> None:
    shutil.rmtree(example_workspace / "templates_docx")
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example_workspace)])
    assert result.exit_code == 0, result.output
    assert not (example_workspace / "templates_docx").exists()
    assert any((example_workspace / "output" / "kh19-2023-cchc").rglob("*.docx"))
