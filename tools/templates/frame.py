"""The decree's frame around a body: two-column header, type and summary, signatures, Nơi nhận."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from tools.templates.blocks import Container, T, b, i, para, rule, tag
from tools.templates.layout import TEXT_WIDTH_MM
from tools.templates.tables import grid, keep_whole

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
HEADER_LEFT_MM = 71.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
TIEU_NGU_RULE_MM = 62.0  # the width of TIEU_NGU in Times New Roman bold 13 pt
BODY_RULE_MM = 24.0  # between 1/3 and 1/2 of the issuing body's name
HEADER_SIZE = 13
SIGN_SIZE = 14
SIGN_GAP_PT = 18  # between the last body paragraph and the signature blocks


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
    """One signature block: title lines, a hint such as "(Ký, đóng dấu)", and the name.

    A title line that is a paragraph tag (`{%p if … %}`) is written as such, so a block can
    print an authority line only when there is one; `when` prints the whole block only when
    the condition holds (the cell then keeps one empty paragraph).
    """

    titles: Sequence[str]
    hint: str = ""
    name: str = ""  # a literal or a Jinja tag; empty leaves the space for a handwritten name
    when: str = ""


def signer(var: str, *roles: str, hint: str = "", when: bool = False) -> Signature:
    """The block of the signer `var` of the context: roles, authority line, title, name.

    `var` is a dict with `tap_the` and `tham_quyen` (either may be empty), `chuc_vu`, `ten`
    and, without `hint`, `ghi_chu` ("(Ký, đóng dấu)" or "(Ký, ghi rõ họ và tên)").
    """
    titles = (
        *roles,
        *body_line(var),
        f"{{%p if {var}.tham_quyen %}}",
        f"{{{{ {var}.tham_quyen }}}}",
        "{%p endif %}",
        f"{{{{ {var}.chuc_vu }}}}",
    )
    return Signature(
        titles, hint or f"{{{{ {var}.ghi_chu }}}}", f"{{{{ {var}.ten }}}}", var if when else ""
    )


def body_line(var: str) -> tuple[str, str, str]:
    """The collective line of a deputy signing for a People's Committee ("TM. ỦY BAN NHÂN
    DÂN" above "KT. CHỦ TỊCH"), printed only when the signer `var` has one."""
    return (f"{{%p if {var}.tap_the %}}", f"{{{{ {var}.tap_the }}}}", "{%p endif %}")


def signatures(doc: DocumentObject, left: Signature | None, right: Signature) -> _Cell:
    """Signature table; returns the left cell of the first row (for Nơi nhận when `left` is
    None).

    With two signers the table has two rows, titles above and names below, so both names
    stand on one line however many title lines each block has. No row breaks across pages,
    the titles are kept with the names' row, and the last body paragraph is kept with the
    table, so no page holds only the closing elements.
    """
    _keep_with_next(doc)
    rows = 1 if left is None else 2
    table = grid(doc, (TEXT_WIDTH_MM * 0.45, TEXT_WIDTH_MM * 0.55), rows=rows)
    for row in table.rows:
        keep_whole(row)
    titles, names = table.rows[0].cells, table.rows[-1].cells
    for column, block in enumerate((left, right)):
        if block is None:
            continue
        _sign_titles(titles[column], block, kept=rows == 2)
        _sign_name(names[column], block)
    return titles[0]


def _keep_with_next(doc: DocumentObject) -> None:
    """Mark the paragraph just before the signatures "keep with next"."""
    last = doc.element.body.findall(qn("w:p"))[-1]
    text = "".join(t.text or "" for t in last.iter(qn("w:t")))
    if text.startswith("{%"):
        raise ValueError(f"the paragraph before the signatures is a tag: {text}")
    fmt = Paragraph(last, doc._body).paragraph_format
    fmt.keep_with_next = True
    fmt.space_after = Pt(SIGN_GAP_PT)  # the blocks' first lines may be conditional: space here


_CENTER = {"align": "center", "after": 0, "spacing": 1.0}


def _sign_titles(cell: _Cell, block: Signature, kept: bool) -> None:
    """Titles, hint and the signing space; `kept`: each line kept with the names' row."""
    if block.when:
        tag(cell, f"{{%p if {block.when} %}}")
    for line in block.titles:
        if line.startswith("{%p"):
            tag(cell, line)
        else:
            para(cell, b(line, SIGN_SIZE), **_CENTER)  # type: ignore[arg-type]
    if block.hint:
        para(cell, i(block.hint, SIGN_SIZE), **_CENTER)  # type: ignore[arg-type]
    for _ in range(4):
        para(cell, "", **_CENTER)  # type: ignore[arg-type]
    if block.when:
        tag(cell, "{%p endif %}")
        para(cell, "", **_CENTER)  # type: ignore[arg-type]  # a cell needs one paragraph
    if kept:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _sign_name(cell: _Cell, block: Signature) -> None:
    if block.when:
        tag(cell, f"{{%p if {block.when} %}}")
    para(cell, b(block.name, SIGN_SIZE), **_CENTER)  # type: ignore[arg-type]
    if block.when:
        tag(cell, "{%p endif %}")
        para(cell, "", **_CENTER)  # type: ignore[arg-type]  # a cell needs one paragraph


def noi_nhan(cell: Container, before: float = 12) -> None:
    """`Nơi nhận:` (bold italic 12 pt) and its list (11 pt), one recipient per paragraph."""
    para(
        cell,
        T("Nơi nhận:", bold=True, italic=True, size=12),
        align="left",
        before=before,
        after=0,
        spacing=1.0,
    )
    tag(cell, "{%p for dong in noi_nhan %}")
    para(cell, T("{{ dong }}", size=11), align="left", after=0, spacing=1.0)
    tag(cell, "{%p endfor %}")
