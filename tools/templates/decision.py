"""The ward's own award: the chairman's Quyết định khen thưởng (ND 30/2020, Phụ lục III, an
individual decision) and the Danh sách annexed to it, with the bonus per line and the total.

The proposer's Tờ trình to the chairman is the proposal's layout (tools/templates/proposal.py)
under the proposer's own header; its file is separate so its source is recorded on its own.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tools.templates.blocks import b, body, i, loop, para, tag
from tools.templates.frame import HeaderSpec, Signature, header, noi_nhan, signatures, title
from tools.templates.layout import new_document
from tools.templates.proposal import annex, proposal
from tools.templates.tables import data_row, grid, header_row, loop_rows, tag_row

LIST_WIDTHS_MM = (14.0, 54.0, 67.0, 30.0)


def council_proposal() -> DocumentObject:
    """Tờ trình of the proposer (council's standing members or advisory office) to the chairman."""
    return proposal()


def decision() -> DocumentObject:
    """Quyết định: authority, căn cứ, the proposal considered, Điều 1–3, signature, Nơi nhận."""
    doc = new_document("Quyết định khen thưởng")
    header(doc, HeaderSpec(number=True, date=True))
    title(doc, "QUYẾT ĐỊNH", "{{ trich_yeu }}")
    para(doc, b("{{ tham_quyen_ban_hanh }}"), align="center", after=12, keep_next=True)
    loop(doc, "cc", "can_cu", i("{{ cc }}"))
    body(doc, i("{{ xet_de_nghi }}"))
    para(doc, b("QUYẾT ĐỊNH:"), align="center", before=6, after=6, keep_next=True)
    body(
        doc,
        b("Điều 1."),
        " {{ tang }} {{ hinh_thuc }} cho {{ so_luong }} (có danh sách kèm theo), {{ thanh_tich }}.",
    )
    body(doc, b("Điều 2."), " {{ tien_thuong }}")
    body(doc, b("Điều 3."), " {{ thi_hanh }}")
    titles = ("{%p if ky.tham_quyen %}", "{{ ky.tham_quyen }}", "{%p endif %}", "{{ ky.chuc_vu }}")
    left = signatures(doc, None, Signature(titles, "", "{{ ky.ten }}"))
    noi_nhan(left, before=0)
    return doc


def decision_list() -> DocumentObject:
    """Danh sách kèm theo Quyết định: Tập thể, Cá nhân, the bonus per line, total in words."""
    doc = annex(
        "Danh sách khen thưởng kèm theo Quyết định",
        "(Kèm theo Quyết định số {{ so_quyet_dinh }} {{ ngay_quyet_dinh }} của {{ nguoi_ky }})",
    )
    table = grid(doc, LIST_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, ("STT", "Tên tập thể, họ và tên", "Chức vụ, đơn vị", "Tiền thưởng (đồng)"))
    aligns = ("center", "left", "left", "right")
    tag_row(table, "{%tr for nhom in danh_sach %}")
    data_row(
        table,
        ((b("{{ nhom.so_la_ma }}"),), (b("{{ nhom.tieu_de }}"),), ("",), ("",)),
        aligns,
    )
    cells = (("{{ m.stt }}",), ("{{ m.ten }}",), ("{{ m.chuc_vu_don_vi }}",), ("{{ m.tien }}",))
    loop_rows(table, "m", "nhom.muc", cells, aligns)
    tag_row(table, "{%tr endfor %}")
    data_row(table, (("",), (b("Tổng cộng"),), ("",), (b("{{ tong_tien }}"),)), aligns)
    para(doc, "", after=6)
    body(doc, i("Bằng chữ: {{ bang_chu }}."))
    tag(doc, "{%p if nguon %}")
    body(doc, "Nguồn kinh phí: {{ nguon }}.")
    tag(doc, "{%p endif %}")
    body(doc, "Danh sách này có {{ so_luong }}./.")
    return doc
