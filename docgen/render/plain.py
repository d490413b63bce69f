"""The reference path: plain ``DocxTemplate(path).render(...)`` + deterministic output."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping
from typing import Any

from docxtpl import InlineImage
from jinja2 import Environment

from .engine import make_env
from .hyphens import native_hyphens
from .package import DEFAULT_FIXED_TIME, finalize
from .steps import TemplateSource, open_template
from .zipout import read_members, rewrite

Context = Mapping[str, Any]
ContextFactory = Callable[[Any], Context]
"""Builds the context from the rendering ``DocxTemplate`` (for InlineImage/Subdoc)."""


def render_plain(
    template: TemplateSource,
    context: Context | ContextFactory,
    *,
    env: Environment | None = None,
    fixed_time: dt.datetime | None = DEFAULT_FIXED_TIME,
) -> bytes:
    """Render with docxtpl itself; the saved package is rewritten deterministically.

    ``context`` may be a callable taking the ``DocxTemplate`` (to build ``InlineImage``
    or ``Subdoc`` objects bound to it). ``InlineImage`` objects found in a plain mapping
    are re-bound to the rendering template (their ``.tpl`` is overwritten).
    """
    tpl = open_template(template)
    values = context(tpl) if callable(context) else context
    for image in iter_instances(values, InlineImage):
        image.tpl = tpl
    tpl.render(dict(values), jinja_env=env or make_env(), autoescape=True)
    native_hyphens(tpl.docx.element.body)
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            native_hyphens(part.element)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return rewrite(finalize(read_members(buffer.getvalue()), fixed_time))


def iter_instances(value: Any, kinds: type | tuple[type, ...]) -> list[Any]:
    """Objects of ``kinds`` inside nested mappings/lists/tuples/sets of ``value``."""
    found: list[Any] = []
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, kinds):
            found.append(item)
        elif isinstance(item, Mapping | list | tuple | set | frozenset) and id(item) not in seen:
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, Mapping) else item)
    return found
