"""The decree's format check: a good document passes; each departure gives its stable code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from docgen.campaign import Campaign
from docgen.campaign.model import Kind
from docgen.checks import sample
from docgen.checks.docx_format import check_docx
from docgen.documents.context import proposal_context
from docgen.documents.forms import report_template
from tests.test_templates import find, render

DATE_LINE = "Tiến Thành, ngày     tháng     năm 2023"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _good(campaign: Campaign) -> DocumentObject:
    level = campaign.level("thanh-pho")
    context = proposal_context(campaign, level, sample.meeting(), sample.selection(campaign))
    return render("to-trinh.docx", context)


def _set_text(doc: DocumentObject, old: str, new: str) -> None:
    find(doc, old).runs[0].text = new


def _landscape(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = section.page_height, section.page_width


def _letter(doc: DocumentObject) -> None:
    doc.sections[0].page_width = Mm(216)
    doc.sections[0].page_height = Mm(279)


def _arial_run(doc: DocumentObject) -> None:
    find(doc, "(Có danh sách và báo cáo thành tích kèm theo)").runs[0].font.name = "Arial"


def _arial_style(doc: DocumentObject) -> None:
    """A clerk changes the Normal style's font for Vietnamese letters (hAnsi) only."""
    doc.styles["Normal"].element.rPr.find(qn("w:rFonts")).set(qn("w:hAnsi"), "Arial")


def _no_title_page(doc: DocumentObject) -> None:
    doc.sections[0].different_first_page_header_footer = False


def _body_12(doc: DocumentObject) -> None:
    find(doc, "(Có danh sách và báo cáo thành tích kèm theo)").runs[0].font.size = Pt(12)


def _remove(doc: DocumentObject, text: str) -> None:
    paragraph = find(doc, text)._p
    paragraph.getparent().remove(paragraph)


def _font(text: str, **changes: object) -> Callable[[DocumentObject], None]:
    def change(doc: DocumentObject) -> None:
        for run in find(doc, text).runs:
            for name, value in changes.items():
                setattr(run.font, name, value)

    return change


