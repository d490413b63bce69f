"""Is the document signable as it is: no placeholder text, every signature block with its name.

A form's role words ("THỦ TRƯỞNG ĐƠN VỊ") printed where the signer's title belongs, a section
filled with "(Không có nội dung báo cáo.)", "Điện thoại: Không", an unrendered `{{ … }}`, or
a signature block whose title has no name under it: each is a problem a văn thư sends back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from docgen.checks.problem import FormatProblem, Para, paragraphs

_PLACEHOLDERS = (
    (re.compile(r"^\(?Không có nội dung"), "câu thay cho nội dung còn thiếu"),
    (re.compile(r"^-\s*[^:]{2,80}:\s*Không\.?$"), "“Không” ghi thay cho ô để trống"),
)
_TAG = re.compile(r"\{\{|\{%|%\}|\}\}")  # in a document (not a template): a tag left over
_TEMPLATE = re.compile(r"^\{%(p|tr) ")  # docxtpl's paragraph and row tags mark a template
_ROLES = ("THỦ TRƯỞNG ĐƠN VỊ",)  # a form's role, printed where the signer's title belongs
_HINT = re.compile(r"^\(Ký\b")


def check_signing(doc: DocumentObject) -> list[FormatProblem]:
    """Placeholder text anywhere, and signature blocks without a name or with a role title."""
    paras = paragraphs(doc)
    template = any(_TEMPLATE.match(p.text) for p in paras)
    found = [p for p in (_placeholder(para, template) for para in paras) if p is not None]
    for block in _signature_blocks(doc):
        found += _block(block)
    return found


def _placeholder(para: Para, template: bool) -> FormatProblem | None:
    for pattern, what in _PLACEHOLDERS:
        if pattern.search(para.text):
            return para.problem("TEXT_PLACEHOLDER", f"Văn bản còn {what}.")
    if not template and _TAG.search(para.text):
        return para.problem("TEXT_PLACEHOLDER", "Văn bản còn thẻ mẫu chưa thay bằng dữ liệu.")
    return None


def _signature_blocks(doc: DocumentObject) -> Iterator[list[Para]]:
    """The paragraphs of each table cell that leaves room for a signature: upper-case title
    lines (and a hint such as "(Ký, đóng dấu)"), then at least three empty lines; when the
    names stand in the next row (so that two signers' names share a line), the block goes
    on with the cell below it. The first table (the decree's header) is never a signature."""
    header = doc.element.body.find(qn("w:tbl"))
    by_cell: dict[Any, list[Para]] = {}  # keyed by the element itself: keeps its proxy alive
    for para in paragraphs(doc):
        cell = next(iter(para.element.iterancestors(qn("w:tc"))), None)
        if cell is not None and header not in cell.iterancestors(qn("w:tbl")):
            by_cell.setdefault(cell, []).append(para)
    for cell, block in by_cell.items():
        after = _gap(block)
        if after is None:
            continue
        if not any(p.text for p in block[after:]):
            block = block + by_cell.get(_cell_below(cell), [])
        yield block


def _cell_below(cell: Any) -> Any:
    """The cell in the same column of the next row, or None."""
    row = cell.getparent()
    below = row.getnext()
    while below is not None and below.tag != qn("w:tr"):
        below = below.getnext()
    if below is None:
        return None
    column = list(row.iterchildren(qn("w:tc"))).index(cell)
    cells = list(below.iterchildren(qn("w:tc")))
    return cells[column] if column < len(cells) else None


def _gap(block: list[Para]) -> int | None:
    """Index of the first paragraph after the signing space, or None when there is none."""
    for index in range(1, len(block) - 2):
        above = block[index - 1].text
        titled = bool(above) and (above == above.upper() or bool(_HINT.match(above)))
        if titled and not any(p.text for p in block[index : index + 3]):
            return index + 3
    return None


def _block(block: list[Para]) -> list[FormatProblem]:
    after = _gap(block) or len(block)
    titles = [p for p in block[:after] if p.text and not _HINT.match(p.text)]
    problems = [
        p.problem("SIGNATURE_ROLE", "Khối chữ ký ghi vai trò của mẫu thay cho chức vụ người ký.")
        for p in titles
        if p.text.strip().upper() in _ROLES
    ]
    name = next((p for p in block[after:] if p.text), None)
    if name is None or name.text == name.text.upper() or name.text.startswith("("):
        title = titles[-1] if titles else block[0]
        problems.append(title.problem("SIGNATURE_NO_NAME", "Khối chữ ký chưa có họ tên người ký."))
    return problems
