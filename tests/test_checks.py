"""Checks a clerk runs after editing a template or a document in Word."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign import Campaign
from docgen.checks.template import check_template
from docgen.cli import main
from tests.conftest import CAMPAIGN_FILE, TEMPLATES

_CAMPAIGN = ("--chien-dich", str(CAMPAIGN_FILE))


def _edited(tmp_path: Path, *paragraphs: str, name: str = "to-trinh.docx") -> Path:
    doc = Document(str(TEMPLATES / name))
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(str(path))
    return path


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.docx")))
def test_shipped_templates_are_clean(campaign: Campaign, name: str) -> None:
    assert check_template(TEMPLATES / name, campaign) == []


@pytest.mark.parametrize(
    ("paragraphs", "code", "paragraph"),
    [
        (
            ("Kính gửi ông {{ ten_giam_doc }}",),
            "TPL_UNKNOWN_VARIABLE",
            "Kính gửi ông {{ ten_giam_doc }}",
        ),
        (("{% if so_luong %}thiếu endif",), "TPL_SYNTAX", ""),
        (("Số {{ so", "}} ngày"), "TPL_SPLIT_TAG", "Số {{ so"),
        (("{{ so_luong | khong_co_bo_loc }}",), "TPL_SYNTAX", "{{ so_luong | khong_co_bo_loc }}"),
    ],
    ids=["unknown-variable", "unclosed-if", "tag-split-across-lines", "unknown-filter"],
)
def test_template_mistakes_are_named_with_their_paragraph(
    tmp_path: Path, campaign: Campaign, paragraphs: tuple[str, ...], code: str, paragraph: str
) -> None:
    problems = check_template(_edited(tmp_path, *paragraphs), campaign)
    assert code in [p.code for p in problems]
    if paragraph:
        assert paragraph in [p.paragraph for p in problems if p.code == code]


def test_template_check_command_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    clean = runner.invoke(main, ["kiem-tra-mau", *_CAMPAIGN, str(TEMPLATES / "bien-ban.docx")])
    assert clean.exit_code == 0, clean.output
    assert "không có lỗi" in clean.output
    broken = runner.invoke(
        main, ["kiem-tra-mau", *_CAMPAIGN, str(_edited(tmp_path, "{{ ten_giam_doc }}"))]
    )
    assert broken.exit_code == 1
    assert "Biến “ten_giam_doc” không có trong dữ liệu" in broken.output


@pytest.mark.parametrize("name", ["hong.docx", "bang-tinh.xlsx", "van-ban-cu.doc"])
def test_a_file_that_is_no_word_document_is_named_not_a_traceback(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not a whole zip" if name.endswith("x") else b"\xd0\xcf\x11\xe0")
    result = CliRunner().invoke(main, ["kiem-tra-mau", *_CAMPAIGN, str(path)])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.output
    assert result.output.splitlines()[-2:] == [
        f"{path}: 1 lỗi",
        f"  - [TPL_UNREADABLE] Không đọc được tệp Word “{name}” (tệp hỏng hoặc không phải .docx): "
        "hãy mở bằng Word, chọn Lưu thành… dạng “Word Document (.docx)” rồi kiểm tra lại.",
    ]


def test_format_check_command(tmp_path: Path) -> None:
    doc = Document(str(TEMPLATES / "to-trinh.docx"))
    doc.sections[0].left_margin = doc.sections[0].right_margin  # 15 mm: too narrow on the left
    path = tmp_path / "sai-le.docx"
    doc.save(str(path))
    runner = CliRunner()
    result = runner.invoke(main, ["kiem-tra-dinh-dang", str(path)])
    assert result.exit_code == 1
    assert "MARGIN_LEFT" in result.output
    ok = runner.invoke(main, ["kiem-tra-dinh-dang", str(TEMPLATES / "to-trinh.docx")])
    assert ok.exit_code == 0, ok.output
    assert runner.invoke(main, ["kiem-tra-dinh-dang"]).exit_code == 2


def test_campaign_check_command(tmp_path: Path, pristine_example: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["kiem-tra-chien-dich", "--thu-muc", str(pristine_example)])
    assert ok.exit_code == 0 and "tối đa 01 tập thể, 02 cá nhân" in ok.output
    bad = tmp_path / "c.toml"
    bad.write_text("[campaign]\nid = 1\n", encoding="utf-8")
    result = runner.invoke(main, ["kiem-tra-chien-dich", "--chien-dich", str(bad)])
    assert result.exit_code == 2
    assert "khóa `campaign.id` (dòng 2): phải là chuỗi văn bản." in result.output
    assert "Traceback" not in result.output