BREAKS: list[tuple[str, Callable[[DocumentObject], None], set[str]]] = [
    ("good", lambda doc: None, set()),
    (
        "left-margin-20",
        lambda doc: setattr(doc.sections[0], "left_margin", Mm(20)),
        {"MARGIN_LEFT"},
    ),
    ("top-margin-30", lambda doc: setattr(doc.sections[0], "top_margin", Mm(30)), {"MARGIN_TOP"}),
    (
        "right-margin-25",
        lambda doc: setattr(doc.sections[0], "right_margin", Mm(25)),
        {"MARGIN_RIGHT"},
    ),
    ("landscape", _landscape, {"PAGE_LANDSCAPE"}),
    ("letter", _letter, {"PAGE_NOT_A4"}),
    ("arial-run", _arial_run, {"FONT_NOT_TNR"}),
    ("arial-normal-style", _arial_style, {"FONT_NOT_TNR"}),
    (
        "date-5-3",
        lambda d: _set_text(d, DATE_LINE, "Tiến Thành, ngày 5 tháng 3 năm 2023"),
        {"DATE_PADDING"},
    ),
    (
        "date-05-03",
        lambda d: _set_text(d, DATE_LINE, "Tiến Thành, ngày 05 tháng 03 năm 2023"),
        {"DATE_PADDING"},
    ),
    (
        "date-5-02",
        lambda d: _set_text(d, DATE_LINE, "Tiến Thành, ngày 5 tháng 02 năm 2023"),
        {"DATE_PADDING"},
    ),
    ("date-ok", lambda d: _set_text(d, DATE_LINE, "Tiến Thành, ngày 24 tháng 02 năm 2023"), set()),
    (
        "date-31-02",
        lambda d: _set_text(d, DATE_LINE, "Tiến Thành, ngày 31 tháng 02 năm 2023"),
        {"DATE_INVALID"},
    ),
    ("date-not-italic", _font(DATE_LINE, italic=False), {"DATE_LINE_ITALIC"}),
    (
        "hoa-accepted",
        lambda d: _set_text(d, QUOC_HIEU, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        set(),
    ),
    ("quoc-hieu-missing", lambda d: _remove(d, QUOC_HIEU), {"QUOC_HIEU_MISSING"}),
    ("quoc-hieu-regular", _font(QUOC_HIEU, bold=False), {"QUOC_HIEU_BOLD"}),
    ("quoc-hieu-14", _font(QUOC_HIEU, size=Pt(14)), {"QUOC_HIEU_SIZE"}),
    (
        "quoc-hieu-lower",
        lambda d: _set_text(d, QUOC_HIEU, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        {"QUOC_HIEU_CASE"},
    ),
    ("tieu-ngu-12", _font("Độc lập - Tự do - Hạnh phúc", size=Pt(12)), {"TIEU_NGU_SIZE"}),
    ("tieu-ngu-missing", lambda d: _remove(d, "Độc lập - Tự do - Hạnh phúc"), {"TIEU_NGU_MISSING"}),
    ("noi-nhan-upright", _font("Nơi nhận:", italic=False), {"NOI_NHAN_ITALIC"}),
    ("noi-nhan-14", _font("Nơi nhận:", size=Pt(14)), {"NOI_NHAN_SIZE"}),
    ("page-number-on-page-1", _no_title_page, {"PAGE_NUMBER_FIRST_PAGE"}),
    ("body-12", _body_12, {"BODY_SIZE"}),
    (
        "section-placeholder",
        lambda d: _set_text(d, "- Như trên;", "(Không có nội dung báo cáo.)"),
        {"TEXT_PLACEHOLDER"},
    ),
    (
        "blank-as-khong",
        lambda d: _set_text(d, "- Như trên;", "- Điện thoại: Không"),
        {"TEXT_PLACEHOLDER"},
    ),
    (
        "tag-left-over",
        lambda d: _set_text(d, "- Như trên;", "- {{ ky.ten }};"),
        {"TEXT_PLACEHOLDER"},
    ),
    ("signer-without-name", lambda d: _set_text(d, "Lê Thanh Hoan", ""), {"SIGNATURE_NO_NAME"}),
    ("role-as-title", lambda d: _set_text(d, "CHỦ TỊCH", "THỦ TRƯỞNG ĐƠN VỊ"), {"SIGNATURE_ROLE"}),
]


@pytest.mark.parametrize(("name", "breaks", "codes"), BREAKS, ids=[b[0] for b in BREAKS])
def test_each_departure_has_its_code(
    campaign: Campaign,
    tmp_path: Path,
    name: str,
    breaks: Callable[[DocumentObject], None],
    codes: set[str],
) -> None:
    doc = _good(campaign)
    breaks(doc)
    path = tmp_path / f"{name}.docx"
    doc.save(str(path))
    assert {p.code for p in check_docx(path)} == codes


@pytest.mark.parametrize("cleared", ["", "confirmer", "reporter"])
def test_two_signers_names_in_the_row_below_are_found(
    campaign: Campaign, tmp_path: Path, cleared: str
) -> None:
    from docgen.checks.docx_signing import check_signing
    from docgen.documents.report import report_context

    level = campaign.level("thanh-pho")
    who = sample.nominee(Kind.INDIVIDUAL)
    context = report_context(campaign, who, level)
    doc = render(report_template(campaign, Kind.INDIVIDUAL), context)
    names = {"confirmer": context["xac_nhan"]["ten"], "reporter": context["ky"]["ten"]}
    if cleared:
        _set_text(doc, names[cleared], "")
    found = {p.code for p in check_signing(doc)}
    assert found == ({"SIGNATURE_NO_NAME"} if cleared else set())


def test_broken_document_reports_all_codes_with_places(campaign: Campaign, tmp_path: Path) -> None:
    doc = _good(campaign)
    doc.sections[0].left_margin = Mm(20)
    _arial_run(doc)
    _set_text(doc, DATE_LINE, "Tiến Thành, ngày 5 tháng 3 năm 2023")
    path = tmp_path / "broken.docx"
    doc.save(str(path))
    problems = {p.code: p for p in check_docx(path)}
    assert set(problems) == {"MARGIN_LEFT", "FONT_NOT_TNR", "DATE_PADDING"}
    date = problems["DATE_PADDING"]
    assert "ngày 05 tháng 3 năm 2023" in date.message
    assert date.paragraph is not None and "Tiến Thành, ngày 5" in date.where()
    assert "20,0" in problems["MARGIN_LEFT"].message.replace(".", ",")
    assert "Arial" in problems["FONT_NOT_TNR"].message


def test_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "not.docx"
    path.write_bytes(b"plain text")
    assert [p.code for p in check_docx(path)] == ["DOCX_UNREADABLE"]
