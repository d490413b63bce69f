"""Compile-once renderer whose output equals docxtpl's, part for part.

At construction, :class:`CompiledTemplate` does docxtpl's per-template work once: load
the package, run docxtpl's XML preprocessing on the body and every header/footer,
compile each Jinja source, apply the context-independent steps (core properties,
footnotes without tags) and save the untouched package once with python-docx to learn
its member order and the exact bytes of every part that rendering does not change.
Those parts are deflated once, and so are rendered parts without any tag (a header of
fixed text). ``render()`` renders only the changing parts and deflates them into the
pre-built archive (a direct part is deflated as Jinja produces it). Each part is rendered

* directly (:mod:`docgen.render.direct`) when its template was proven to print exactly
  python-docx's serialization, and the values of this render keep that proof; else
* exactly: docxtpl's own post-render steps (:mod:`docgen.render.steps`).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from os import PathLike
from pathlib import Path
from typing import Any

import docxtpl
import jinja2
from docxtpl import InlineImage
from jinja2 import nodes

from docgen.digest import sha256

from .canonical import NotDirect
from .direct import DirectPart, compile_direct
from .engine import make_env
from .inspect import sources_variables
from .package import DEFAULT_FIXED_TIME, finalize
from .plain import Context, ContextFactory, render_plain
from .steps import (
    PartSource,
    document_xml,
    empty_body_root,
    footnotes_parts,
    load_template,
    part_sources,
    render_source,
    story_xml,
)
from .zipout import ZipMember, compress_chunks, compress_member, read_members, write_zip

_CORE_TEXT_PROPS = ("author", "comments", "identifier", "language", "subject", "title")
_INSTANCE_BOUND: tuple[type, ...] = tuple(
    kind for kind in (InlineImage, getattr(docxtpl, "Subdoc", None)) if isinstance(kind, type)
)


class Unsupported(Exception):
    """The template needs docxtpl itself; the message becomes ``fallback_reason``."""


class NeedsTemplate(Exception):
    """A printed value is bound to a DocxTemplate (InlineImage, Subdoc)."""


def _guard(value: Any) -> Any:
    """Identity finalize (output unchanged) that stops at DocxTemplate-bound objects."""
    if isinstance(value, _INSTANCE_BOUND):
        raise NeedsTemplate(f"context holds {type(value).__name__}: needs the DocxTemplate")
    return value


_MEMO_LIMIT = 64 * 1024  # a part this small is remembered with its deflated member


@dataclass(frozen=True, slots=True)
class _Part:
    source: PartSource
    template: jinja2.Template  # docxtpl's source, compiled once
    serialize: Callable[[str], bytes]  # docxtpl's + python-docx's steps after rendering
    direct: DirectPart | None
    direct_reason: str | None  # why ``direct`` is None
    fixed: ZipMember | None  # a part without any tag: rendered once, at compile time
    # The last small rendering and its member: headers and footers often print the same
    # bytes for every context, and deflating even 1 KB costs a fresh zlib stream.
    last: list[tuple[bytes, ZipMember]] = field(default_factory=list, compare=False)

    def member(self, context: Context, verify: bool) -> ZipMember:
        """The rendered part, deflated (streamed from Jinja on the direct path)."""
        if self.fixed is not None:
            return self.fixed
        if self.direct is not None:
            try:
                member = self._direct_member(self.direct, context)
            except NotDirect:
                pass
            else:
                if verify and member != compress_member(member.name, self.render_exact(context)):
                    raise AssertionError(f"{member.name}: direct differs from exact")
                return member
        return self._deflate(self.render_exact(context))

    def _direct_member(self, direct: DirectPart, context: Context) -> ZipMember:
        pieces = direct.chunks(context, self.source.source)
        head = list(islice(pieces, 4))
        if len(head) < 4:  # all of it (prefix, one batch, suffix): a small part
            return self._deflate(b"".join(head))
        return compress_chunks(self.source.member, chain(head, pieces))

    def _deflate(self, data: bytes) -> ZipMember:
        if len(data) > _MEMO_LIMIT:
            return compress_member(self.source.member, data)
        last = self.last[:1]  # one read: another thread may replace it meanwhile
        if last and last[0][0] == data:
            return last[0][1]
        member = compress_member(self.source.member, data)
        self.last[:] = [(data, member)]
        return member

    def render_exact(self, context: Context) -> bytes:
        return self.serialize(render_source(self.template, self.source.source, context))


@dataclass(frozen=True, slots=True)
class _Layout:
    parts: tuple[_Part, ...]  # body, headers, footers: docxtpl's order
    members: tuple[ZipMember | str, ...]  # pre-deflated member, or name of a rendered one


class CompiledTemplate:
    """Render one template many times; ``fallback_reason`` says why docxtpl is used.

    Jinja syntax errors raise at construction. ``last_fallback_reason`` describes the
    latest ``render()`` call only; rendering itself shares no mutable state but each part's
    memo of its last small rendering (replaced whole, so concurrent renders stay correct).
    ``verify=True`` checks every direct part against the exact steps (for tests).
    """

    def __init__(
        self,
        template_path: str | PathLike[str],
        *,
        env: jinja2.Environment | None = None,
        fixed_time: dt.datetime | None = DEFAULT_FIXED_TIME,
        verify: bool = False,
        data: bytes | None = None,
    ) -> None:
        self.template_path = template_path
        # The fallback renders these bytes (``data``: the file's, read by the caller), never a
        # file changed since.
        self._data = Path(template_path).read_bytes() if data is None else data
        self.env = env or make_env()
        self.fixed_time = fixed_time
        self.verify = verify
        self.fallback_reason: str | None = None
        self.last_fallback_reason: str | None = None
        self._plan: _Layout | None = None
        tpl = load_template(io.BytesIO(self._data))
        self._sources = part_sources(tpl, footnotes=True)  # as undeclared_variables reads them
        self._variables: frozenset[str] | None = None
        try:
            self._plan = _compile(tpl, self._sources, self.env, fixed_time)
        except Unsupported as exc:
            self.fallback_reason = str(exc)

    @property
    def variables(self) -> frozenset[str]:
        """:func:`undeclared_variables` of the template, without loading it again."""
        if self._variables is None:
            self._variables = frozenset(sources_variables(self._sources, self.env))
        return self._variables

    @property
    def direct_reasons(self) -> dict[str, str | None]:
        """Per rendered part: why it never takes the direct path (None: it can)."""
        parts = self._plan.parts if self._plan else ()
        return {part.source.member: part.direct_reason for part in parts}

    def render(self, context: Context | ContextFactory) -> bytes:
        """The rendered .docx; equal to :func:`render_plain` for the same input."""
        self.last_fallback_reason = self.fallback_reason
        if callable(context):
            self.last_fallback_reason = "context factory: objects need the DocxTemplate"
        elif self._plan is not None:
            try:
                return _render(self._plan, context, self.verify)
            except NeedsTemplate as exc:
                self.last_fallback_reason = str(exc)
        return render_plain(
            io.BytesIO(self._data), context, env=self.env, fixed_time=self.fixed_time
        )


_KEPT = 32  # compiled templates kept per process: a few campaigns' worth (about 12 each)
_kept: OrderedDict[tuple[str, dt.datetime | None], CompiledTemplate] = OrderedDict()
_kept_lock = threading.Lock()


def compile_file(
    template_path: str | PathLike[str], *, fixed_time: dt.datetime | None = DEFAULT_FIXED_TIME
) -> CompiledTemplate:
    """The template file as it is now, compiled once per process for the same bytes and time.

    A process that builds many times (the page's server, a test session) compiles each
    template once, not on every build: it is most of a small build's time. The key is the
    file's content, so an edited template is compiled anew; the least recently used of more
    than ``_KEPT`` are dropped.
    """
    data = Path(template_path).read_bytes()
    key = (sha256(data), fixed_time)
    with _kept_lock:
        if (kept := _kept.get(key)) is not None:
            _kept.move_to_end(key)
            return kept
    made = CompiledTemplate(template_path, fixed_time=fixed_time, data=data)
    with _kept_lock:
        _kept[key] = made
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    return made


def _render(plan: _Layout, context: Context, verify: bool) -> bytes:
    rendered = {part.source.member: part.member(context, verify) for part in plan.parts}
    return write_zip([m if isinstance(m, ZipMember) else rendered[m] for m in plan.members])


def _compile(
    tpl: Any, every: list[PartSource], env: jinja2.Environment, fixed_time: dt.datetime | None
) -> _Layout:
    sources = [source for source in every if source.kind != "footnotes"]
    _check_supported(tpl, sources)
    root = empty_body_root(tpl.docx.element)
    parts = tuple(_compile_part(env, source, root) for source in sources)
    # Context-independent steps of DocxTemplate.render, done once, in docxtpl's order:
    tpl.render_properties({}, env)  # no tags (checked): same result for every context
    tpl.render_footnotes({}, env)  # no tags (checked): same result for every context
    buffer = io.BytesIO()
    tpl.docx.save(buffer)
    rendered = {source.member for source in sources}
    members = tuple(
        name if name in rendered else compress_member(name, data)
        for name, data in finalize(read_members(buffer.getvalue()), fixed_time)
    )
    missing = rendered - {m for m in members if isinstance(m, str)}
    if missing:
        raise Unsupported(f"rendered parts not saved by python-docx: {sorted(missing)}")
    return _Layout(parts, members)


def _compile_part(env: jinja2.Environment, source: PartSource, root: Any) -> _Part:
    body = source.kind == "body"
    serialize: Callable[[str], bytes] = (
        functools.partial(document_xml, root)
        if body
        else functools.partial(story_xml, encoding=source.encoding)
    )
    template = env.overlay(finalize=_guard).from_string(source.source)
    try:
        if source.encoding.lower().replace("-", "") != "utf8":
            raise NotDirect(f"part encoded as {source.encoding}")
        direct = compile_direct(env, source.source, serialize, _guard, body=body)
    except NotDirect as exc:
        part = _Part(source, template, serialize, None, str(exc), None)
    else:
        part = _Part(source, template, serialize, direct, None, None)
    if not _has_tags(env, source.source):  # e.g. a header printing only fixed text
        return replace(part, fixed=compress_member(source.member, part.render_exact({})))
    return part


def _has_tags(env: jinja2.Environment, source: str) -> bool:
    """Whether the source holds anything but text for Jinja (then its output may vary)."""
    ast = env.parse(source)
    return any(
        not isinstance(n, nodes.Output | nodes.TemplateData) for n in ast.find_all(nodes.Node)
    )


def _check_supported(tpl: Any, sources: list[PartSource]) -> None:
    """Raise :class:`Unsupported` for what only docxtpl's full render reproduces."""
    repeated = [m for m, n in Counter(s.member for s in sources).items() if n > 1]
    if repeated:
        raise Unsupported(f"part rendered more than once (shared header/footer): {repeated}")
    core = tpl.docx.core_properties
    tagged = [p for p in _CORE_TEXT_PROPS if "{" in (getattr(core, p) or "")]
    if tagged:
        raise Unsupported(f"template tags in core properties: {', '.join(tagged)}")
    for part in footnotes_parts(tpl):
        if b"{" in part.blob:
            raise Unsupported(f"template tags in footnotes ({part.partname.membername})")


__all__ = ["CompiledTemplate", "NeedsTemplate", "Unsupported"]
