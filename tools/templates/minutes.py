"""The review meeting's minutes (Biên bản họp xét), ND 30/2020 Mẫu 1.9 layout."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table

from tools.templates.blocks import b, body, heading, i, loop, para, tag
from tools.templates.frame import HeaderSpec, Signature, header, noi_nhan, signatures, title
from tools.templates.layout import new_document
from tools.templates.tables import (
    cell_text,
    data_row,
    grid,
    header_row,
    keep_whole,
    loop_rows,
    tag_row,
)

RESULT_WIDTHS_MM = (15.0, 40.0, 50.0, 19.0, 21.0, 20.0)  # STT on one line at 13 pt
RESULT_TITLES = (
    "STT",
    "Tên tập thể / cá nhân",
    "Chức vụ, đơn vị",
    "Hình thức đề nghị",
    "Số phiếu đồng ý / tổng số",
    "Tỷ lệ %",  # as the reference form titles it; the cells print the number only
)
ALIGNS = ("center", "left", "left", "left", "center", "center")


def minutes() -> DocumentObject:
    """Biên bản: time, place, attendance, chair, secretary, then a section per level."""
    doc = new_document("Biên bản họp xét đề nghị khen thưởng")
    header(doc, HeaderSpec(number=True, date=False))
    title(doc, "BIÊN BẢN", "{{ trich_yeu }}")
    _opening(doc)
    heading(doc, "6. Nội dung:")
    _content(doc)
    tag(doc, "{%p for cap in cac_cap %}")
    _level(doc)
    tag(doc, "{%p endfor %}")
    body(doc, "Cuộc họp kết thúc vào {{ ket_thuc }}./.")
    secretary = Signature(("THƯ KÝ",), "(Ký, ghi rõ họ tên)", "{{ thu_ky.ten }}")
    chair = Signature(("CHỦ TỌA",), "(Ký, ghi rõ họ tên)", "{{ chu_toa.ten }}")
    signatures(doc, secretary, chair)
    noi_nhan(doc)
    return doc


def _opening(doc: DocumentObject) -> None:
    body(doc, b("1. Thời gian bắt đầu: "), "{{ bat_dau }}.")
    body(doc, b("2. Địa điểm: "), "{{ dia_diem }}.")
    body(
        doc,
        b("3. Thành phần tham dự: "),
        "{{ hoi_dong }} có {{ so_thanh_vien }} thành viên, "
        "có mặt {{ so_co_mat }} thành viên, vắng {{ so_vang }} thành viên.",
    )
    loop(doc, "v", "vang_mat", "- Vắng: {{ v.ten }} (lý do: {{ v.ly_do }}).")
    body(doc, b("4. Chủ trì (chủ tọa): "), "{{ chu_toa.ten }}, {{ chu_toa.chuc_vu }}.")
    body(doc, b("5. Thư ký (người ghi biên bản): "), "{{ thu_ky.ten }}, {{ thu_ky.chuc_vu }}.")


def _content(doc: DocumentObject) -> None:
    body(doc, "Hội đồng đã nghe thông qua {{ ke_hoach }}.")
    body(
        doc,
        "Hội đồng đã nhận hồ sơ đề nghị khen thưởng của {{ so_ho_so }} ở {{ so_cap }} cấp "
        "khen thưởng. Sau khi thảo luận, Hội đồng tiến hành {{ hinh_thuc_bieu_quyet }} "
        "riêng cho từng cấp; kết quả như sau:",
    )


def _level(doc: DocumentObject) -> None:
    """One level's section; the loop over `cac_cap` surrounds it."""
    body(doc, b("{{ cap.dau_muc }}{{ cap.ten }}: đề nghị tặng {{ cap.hinh_thuc }}"), keep_next=True)
    body(doc, "a) Hồ sơ đề nghị: {{ cap.so_ho_so }}.")
    tag(doc, "{%p if cap.tieu_chi %}")
    body(doc, "b) Tiêu chuẩn xét khen thưởng áp dụng:", keep_next=True)
    tag(doc, "{%p for nhom in cap.tieu_chi %}")
    body(doc, i("Đối với {{ nhom.doi_tuong }}:"), keep_next=True)
    loop(doc, "tc", "nhom.muc", "- {{ tc }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    body(doc, "c) Kết quả bỏ phiếu:", keep_next=True)
    _results(doc)
    tag(doc, "{%p if cap.bieu_quyet_lai %}")
    loop(doc, "x", "cap.bieu_quyet_lai", "{{ x }}")
    tag(doc, "{%p endif %}")
    _conclusion(doc)


