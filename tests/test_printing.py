"""Workbooks we produce print on A4 landscape, one page wide, headers on every page.

Printed for real: LibreOffice converts each workbook to PDF and poppler reads every page.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docgen.campaign import Campaign
from docgen.feedback.write import write_feedback
from docgen.intake.template import write_template
from docgen.meeting.consolidate import write_consolidated
from docgen.validate.run import validate_folder
from tests.conftest import libreoffice_convert

A4_LANDSCAPE = (842, 595)  # points, rounded


def _pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def _sizes(pdf: Path) -> set[tuple[int, int]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    sizes = set()
    for line in info.splitlines():
        if "size:" in line and "pts" in line:
            w, h = line.split("size:")[1].split("pts")[0].split("x")
            sizes.add((round(float(w)), round(float(h))))
    return sizes


@pytest.fixture(scope="module")
def printed(
    campaign: Campaign, tmp_path_factory: pytest.TempPathFactory, pristine_example: Path
) -> dict[str, Path]:
    """The meeting list, the blank intake workbook and one feedback workbook, as PDFs."""
    folder = tmp_path_factory.mktemp("print")
    received = pristine_example / "input" / "phieu"
    report = validate_folder(campaign, received)
    sources = [
        write_consolidated(campaign, report, folder / "tong-hop.xlsx"),
        write_template(campaign, folder / "mau-nhap.xlsx")[0],
    ]
    feedback = write_feedback(report, received, folder / "phan-hoi")
    sources.append(next(p for p in feedback if "van-hoa" in p.name))
    out = libreoffice_convert(sources, "pdf", folder / "pdf")
    return {p.stem: p for p in out.glob("*.pdf")}


def test_meeting_list_prints_every_column_on_every_page(printed: dict[str, Path]) -> None:
    pdf = printed["tong-hop"]
    assert _sizes(pdf) == {A4_LANDSCAPE}
    pages = _pages(pdf)
    lists = [p for p in pages if "DANH SÁCH ĐỀ NGHỊ" in p or "Tóm tắt thành tích" in p]
    assert len(lists) == 2  # one page per level: not 4 pages side by side
    for page in lists:
        for column in (
            "STT",
            "Tên tập thể / Họ và tên",
            "Tóm tắt thành tích",
            "Số phiếu đồng ý",
            "Ghi chú",
        ):
            assert column in page, page
    form = next(p for p in pages if "THÔNG TIN CUỘC HỌP" in p)
    assert "Ngày họp (*)" in form and "Nội dung" in form and "Lý do vắng mặt" in form
    numbers = next(p for p in pages if "SỐ VÀ NGÀY VĂN BẢN" in p)
    assert "BB-HĐTĐKT" in numbers and "Ngày (văn thư ghi)" in numbers


def test_intake_workbook_prints_one_page_width_per_sheet(printed: dict[str, Path]) -> None:
    pdf = printed["mau-nhap"]
    assert _sizes(pdf) == {A4_LANDSCAPE}
    pages = _pages(pdf)
    assert len(pages) <= 8  # was 25 pages of one or two columns
    individuals = next(p for p in pages if "Họ và tên (*)" in p)
    assert "Giới tính (*)" in individuals and "Thành tích" in individuals


def test_feedback_prints_its_problem_list_one_page_wide(printed: dict[str, Path]) -> None:
    pdf = next(p for name, p in printed.items() if name.startswith("phan-hoi"))
    assert _sizes(pdf) == {A4_LANDSCAPE}
    issues = [p for p in _pages(pdf) if "Nội dung lỗi" in p]
    assert issues and all("STT" in p and "Cách sửa" in p for p in issues)
