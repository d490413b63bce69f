"""`docgen giay-khen`: one page per recipient, placed in millimetres, long lines fitted —
checked through LibreOffice (page count, where each word lands)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.award.certificate import Design, calibration_page, certificate_lines, certificate_pages
from docgen.award.fit import fit, width_mm
from docgen.award.layout import SPOTS, Placement, read_placement
from docgen.campaign import Campaign
from docgen.campaign.model import Kind
from docgen.checks import sample
from docgen.cli import main
from docgen.render.pages import Paper, write_pages
from docgen.workspace import Workspace
from tests.conftest import libreoffice_convert
from tests.test_dossier_state import set_votes
from tools.example.data import VOTES

PT = 72 / 25.4  # points per millimetre
LONG_UNIT = (
    "Công chức Văn phòng - Thống kê kiêm nhiệm công tác thi đua, khen thưởng và cải cách hành "
    "chính, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Tiến Thành, thành phố Đồng Xoài"
)
LONG_NAME = "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và cải cách hành chính phường Tiến Thành"


def _line(name: str, unit: str = "") -> dict[str, str]:
    return {
        "ten": name,
        "don_vi": unit,
        "thanh_tich": "Đã có thành tích xuất sắc trong phong trào thi đua cải cách hành chính",
        "ngay": "Tiến Thành, ngày 12 tháng 12 năm 2023",
        "tham_quyen": "",
        "chuc_vu": "CHỦ TỊCH",
        "nguoi_ky": "Lê Thanh Hoan",
        "quyet_dinh": "Quyết định số 215/QĐ-UBND ngày 12 tháng 12 năm 2023",
    }


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) of every word, from pdftotext's bounding boxes."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<', line
        )
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            found.append((page, x0, y0, x1, y1, m.group(5)))
    return found


def _pdf(campaign: Campaign, tmp_path: Path, lines: list[dict[str, str]], place: Placement) -> Path:
    level = campaign.level("phuong")
    pages = certificate_pages(campaign, level, lines, Design.BLANK, place)
    source = tmp_path / "giay-khen.docx"
    tmp_path.mkdir(parents=True, exist_ok=True)
    source.write_bytes(write_pages(pages, Paper()))
    libreoffice_convert([source], "pdf", tmp_path)
    return tmp_path / "giay-khen.pdf"


def test_fit_shrinks_before_it_wraps() -> None:
    spot = SPOTS["ten"]
    assert fit("Ông Phạm Minh Tâm", spot.width, spot.size, spot.smallest, spot.lines, True) == (
        fit("Ông Phạm Minh Tâm", spot.width, spot.size, spot.smallest, 1, True)
    )
    short = fit("Ông Phạm Minh Tâm", spot.width, spot.size, spot.smallest, spot.lines, True)
    assert short is not None and (short.size, short.lines) == (spot.size, 1)
    shrunk = fit(LONG_NAME[:60], spot.width, spot.size, spot.smallest, spot.lines, True)
    assert shrunk is not None and shrunk.lines == 1 and spot.smallest <= shrunk.size < spot.size
    wrapped = fit(LONG_NAME * 2, spot.width, spot.size, spot.smallest, 3, True)
    assert wrapped is not None and wrapped.lines > 1
    assert fit(LONG_NAME * 4, spot.width, spot.size, spot.smallest, spot.lines, True) is None


MEDIUM_NAME = "Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính phường"


def test_long_lines_stay_inside_their_boxes(campaign: Campaign, tmp_path: Path) -> None:
    """Through LibreOffice: a short name at its full size; a longer one shrunk on one line; a
    long unit (and name) that cannot shrink enough wrapped; every word inside its box."""
    lines = [_line("Ông Phạm Minh Tâm"), _line(MEDIUM_NAME), _line(LONG_NAME, LONG_UNIT)]
    words = _words(_pdf(campaign, tmp_path, lines, Placement(dict(SPOTS))))
    assert {w[0] for w in words} == {1, 2, 3}
    for key in ("ten", "don_vi", "thanh_tich"):
        spot = SPOTS[key]
        left, right = spot.x * PT, (spot.x + spot.width) * PT
        top, bottom = spot.y * PT, (spot.y + spot.height) * PT
        inside = [w for w in words if top - 2 <= w[2] < bottom]
        assert inside and all(left - 0.5 <= w[1] and w[3] <= right + 0.5 for w in inside), key
        assert all(w[4] <= bottom + 2 for w in inside), key  # never over the next line
    # (pdftotext splits a word at a stacked diacritic: words without one are compared)
    name_top = SPOTS["ten"].y * PT
    names = [w for w in words if name_top - 2 <= w[2] <= name_top + 80]
    height = {w[0]: w[4] - w[2] for w in names if w[5] in ("Minh", "và", "Ban")}
    assert height[2] < height[1]  # shrunk
    assert len({round(w[2]) for w in names if w[0] == 2}) == 1  # on one line
    unit_top = SPOTS["don_vi"].y * PT
    unit_bottom = unit_top + SPOTS["don_vi"].height * PT
    unit_rows = {round(w[2]) for w in words if w[0] == 3 and unit_top - 2 <= w[2] < unit_bottom}
    assert len(unit_rows) == 2  # wrapped once it could not shrink enough


def test_the_clerks_offset_moves_every_line(campaign: Campaign, tmp_path: Path) -> None:
    base = _words(
        _pdf(campaign, tmp_path / "a", [_line("Ông Phạm Minh Tâm")], Placement(dict(SPOTS)))
    )
    moved_place = Placement(dict(SPOTS), right=10.0, down=-5.0)
    moved = _words(_pdf(campaign, tmp_path / "b", [_line("Ông Phạm Minh Tâm")], moved_place))
    pairs = [(a, b) for a, b in zip(base, moved, strict=True) if a[5] == b[5] == "Tâm"]
    (a, b), *_ = pairs
    assert b[1] - a[1] == pytest.approx(10 * PT, abs=0.6)
    assert b[2] - a[2] == pytest.approx(-5 * PT, abs=0.6)


def test_settings_file_in_the_ward(tmp_path: Path) -> None:
    (tmp_path / "giay-khen.toml").write_text(
        "lech_ngang = 1.5\nlech_doc = -2\n[vi_tri.ten]\ny = 90\nco_chu = 24\n", encoding="utf-8"
    )
    place = read_placement(tmp_path, None, None)
    assert (place.right, place.down) == (1.5, -2.0)
    assert (place.spot("ten").y, place.spot("ten").size) == (88.0, 24.0)
    assert read_placement(tmp_path, 0.0, None).right == 0.0  # the option wins


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("lech_ngang = 'một'", "lech_ngang phải là một số"),
        ("[vi_tri.chu_ky]\nx = 1", "[vi_tri.chu_ky] không dùng được"),
        ("lech_doc = ", "không đọc được"),
    ],
    ids=["not-a-number", "unknown-line", "not-toml"],
)
def test_bad_settings_are_named(example_workspace: Path, content: str, message: str) -> None:
    ward = Workspace(example_workspace).ward
    (ward / "giay-khen.toml").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["giay-khen", "--thu-muc", str(example_workspace), "--khong-pdf"]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output and "giay-khen.toml" in result.output


def test_one_page_per_recipient_with_the_decisions_number(
    campaign: Campaign, example_workspace: Path, tmp_path: Path
) -> None:
    ws = Workspace(example_workspace)
    numbers = {"quyet-dinh:phuong": ("215", "20/12/2023")}
    set_votes(campaign, ws, VOTES, tmp_path, numbers=numbers)
    result = CliRunner().invoke(main, ["giay-khen", "--thu-muc", str(example_workspace)])
    assert result.exit_code == 0, result.output
    folder = ws.output(campaign.id) / "phuong" / "giay-khen"
    assert "Cấp phường: 4 giấy khen" in result.output
    assert "chưa có số" not in result.output
    pdf = folder / "giay-khen.pdf"
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+4\b", pages)
    text = "\n".join(p.text for p in Document(str(folder / "giay-khen.docx")).paragraphs)
    assert "Quyết định số 215/QĐ-UBND ngày 20 tháng 12 năm 2023" in text
    assert "Tiến Thành, ngày 20 tháng 12 năm 2023" in text
    assert "GIẤY KHEN" in text and "Bộ phận “Một cửa” phường Tiến Thành" in text
    again = CliRunner().invoke(main, ["giay-khen", "--thu-muc", str(example_workspace)])
    assert "(không đổi)" in again.output  # the same inputs, the same bytes


def test_before_the_number_the_blanks_show_and_the_clerk_is_told(example_workspace: Path) -> None:
    result = CliRunner().invoke(
        main, ["giay-khen", "--tren-phoi", "--khong-pdf", "--thu-muc", str(example_workspace)]
    )
    assert result.exit_code == 0, result.output
    assert "Quyết định chưa có số, ngày" in result.output
    path = next(Path(example_workspace).rglob("giay-khen-tren-phoi.docx"))
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Quyết định số      /QĐ-UBND ngày     tháng     năm 2023" in text
    assert "GIẤY KHEN" not in text  # on the blank: the variable lines only


def test_no_certificates_from_a_result_that_is_not_final(
    campaign: Campaign, example_workspace: Path, tmp_path: Path
) -> None:
    ws = Workspace(example_workspace)
    tied = {**VOTES, "Hoàng Văn Hòa": 6}  # three at 6 votes for the last two seats
    set_votes(campaign, ws, tied, tmp_path)
    result = CliRunner().invoke(
        main, ["giay-khen", "--khong-pdf", "--thu-muc", str(example_workspace)]
    )
    assert result.exit_code == 1, result.output
    assert "Chưa thể in giấy khen: tệp họp xét còn lỗi, kết quả chưa cuối cùng" in result.output
    assert not list(ws.output(campaign.id).rglob("giay-khen*.docx"))


def test_the_test_page_outlines_every_line(example_workspace: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "giay-khen",
            "--trang-thu",
            "--lech-ngang",
            "2",
            "--khong-pdf",
            "--thu-muc",
            str(example_workspace),
        ],
    )
    assert result.exit_code == 0, result.output
    path = next(Path(example_workspace).rglob("trang-thu-phoi.docx"))
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "lệch ngang 2 mm" in text
    assert all(f"[{key}]" in text for key in SPOTS)


def test_width_estimate_errs_wide() -> None:
    # Times New Roman: "Ông Phạm Minh Tâm" bold 26 pt measures about 96 mm in LibreOffice.
    assert width_mm("Ông Phạm Minh Tâm", 26, bold=True) >= 90


def test_two_recipients_of_one_name_keep_their_own_units(campaign: Campaign) -> None:
    level = campaign.level("phuong")
    chosen = sample.selection(campaign, "phuong")
    twin = sample.nominee(Kind.INDIVIDUAL, ho_ten="Nguyễn Văn An", chuc_vu="Công chức Tư pháp")
    chosen.decisions[2] = sample.decision(twin, level, 8, 1, True)
    lines, numbered = certificate_lines(campaign, level, sample.meeting(), chosen)
    units = [line["don_vi"] for line in lines if line["ten"] == "Ông Nguyễn Văn An"]
    assert len(units) == 2 and len(set(units)) == 2 and not numbered


def test_the_test_page_has_a_mark_at_20_mm_shifted_with_the_offset(tmp_path: Path) -> None:
    for name, place in (("a", Placement(dict(SPOTS))), ("b", Placement(dict(SPOTS), 3.0, -2.0))):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "trang-thu.docx").write_bytes(write_pages([calibration_page(place)], Paper()))
        libreoffice_convert([folder / "trang-thu.docx"], "pdf", folder)
        words = _words(folder / "trang-thu.pdf")
        mark = next(w for w in words if w[5] == "20" and w[2] > 16 * PT)  # not the note's "20"
        box_left, box_top = (20 + place.right) * PT, (20 + place.down) * PT
        assert box_left < mark[1] < box_left + 10 * PT and abs(mark[2] - box_top) < 1.5
