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
from tests.examples import copy_example
from tools.bench.generate import campaign_text, departments, write_meeting
from tools.example.variants import VARIANTS
from tools.fill.intake import blank_template, fill_workbook

PLACEHOLDERS = ("Không có nội dung", "{{", "{%", "THỦ TRƯỞNG ĐƠN VỊ")


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
    ws = copy_example(name, root)
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
    shutil.copytree(ROOT / "templates_docx", ws.root / "templates_docx")
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
@dataclass(frozen=True)
class Printed:
    """The PDF's characters without white space, and the page (from 1) of each.

    pdftotext splits Vietnamese words where a justified line spaces their glyphs apart
    (“Ph ạ m”), so text is compared without white space.
    """

    text: str
    pages: tuple[int, ...]

    def find(self, wanted: str) -> list[tuple[int, set[int]]]:
        """(start, pages spanned) of each place `wanted` is printed."""
        key = _squeeze(wanted)
        found, start = [], self.text.find(key) if key else -1
        while start >= 0:
            found.append((start, set(self.pages[start : start + len(key)])))
            start = self.text.find(key, start + 1)
        return found


def _squeeze(text: str) -> str:
    # str.split() also splits at no-break spaces; pdftotext prints U+2011 as "-".
    return "".join(text.replace("\u2011", "-").split())


def _printed(pdf: Path) -> Printed:
    done = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    )
    root = ET.fromstring(done.stdout)
    chars: list[str] = []
    pages: list[int] = []
    for number, page in enumerate((e for e in root.iter() if e.tag.endswith("page")), 1):
        for word in (e for e in page.iter() if e.tag.endswith("word")):
            text = _squeeze(word.text or "")
            chars.append(text)
            pages += [number] * len(text)
    return Printed("".join(chars), tuple(pages))


# --- what the Word file says is a signature, a closing element, a table row -------------------
def _cells(doc: object) -> Iterator[list[str]]:
    """The paragraphs' texts of every table cell after the decree's header, followed by those
    of the cell below it (two signers' names stand in the row under their titles)."""
    for table in doc.element.body.findall(qn("w:tbl"))[1:]:  # type: ignore[attr-defined]
        rows = [tr.findall(qn("w:tc")) for tr in table.findall(qn("w:tr"))]
        for index, row in enumerate(rows):
            for column, tc in enumerate(row):
                below = rows[index + 1][column : column + 1] if index + 1 < len(rows) else []
                yield [_text(p) for cell in (tc, *below) for p in cell.iter(qn("w:p"))]


def _text(paragraph: object) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()  # type: ignore[attr-defined]


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
    printed = _printed(pdf)
    problems = [f"trong Word: {p.code} {p.excerpt}" for p in check_signing(doc)]
    problems += [f"in ra chữ “{p}”" for p in PLACEHOLDERS if _squeeze(p) in printed.text]
    problems += _signers_apart(doc, printed) + _closing_alone(doc, printed)
    return problems + _split_rows(doc, printed)


def _signers_apart(doc: object, printed: Printed) -> list[str]:
    problems = []
    for title, name in _signatures(doc):
        names = printed.find(name)
        if not name or not names:
            problems.append(f"không thấy tên người ký dưới “{title}”")
            continue
        start, pages = names[-1]
        titles = [o for o in printed.find(title) if o[0] < start]
        if not titles or titles[-1][1] | pages != pages or len(pages) != 1:
            problems.append(f"“{title}” và “{name}” ở hai trang khác nhau")
    return problems


def _closing_alone(doc: object, printed: Printed) -> list[str]:
    """The closing elements (signatures, Nơi nhận) start on the page of the last body line."""
    last = _last_body_paragraph(doc)
    if not last:
        return []
    found = printed.find(last[-40:])
    if not found:
        return [f"không thấy đoạn cuối “{last[-40:]}”"]
    page = max(found[-1][1])
    late = [
        title
        for title, name in _signatures(doc)
        for text in (title, name, "Nơi nhận:")
        if (hits := printed.find(text)) and min(hits[-1][1]) > page
    ]
    return [f"phần kết “{text}” sang trang sau, một mình" for text in dict.fromkeys(late)]


def _last_body_paragraph(doc: object) -> str:
    """The text of the paragraph just before the first signature table."""
    body = doc.element.body  # type: ignore[attr-defined]
    previous = ""
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            previous = text or previous
        elif child.tag == qn("w:tbl") and any(
            "(Ký" in (t.text or "") or "TM." in (t.text or "") for t in child.iter(qn("w:t"))
        ):
            return previous
    return ""


def _split_rows(doc: object, printed: Printed) -> list[str]:
    """A row is split when its longest cell starts on one page and ends on the next.

    Head and tail are looked up apart: other cells of the row may be read in between. A row
    found split is looked up again without digits: a row's number (STT), centred beside a
    name that wraps, is read between the name's lines.
    """
    problems = []
    loose = _digitless(printed)
    for text in _rows(doc):
        found = _row_problem(text, printed, _squeeze(text))
        if found:
            found = _row_problem(text, loose, "".join(c for c in _squeeze(text) if not c.isdigit()))
        if found:
            problems.append(found)
    return problems


def _row_problem(text: str, printed: Printed, key: str) -> str:
    heads, tails = printed.find(key[:15]), printed.find(key[-15:])
    if not heads or not tails:
        return f"không thấy dòng bảng “{text[:40]}”"
    for start, pages in heads:
        tail = next((t for t in tails if t[0] >= start), None)
        if tail is None or pages | tail[1] != {min(pages)}:
            return f"dòng bảng “{text[:40]}” bị tách sang trang sau"
    return ""


def _digitless(printed: Printed) -> Printed:
    keep = [i for i, c in enumerate(printed.text) if not c.isdigit()]
    return Printed("".join(printed.text[i] for i in keep), tuple(printed.pages[i] for i in keep))


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
    forty = [p for d, p in converted if d.stem.startswith("40-de-nghi--") and "bien-ban" in d.stem]
    assert forty and max(max(_printed(p).pages) for p in forty) > 2  # long tables break pages
