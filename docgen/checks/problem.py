"""A format problem and the paragraphs it points at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from docgen.checks.styles import run_text


@dataclass(frozen=True)
class FormatProblem:
    """One departure from the decree: stable code, Vietnamese message, and where it is."""

    code: str
    message: str
    section: int = 1
    paragraph: int | None = None  # 1-based, in document order (table cells included)
    excerpt: str = ""

    def where(self) -> str:
        """`phần 1, đoạn 12 (“Tiến Thành, ngày 5 tháng…”)`."""
        place = f"phần {self.section}"
        if self.paragraph is not None:
            place += f", đoạn {self.paragraph}"
        return f"{place} (“{self.excerpt}”)" if self.excerpt else place


@dataclass(frozen=True)
class Para:
    """A paragraph of the body in document order, with its place."""

    element: Any
    index: int
    section: int
    in_table: bool
    text: str

    def problem(self, code: str, message: str) -> FormatProblem:
        """A problem located at this paragraph."""
        excerpt = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        return FormatProblem(code, message, self.section, self.index, excerpt)


def paragraphs(doc: DocumentObject) -> list[Para]:
    """The body's paragraphs (table cells included) in document order."""
    out: list[Para] = []
    section = 1
    for index, element in enumerate(doc.element.body.iter(qn("w:p")), 1):
        text = run_text(element)
        in_table = any(a.tag == qn("w:tbl") for a in element.iterancestors())
        out.append(Para(element, index, section, in_table, text.strip()))
        ppr = element.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            section += 1
    return out
