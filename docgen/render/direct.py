"""Direct body path: render document.xml without docxtpl's parse/serialize round trip.

docxtpl turns the rendered body into bytes with ``fix_tables`` (an lxml parse),
``fix_docpr_ids`` and python-docx's serialization of the whole document; that round trip
is most of a compiled render, and for most templates it only re-spells escapes. When
:mod:`docgen.render.canonical` proves it changes nothing else, the body template is
prepared once so that its output *is* the serialized body:

* docxtpl's text steps after rendering (``"\\n<w:p"`` removal, ``{_{`` -> ``{{`` ...) are
  applied to each static chunk at compile time; chunks are refused if one of those
  patterns could span a chunk edge, values if they could take part in one;
* the ``<w:body>`` start/end tags are cut from the template and replaced by the exact
  bytes python-docx writes around the body (computed once with the real steps);
* in the compiled template, ``escape`` (Jinja's autoescape of each printed value) is
  replaced by :func:`_make_escape`'s function: it writes text as libxml2 does (``&``,
  ``<``, ``>`` escaped, quotes literal) and aborts the direct render (:class:`NotDirect`)
  for ``Markup`` values (RichText...), control characters (``resolve_listing`` or the
  parser would act) and underscores next to braces/percent signs;
* expressions that alone fill an element are refused when they print nothing.

A :class:`NotDirect` at render time means: use the exact path for this render.

The output is streamed: Jinja's pieces are taken in batches, so that a part listing tens of
thousands of rows never exists as one string (see :func:`_batches`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

import jinja2
import markupsafe
from jinja2 import nodes

from .canonical import NotDirect, Walker
from .hyphens import NB_HYPHEN, direct_text
from .steps import template_errors, template_pieces, undo_line_breaks

_NONEMPTY = "_docgen_direct_nonempty"
# Values: characters resolve_listing rewrites (\t \a \n \f), that the XML parser
# normalizes (\r) or refuses (other controls, U+FFFE/U+FFFF, lone surrogates), quotes.
_SPECIAL = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff&<>]")
_CONTROL = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff]")
_UNDERSCORE_RISK = re.compile(r"^_|_$|[{}%]")  # could join "{_{", "}_}", "{_%", "%_}"


# An empty value that alone fills an element prints this private-use character; after
# rendering, `<t attrs>MARK</t>` becomes `<t attrs/>`, as lxml serializes an empty element.
_BLANK_MARK = "\ue000"
_BLANK_ELEMENT = re.compile(rf"<([\w:]+)((?:\s[^<>]*)?)>{_BLANK_MARK}</\1>")
BATCH = 2048  # Jinja output pieces per batch (a few hundred KB of XML)


class _Blank(str):
    """The mark printed for an empty value (a str subclass, so escape can recognise it)."""


_BLANK = _Blank(_BLANK_MARK)


def _make_escape(guard: Callable[[Any], Any], refuse_blank: bool) -> Callable[[Any], str]:
    """Replacement for ``escape`` in a direct template: libxml2's text escaping.

    ``guard`` is the exact path's finalize. ``refuse_blank``: headers/footers are
    re-parsed by python-docx's parser, which drops whitespace-only text, so values made
    only of spaces take the exact path there.
    """

    def escape_text(value: Any) -> str:
        if value is _BLANK:
            return _BLANK_MARK
        if type(value) is str:
            text = value
        elif hasattr(value, "__html__"):
            guard(value)
            raise NotDirect("markup value")
        else:
            text = str(value)  # as markupsafe.escape does
        if "_" in text and _UNDERSCORE_RISK.search(text):
            raise NotDirect("value could form one of docxtpl's {_{ patterns")
        if refuse_blank and text and not text.strip(" "):
            raise NotDirect("whitespace-only value")
        if _BLANK_MARK in text:
            raise NotDirect("value holds the private mark character")
        if _SPECIAL.search(text) is not None:
            if _CONTROL.search(text):
                raise NotDirect("control character in value")
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if NB_HYPHEN not in text:
            return text
        printed = direct_text(text)
        if printed is None:
            raise NotDirect("no-break hyphen at the edge of a value")
        return printed

    return escape_text


def _nonempty(value: Any) -> Any:
    """Filter around expressions that alone fill an element: mark an empty print."""
    if (value if isinstance(value, str) else str(value)) == "":
        return _BLANK
    return value


@dataclass(frozen=True, slots=True)
class DirectPart:
    """Template whose output, between ``prefix`` and ``suffix``, is the part's bytes."""

    template: jinja2.Template
    prefix: bytes  # serialized part up to and including the root (or w:body) start tag
    suffix: bytes  # from the matching end tag on

    def chunks(self, context: Mapping[str, Any], source: str) -> Iterator[bytes]:
        """The part's bytes, in pieces; raises :class:`NotDirect` when the exact path is needed.

        The exception may come after some pieces: the caller then drops them.
        """
        yield self.prefix
        with template_errors(self.template, source):
            for text in _batches(template_pieces(self.template, context), BATCH):
                yield text.encode("utf-8")
        yield self.suffix

    def render(self, context: Mapping[str, Any], source: str) -> bytes:
        """The part's bytes in one piece."""
        return b"".join(self.chunks(context, source))


