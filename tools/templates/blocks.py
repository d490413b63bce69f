"""Paragraph building blocks: runs that keep each Jinja tag whole, body text, rules, loops."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

from tools.templates.layout import BODY_SIZE

FIRST_LINE_INDENT_CM = 1.27
SPACE_AFTER_PT = 6
LINE_SPACING = 1.15

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


class Container(Protocol):
    """Anything paragraphs can be appended to: the document body or a table cell."""

    def add_paragraph(self, text: str = "", style: None = None) -> Paragraph: ...


@dataclass(frozen=True)
class T:
    """One run of text: a literal or a whole Jinja tag, with its character format."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None


def b(text: str, size: float | None = None) -> T:
    """A bold run."""
    return T(text, bold=True, size=size)


def i(text: str, size: float | None = None) -> T:
    """An italic run."""
    return T(text, italic=True, size=size)


Part = T | str


def para(
    box: Container,
    *parts: Part,
    align: str = "justify",
    indent: bool = False,
    size: float = BODY_SIZE,
    after: float = SPACE_AFTER_PT,
    before: float = 0,
    spacing: float = LINE_SPACING,
    keep_next: bool = False,
) -> Paragraph:
    """Append a paragraph made of `parts`, each written as one run (tags are never split)."""
    paragraph = box.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = ALIGN[align]
    fmt.first_line_indent = Cm(FIRST_LINE_INDENT_CM) if indent else None
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = spacing
    fmt.keep_with_next = keep_next or None
    for part in parts:
        spec = T(part) if isinstance(part, str) else part
        run = paragraph.add_run(spec.text)
        run.font.size = Pt(spec.size or size)
        run.font.bold = spec.bold
        run.font.italic = spec.italic
    _preserve_spaces(paragraph)
    return paragraph


def body(box: Container, *parts: Part, **kw: object) -> Paragraph:
    """A justified body paragraph with the first-line indent."""
    return para(box, *parts, indent=True, **kw)  # type: ignore[arg-type]


def heading(box: Container, text: str) -> Paragraph:
    """A bold section heading such as `I. SƠ LƯỢC LÝ LỊCH`, kept with what follows."""
    return para(box, b(text), indent=True, keep_next=True, before=6)


def tag(box: Container, statement: str) -> Paragraph:
    """A paragraph holding only a docxtpl paragraph tag, e.g. `{%p for x in xs %}`.

    docxtpl replaces the whole paragraph by the statement, so its format never shows.
    """
    return para(box, statement, after=0, spacing=1.0)


def loop(box: Container, var: str, items: str, *parts: Part, **kw: object) -> Paragraph:
    """`{%p for var in items %}`, one paragraph of `parts`, `{%p endfor %}`."""
    tag(box, f"{{%p for {var} in {items} %}}")
    paragraph = body(box, *parts, **kw)
    tag(box, "{%p endfor %}")
    return paragraph


def rule(box: Container, length_mm: float, box_width_mm: float, after: float = 0) -> Paragraph:
    """A centred solid line `length_mm` long: the bottom border of a narrowed empty paragraph."""
    paragraph = para(box, align="center", after=after, spacing=1.0)
    fmt = paragraph.paragraph_format
    side = max((box_width_mm - length_mm) / 2, 0)
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    _bottom_border(paragraph)
    return paragraph


def _bottom_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    # w:pBdr must come before w:spacing/w:ind/w:jc in w:pPr (schema order).
    anchor = ppr.find(qn("w:spacing"))
    if anchor is None:
        ppr.append(borders)
    else:
        anchor.addprevious(borders)


def _preserve_spaces(paragraph: Paragraph) -> None:
    """Keep runs of spaces (blank number and date fields) exactly as typed."""
    for text in paragraph._p.iter(qn("w:t")):
        text.set(qn("xml:space"), "preserve")
