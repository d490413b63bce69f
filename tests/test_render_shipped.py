"""The compile-once renderer equals plain docxtpl on every shipped template, byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docgen.award.documents import (
    council_proposal_context,
    decision_context,
    decision_list_context,
)
from docgen.campaign import Campaign, Kind
from docgen.campaign.model import DocKind
from docgen.checks import sample
from docgen.documents.forms import DOCUMENT_TEMPLATES, REPORT_FORMS, THEMATIC_FORMS
from docgen.documents.minutes import minutes_context
from docgen.documents.proposal import list_context, proposal_context
from docgen.documents.report import report_context
from docgen.dossier.plan import plan_documents
from docgen.meeting.select import read_and_select
from docgen.render import CompiledTemplate, render_plain
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tests.conftest import TEMPLATES


def _cases(campaign: Campaign) -> list[tuple[str, str, dict[str, Any]]]:
    level = campaign.levels[0]
    selection, meeting = sample.selection(campaign, level.id), sample.meeting()
    sparse = {
        "hoc_ham": "",
        "ly_luan_chinh_tri": "",
        "dien_thoai": "",
    }  # optional values left empty
    cases = [
        (
            "to-trinh",
            DOCUMENT_TEMPLATES["to-trinh"],
            proposal_context(campaign, level, meeting, selection),
        ),
        (
            "danh-sach",
            DOCUMENT_TEMPLATES["danh-sach"],
            list_context(campaign, level, meeting, selection),
        ),
        (
            "bien-ban",
            DOCUMENT_TEMPLATES["bien-ban"],
            minutes_context(campaign, meeting, [selection]),
        ),
    ]
    for (profile, kind), form in REPORT_FORMS.items():
        for label, changes in (("full", {}), ("sparse", sparse)):
            context = report_context(campaign, sample.nominee(kind, **changes), level)
            cases.append((f"{profile}-{kind}-{label}", form, context))
    for form in THEMATIC_FORMS.values():
        for kind in Kind:
            cases.append(
                (f"thematic-{kind}", form, report_context(campaign, sample.nominee(kind), level))
            )
    ward = next(lv for lv in campaign.levels if lv.decides)  # the ward's own award
    chosen = sample.selection(campaign, ward.id)
    for kind, build in (
        (DocKind.AWARD_PROPOSAL, council_proposal_context),
        (DocKind.DECISION, decision_context),
        (DocKind.DECISION_LIST, decision_list_context),
    ):
        cases.append((kind, DOCUMENT_TEMPLATES[kind], build(campaign, ward, meeting, chosen)))
    cases.append(("bao-cao-ket-qua", "bao-cao-ket-qua.docx", _results(campaign, meeting)))
    return cases


def _results(campaign: Campaign, meeting: Any) -> dict[str, Any]:
    """The results report (docgen tong-ket): a level decided, with one left out, and one not."""
    import datetime as dt

    from docgen.award.history import Award
    from docgen.award.model import Origin, Recipient
    from docgen.award.report import results_context
    from docgen.award.results import LevelResult, Line, Results, Unit

    an = Recipient(kind=Kind.INDIVIDUAL, name="Nguyễn Văn An", unit="Khối Kinh tế & Hạ tầng")
    khoi = Recipient(kind=Kind.COLLECTIVE, name="Bộ phận <Một cửa>", unit="Văn phòng")
    award = Award(recipient=khoi, form="Giấy khen", year=2023, number="15", symbol="QĐ-UBND",
                  issued=dt.date(2023, 12, 28), authority="Chủ tịch UBND phường", level="phuong",
                  campaign=campaign.id, origin=Origin.CAMPAIGN)  # fmt: skip
    first, last = campaign.levels[0], campaign.levels[-1]
    levels = (
        LevelResult(first, (Line(an, False),), None, ()),
        LevelResult(last, (Line(khoi, True), Line(an, False)), award, (award,)),
    )
    units = (Unit("Khối Kinh tế & Hạ tầng", 0, 1), Unit("Văn phòng", 1, 0))
    return results_context(Results(campaign, meeting, units, levels))


def test_every_shipped_template_is_covered(campaign: Campaign) -> None:
    assert {t for _, t, _ in _cases(campaign)} == {p.name for p in TEMPLATES.glob("*.docx")}


def test_compiled_equals_docxtpl_on_every_template(campaign: Campaign) -> None:
    different = [
        case for case, template, context in _cases(campaign)
        if CompiledTemplate(TEMPLATES / template, verify=True).render(context) != render_plain(TEMPLATES / template, context)
    ]  # fmt: skip
    assert different == []


@pytest.fixture(scope="module")
def example_documents(
    campaign: Campaign, pristine_example: Path
) -> list[tuple[str, Path, dict[str, Any]]]:
    ws = Workspace(pristine_example)
    outcome = read_and_select(campaign, validate_folder(campaign, ws.submissions), ws.meeting)
    assert outcome.meeting is not None
    plan = plan_documents(campaign, outcome.meeting, outcome.selections)
    return [(item.path, ws.templates / item.template, item.context()) for item in plan]


def test_compiled_equals_docxtpl_on_the_example_dossiers(
    example_documents: list[tuple[str, Path, dict[str, Any]]],
) -> None:
    different = [
        path for path, template, context in example_documents
        if CompiledTemplate(template, verify=True).render(context) != render_plain(template, context)
    ]  # fmt: skip
    assert different == []


def test_example_dossiers_take_the_fast_path(
    example_documents: list[tuple[str, Path, dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty cells (a collective has no position) no longer push a document to the slow path."""
    from docgen.render import direct

    slow: list[str] = []
    original = direct.DirectPart.chunks

    def spy(self: direct.DirectPart, context: Any, source: str) -> Iterator[bytes]:
        try:
            yield from original(self, context, source)
        except direct.NotDirect as exc:
            slow.append(str(exc))
            raise

    monkeypatch.setattr(direct.DirectPart, "chunks", spy)
    for _, template, context in example_documents:
        CompiledTemplate(template).render(context)
    assert slow == []
