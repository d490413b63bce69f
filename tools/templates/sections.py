"""Body pieces shared by the achievement-report forms: fields, text sections, award tables."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tools.templates.blocks import T, b, body, heading, loop, para, tag
from tools.templates.tables import empty_rows, grid, header_row, loop_rows

AWARD_WIDTHS_MM = (18.0, 55.0, 92.0)
NONE_YET = "(Chưa có)"


def field(doc: DocumentObject, label: str, value: str, **kw: object) -> None:
    """`- Label: {{ value }}` as one body line (label regular, value as given)."""
    body(doc, f"- {label}: ", T(f"{{{{ {value} }}}}"), **kw)


def optional_field(doc: DocumentObject, label: str, value: str) -> None:
    """A `field` line printed only when the value is given (never "Không" for a blank)."""
    tag(doc, f"{{%p if {value} %}}")
    field(doc, label, value)
    tag(doc, "{%p endif %}")


def item(doc: DocumentObject, text: str) -> None:
    """A numbered sub-heading with a title (`1. …:`), bold, kept with its text."""
    para(doc, b(text), indent=True, keep_next=True)


def text_section(doc: DocumentObject, title: str, items: str) -> None:
    """A numbered item followed by its paragraphs (a list in the context)."""
    item(doc, title)
    loop(doc, "doan", items, "{{ doan }}")


def optional_section(doc: DocumentObject, title: str, items: str, when: str = "") -> None:
    """Like `text_section`, shown only when the list is not empty (or `when` holds)."""
    tag(doc, f"{{%p if {when or items} %}}")
    text_section(doc, title, items)
    tag(doc, "{%p endif %}")


def award_history(doc: DocumentObject, number: str = "III") -> None:
    """Section III: the two award-history tables, each with a "(Chưa có)" row when empty."""
    heading(doc, f"{number}. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    item(doc, "1. Danh hiệu thi đua:")
    _award_table(
        doc,
        "danh_hieu",
        "Danh hiệu thi đua",
        "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định",
    )
    item(doc, "2. Hình thức khen thưởng:")
    _award_table(
        doc,
        "khen_thuong",
        "Hình thức khen thưởng",
        "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
    )


def _award_table(doc: DocumentObject, items: str, what: str, decision: str) -> None:
    table = grid(doc, AWARD_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, ("Năm", what, decision))
    cells = (("{{ a.nam }}",), ("{{ a.ten }}",), ("{{ a.quyet_dinh }}",))
    loop_rows(table, "a", items, cells, ("center", "left", "left"))
    empty_rows(table, items, NONE_YET)
    para(doc, "", after=6)


def closing(doc: DocumentObject, who: str) -> None:
    """The closing sentence that ends the body with "./."."""
    body(
        doc,
        f"Trên đây là báo cáo thành tích của {who}, kính đề nghị cấp có thẩm quyền xem xét, tặng ",
        T("{{ hinh_thuc }}"),
        "./.",
    )
