"""The decree's frame around a body: two-column header, type and summary, signatures, Nơi nhận."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.table import _Cell

from tools.templates.blocks import Container, T, b, i, para, rule, tag
from tools.templates.layout import TEXT_WIDTH_MM
from tools.templates.tables import grid

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
HEADER_LEFT_MM = 71.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
TIEU_NGU_RULE_MM = 62.0  # the width of TIEU_NGU in Times New Roman bold 13 pt
BODY_RULE_MM = 24.0  # between 1/3 and 1/2 of the issuing body's name
HEADER_SIZE = 13
SIGN_SIZE = 14


@dataclass(frozen=True)
class HeaderSpec:
    """Which optional lines a document's header shows."""

    number: bool = True  # "Số: {{ so }}" under the issuing body
    date: bool = True  # "{{ dia_danh_ngay }}" under the Tiêu ngữ


def header(doc: DocumentObject, spec: HeaderSpec) -> None:
    """The borderless two-column header: issuing body and number; Quốc hiệu, Tiêu ngữ, date."""
    table = grid(doc, (HEADER_LEFT_MM, HEADER_RIGHT_MM), rows=2)
    left, right = table.rows[0].cells
    _issuer(left)
    _national(right)
    number, date = table.rows[1].cells
    if spec.number:
        para(number, T("Số: {{ so }}", size=HEADER_SIZE), align="center", after=0, spacing=1.0)
    if spec.date:
        para(date, i("{{ dia_danh_ngay }}"), align="center", after=0, spacing=1.0)


def _issuer(cell: _Cell) -> None:
    center = {"align": "center", "after": 0, "spacing": 1.0}
    tag(cell, "{%p if co_quan_chu_quan %}")
    para(cell, T("{{ co_quan_chu_quan }}", size=HEADER_SIZE), **center)  # type: ignore[arg-type]
    tag(cell, "{%p endif %}")
    tag(cell, "{%p for dong in co_quan %}")
    para(cell, b("{{ dong }}", HEADER_SIZE), **center)  # type: ignore[arg-type]
    tag(cell, "{%p endfor %}")
    rule(cell, BODY_RULE_MM, HEADER_LEFT_MM, after=6)


def _national(cell: _Cell) -> None:
    para(cell, b(QUOC_HIEU, 12), align="center", after=0, spacing=1.0)
    para(cell, b(TIEU_NGU, HEADER_SIZE), align="center", after=0, spacing=1.0)
    rule(cell, TIEU_NGU_RULE_MM, HEADER_RIGHT_MM, after=6)


def title(doc: DocumentObject, kind: str, *summary: str, line: bool = True) -> None:
    """Document type (bold, upper, centred) and summary lines (bold), a short rule under them."""
    para(doc, b(kind), align="center", before=18, after=0, keep_next=True)
    for text in summary:
        para(doc, b(text), align="center", after=0, keep_next=True)
    if line:
        rule(doc, 35, TEXT_WIDTH_MM, after=12)


@dataclass(frozen=True)
class Signature:
    """One signature block: title lines, a hint such as "(Ký, đóng dấu)", and the name."""

    titles: Sequence[str]
    hint: str = ""
    name: str = ""  # a literal or a Jinja tag; empty leaves the space for a handwritten name


def signatures(doc: DocumentObject, left: Signature | None, right: Signature) -> _Cell:
    """Two-column signature table; returns the left cell (for Nơi nhận when `left` is None)."""
    table = grid(doc, (TEXT_WIDTH_MM * 0.45, TEXT_WIDTH_MM * 0.55), rows=1)
    cell_left, cell_right = table.rows[0].cells
    if left is not None:
        _sign(cell_left, left)
    _sign(cell_right, right)
    return cell_left


def _sign(cell: _Cell, block: Signature) -> None:
    center = {"align": "center", "after": 0, "spacing": 1.0}
    para(cell, b(block.titles[0], SIGN_SIZE), before=12, **center)  # type: ignore[arg-type]
    for line in block.titles[1:]:
        para(cell, b(line, SIGN_SIZE), **center)  # type: ignore[arg-type]
    if block.hint:
        para(cell, i(block.hint, SIGN_SIZE), **center)  # type: ignore[arg-type]
    for _ in range(4):
        para(cell, "", **center)  # type: ignore[arg-type]
    para(cell, b(block.name, SIGN_SIZE), **center)  # type: ignore[arg-type]


def noi_nhan(cell: Container) -> None:
    """`Nơi nhận:` (bold italic 12 pt) and its list (11 pt), one recipient per paragraph."""
    para(
        cell,
        T("Nơi nhận:", bold=True, italic=True, size=12),
        align="left",
        before=12,
        after=0,
        spacing=1.0,
    )
    tag(cell, "{%p for dong in noi_nhan %}")
    para(cell, T("{{ dong }}", size=11), align="left", after=0, spacing=1.0)
    tag(cell, "{%p endfor %}")
