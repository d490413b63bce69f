"""Word templates: built reproducibly, decree page and header, tags kept whole in one run."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from docgen.checks.docx_format import check_docx
from tools.templates import TEMPLATE_DIR, TEMPLATES, build_all

NAMES = sorted(TEMPLATES)


def render(template: str, context: dict[str, Any]) -> DocumentObject:
    """Render a shipped template the way docgen.render does (sandbox, autoescape, strict)."""
    env = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    tpl = DocxTemplate(str(TEMPLATE_DIR / template))
    tpl.render(context, jinja_env=env, autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    buffer.seek(0)
    return Document(buffer)


def all_paragraphs(doc: DocumentObject) -> list[Any]:
    """Every paragraph of the body, table cells included, in document order."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc._body) for p in doc.element.body.iter(qn("w:p"))]


def text_of(doc: DocumentObject) -> str:
    """The document's text, one paragraph per line."""
    return "\n".join(p.text for p in all_paragraphs(doc))


def find(doc: DocumentObject, text: str) -> Any:
    """The first paragraph whose text is exactly `text`."""
    return next(p for p in all_paragraphs(doc) if p.text.strip() == text)


def test_committed_templates_are_the_built_ones(tmp_path: Path) -> None:
    """`python -m tools.templates` was run after the last change, and it is reproducible."""
    first = {p.name: p.read_bytes() for p in build_all(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in build_all(tmp_path / "b")}
    assert first == second
    for name, data in first.items():
        assert (TEMPLATE_DIR / name).read_bytes() == data, f"{name}: run python -m tools.templates"


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_page_is_a4_with_decree_margins(name: str) -> None:
    section = Document(str(TEMPLATE_DIR / name)).sections[0]
    got = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    got += [section.left_margin, section.right_margin]
    assert [round(x.mm) for x in got] == [210, 297, 20, 20, 30, 15]


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_page_number_centred_in_header_from_page_two(name: str) -> None:
    section = Document(str(TEMPLATE_DIR / name)).sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert "PAGE" not in section.first_page_header._element.xml
    number = section.header.paragraphs[0]
    assert " PAGE " in number._p.xml
    assert number.alignment == 1  # centred


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_times_new_roman_in_every_slot_of_the_defaults(name: str) -> None:
    styles = Document(str(TEMPLATE_DIR / name)).styles.element
    fonts = (
        styles.find(qn("w:docDefaults"))
        .find(qn("w:rPrDefault"))
        .find(qn("w:rPr"))
        .find(qn("w:rFonts"))
    )
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_national_header_elements(name: str) -> None:
    doc = Document(str(TEMPLATE_DIR / name))
    quoc_hieu = find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0]
    tieu_ngu = find(doc, "Độc lập - Tự do - Hạnh phúc").runs[0]
    assert (quoc_hieu.bold, quoc_hieu.font.size.pt) == (True, 12)
    assert (tieu_ngu.bold, tieu_ngu.font.size.pt) == (True, 13)
    header = doc.tables[0]
    assert 'w:val="nil"' in header._tbl.tblPr.xml  # borderless
    rules = [p for p in header._tbl.iter(qn("w:pBdr"))]
    assert len(rules) == 2  # under the issuing body and under the Tiêu ngữ


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_every_jinja_tag_sits_in_one_run(name: str) -> None:
    doc = Document(str(TEMPLATE_DIR / name))
    texts = [t.text or "" for t in doc.element.body.iter(qn("w:t"))]
    for text in texts:
        assert text.count("{{") == text.count("}}"), text
        assert text.count("{%") == text.count("%}"), text
    paragraph_tags = [t for t in texts if re.match(r"\{%(p|tr) ", t)]
    assert all(t.endswith("%}") for t in paragraph_tags)


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_templates_pass_the_format_check(name: str) -> None:
    assert check_docx(TEMPLATE_DIR / name) == []


def test_tieu_ngu_rule_is_as_long_as_the_text() -> None:
    doc = Document(str(TEMPLATE_DIR / "to-trinh.docx"))
    cell = doc.tables[0].rows[0].cells[1]
    rule = cell.paragraphs[-1]
    width = cell.width - rule.paragraph_format.left_indent - rule.paragraph_format.right_indent
    assert Mm(55) <= width <= Mm(66)
