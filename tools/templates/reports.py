"""Achievement reports (Báo cáo thành tích): ND 91/2017 Mẫu 01, 02, 07; ND 98/2023 Mẫu 02, 03;
ND 152/2025 công trạng (tập thể, cá nhân) and chuyên đề. Sources: templates_docx/nguon-mau.toml."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tools.templates.blocks import T, b, body, heading, loop, para, tag
from tools.templates.frame import HeaderSpec, header, signatures, signer, title
from tools.templates.layout import new_document
from tools.templates.sections import (
    award_history,
    closing,
    field,
    item,
    optional_field,
    optional_section,
    text_section,
)

REPORT = "BÁO CÁO THÀNH TÍCH"
PROPOSE = "ĐỀ NGHỊ TẶNG {{ de_nghi_tang }}"
SEAL = "(Ký, đóng dấu)"
# The confirming block's role: ND 91/2017 names the superior ("cấp trên") on the collective form
# and the unit's head on the individual one; the post-2023 forms (ND 98/2023, ND 152/2025) name
# the level that submits the proposal (sources: templates_docx/nguon-mau.toml).
SUPERIOR = ("XÁC NHẬN CỦA CẤP TRÊN",)
UNIT_HEAD = ("XÁC NHẬN, ĐỀ NGHỊ",)
SUBMITTING = ("XÁC NHẬN CỦA CẤP", "TRÌNH KHEN THƯỞNG")


def _start(name: str, *summary: str) -> DocumentObject:
    doc = new_document(f"Báo cáo thành tích – {name}")
    header(doc, HeaderSpec(number=False, date=True))
    title(doc, REPORT, *summary, line=False)
    return doc


def collective_report(name: str, confirm: tuple[str, ...] = SUPERIOR) -> DocumentObject:
    """Collective report (ND 91 Mẫu 01, ND 98 Mẫu 02): facts, four achievement items, history.

    `confirm`: the role lines of the confirming block, as the profile's form words them.
    """
    doc = _start(name, PROPOSE)
    para(doc, b("{{ ten }}"), align="center", after=12)
    heading(doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
    item(doc, "1. Đặc điểm, tình hình:")
    _seat(doc, "")
    loop(doc, "doan", "dac_diem", "{{ doan }}")
    text_section(doc, "2. Chức năng, nhiệm vụ:", "chuc_nang")
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    text_section(
        doc, "1. Kết quả thực hiện nhiệm vụ được giao và các tiêu chuẩn thi đua:", "thanh_tich"
    )
    text_section(doc, "2. Các biện pháp, nguyên nhân đạt được thành tích:", "bien_phap")
    text_section(
        doc,
        "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước:",
        "chinh_sach",
    )
    text_section(doc, "4. Hoạt động của tổ chức đảng, đoàn thể:", "doan_the")
    award_history(doc)
    closing(doc, "{{ ten }}")
    upper = signer("xac_nhan", *confirm, hint=SEAL, when=True)
    signatures(doc, upper, signer("ky"))
    return doc


def individual_report(
    name: str, political: bool, confirm: tuple[str, ...] = UNIT_HEAD
) -> DocumentObject:
    """Individual report (ND 91 Mẫu 02; ND 98 Mẫu 03 and ND 152 when `political`).

    ND 98 Mẫu 03 lists lý luận chính trị before chuyên môn, nghiệp vụ (source table).
    `confirm`: the role lines of the confirming block, as the profile's form words them.
    """
    doc = _start(name, PROPOSE)
    heading(doc, "I. SƠ LƯỢC LÝ LỊCH")
    _identity(doc, "")
    _training(doc, "", political)
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    text_section(doc, "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:", "nhiem_vu")
    item(doc, "2. Thành tích đạt được của cá nhân:")
    loop(doc, "doan", "thanh_tich", "{{ doan }}")
    _initiative(doc)
    award_history(doc)
    closing(doc, "cá nhân tôi")
    unit = signer("xac_nhan", *confirm, hint=SEAL, when=True)
    signatures(doc, unit, signer("ky"))
    return doc


def thematic_report(name: str) -> DocumentObject:
    """Thematic report (ND 91 Mẫu 07): one form for both kinds, facts under `tap_the`/`ca_nhan`."""
    doc = _start(name, PROPOSE, "TRONG {{ phong_trao }}")
    para(doc, b("{{ ten_bao_cao }}"), align="center", after=12)
    heading(doc, "I. THÔNG TIN CHUNG")
    tag(doc, "{%p if tap_the %}")
    _seat(doc, "tap_the.")
    loop(doc, "doan", "tap_the.dac_diem", "{{ doan }}")
    loop(doc, "doan", "tap_the.chuc_nang", "{{ doan }}")
    tag(doc, "{%p else %}")
    _identity(doc, "ca_nhan.")
    _training(doc, "ca_nhan.", True)
    tag(doc, "{%p endif %}")
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    item(doc, "{{ dau_ket_qua }}Kết quả thực hiện các mục tiêu, chỉ tiêu thi đua đã đăng ký:")
    loop(doc, "doan", "thanh_tich", "{{ doan }}")
    _initiative(doc)
    optional_section(
        doc,
        "2. Biện pháp, giải pháp thực hiện và bài học kinh nghiệm:",
        "tap_the.bien_phap",
        "tap_the and tap_the.bien_phap",
    )
    closing(doc, "{{ ben_bao_cao }}")
    approver = signer("xac_nhan", *SUBMITTING, hint=SEAL, when=True)
    signatures(doc, approver, signer("ky"))
    return doc


def _seat(doc: DocumentObject, of: str) -> None:
    field(doc, "Địa chỉ trụ sở", f"{of}tru_so")
    optional_field(doc, "Điện thoại", f"{of}dien_thoai")
    optional_field(doc, "Tổng số cán bộ, công chức, nhân viên", f"{of}so_nguoi")


def _identity(doc: DocumentObject, of: str) -> None:
    field(doc, "Họ tên", f"{of}ho_ten")
    body(
        doc,
        "- Sinh ngày, tháng, năm: ",
        T(f"{{{{ {of}ngay_sinh }}}}"),
        "; Giới tính: ",
        T(f"{{{{ {of}gioi_tinh }}}}"),
    )
    field(doc, "Quê quán", f"{of}que_quan")
    field(doc, "Trú quán", f"{of}tru_quan")
    field(doc, "Đơn vị công tác", f"{of}don_vi")
    field(doc, "Chức vụ (Đảng, chính quyền, đoàn thể)", f"{of}chuc_vu")


def _training(doc: DocumentObject, of: str, political: bool) -> None:
    """Training lines; lý luận chính trị only in the forms that have a line for it."""
    if political:
        optional_field(doc, "Trình độ lý luận chính trị", f"{of}ly_luan_chinh_tri")
    field(doc, "Trình độ chuyên môn, nghiệp vụ", f"{of}trinh_do")
    optional_field(doc, "Học hàm, học vị, danh hiệu, giải thưởng", f"{of}hoc_ham")


def _initiative(doc: DocumentObject) -> None:
    tag(doc, "{%p if sang_kien %}")
    body(doc, "{{ sang_kien }}")
    tag(doc, "{%p endif %}")
