"""Check a Word template a clerk edited: Jinja syntax, unknown variables, split tags."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document

from docgen.campaign.model import Campaign, DocKind
from docgen.checks import sample
from docgen.documents.forms import DOCUMENT_TEMPLATES, form_kinds
from docgen.documents.minutes import minutes_context
from docgen.documents.proposal import list_context, proposal_context
from docgen.documents.report import report_context
from docgen.errors import TemplateError, not_found
from docgen.render import syntax_errors, undeclared_variables, variable_paragraphs

_OPEN = re.compile(r"\{\{|\{%")
_CLOSE = re.compile(r"\}\}|%\}")


@dataclass(frozen=True)
class TemplateProblem:
    """One problem of a template: stable code, Vietnamese message, the paragraph's text."""

    code: str
    message: str
    paragraph: str = ""


def check_template(path: Path, campaign: Campaign) -> list[TemplateProblem]:
    """Every problem of the template at `path` (empty when it renders with our data)."""
    if not path.is_file():
        raise not_found(TemplateError(f"Không tìm thấy mẫu văn bản {path.absolute()}."), path)
    problems = _split_tags(path)
    syntax = syntax_errors(path)
    problems += [
        TemplateProblem("TPL_SYNTAX", f"Lỗi cú pháp mẫu: {s.message}", s.paragraph) for s in syntax
    ]
    if not syntax:
        problems += _unknown_variables(path, campaign)
    return problems


def _split_tags(path: Path) -> list[TemplateProblem]:
    """Tags opened in one paragraph and closed in another (Word broke the line inside them)."""
    problems = []
    for paragraph in Document(str(path)).paragraphs:
        text = paragraph.text
        if len(_OPEN.findall(text)) != len(_CLOSE.findall(text)):
            problems.append(
                TemplateProblem(
                    "TPL_SPLIT_TAG",
                    "Thẻ {{ … }} hoặc {% … %} bị tách xuống dòng; hãy viết thẻ trên một dòng.",
                    text.strip(),
                )
            )
    return problems


def _unknown_variables(path: Path, campaign: Campaign) -> list[TemplateProblem]:
    builders = _contexts_for(path.name, campaign)
    if not builders:
        return [
            TemplateProblem(
                "TPL_UNKNOWN_FILE", f"“{path.name}” không phải mẫu văn bản docgen dùng."
            )
        ]
    problems = []
    used = undeclared_variables(path)
    for who, builder in builders.items():
        unknown = used - set(builder())
        where = variable_paragraphs(path, unknown)
        problems += [
            TemplateProblem(
                "TPL_UNKNOWN_VARIABLE",
                f"Biến “{name}” không có trong dữ liệu của văn bản này{who}.",
                text,
            )
            for name in sorted(unknown)
            for text in where[name] or [""]
        ]
    return problems


Builder = Callable[[], dict[str, Any]]


def _contexts_for(name: str, campaign: Campaign) -> dict[str, Builder]:
    """The context builders that feed template `name` (one per subject kind for a report
    form), with sample data of `campaign`; empty when docgen does not use `name`."""
    level = campaign.levels[0]
    selection = sample.selection(campaign, level.id)
    meeting = sample.meeting()
    documents: dict[str, Builder] = {
        DOCUMENT_TEMPLATES[DocKind.PROPOSAL]: lambda: proposal_context(
            campaign, level, meeting, selection
        ),
        DOCUMENT_TEMPLATES[DocKind.LIST]: lambda: list_context(campaign, level, meeting, selection),
        DOCUMENT_TEMPLATES[DocKind.MINUTES]: lambda: minutes_context(
            campaign, meeting, [selection]
        ),
    }
    if name in documents:
        return {"": documents[name]}
    kinds = form_kinds().get(name, ())
    return {
        f" (báo cáo của {kind.label})": (
            lambda k=kind: report_context(campaign, sample.nominee(k), level)  # type: ignore[misc]
        )
        for kind in kinds
    }
