"""Pages of text boxes placed in millimetres from the page's corner (the certificates).

Each box is a framed paragraph (Word's `w:framePr`, anchored to the page), so its place does
not depend on what comes before it: on a pre-printed blank every line lands where the blank
leaves room for it. A page break ends every page but the last. Written deterministically
(fixed zip times and core properties), like every other document.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .package import DEFAULT_FIXED_TIME, finalize
from .zipout import read_members, rewrite

FONT = "Times New Roman"
_TWIPS_PER_MM = 1440 / 25.4
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


@dataclass(frozen=True, kw_only=True)
class Box:
    """One line (or a few wrapped lines) of text in a box at (x, y) mm from the top left."""

    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    text: str
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "center"
    color: str = ""  # "C00000"; "" for black
    outline: bool = False  # a thin border around the box (the clerk's test page)


@dataclass(frozen=True, kw_only=True)
class Paper:
    """The sheet: size and orientation, and whether a decorative border is printed."""

    width_mm: float = 297.0
    height_mm: float = 210.0
    border: bool = False


def write_pages(
    pages: Sequence[Sequence[Box]], paper: Paper, fixed_time: dt.datetime | None = None
) -> bytes:
    """The .docx bytes of `pages`, one printed page each."""
    doc = Document()
    _page_setup(doc, paper)
    body = doc.element.body
    for paragraph in list(body.iter(qn("w:p"))):
        body.remove(paragraph)
    for number, page in enumerate(pages):
        for box in page:
            _box(doc, box)
        if number < len(pages) - 1:
            breaker = doc.add_paragraph()
            _tight(breaker)
            breaker.add_run().add_break(WD_BREAK.PAGE)
    if not pages:
        doc.add_paragraph()
    doc.core_properties.title = "Giấy khen"
    buffer = io.BytesIO()
    doc.save(buffer)
    return rewrite(finalize(read_members(buffer.getvalue()), fixed_time or DEFAULT_FIXED_TIME))


def _page_setup(doc: object, paper: Paper) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    landscape = paper.width_mm > paper.height_mm
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(paper.width_mm), Mm(paper.height_mm)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Mm(5))
    section.header_distance = section.footer_distance = Mm(0)
    style = doc.styles["Normal"]  # type: ignore[attr-defined]
    style.font.name = FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    if paper.border:
        _border(section._sectPr)


def _border(sect_pr: object) -> None:
    """A double line 10 mm inside the sheet's edge."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "double")
        line.set(qn("w:sz"), "12")
        line.set(qn("w:space"), "28")
        line.set(qn("w:color"), "C00000")
        borders.append(line)
    sect_pr.append(borders)  # type: ignore[attr-defined]


def _box(doc: object, box: Box) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = _ALIGN[box.align]
    _tight(paragraph)
    run = paragraph.add_run(box.text)
    run.font.name = FONT
    run.font.size = Pt(box.size)
    run.font.bold = box.bold
    run.font.italic = box.italic
    if box.color:
        run.font.color.rgb = RGBColor.from_string(box.color)
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("w", _twips(box.width_mm)),
        ("h", _twips(box.height_mm)),
        ("hRule", "atLeast"),
        ("hAnchor", "page"),
        ("vAnchor", "page"),
        ("x", _twips(box.x_mm)),
        ("y", _twips(box.y_mm)),
        ("wrap", "notBeside"),
    ):
        frame.set(qn(f"w:{key}"), str(value))
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert(0, frame)
    if box.outline:
        p_pr.insert(1, _outline())  # schema order: framePr, then pBdr, before spacing


def _outline() -> object:
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "808080")
        borders.append(line)
    return borders


def _tight(paragraph: object) -> None:
    fmt = paragraph.paragraph_format  # type: ignore[attr-defined]
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)