def _batches(pieces: Iterator[str], size: int) -> Iterator[str]:
    """Jinja's output in batches of ``size`` pieces, with each blank mark resolved.

    Each batch but the last is cut at its last ``<`` so that no ``<t>MARK</t>`` spans two
    batches; the rest is carried over to the next batch.
    """
    tail = ""
    while True:
        batch = list(islice(pieces, size))
        text = tail + "".join(batch) if tail else "".join(batch)
        if len(batch) < size:
            yield _unmark(text)
            return
        text, tail = _split(text)
        if text:
            yield _unmark(text)


def _split(text: str) -> tuple[str, str]:
    """``text`` cut before its last ``<``, or before the element whose mark ends the head.

    A ``<t attrs>MARK</t>`` holds two ``<``; if it spans the last one, the head ends with
    the mark and the previous ``<`` starts the element. Should the head end with a mark
    again, a mark would be left whole-text too (it follows a ``>`` or text, never ``<t>``).
    """
    cut = text.rfind("<")
    if cut > 0 and text.endswith(_BLANK_MARK, 0, cut):
        cut = text.rfind("<", 0, cut)
        if cut > 0 and text.endswith(_BLANK_MARK, 0, cut):
            raise NotDirect("empty value where it does not fill an element")
    if cut <= 0:
        return "", text
    return text[:cut], text[cut:]


def _unmark(text: str) -> str:
    """``<t attrs>MARK</t>`` as ``<t attrs/>``; :class:`NotDirect` for any other mark."""
    if _BLANK_MARK in text:
        text = _BLANK_ELEMENT.sub(r"<\1\2/>", text)
        if _BLANK_MARK in text:
            raise NotDirect("empty value where it does not fill an element")
    return text


def compile_direct(
    env: jinja2.Environment,
    source: str,
    serialize: Callable[[str], bytes],
    guard: Callable[[Any], Any],
    *,
    body: bool,
) -> DirectPart:
    """Prepare the direct template; :class:`NotDirect` says which claim fails.

    ``serialize`` is the exact path's XML-to-bytes step for this part; ``body`` selects
    the document body's rules (else a header/footer's).
    """
    start = re.match(r"<([\w:]+)(?: [^>]*)?>", source)
    end_tag = f"</{start.group(1)}>" if start else ""
    if start is None or not source.endswith(end_tag):
        raise NotDirect("source not delimited by its root element")
    fast_env = env.overlay()
    fast_env.filters = {**env.filters, _NONEMPTY: _nonempty}
    ast = fast_env.parse(source)
    chunks = list(ast.find_all(nodes.TemplateData))
    for chunk in chunks:
        chunk.data = _static_chunk(chunk.data)
    Walker(root=start.group(1), body=body).walk_and_mark(ast, _NONEMPTY)
    _cut(chunks, start.group(0), end_tag)
    ast.set_environment(fast_env)
    placeholder = b"<w:p/>"
    serialized = serialize(start.group(0) + placeholder.decode() + end_tag)
    prefix, found, suffix = serialized.partition(placeholder)
    if not found or placeholder in suffix:
        raise NotDirect("cannot locate the content in the serialized part")
    template = fast_env.from_string(ast)
    namespace = template.root_render_func.__globals__  # the compiled module's globals
    if namespace.get("escape") is not markupsafe.escape:
        raise NotDirect("Jinja's generated code no longer uses markupsafe.escape")
    namespace["escape"] = _make_escape(guard, refuse_blank=not body)
    return DirectPart(template, prefix, suffix)


def _static_chunk(data: str) -> str:
    """docxtpl's post-render text steps on one chunk, if they cannot span its edges."""
    done = undo_line_breaks(data)
    for text in (data, done):
        if text.startswith("_") or text.endswith(("_", "\n")):
            raise NotDirect("static chunk edge could join one of docxtpl's text patterns")
    return done


def _cut(chunks: list[nodes.TemplateData], start_tag: str, end_tag: str) -> None:
    """Remove the root start tag (first chunk) and end tag (last non-empty chunk)."""
    first = next(c for c in chunks if c.data)
    last = [c for c in chunks if c.data][-1]
    if not first.data.startswith(start_tag) or not last.data.endswith(end_tag):
        raise NotDirect("root tags not where expected")
    first.data = first.data[len(start_tag) :]
    last.data = last.data[: -len(end_tag)]
