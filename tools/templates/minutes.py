"""The review meeting's minutes (Biên bản họp xét), ND 30/2020 Mẫu 1.9 layout."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tools.templates.blocks import b, body, heading, i, loop, para, tag
from tools.templates.frame import HeaderSpec, Signature, header, noi_nhan, signatures, title
from tools.templates.layout import new_document
from tools.templates.tables import empty_rows, grid, header_row, loop_rows

RESULT_WIDTHS_MM = (15.0, 42.5, 42.5, 22.0, 22.0, 21.0)  # STT on one line at 13 pt
RESULT_TITLES = (
    "STT",
    "Tên tập thể / cá nhân",
    "Chức vụ, đơn vị",
    "Hình thức đề nghị",
    "Số phiếu đồng ý / tổng số",
    "Tỷ lệ %",
)


def minutes() -> DocumentObject:
    """Biên bản: time, place, attendance, chair, secretary, content, results, conclusion."""
    doc = new_document("Biên bản họp xét đề nghị khen thưởng")
    header(doc, HeaderSpec(number=True, date=False))
    title(doc, "BIÊN BẢN", "{{ trich_yeu }}")
    _opening(doc)
    heading(doc, "6. Nội dung:")
    _content(doc)
    _results(doc)
    _conclusion(doc)
    body(doc, "Cuộc họp kết thúc vào {{ ket_thuc }}/.")
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
    body(doc, "a) Hội đồng đã nghe thông qua {{ ke_hoach }}.")
    body(doc, "b) Tiêu chuẩn xét khen thưởng áp dụng:")
    tag(doc, "{%p for nhom in tieu_chi %}")
    body(doc, i("Đối với {{ nhom.doi_tuong }}:"), keep_next=True)
    loop(doc, "tc", "nhom.muc", "- {{ tc }}")
    tag(doc, "{%p endfor %}")
    body(
        doc,
        "c) Hội đồng đã nhận hồ sơ đề nghị khen thưởng của {{ so_ho_so }}, "
        "đề nghị tặng {{ hinh_thuc }}.",
    )
    body(
        doc,
        "d) Sau khi thảo luận, Hội đồng tiến hành {{ hinh_thuc_bieu_quyet }}; kết quả như sau:",
        keep_next=True,
    )


def _results(doc: DocumentObject) -> None:
    table = grid(doc, RESULT_WIDTHS_MM, rows=1, ruled=True)
    header_row(table, RESULT_TITLES)
    cells = (
        ("{{ r.stt }}",),
        ("{{ r.ten }}",),
        ("{{ r.chuc_vu_don_vi }}",),
        ("{{ r.hinh_thuc }}",),
        ("{{ r.so_phieu }}",),
        ("{{ r.ty_le }}",),
    )
    loop_rows(table, "r", "ket_qua", cells, ("center", "left", "left", "left", "center", "center"))
    empty_rows(table, "ket_qua", "(Không có hồ sơ đề nghị)")
    para(doc, "", after=6)


def _conclusion(doc: DocumentObject) -> None:
    heading(doc, "7. Kết luận:")
    body(doc, "Theo nguyên tắc {{ nguyen_tac }}, căn cứ kết quả bỏ phiếu nêu trên:")
    tag(doc, "{%p if de_nghi %}")
    body(
        doc,
        "Hội đồng thống nhất đề nghị {{ nguoi_quyet_dinh }} tặng {{ hinh_thuc }} "
        "cho {{ so_luong }}, gồm:",
    )
    loop(doc, "x", "de_nghi", "- {{ x }}")
    tag(doc, "{%p else %}")
    body(doc, "Không có tập thể, cá nhân nào đạt tiêu chuẩn để đề nghị khen thưởng.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if khong_de_nghi %}")
    body(doc, "Các trường hợp không đề nghị:", keep_next=True)
    loop(doc, "x", "khong_de_nghi", "- {{ x }}")
    tag(doc, "{%p endif %}")
