"""ho-so compiles each template once and refuses one that asks for data no context gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from docgen.campaign import Campaign
from docgen.documents.forms import DOCUMENT_TEMPLATES
from docgen.dossier.run import build_dossiers
from docgen.errors import TemplateError
from docgen.workspace import Workspace


def _add_paragraph(template: Path, text: str) -> None:
    doc = Document(str(template))
    doc.add_paragraph(text)
    doc.save(str(template))


@pytest.mark.parametrize(
    ("kind", "text", "unknown"),
    [
        ("danh-sach", "Ghi chú: {{ ghi_chu_la }}", "ghi_chu_la"),
        ("bien-ban", "{% for x in muc_la %}{{ x }}{% endfor %}", "muc_la"),
    ],
    ids=["danh_sach", "bien_ban"],
)
def test_unknown_variable_stops_the_build_before_writing(
    campaign: Campaign, example_workspace: Path, kind: str, text: str, unknown: str
) -> None:
    ws = Workspace(example_workspace)
    name = DOCUMENT_TEMPLATES[kind]
    _add_paragraph(ws.templates / name, text)
    with pytest.raises(TemplateError) as caught:
        build_dossiers(campaign, ws)
    assert caught.value.problems == [f"{name}: không có dữ liệu cho {unknown}"]
    assert not ws.output(campaign.id).exists()
