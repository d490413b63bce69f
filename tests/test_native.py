"""Files Word and Excel treat as their own: Vietnamese, current mode, made by docgen, dated."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from docgen.campaign import Campaign
from docgen.dossier.run import build_dossiers
from docgen.meeting.consolidate import consolidated_bytes
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tests.conftest import ROOT

LEFTOVERS = ("customXml/", "docProps/thumbnail", "word/stylesWithEffects.xml")


@pytest.fixture(scope="module")
def dossier(
    campaign: Campaign, tmp_path_factory: pytest.TempPathFactory, pristine_example: Path
) -> Path:
    root = tmp_path_factory.mktemp("native") / "ws"
    shutil.copytree(pristine_example, root)
    return build_dossiers(campaign, Workspace(root)).folder


def _documents(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.docx")) + sorted((ROOT / "templates_docx").glob("*.docx"))


def test_documents_are_native_word_files(dossier: Path) -> None:
    for path in _documents(dossier):
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            app = package.read("docProps/app.xml").decode()
            settings = package.read("word/settings.xml").decode()
            styles = package.read("word/styles.xml").decode()
            types = package.read("[Content_Types].xml").decode()
        assert not [n for n in names if n.startswith(LEFTOVERS)], path
        assert "stylesWithEffects" not in types and "customXml" not in types, path
        assert "<Application>docgen</Application>" in app, path
        assert re.search(r'compatibilityMode"[^>]*w:val="15"', settings), path
        assert 'w:lang w:val="vi-VN"' in styles and 'en-US" w:eastAsia' not in styles, path
        assert 'themeFontLang w:val="vi-VN"' in settings, path


def test_generated_documents_are_dated_the_meeting(dossier: Path) -> None:
    """08:00 on 15/12/2023 in Vietnam (UTC+7): the meeting that decided them."""
    for path in sorted(dossier.glob("*/*.docx")):
        with zipfile.ZipFile(path) as package:
            core = package.read("docProps/core.xml").decode()
        assert ">2023-12-15T01:00:00Z</dcterms:created>" in core, path
        assert ">2023-12-15T01:00:00Z</dcterms:modified>" in core, path


def test_workbooks_are_vietnamese_made_by_docgen_and_dated_the_plan(
    campaign: Campaign, pristine_example: Path
) -> None:
    report = validate_folder(campaign, pristine_example / "input" / "phieu")
    data = consolidated_bytes(campaign, report)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode()
        app = package.read("docProps/app.xml").decode()
    assert re.search(r"<dc:language[^>]*>vi-VN</dc:language>", core)
    assert "2023-02-24T00:00:00Z</dcterms:created>" in core and "2000-01-01" not in core
    assert "<Application>docgen</Application>" in app and "openpyxl" not in app.lower()
    assert consolidated_bytes(campaign, report) == data  # reruns stay byte-identical
