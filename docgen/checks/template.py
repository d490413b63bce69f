"""Check a Word template a clerk edited: Jinja syntax, unknown variables, split tags."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.exceptions import PackageNotFoundError

from docgen.award.documents import (
    council_proposal_context,
    decision_context,
    decision_list_context,
)
from docgen.campaign.model import Campaign, DocKind, Kind
from docgen.checks import sample
from docgen.documents.forms import DOCUMENT_TEMPLATES, form_kinds
from docgen.documents.minutes import minutes_context
from docgen.documents.proposal import list_context, proposal_context
from docgen.documents.report import report_context
from docgen.errors import TemplateError, not_found
from docgen.meeting.model import Meeting
from docgen.render import syntax_errors, undeclared_variables, variable_paragraphs

RESULTS_TEMPLATE = "bao-cao-ket-qua.docx"  # docgen tong-ket (docgen.award.wrapup.TEMPLATE)
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
    try:
        problems = _split_tags(path)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        return [
            TemplateProblem(
                "TPL_UNREADABLE",
                f"Không đọc được tệp Word “{path.name}” (tệp hỏng hoặc không phải .docx): hãy "
                "mở bằng Word, chọn Lưu thành… dạng “Word Document (.docx)” rồi kiểm tra lại.",
            )
        ]
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
    builders = sample_contexts(path.name, campaign)
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


def sample_contexts(name: str, campaign: Campaign) -> dict[str, Builder]:
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
    documents[RESULTS_TEMPLATE] = lambda: _results_sample(campaign, meeting)
    documents.update(_award_contexts(campaign))
    if name in documents:
        return {"": documents[name]}
    kinds = form_kinds().get(name, ())
    return {
        f" (báo cáo của {kind.label})": (
            lambda k=kind: report_context(campaign, sample.nominee(k), level)  # type: ignore[misc]
        )
        for kind in kinds
    }


def _results_sample(campaign: Campaign, meeting: Meeting) -> dict[str, Any]:
    """The results report (`docgen tong-ket`) of a sample level with one proposed nominee."""
    from docgen.award.model import Recipient
    from docgen.award.report import results_context
    from docgen.award.results import LevelResult, Line, Results, Unit

    who = Recipient(kind=Kind.INDIVIDUAL, name="Nguyễn Văn An", unit="Khối Kinh tế")
    level = LevelResult(campaign.levels[0], (Line(who, False),), None, ())
    units = (Unit("Khối Kinh tế", 0, 1),)
    return results_context(Results(campaign, meeting, units, (level,)))


def _award_contexts(campaign: Campaign) -> dict[str, Builder]:
    """The ward's own award documents, from the level it decides (the last level, made to
    decide a Giấy khen, when the campaign has none), with sample data."""
    own = next((lv for lv in campaign.levels if lv.decides), None)
    level = own or replace(campaign.levels[-1], decides=True, form="giay-khen")
    selection = sample.selection(campaign, campaign.levels[-1].id if own is None else own.id)
    selection = replace(selection, level=level)
    meeting = sample.meeting()
    builders = {
        DocKind.AWARD_PROPOSAL: council_proposal_context,
        DocKind.DECISION: decision_context,
        DocKind.DECISION_LIST: decision_list_context,
    }
    return {
        DOCUMENT_TEMPLATES[kind]: (
            lambda b=build: b(campaign, level, meeting, selection)  # type: ignore[misc]
        )
        for kind, build in builders.items()
    }
