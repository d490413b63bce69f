"""`docgen tong-ket`: the results report and the announcement, after the decisions."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docgen.award.history import record_decision
from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.campaign.model import Kind
from docgen.checks.docx_format import check_docx
from docgen.cli import main
from tests.test_history_e2e import number_the_decision
from tests.test_templates import text_of

CAMPAIGN = "kh19-2023-cchc"


def _run(ws: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--thu-muc", str(ws)])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def ws(pristine_example: Path, tmp_path: Path) -> Path:
    root = tmp_path / "Hồ sơ"
    shutil.copytree(pristine_example, root)
    return root


def _folder(ws: Path) -> Path:
    return ws / "output" / CAMPAIGN / "tong-ket"


def test_before_any_decision_the_report_says_so_and_nothing_is_announced(ws: Path) -> None:
    out = _run(ws, "tong-ket")
    assert "Chưa có quyết định nào được ghi nên chưa lập thông báo nêu gương." in out
    assert (
        "Cấp phường: chưa có quyết định khen thưởng; khi văn thư ghi số, ngày Quyết định vào input/hop-xet.xlsx, chạy docgen ho-so"
        in out
    )
    assert (
        "Cấp thành phố: chưa có quyết định khen thưởng; khi quyết định về đến phường, ghi bằng docgen lich-su --ghi-cap"
        in out
    )
    assert sorted(p.name for p in _folder(ws).iterdir()) == ["bao-cao-ket-qua.docx"]
    text = text_of(docx.Document(str(_folder(ws) / "bao-cao-ket-qua.docx")))
    assert "Chưa có quyết định khen thưởng của Chủ tịch Ủy ban nhân dân phường Tiến Thành." in text


def test_the_report_names_units_levels_and_decisions_and_passes_the_format_check(ws: Path) -> None:
    number_the_decision(ws)
    _run(ws, "ho-so")  # the ward's numbered decision goes into the history
    _run(ws, "lich-su", "--ghi-cap", "thanh-pho", "--so", "1234/QĐ-UBND", "--ngay", "10/01/2024",
         "--tru", "Nguyễn Văn An")  # fmt: skip
    _run(ws, "tong-ket")
    path = _folder(ws) / "bao-cao-ket-qua.docx"
    assert check_docx(path) == []
    doc = docx.Document(str(path))
    text = text_of(doc)
    for expected in (
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua cải cách hành chính năm 2023",
        "Số: /BC-HĐTĐKT",
        "I. KẾT QUẢ TỔ CHỨC THỰC HIỆN",
        "Có 05 đơn vị gửi hồ sơ đề nghị khen thưởng, với 02 tập thể và 10 cá nhân được đề nghị:",
        "II. KẾT QUẢ XÉT CHỌN, KHEN THƯỞNG",
        "Hội đồng đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành cho 01 tập thể và 03 cá nhân.",
        "Chủ tịch Ủy ban nhân dân phường Tiến Thành đã khen thưởng 01 tập thể và 03 cá nhân tại Quyết định số 15/QĐ-UBND ngày 28 tháng 12 năm 2023.",
        "Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài đã khen thưởng 01 tập thể và 01 cá nhân tại Quyết định số 1234/QĐ-UBND ngày 10 tháng 01 năm 2024.",
        "III. NÊU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN",
        "TM. THƯỜNG TRỰC HỘI ĐỒNG PHÓ CHỦ TỊCH Nguyễn Văn An",  # the standing members sign, as on their Tờ trình
    ):
        assert expected in " ".join(text.split()), expected
    rows = {
        row.cells[1].text: row.cells[3].text
        for table in doc.tables
        for row in table.rows
        if len(row.cells) == 4
    }
    assert rows["Nguyễn Văn An"] == "Không có trong quyết định"
    assert rows["Lý Thị Mai"] == rows["Trần Thị Bích Ngọc"] == "Đã khen thưởng"
    text = (_folder(ws) / "thong-bao.txt").read_text(encoding="utf-8")
    assert "Đã có thành tích xuất sắc trong phong trào thi đua cải cách hành chính năm 2023" in text


def test_the_announcement_is_escaped_and_holds_name_unit_and_achievement_only(ws: Path) -> None:
    odd = Recipient(
        kind=Kind.INDIVIDUAL,
        name="Tổ <Một cửa> & Cộng sự",
        unit='Khối "Kinh tế"',
        position="Chủ tịch",
        birth=date(1977, 7, 7),
    )
    record_decision(
        ws,
        AwardDecision(
            number="15", symbol="QĐ-UBND", date=date(2023, 12, 28),
            authority="Chủ tịch UBND phường Tiến Thành", level="phuong", campaign=CAMPAIGN,
            year=2023, origin=Origin.CAMPAIGN,
            conferments=(Conferment(recipient=odd, form="Giấy khen", achievement="Có <i>sáng kiến</i>"),),
        ),
    )  # fmt: skip
    _run(ws, "tong-ket")
    html = (_folder(ws) / "thong-bao.html").read_text(encoding="utf-8")
    text = (_folder(ws) / "thong-bao.txt").read_text(encoding="utf-8")
    assert (
        "<li><strong>Tổ &lt;Một cửa&gt; &amp; Cộng sự</strong>, Khối &quot;Kinh tế&quot; — "
        "Có &lt;i&gt;sáng kiến&lt;/i&gt;</li>" in html
    )
    assert (  # the award as the plan names it, who gave it included
        "<h3>Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành (Quyết định số 15/QĐ-UBND "
        "ngày 28/12/2023)</h3>" in html
    )
    assert '- Tổ <Một cửa> & Cộng sự, Khối "Kinh tế" — Có <i>sáng kiến</i>.' in text
    for private in ("1977", "07/07", "Chủ tịch,"):
        assert private not in html and private not in text


def test_a_rerun_keeps_a_report_edited_by_hand(ws: Path) -> None:
    _run(ws, "tong-ket")
    path = _folder(ws) / "bao-cao-ket-qua.docx"
    assert "Đã có, không thay đổi" in _run(ws, "tong-ket")
    path.write_bytes(path.read_bytes() + b"\0")
    out = _run(ws, "tong-ket")
    assert "bao-cao-ket-qua-2.docx" in out


def test_the_template_checker_knows_the_results_report() -> None:
    from docgen.award.wrapup import TEMPLATE
    from docgen.campaign import load_campaign
    from docgen.checks.template import RESULTS_TEMPLATE, check_template
    from tests.conftest import CAMPAIGN_FILE, TEMPLATES

    assert RESULTS_TEMPLATE == TEMPLATE
    assert check_template(TEMPLATES / TEMPLATE, load_campaign(CAMPAIGN_FILE)) == []
