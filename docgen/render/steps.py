"""docxtpl's ``DocxTemplate.render`` pipeline, split into compile-time and render-time halves.

Everything that produces XML is docxtpl's or python-docx's own code, called directly
(``patch_xml``, ``get_xml``, ``get_part_xml``, ``resolve_listing``, ``fix_tables``,
``fix_docpr_ids``, ``serialize_part_xml``, ``parse_xml``); only the few inline statements
of ``DocxTemplate.render_xml_part`` / ``map_tree`` / ``map_headers_footers_xml`` are
re-stated here, line for line. The tests compare both paths part by part.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from os import PathLike
from types import SimpleNamespace
from typing import IO, Any, Literal

import jinja2
from docx.opc.constants import CONTENT_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from .hyphens import native_hyphens

PartKind = Literal["body", "header", "footer", "footnotes"]

_P_OPEN = re.compile(r"<w:p([ >])")
_LISTING_CHARS = ("\t", "\a", "\n", "\f")
_DOCPR_START = 1000  # DocxTemplate.render_init() sets docx_ids_index = 1000
W_BODY = qn("w:body")


@dataclass(frozen=True, slots=True)
class PartSource:
    """The Jinja source of one rendered part, exactly as docxtpl compiles it."""

    member: str  # zip member name, e.g. "word/document.xml"
    kind: PartKind
    source: str  # patched XML with "\n" before each <w:p>, as given to from_string
    encoding: str  # headers/footers are re-encoded with this


TemplateSource = str | PathLike[str] | IO[bytes]
"""A template's file, or its bytes in a stream (what the template was when it was compiled)."""


def open_template(template: TemplateSource) -> Any:
    """A :class:`DocxTemplate` of the file at a path, or of the bytes of a stream."""
    if isinstance(template, (str, PathLike)):
        return DocxTemplate(str(template))
    template.seek(0)
    return DocxTemplate(template)


def load_template(template: TemplateSource) -> Any:
    """A :class:`DocxTemplate` in the state ``render()`` starts from."""
    tpl = open_template(template)
    tpl.render_init()
    return tpl


def jinja_source(patched_xml: str) -> str:
    """First statement of ``render_xml_part``: one line per paragraph."""
    return _P_OPEN.sub(r"\n<w:p\1", patched_xml)


def part_sources(tpl: Any, *, footnotes: bool = False) -> list[PartSource]:
    """Body, then headers, then footers (docxtpl's order); optionally footnotes last."""
    body = jinja_source(tpl.patch_xml(tpl.get_xml()))
    sources = [PartSource(tpl.docx.part.partname.membername, "body", body, "utf-8")]
    kinds: tuple[tuple[PartKind, str], ...] = (
        ("header", tpl.HEADER_URI),
        ("footer", tpl.FOOTER_URI),
    )
    for kind, uri in kinds:
        for _rel_key, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            encoding = tpl.get_headers_footers_encoding(xml)
            source = jinja_source(tpl.patch_xml(xml))
            sources.append(PartSource(part.partname.membername, kind, source, encoding))
    if footnotes:
        for part in footnotes_parts(tpl):
            source = jinja_source(tpl.patch_xml(part.blob.decode("utf-8")))
            sources.append(PartSource(part.partname.membername, "footnotes", source, "utf-8"))
    return sources


def footnotes_parts(tpl: Any) -> list[Any]:
    """The parts ``DocxTemplate.render_footnotes`` renders (once per section each)."""
    return [p for p in tpl.docx.part.package.parts if p.content_type == CONTENT_TYPE.WML_FOOTNOTES]


def render_template(template: jinja2.Template, source: str, context: Mapping[str, Any]) -> str:
    """``template.render`` with docxtpl's ``exc.docx_context`` on Jinja errors."""
    try:
        return template.render(context)
    except jinja2.TemplateError as exc:
        _attach_docx_context(exc, source)
        raise


def template_pieces(template: jinja2.Template, context: Mapping[str, Any]) -> Iterator[str]:
    """What ``template.generate(context)`` yields, without its generator layer.

    Consume it inside :func:`template_errors`, which raises as ``generate`` would.
    """
    return template.root_render_func(template.new_context(dict(context)))


@contextlib.contextmanager
def template_errors(template: jinja2.Template, source: str) -> Iterator[None]:
    """Jinja's error handling of ``render``/``generate`` and docxtpl's ``exc.docx_context``."""
    try:
        yield
    except Exception:
        try:
            template.environment.handle_exception()  # re-raises, traceback in template lines
        except jinja2.TemplateError as exc:
            _attach_docx_context(exc, source)
            raise


def undo_line_breaks(xml: str) -> str:
    """The statements of ``render_xml_part`` between rendering and ``resolve_listing``.

    ``re.sub(r"\\n<w:p([ >])", r"<w:p\\1", xml)`` written as two ``str.replace``: the
    matches of the two literals are disjoint and removing one "\\n" creates no new one.
    """
    xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
    return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


def needs_listing(xml: str) -> bool:
    """Whether ``resolve_listing`` can change ``xml`` (it only rewrites these characters)."""
    return any(char in xml for char in _LISTING_CHARS)


def render_source(template: jinja2.Template, source: str, context: Mapping[str, Any]) -> str:
    """The rest of ``render_xml_part``: render, then undo/resolve as docxtpl does."""
    xml = undo_line_breaks(render_template(template, source, context))
    if needs_listing(xml):
        xml = DocxTemplate.resolve_listing(None, xml)
    return str(xml)


def _attach_docx_context(exc: jinja2.TemplateError, source: str) -> None:
    """Same ``exc.docx_context`` (plain text around the error line) docxtpl attaches."""
    lineno = getattr(exc, "lineno", None)
    if lineno is not None:
        start = max(lineno - 4, 0)
        lines = source.splitlines()[start : start + 7]
        exc.docx_context = [re.sub(r"<[^>]+>", "", line) for line in lines]  # type: ignore[attr-defined]


def empty_body_root(document_element: etree._Element) -> etree._Element:
    """A copy of ``<w:document>`` whose ``<w:body>`` is empty (replaced per render)."""
    root = copy.deepcopy(document_element)
    body = root.find(W_BODY)
    if body is None:
        raise ValueError("document part has no <w:body>")
    for child in list(body):
        body.remove(child)
    return root


def document_xml(root: etree._Element, body_xml: str) -> bytes:
    """``fix_tables`` + ``fix_docpr_ids`` + ``map_tree`` + python-docx's serialization."""
    tree = DocxTemplate.fix_tables(None, body_xml)
    DocxTemplate.fix_docpr_ids(SimpleNamespace(docx_ids_index=_DOCPR_START), tree)
    native_hyphens(tree)
    doc = copy.deepcopy(root)
    doc.replace(doc.find(W_BODY), tree)
    return bytes(serialize_part_xml(doc))


def story_xml(xml: str, encoding: str) -> bytes:
    """``map_headers_footers_xml`` (``XmlPart.load``) + python-docx's serialization."""
    element = parse_xml(xml.encode(encoding))
    native_hyphens(element)
    return bytes(serialize_part_xml(element))
