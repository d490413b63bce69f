"""Render .docx templates with docxtpl/Jinja2 — once compiled, many times fast.

API
---
* :func:`make_env` — the sandboxed, autoescaping, StrictUndefined Jinja environment.
* :func:`render_plain` — docxtpl itself (the reference), deterministic output.
* :class:`CompiledTemplate` — compile once, ``render(context) -> bytes`` many times;
  equal to :func:`render_plain` part for part (in practice byte for byte), with
  ``fallback_reason`` set when the template needs docxtpl itself.
* :func:`compile_file` — a template file's :class:`CompiledTemplate`, compiled once per
  process for the same bytes (a server or a test session builds many times).
* :func:`parts_equal` — names of the parts in which two packages differ.
* :class:`Unsupported`, :class:`NeedsTemplate` — why docxtpl itself is used.
* :func:`undeclared_variables`, :func:`syntax_errors` — template checks.

Equality
--------
The compiled path calls docxtpl's own preprocessing (``patch_xml``, ``get_xml``,
``get_part_xml``) once, and its post-render steps (``resolve_listing``, ``fix_tables``,
``fix_docpr_ids``) and python-docx's parse/serialize functions per render. Parts rendering
does not change are taken from one python-docx save of the template. A part is written
*directly* from Jinja's output only where :mod:`.canonical` proved, at compile time, that
those steps would not change it, and the values of this render keep the proof
(:mod:`.direct`); otherwise that part takes the exact steps. Both paths rewrite the
package through :mod:`.zipout`, so equal inputs give byte-identical archives.

Notes on speed
--------------
docxtpl re-reads the package, re-runs its regex preprocessing, re-compiles Jinja and
re-saves (re-compresses) every part on every render. A compiled render is Jinja plus
deflating only the changed parts; the other members are copied pre-deflated. On a
~2-page template (2 x 15-row table, 2 x 10-item loop, header and footer; a 2-core VM
shared with other jobs): docxtpl ~11-20 docs/s, compiled ~1200-1450 docs/s (about 100x),
zip-writing floor ~2400 docs/s (compiled at 50-60 % of it); the exact steps alone
(no direct path) ~160-450 docs/s. The remaining cost is Jinja itself (sandboxed
attribute lookups, autoescape) and zlib.

Memory: a direct part is streamed, Jinja's pieces taken in batches, encoded and deflated
as they come (:func:`.zipout.compress_chunks`), so a document listing 20,000 rows never
exists as one string; the deflated bytes are the same as one-shot deflating (tested).
Parts without any tag (headers of fixed text) are rendered once, at compile time.

Determinism: zip timestamps are 1980-01-01 00:00:00, member order is python-docx's,
core.xml created/modified are ``fixed_time`` (default 2000-01-01T00:00:00Z).

Unsupported by the compiled path (it falls back to docxtpl, see ``fallback_reason`` /
``last_fallback_reason``): template tags in core properties or footnotes, a header/footer
part shared by several relationships, ``InlineImage``/``Subdoc`` values (printed) or a
context factory. ``RichText``, ``RichTextParagraph`` and ``Listing`` are supported (they
take the exact steps for the part that prints them).
"""

from .compare import parts_equal
from .compiled import CompiledTemplate, NeedsTemplate, Unsupported, compile_file
from .engine import make_env
from .inspect import SyntaxIssue, syntax_errors, undeclared_variables, variable_paragraphs
from .package import DEFAULT_FIXED_TIME
from .plain import Context, ContextFactory, render_plain

__all__ = [
    "DEFAULT_FIXED_TIME",
    "compile_file",
    "NeedsTemplate",
    "CompiledTemplate",
    "Context",
    "ContextFactory",
    "SyntaxIssue",
    "Unsupported",
    "make_env",
    "parts_equal",
    "render_plain",
    "syntax_errors",
    "undeclared_variables",
    "variable_paragraphs",
]
