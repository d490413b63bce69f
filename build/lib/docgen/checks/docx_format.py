"""Check a .docx against Nghị định 30/2020: page, margins, fonts, header elements, dates.

Used on every generated document in the tests and by a clerk who edited a template in Word.
Each problem has a stable code, a Vietnamese message and where it is (section, paragraph).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from docgen.checks.docx_signing import check_signing
from docgen.checks.docx_text import check_text
from docgen.checks.problem import FormatProblem, paragraphs
from docgen.checks.styles import Resolver

TWIPS_PER_MM = 1440 / 25.4
A4_MM = (210.0, 297.0)
PAGE_TOLERANCE_MM = 1.0
MARGIN_TOLERANCE_MM = 0.5
MARGINS_MM = {  # side: (low, high, Vietnamese name)
    "top": (20.0, 25.0, "lề trên"),
    "bottom": (20.0, 25.0, "lề dưới"),
    "left": (30.0, 35.0, "lề trái"),
    "right": (15.0, 20.0, "lề phải"),
}


def check_docx(path: Path) -> list[FormatProblem]:
    """Every format problem of the document at `path` (empty when it follows the decree)."""
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        return [FormatProblem("DOCX_UNREADABLE", f"Không đọc được tệp Word “{path.name}”.")]
    return check_document(doc)


def check_document(doc: DocumentObject) -> list[FormatProblem]:
    """Every format problem of an opened document."""
    paras = paragraphs(doc)
    problems = [p for index, sect in enumerate(_sections(doc), 1) for p in _page(sect, index)]
    problems += _page_numbers(doc)
    problems += check_text(paras, Resolver(doc))
    return problems + check_signing(doc)


def _sections(doc: DocumentObject) -> list[Any]:
    return [section._sectPr for section in doc.sections]


def _mm(element: Any, attribute: str) -> float | None:
    value = None if element is None else element.get(qn(f"w:{attribute}"))
    return None if value is None else int(value) / TWIPS_PER_MM


def _page(sect_pr: Any, index: int) -> list[FormatProblem]:
    size = sect_pr.find(qn("w:pgSz"))
    width, height = _mm(size, "w"), _mm(size, "h")
    problems = []
    if width is None or height is None:
        problems.append(
            FormatProblem("PAGE_NOT_A4", "Không xác định được khổ giấy (phải là A4).", index)
        )
    else:
        if width > height:
            problems.append(
                FormatProblem(
                    "PAGE_LANDSCAPE", "Trang nằm ngang; văn bản trình bày theo chiều dọc.", index
                )
            )
            width, height = height, width
        if max(abs(width - A4_MM[0]), abs(height - A4_MM[1])) > PAGE_TOLERANCE_MM:
            problems.append(FormatProblem(
                "PAGE_NOT_A4", f"Khổ giấy {width:.0f} × {height:.0f} mm, không phải A4 (210 × 297 mm).", index,
            ))  # fmt: skip
    return problems + _margins(sect_pr.find(qn("w:pgMar")), index)


def _margins(margins: Any, index: int) -> list[FormatProblem]:
    problems = []
    for side, (low, high, name) in MARGINS_MM.items():
        value = _mm(margins, side)
        if value is None or not low - MARGIN_TOLERANCE_MM <= value <= high + MARGIN_TOLERANCE_MM:
            shown = "không có" if value is None else f"{value:.1f} mm"
            problems.append(FormatProblem(
                f"MARGIN_{side.upper()}", f"Căn {name} {shown}; quy định từ {low:.0f} đến {high:.0f} mm.", index,
            ))  # fmt: skip
    return problems


def _page_numbers(doc: DocumentObject) -> list[FormatProblem]:
    """Page numbers: in the header, centred, never on page 1."""
    problems = []
    for index, section in enumerate(doc.sections, 1):
        sect_pr = section._sectPr
        first_page = sect_pr.find(qn("w:titlePg")) is not None and _on(
            sect_pr.find(qn("w:titlePg"))
        )
        if _has_page_field(_part(section.header)) and not first_page:
            problems.append(FormatProblem(
                "PAGE_NUMBER_FIRST_PAGE", "Số trang hiện ở trang đầu; bật “Different First Page”.", index,
            ))  # fmt: skip
        if first_page and _has_page_field(_part(section.first_page_header)):
            problems.append(
                FormatProblem("PAGE_NUMBER_FIRST_PAGE", "Tiêu đề trang đầu có số trang.", index)
            )
        if _has_page_field(_part(section.footer)) or _has_page_field(
            _part(section.first_page_footer)
        ):
            problems.append(FormatProblem(
                "PAGE_NUMBER_IN_FOOTER", "Số trang đặt ở chân trang; phải ở giữa lề trên.", index,
            ))  # fmt: skip
    return problems


def _part(story: Any) -> Any:
    """The header/footer's own XML, or None when it is inherited (reading never adds one)."""
    return None if story.is_linked_to_previous else story._element


def _on(element: Any) -> bool:
    return element.get(qn("w:val")) not in ("0", "false", "off")


def _has_page_field(part_element: Any) -> bool:
    if part_element is None:
        return False
    instructions = [t.text or "" for t in part_element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr")) or "" for f in part_element.iter(qn("w:fldSimple"))]
    return any(text.split()[:1] == ["PAGE"] for text in instructions)