def _results(doc: DocumentObject) -> None:
    table = grid(doc, RESULT_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, RESULT_TITLES)
    tag_row(table, "{%tr for g in cap.nhom %}")
    group = table.add_row()
    merged = group.cells[0].merge(group.cells[-1])
    for paragraph in merged._tc.findall(qn("w:p")):
        merged._tc.remove(paragraph)
    cell_text(merged, b("{{ g.dau_muc }}{{ g.tieu_de }}"), align="left")
    cells = (
        ("{{ r.stt }}",),
        ("{{ r.ten }}",),
        ("{{ r.chuc_vu_don_vi }}",),
        ("{{ r.hinh_thuc }}",),
        ("{{ r.so_phieu }}",),
        ("{{ r.ty_le }}",),
    )
    tag_row(table, "{%tr if g.tap_the %}")
    _collective_rows(table, cells)
    tag_row(table, "{%tr else %}")
    loop_rows(table, "r", "g.muc", cells, ALIGNS)
    tag_row(table, "{%tr endif %}")
    tag_row(table, "{%tr endfor %}")
    _rows_stay_whole(table, keep_with_next=(2,))
    para(doc, "", after=6)


def _collective_rows(table: Table, cells: tuple[tuple[str], ...]) -> None:
    """A collective's row: its name over the name and "Chức vụ, đơn vị" columns (a
    collective has no position; its long name then wraps over the width of both)."""
    tag_row(table, "{%tr for r in g.muc %}")
    data_row(table, cells, ALIGNS)
    row = table.rows[-1]
    unit = row.cells[2]
    for paragraph in unit._tc.findall(qn("w:p")):
        unit._tc.remove(paragraph)
    unit.add_paragraph()  # an empty cell: merging moves nothing into the name's cell
    row.cells[1].merge(unit)
    tag_row(table, "{%tr endfor %}")


def _rows_stay_whole(table: Table, keep_with_next: tuple[int, ...]) -> None:
    """No row breaks across pages; a group's title row stays with its first member."""
    for index, row in enumerate(table.rows):
        keep_whole(row)
        if index in keep_with_next:
            for paragraph in row.cells[0].paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _conclusion(doc: DocumentObject) -> None:
    body(
        doc,
        "d) Kết luận: theo nguyên tắc {{ cap.nguyen_tac }}, căn cứ kết quả bỏ phiếu nêu trên:",
        keep_next=True,
    )
    tag(doc, "{%p if cap.de_nghi %}")
    body(
        doc,
        "Hội đồng thống nhất đề nghị {{ cap.nguoi_quyet_dinh }} tặng {{ cap.hinh_thuc }} "
        "cho {{ cap.so_luong }}, gồm:",
        keep_next=True,
    )
    loop(doc, "x", "cap.de_nghi", "- {{ x }}")
    tag(doc, "{%p else %}")
    body(doc, "Không có tập thể, cá nhân nào đạt tiêu chuẩn để đề nghị khen thưởng ở cấp này.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if cap.khong_de_nghi %}")
    body(doc, "Các trường hợp không đề nghị:", keep_next=True)
    loop(doc, "x", "cap.khong_de_nghi", "- {{ x }}")
    tag(doc, "{%p endif %}")
