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


def plain(text: str) -> str:
    """`text` with no-break spaces and hyphens as plain ones (tests of wording read easier)."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def text_of(doc: DocumentObject) -> str:
    """The document's text, one paragraph per line (no-break characters as plain ones)."""
    return plain("\n".join(p.text for p in all_paragraphs(doc)))


def find(doc: DocumentObject, text: str) -> Any:
    """The first paragraph whose text is exactly `text`."""
    return next(p for p in all_paragraphs(doc) if plain(p.text.strip()) == text)


TAG = re.compile(r"\{[{%].*?[}%]\}")


def facts(path: Path) -> dict[str, Any]:
    """What a template must keep, whoever edits it: its Jinja tags in order and its page setup.

    The wording around the tags is the clerk's to change in Word, and Word rewrites the bytes
    on every save, so neither is compared.
    """
    doc = Document(str(path))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.iter(qn("w:p"))]
    page = [
        (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
        for s in doc.sections
    ]
    return {"tags": [tag for text in texts for tag in TAG.findall(text)], "page": page}


def test_templates_build_reproducibly_and_the_committed_ones_keep_their_content(
    tmp_path: Path,
) -> None:
    """`python -m tools.templates` is reproducible, and the committed templates carry the same
    tags and page setup as the built ones (a wording edit in Word is fine)."""
    first = {p.name: p.read_bytes() for p in build_all(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in build_all(tmp_path / "b")}
    assert first == second
    for name in first:
        built = facts(tmp_path / "a" / name)
        assert facts(TEMPLATE_DIR / name) == built, f"{name}: run python -m tools.templates"


EDITS = [
    ("Kính gửi", "Kính gửi (đã sửa trong Word)", True),
    ("{{ so_luong }}", "{{ so_luong_moi }}", False),
]


@pytest.mark.parametrize(("old", "new", "legal"), EDITS, ids=["wording", "renamed-tag"])
def test_a_clerks_edit_in_word_stays_legal_unless_it_breaks_a_tag(
    tmp_path: Path, old: str, new: str, legal: bool
) -> None:
    built = build_all(tmp_path / "built")
    source = next(p for p in built if p.name == "to-trinh.docx")
    doc = Document(str(source))
    runs = [r for p in all_paragraphs(doc) for r in p.runs if old in r.text]
    assert runs, old
    runs[0].text = runs[0].text.replace(old, new)
    edited = tmp_path / "to-trinh.docx"
    doc.save(str(edited))  # python-docx rewrites the package, as Word does
    assert edited.read_bytes() != source.read_bytes()
    assert (facts(edited) == facts(source)) is legal


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
