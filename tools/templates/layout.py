"""The ND 30/2020 page: A4, margins, Times New Roman styles, page numbers from page 2."""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_SIZE = 14
PAGE_NUMBER_SIZE = 13
FIXED_TIME = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


def new_document(title: str) -> DocumentObject:
    """An empty document with the decree's page, fonts, page numbers and fixed properties."""
    doc = Document()
    _set_fonts(doc)
    _set_normal_style(doc)
    section = doc.sections[0]
    _set_page(section)
    _set_page_numbers(section)
    _set_properties(doc, title)
    _drop_empty_first_paragraph(doc)
    return doc


def set_rfonts(rpr: object) -> None:
    """Make `rpr` (a w:rPr element) name Times New Roman in all four slots, no theme font."""
    rfonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # type: ignore[attr-defined]
    for slot in _THEME_SLOTS:
        rfonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        rfonts.set(qn(slot), FONT)


def _set_fonts(doc: DocumentObject) -> None:
    """Times New Roman in the document defaults and in every style that names a font."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_rfonts(rpr)
    for style_rpr in styles.iter(qn("w:rPr")):
        if style_rpr.find(qn("w:rFonts")) is not None:
            set_rfonts(style_rpr)
        color = style_rpr.find(qn("w:color"))
        if color is not None:
            style_rpr.remove(color)


def _set_normal_style(doc: DocumentObject) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_SIZE)
    set_rfonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def _set_page(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _set_page_numbers(section: Section) -> None:
    """Centred PAGE field in the header, none on page 1 (w:titlePg, empty first header)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(paragraph)


def _add_page_field(paragraph: Paragraph) -> None:
    for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "2")):
        run = paragraph.add_run()
        run.font.size = Pt(PAGE_NUMBER_SIZE)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            run._r.append(_fld_char(kind))
    end = paragraph.add_run()
    end._r.append(_fld_char("end"))


def _fld_char(kind: str) -> object:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _set_properties(doc: DocumentObject, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = "docgen"
    props.last_modified_by = "docgen"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.subject = ""


def _drop_empty_first_paragraph(doc: DocumentObject) -> None:
    body = doc.element.body
    for paragraph in list(body.iter(qn("w:p"))):
        body.remove(paragraph)
