"""Template checks: variables a template needs, Jinja syntax errors with their paragraph.

Both run on the XML docxtpl actually compiles (after ``patch_xml``) for the body, every
header and footer, and footnotes, so ``{%p``/``{%tr``/split-run tags count as in Word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from os import PathLike

import jinja2
from jinja2 import meta

from .engine import make_env
from .steps import PartSource, load_template, part_sources

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class SyntaxIssue:
    """One Jinja syntax error (Jinja reports at most one per part)."""

    part: str  # zip member, e.g. "word/document.xml"
    lineno: int  # line in the preprocessed source (one line per <w:p>)
    message: str
    paragraph: str  # plain text of the paragraph holding the error


def _sources(template_path: str | PathLike[str]) -> list[PartSource]:
    return part_sources(load_template(template_path), footnotes=True)


def undeclared_variables(
    template_path: str | PathLike[str], env: jinja2.Environment | None = None
) -> set[str]:
    """Top-level variables used by any part (raises on a syntax error)."""
    return sources_variables(_sources(template_path), env or make_env())


def sources_variables(sources: list[PartSource], env: jinja2.Environment) -> set[str]:
    """Top-level variables used by any of ``sources`` (raises on a syntax error)."""
    names: set[str] = set()
    for source in sources:
        names |= meta.find_undeclared_variables(env.parse(source.source))
    return names


def syntax_errors(
    template_path: str | PathLike[str], env: jinja2.Environment | None = None
) -> list[SyntaxIssue]:
    """Jinja syntax (and unknown filter/test) errors, each with its paragraph's text."""
    env = env or make_env()
    issues: list[SyntaxIssue] = []
    for source in _sources(template_path):
        try:
            env.compile(source.source)
        except jinja2.TemplateSyntaxError as exc:
            text = paragraph_text(source.source, exc.lineno)
            issues.append(SyntaxIssue(source.member, exc.lineno, exc.message or "", text))
    return issues


def paragraph_text(source: str, lineno: int) -> str:
    """Plain text of source line ``lineno`` (1-based): one ``<w:p>`` and its tags."""
    lines = source.splitlines()
    if not 1 <= lineno <= len(lines):
        return ""
    return html.unescape(_TAG.sub("", lines[lineno - 1])).strip()


def variable_paragraphs(
    template_path: str | PathLike[str], names: set[str]
) -> dict[str, list[str]]:
    """For each of `names`, the plain text of the paragraphs whose tags mention it."""
    found: dict[str, list[str]] = {name: [] for name in names}
    for source in _sources(template_path):
        for number, line in enumerate(source.source.splitlines(), start=1):
            for name in names:
                if re.search(rf"(\{{\{{|\{{%)[^}}]*\b{re.escape(name)}\b", line):
                    found[name].append(paragraph_text(source.source, number))
    return found
