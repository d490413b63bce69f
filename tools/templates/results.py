"""The report of a campaign's results (Báo cáo kết quả thực hiện), in the ND 30 form of a Báo cáo.

Issued by the council's standing members after the decisions: who took part (by unit), who was
proposed and awarded at each level with the decisions' numbers, and the announcement made.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tools.templates.blocks import b, body, heading, loop, para, tag
from tools.templates.frame import HeaderSpec, Signature, header, noi_nhan, signatures, title
from tools.templates.layout import new_document
from tools.templates.tables import data_row, grid, header_row, loop_rows

UNIT_WIDTHS_MM = (15.0, 90.0, 30.0, 30.0)
LEVEL_WIDTHS_MM = (15.0, 57.0, 58.0, 35.0)


def results_report() -> DocumentObject:
    """Báo cáo kết quả thực hiện: I. taking part, II. proposed and awarded, III. announced."""
    doc = new_document("Báo cáo kết quả thực hiện phong trào thi đua")
    header(doc, HeaderSpec(number=True, date=True))
    title(doc, "BÁO CÁO", "{{ trich_yeu }}")
    body(doc, "{{ mo_dau }}")
    heading(doc, "I. KẾT QUẢ TỔ CHỨC THỰC HIỆN")
    body(doc, "{{ tham_gia }}")
    _units(doc)
    heading(doc, "II. KẾT QUẢ XÉT CHỌN, KHEN THƯỞNG")
    body(doc, "{{ hop_xet }}")
    tag(doc, "{%p for cap in cac_cap %}")
    para(doc, b("{{ cap.tieu_de }}"), indent=True, keep_next=True)
    loop(doc, "dong", "cap.ket_qua", "{{ dong }}")
    _level_table(doc)
    tag(doc, "{%p endfor %}")
    heading(doc, "III. NÊU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN")
    body(doc, "{{ neu_guong }}", keep_next=True)  # never the closing alone on the last page
    body(doc, "{{ ket_thuc }}")
    signer = Signature(("{{ ky.tham_quyen }}", "{{ ky.chuc_vu }}"), "", "{{ ky.ten }}")
    left = signatures(doc, None, signer)
    noi_nhan(left, before=0)
    return doc


def _units(doc: DocumentObject) -> None:
    table = grid(doc, UNIT_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, ("STT", "Đơn vị", "Tập thể được đề nghị", "Cá nhân được đề nghị"))
    cells = (("{{ d.stt }}",), ("{{ d.ten }}",), ("{{ d.tap_the }}",), ("{{ d.ca_nhan }}",))
    loop_rows(table, "d", "don_vi", cells, ("center", "left", "center", "center"))
    total = ((b(""),), (b("Cộng"),), (b("{{ tong.tap_the }}"),), (b("{{ tong.ca_nhan }}"),))
    data_row(table, total, ("center", "left", "center", "center"))
    para(doc, "", after=6)


def _level_table(doc: DocumentObject) -> None:
    table = grid(doc, LEVEL_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, ("STT", "Tập thể, cá nhân", "Đơn vị", "Kết quả"))
    cells = (("{{ m.stt }}",), ("{{ m.ten }}",), ("{{ m.don_vi }}",), ("{{ m.ket_qua }}",))
    loop_rows(table, "m", "cap.danh_sach", cells, ("center", "left", "left", "left"))
    para(doc, "", after=6)
