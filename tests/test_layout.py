"""Pages as printed: every document type, converted by LibreOffice, read back from the PDF.

For every legal profile (thematic and not) and a 40-nominee campaign with long names and long
texts, the dossiers are built through `ho-so`, converted in one LibreOffice call, and read with
poppler's `pdftotext -bbox-layout`. On every page: each signer's name is on the page of its
title, no page holds only closing elements (Nơi nhận, signatures), no table row is split over
two pages, and no placeholder text is printed. Runs wherever LibreOffice is (always in CI).
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from docgen.checks.docx_signing import check_signing
from docgen.cli import main
from docgen.workspace import Workspace
from tests.conftest import ROOT, libreoffice_convert, soffice
from tools.bench.generate import campaign_text, departments, write_meeting
from tools.example.variants import VARIANTS, build_variant
from tools.fill.intake import blank_template, fill_workbook

PLACEHOLDERS = ("Không có nội dung", "{{", "{%", "THỦ TRƯỞNG ĐƠN VỊ")
Words = list[tuple[str, int]]  # (word, page) in reading order


# --- the dossiers ---------------------------------------------------------------------------
def _shipped(root: Path, thematic: bool = False) -> Workspace:
    for name in ("input", "templates_docx"):
        shutil.copytree(ROOT / name, root / name)
    ws = Workspace(root)
    if thematic:
        text = ws.campaign.read_text(encoding="utf-8")
        ws.campaign.write_text(text.replace("thematic = false", "thematic = true"), "utf-8")
    return ws


def _variant(root: Path, name: str, thematic: bool = False) -> Workspace:
    build_variant(name, root)
    ws = Workspace(root)
    if thematic:
        text = ws.campaign.read_text(encoding="utf-8")
        ws.campaign.write_text(text.replace("thematic = false", "thematic = true"), "utf-8")
    return ws


LONG_NAMES = ("Tôn Nữ Hoàng Thị Phương Thảo",)
LONG_POSITION = "Phó Trưởng Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính"


def _forty(root: Path) -> Workspace:
    """40 nominees, everyone proposed (quotas raised), long names and texts."""
    ws = Workspace(root)
    ws.submissions.mkdir(parents=True)
    source = (ROOT / "input" / "campaign.toml").read_text(encoding="utf-8")
    ws.campaign.write_text(campaign_text(source, 40), encoding="utf-8")
    shutil.copytree(ROOT / "templates_docx", ws.templates)
    from docgen.campaign import load_campaign

    campaign = load_campaign(ws.campaign)
    depts = departments(40, 2, seed=9)
    for dept in depts:
        for person in dept.individuals:
            person["ho_ten"] = f"{person['ho_ten']} {LONG_NAMES[0]}"
            person["chuc_vu"] = LONG_POSITION
            person["thanh_tich"] = "\n".join([str(person["thanh_tich"])] * 3)
        for collective in dept.collectives:
            collective["thanh_tich"] = "\n".join([str(collective["thanh_tich"])] * 4)
        dept.awards = []  # their names would no longer match the lengthened nominees
        template = blank_template(campaign)
        sheets = {"Tập thể": dept.collectives, "Cá nhân": dept.individuals}
        fill_workbook(campaign, ws.submissions / dept.file, dept.unit, sheets, template)
    write_meeting(ws, seed=9)
    return ws


@dataclass(frozen=True)
class Dossier:
    """A workspace to build, and which of its reports to convert (all others are alike)."""

    name: str
    workspace: Workspace
    reports: int = 2  # per level: enough for one collective and one individual


def _build(ws: Workspace) -> list[Path]:
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(ws.root)])
    assert result.exit_code == 0, result.output
    return sorted((ws.root / "output").glob("*/*/*.docx"))


def _pick(docs: list[Path], reports: int) -> Iterator[Path]:
    """Every non-report document, and the first and last reports of each level."""
    by_level: dict[Path, list[Path]] = {}
    for doc in docs:
        if doc.name.startswith("bao-cao-"):
            by_level.setdefault(doc.parent, []).append(doc)
        else:
            yield doc
    for found in by_level.values():
        yield from found[:1] + found[1:][-(reports - 1) :] if reports > 1 else found[:1]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    """(docx, pdf) of every document type of every dossier, converted in one call."""
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    base = tmp_path_factory.mktemp("layout")
    dossiers = [
        Dossier("nd91", _shipped(base / "nd91")),
        Dossier("nd91-chuyen-de", _shipped(base / "nd91-cd", thematic=True)),
        *(Dossier(name, _variant(base / name, name)) for name in sorted(VARIANTS)),
        Dossier("nd152-chuyen-de", _variant(base / "nd152-cd", "nd152-2026", thematic=True)),
        Dossier("40-de-nghi", _forty(base / "forty"), reports=3),
    ]
    staged = base / "docx"
    staged.mkdir()
    pairs = []
    for dossier in dossiers:
        for doc in _pick(_build(dossier.workspace), dossier.reports):
            copy = staged / f"{dossier.name}--{doc.parent.name}--{doc.name}"
            shutil.copyfile(doc, copy)
            pairs.append(copy)
    out = libreoffice_convert(pairs, "pdf", base / "pdf")
    return [(doc, out / f"{doc.stem}.pdf") for doc in pairs]


def _ids(pairs: list[tuple[Path, Path]]) -> list[str]:
    return [doc.stem for doc, _ in pairs]


# --- reading the PDF back -------------------------------------------------------------------
def _pdf_words(pdf: Path) -> Words:
    """Every word of the PDF with its page number (from 1), in reading order."""
    done = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    )
    root = ET.fromstring(done.stdout)
    words: Words = []
    for number, page in enumerate((e for e in root.iter() if e.tag.endswith("page")), 1):
        for word in (e for e in page.iter() if e.tag.endswith("word")):
            words += [(part, number) for part in (word.text or "").split()]
    return words


def _split(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


def _occurrences(words: Words, text: str) -> list[tuple[int, set[int]]]:
    """(start index, pages it spans) of each place `text` is printed."""
    wanted = _split(text)
    plain = [w for w, _ in words]
    size = len(wanted)
    return [
        (i, {page for _, page in words[i : i + size]})
        for i in range(len(plain) - size + 1)
        if size and plain[i : i + size] == wanted
    ]


# --- what the Word file says is a signature, a closing element, a table row -------------------
def _cells(doc: object) -> Iterator[list[str]]:
    for tc in doc.element.body.iter(qn("w:tc")):  # type: ignore[attr-defined]
        yield ["".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in tc.iter(qn("w:p"))]


def _signatures(doc: object) -> list[tuple[str, str]]:
    """(last title line, name) of each signature block: a cell with room left for signing."""
    blocks = []
    for lines in _cells(doc):
        gap = next(
            (i for i in range(1, len(lines) - 2) if lines[i - 1] and not any(lines[i : i + 3])),
            None,
        )
        if gap is None:
            continue
        titles = [line for line in lines[:gap] if line and not line.startswith("(")]
        name = next((line for line in lines[gap:] if line), "")
        blocks.append((titles[-1] if titles else "", name))
    return blocks


def _closing_words(doc: object) -> set[str]:
    """Words of the closing elements: the signature tables and the Nơi nhận list."""
    words: set[str] = set()
    for lines in _cells(doc):
        if any(line.startswith("(Ký") or line == "Nơi nhận:" for line in lines) or (
            len(lines) > 4 and not any(lines[-5:-1])
        ):
            words.update(w for line in lines for w in _split(line))
    inside = False
    for paragraph in doc.paragraphs:  # type: ignore[attr-defined]
        text = paragraph.text.strip()
        inside = text == "Nơi nhận:" or (inside and text.startswith("-"))
        if inside:
            words.update(_split(text))
    return words


def _rows(doc: object) -> Iterator[str]:
    """The longest cell text of every data row of a table with a repeated header row."""
    for table in doc.tables:  # type: ignore[attr-defined]
        first = table.rows[0]._tr
        if first.trPr is None or first.trPr.find(qn("w:tblHeader")) is None:
            continue
        for row in table.rows[1:]:
            texts = [cell.text.strip() for cell in row.cells]
            if any(texts):
                yield max(texts, key=len)


# --- the checks -----------------------------------------------------------------------------
def _problems(doc_path: Path, pdf: Path) -> list[str]:
    doc = Document(str(doc_path))
    words = _pdf_words(pdf)
    problems = [f"trong Word: {p.code} {p.excerpt}" for p in check_signing(doc)]
    printed = " ".join(w for w, _ in words)
    problems += [f"in ra chữ “{p}”" for p in PLACEHOLDERS if p in printed]
    problems += _signers_apart(doc, words) + _closing_only(doc, words) + _split_rows(doc, words)
    return problems


def _signers_apart(doc: object, words: Words) -> list[str]:
    problems = []
    for title, name in _signatures(doc):
        names = _occurrences(words, name)
        if not name or not names:
            problems.append(f"không thấy tên người ký dưới “{title}”")
            continue
        start, pages = names[-1]
        titles = [o for o in _occurrences(words, title) if o[0] < start]
        if not titles or titles[-1][1] | pages != pages or len(pages) != 1:
            problems.append(f"“{title}” và “{name}” ở hai trang khác nhau")
    return problems


def _closing_only(doc: object, words: Words) -> list[str]:
    closing = _closing_words(doc)
    pages: dict[int, list[str]] = {}
    for word, page in words:
        if not word.isdigit():
            pages.setdefault(page, []).append(word)
    return [
        f"trang {page} chỉ có phần kết (Nơi nhận, chữ ký)"
        for page, found in pages.items()
        if page > 1 and all(w in closing for w in found)
    ]


def _split_rows(doc: object, words: Words) -> list[str]:
    problems = []
    for text in _rows(doc):
        found = _occurrences(words, text)
        if not found:
            problems.append(f"không thấy dòng bảng “{text[:40]}”")
        elif any(len(pages) > 1 for _, pages in found):
            problems.append(f"dòng bảng “{text[:40]}” bị tách sang trang sau")
    return problems


def test_every_document_prints_as_signed(converted: list[tuple[Path, Path]]) -> None:
    problems = {doc.stem: _problems(doc, pdf) for doc, pdf in converted}
    assert {name: found for name, found in problems.items() if found} == {}


def test_every_document_type_of_every_dossier_was_looked_at(
    converted: list[tuple[Path, Path]],
) -> None:
    names = {doc.stem.split("--")[0] for doc, _ in converted}
    kinds = {doc.stem.split("--")[-1].split("-thanh-tich")[0] for doc, _ in converted}
    assert names == {"nd91", "nd91-chuyen-de", *VARIANTS, "nd152-chuyen-de", "40-de-nghi"}
    assert kinds >= {"to-trinh", "danh-sach", "bien-ban", "bao-cao"}
    forty = [
        pdf
        for doc, pdf in converted
        if doc.stem.startswith("40-de-nghi--") and "danh-sach" in doc.stem
    ]
    assert forty and max(p for _, p in _pdf_words(forty[0])) > 1  # the long list breaks pages
