"""The proposal (Tờ trình, Mẫu 1.4) and the list annexed to it (Danh sách)."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.shared import Cm

from tools.templates.blocks import b, body, i, loop, para, tag
from tools.templates.frame import (
    HeaderSpec,
    Signature,
    body_line,
    header,
    noi_nhan,
    signatures,
    title,
)
from tools.templates.layout import new_document
from tools.templates.tables import data_row, grid, header_row, loop_rows, tag_row

LIST_WIDTHS_MM = (15.0, 70.0, 80.0)


def proposal() -> DocumentObject:
    """Tờ trình: Kính gửi, căn cứ, the request with the list, signature and Nơi nhận."""
    doc = new_document("Tờ trình đề nghị khen thưởng")
    header(doc, HeaderSpec(number=True, date=True))
    title(doc, "TỜ TRÌNH", "{{ trich_yeu }}")
    _recipients(doc)
    loop(doc, "cc", "can_cu", i("{{ cc }}"))
    body(
        doc,
        "{{ co_quan_de_nghi }} kính đề nghị {{ nguoi_quyet_dinh }} xem xét, "
        "tặng {{ hinh_thuc }} cho {{ so_luong }}{{ chuyen_de }}, gồm:",
    )
    tag(doc, "{%p for nhom in danh_sach %}")
    body(doc, b("{{ nhom.dau_muc }}{{ nhom.ten_nhom }}:"), keep_next=True)
    loop(doc, "m", "nhom.muc", "- {{ m.dong }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if kem_theo %}")
    body(doc, i("{{ kem_theo }}"))
    tag(doc, "{%p endif %}")
    body(doc, "Kính trình {{ nguoi_quyet_dinh }} xem xét, quyết định./.")
    titles = (*body_line("ky"), "{{ ky.tham_quyen }}", "{{ ky.chuc_vu }}")
    signer = Signature(titles, "", "{{ ky.ten }}")
    left = signatures(doc, None, signer)
    noi_nhan(left, before=0)  # level with the signer's first line
    return doc


def _recipients(doc: DocumentObject) -> None:
    """`Kính gửi: X.` on one line, or `Kính gửi:` over a `- X;` list for several."""
    tag(doc, "{%p if kinh_gui|length == 1 %}")
    para(doc, "Kính gửi: {{ kinh_gui[0] }}", align="center", after=6)
    tag(doc, "{%p else %}")
    para(doc, "Kính gửi:", align="center", after=0)
    tag(doc, "{%p for k in kinh_gui %}")
    dash = para(doc, "{{ k }}", align="left", after=0)
    dash.paragraph_format.left_indent = Cm(5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if qua %}")
    para(doc, i("(Qua {{ qua }})"), align="center", after=6)
    tag(doc, "{%p endif %}")


def annex(name: str, cites: str) -> DocumentObject:
    """A list annexed to another document: the header without number or date, "DANH SÁCH"
    and its trích yếu, then the italic line citing the document it goes with."""
    doc = new_document(name)
    header(doc, HeaderSpec(number=False, date=False))
    title(doc, "DANH SÁCH", "{{ trich_yeu }}", line=False)
    para(doc, i(cites), align="center", after=12)
    return doc


def attached_list() -> DocumentObject:
    """Danh sách: collectives then individuals, with position and unit (annex of the Tờ trình)."""
    doc = annex(
        "Danh sách đề nghị khen thưởng",
        "(Kèm theo Tờ trình số {{ so_to_trinh }} {{ ngay_to_trinh }} của {{ co_quan_de_nghi }})",
    )
    table = grid(doc, LIST_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"))
    tag_row(table, "{%tr for nhom in danh_sach %}")
    data_row(
        table,
        ((b("{{ nhom.stt_nhom }}"),), (b("{{ nhom.tieu_de }}"),), ("",)),
        ("center", "left", "left"),
    )
    cells = (("{{ m.stt }}",), ("{{ m.ten }}",), ("{{ m.chuc_vu_don_vi }}",))
    loop_rows(table, "m", "nhom.muc", cells, ("center", "left", "left"))
    tag_row(table, "{%tr endfor %}")
    para(doc, "", after=6)
    body(doc, "Danh sách này có {{ so_luong }}./.")
    return doc
