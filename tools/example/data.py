"""Data of the shipped example: five departments of phường Tiến Thành, campaign 19/KH-UBND.

One department (Khối Văn hóa - Xã hội) carries deliberate mistakes so that validation and the
feedback workbook have something to say; the others carry the mess real files carry (names in
capitals, decomposed Unicode, non-breaking spaces, dates typed as text) which must be read
without complaint.
"""

from __future__ import annotations

import unicodedata
from datetime import date, time

from docgen.meeting.model import Absence, Meeting, Person

HTXS = "Hoàn thành xuất sắc nhiệm vụ"
WARD = "Cấp phường"
CITY = "Cấp thành phố"
ADDRESS = "phường Tiến Thành, thành phố Đồng Xoài, tỉnh Bình Phước"
UNIT = "Ủy ban nhân dân phường Tiến Thành"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _person(name: str, sex: str, born: object, position: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "ho_ten": name,
        "gioi_tinh": sex,
        "ngay_sinh": born,
        "que_quan": extra.pop("que_quan", "Xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước"),
        "tru_quan": extra.pop("tru_quan", "Khu phố 3, " + ADDRESS),
        "chuc_vu": position,
        "don_vi": UNIT,
        "doi_tuong": "Công chức",
        "cap_de_nghi": WARD,
        "trinh_do": "Đại học Luật",
        "ly_luan_chinh_tri": "Trung cấp",
        "xep_loai_nam": HTXS,
        "thuc_hien_cchc": "Có",
        "vi_pham_ky_luat": "Không",
        "sang_kien_cap": "Hội đồng sáng kiến phường",
    }
    row.update(extra)
    return row


VAN_PHONG = {
    "file": "van-phong-hdnd-ubnd.xlsx",
    "unit": {
        "don_vi": "Văn phòng HĐND - UBND phường",
        "nguoi_lien_he": "Lê Thị Thu Hà",
        "dien_thoai": "0271 3881 234",
        "email": "vanphong.tienthanh@binhphuoc.gov.vn",
        "ngay_gui": date(2023, 12, 4),
    },
    "collectives": [
        {
            "ten": "Ủy ban nhân dân phường Tiến Thành",
            "doi_tuong": "Ủy ban nhân dân phường",
            "cap_de_nghi": CITY,
            "thu_truong": "Lê Thanh Hoan",
            "chuc_vu_thu_truong": "Chủ tịch UBND phường",
            "tru_so": "Đường Phú Riềng Đỏ, " + ADDRESS,
            "dien_thoai": "0271 3881 234",
            "so_nguoi": 23,
            "dac_diem": (
                "Phường có diện tích tự nhiên 2.370 ha, 6 khu phố, 3.915 hộ với 14.260 nhân khẩu.\n"
                "Ủy ban nhân dân phường có 23 cán bộ, công chức và 9 người hoạt động không chuyên trách; "
                "Đảng bộ phường có 14 chi bộ trực thuộc với 312 đảng viên."
            ),
            "chuc_nang": (
                "Thực hiện chức năng quản lý nhà nước trên địa bàn phường theo Luật Tổ chức chính quyền "
                "địa phương; tổ chức thực hiện các nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh."
            ),
            "thanh_tich": (
                "Hoàn thành 100 % nhiệm vụ trong Kế hoạch cải cách hành chính năm 2023; chỉ số CCHC "
                "của phường xếp thứ 2/8 phường, xã của thành phố.\n"
                "Tiếp nhận và giải quyết 4.126 hồ sơ thủ tục hành chính, 99,8 % trước và đúng hạn; "
                "tỷ lệ hồ sơ trực tuyến toàn trình đạt 62 %.\n"
                "Rà soát, đề nghị đơn giản hóa 12 thủ tục hành chính thuộc thẩm quyền cấp xã."
            ),
            "bien_phap": "Phân công rõ người, rõ việc; kiểm tra định kỳ hằng tháng tiến độ giải quyết hồ sơ.",
            "chinh_sach": "Cán bộ, công chức chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước.",
            "doan_the": "Đảng bộ phường đạt “Hoàn thành tốt nhiệm vụ”; các đoàn thể đạt vững mạnh.",
            "xep_loai_nam": HTXS,
            "thuc_hien_cchc": "Có",
            "xep_loai_cchc": "Tốt",
            "vi_pham_ky_luat": "Không",
        }
    ],
    "individuals": [
        _person(
            "Nguyễn Văn An",
            "Nam",
            date(1984, 3, 12),
            "Phó Chủ tịch UBND phường",
            doi_tuong="Cán bộ",
            cap_de_nghi=CITY,
            trinh_do="Thạc sĩ Quản lý công",
            ly_luan_chinh_tri="Cao cấp",
            nhiem_vu="Phụ trách khối văn hóa - xã hội và công tác cải cách hành chính của phường.",
            thanh_tich=(
                "Chỉ đạo xây dựng và triển khai Kế hoạch cải cách hành chính năm 2023 của phường, "
                "hoàn thành 100 % chỉ tiêu.\n"
                "Trực tiếp chỉ đạo đưa 100 % thủ tục hành chính cấp xã lên Cổng dịch vụ công."
            ),
            sang_kien_ten="Mô hình “Tổ tư vấn dịch vụ công trực tuyến” tại khu phố",
            sang_kien_cap="Hội đồng sáng kiến thành phố",
            sang_kien_so_qd="215/QĐ-HĐSK",
            sang_kien_ngay_qd=date(2023, 9, 14),
        ),
        _person(
            "TRẦN THỊ BÍCH NGỌC",
            "Nữ",
            "24/02/1990",
            "Công chức Văn phòng - Thống kê",  # capitals, text date
            cap_de_nghi=CITY,
            nhiem_vu="Tham mưu công tác văn phòng, cải cách hành chính, văn thư - lưu trữ.",
            thanh_tich=(
                "Tham mưu ban hành 6 kế hoạch, 4 báo cáo chuyên đề về cải cách hành chính đúng hạn.\n"
                "Số hóa 8.400 trang hồ sơ lưu trữ, phục vụ tra cứu trực tuyến."
            ),
            sang_kien_ten="Số hóa hồ sơ lưu trữ phục vụ giải quyết thủ tục hành chính",
            sang_kien_so_qd="37/QĐ-UBND",
            sang_kien_ngay_qd="18-7-2023",
        ),
    ],
    "awards": [
        {
            # The ward's committee holds an award of the level above, never one of its own
            # chairman; the Giấy khen is the chairman's (Luật Thi đua, khen thưởng 2022, Điều 80).
            "ten": "Ủy ban nhân dân phường Tiến Thành",
            "loai": "Hình thức khen thưởng",
            "nam": 2022,
            "hinh_thuc": "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
            "so_qd": "1520/QĐ-UBND",
            "ngay_qd": date(2022, 12, 28),
            "co_quan": "Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
        },
        {
            "ten": "Nguyễn Văn An",
            "ngay_sinh": date(1984, 3, 12),
            "loai": "Danh hiệu thi đua",
            "nam": 2022,
            "hinh_thuc": "Chiến sĩ thi đua cơ sở",
            "so_qd": "1498/QĐ-UBND",
            "ngay_qd": date(2022, 12, 20),
            "co_quan": "Chủ tịch UBND thành phố Đồng Xoài",
        },
        {
            "ten": "Nguyễn Văn An",
            "ngay_sinh": date(1984, 3, 12),
            "loai": "Hình thức khen thưởng",
            "nam": 2021,
            "hinh_thuc": "Giấy khen của Chủ tịch UBND thành phố",
            "so_qd": "1702/QĐ-UBND",
            "ngay_qd": date(2021, 12, 27),
            "co_quan": "Chủ tịch UBND thành phố Đồng Xoài",
        },
    ],
}

MOT_CUA = {
    "file": "bo-phan-mot-cua.xlsx",
    "unit": {
        "don_vi": "Bộ phận Tiếp nhận và Trả kết quả (Một cửa)",
        "nguoi_lien_he": "Phạm Minh Tâm",
        "dien_thoai": "0918 552 019",
        "email": "motcua.tienthanh@binhphuoc.gov.vn",
        "ngay_gui": "06/12/2023",
    },
    "collectives": [
        {
            "ten": "Bộ phận “Một cửa” phường Tiến Thành",
            "doi_tuong": 'Bộ phận "Một cửa" phường',
            "cap_de_nghi": WARD,
            "thu_truong": "Nguyễn Văn An",
            "chuc_vu_thu_truong": "Trưởng bộ phận",
            "tru_so": "Trụ sở UBND phường, " + ADDRESS,
            "so_nguoi": 7,
            "dac_diem": "Bộ phận gồm 7 công chức chuyên môn luân phiên tiếp nhận hồ sơ; có 1 chi đoàn thanh niên.",
            "chuc_nang": "Hướng dẫn, tiếp nhận, giải quyết và trả kết quả thủ tục hành chính theo cơ chế một cửa, một cửa liên thông.",
            "thanh_tich": (
                "Tiếp nhận 4.126 hồ sơ, trả kết quả trước và đúng hạn 99,8 %; không có phản ánh, kiến nghị.\n"
                "Triển khai thanh toán trực tuyến phí, lệ phí cho 100 % thủ tục có thu phí."
            ),
            "bien_phap": (
                "Niêm yết công khai, đầy đủ thủ tục hành chính; bố trí công chức hướng dẫn người dân "
                "nộp hồ sơ trực tuyến ngay tại Bộ phận."
            ),
            "chinh_sach": "Công chức của Bộ phận chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước.",
            "doan_the": "Chi đoàn thanh niên của Bộ phận được công nhận “Chi đoàn vững mạnh” năm 2023.",
            "xep_loai_nam": HTXS,
            "thuc_hien_cchc": "Có",
            "xep_loai_cchc": "Tốt",
            "vi_pham_ky_luat": "Không",
        }
    ],
    "individuals": [
        _person(
            _nfd("Phạm Minh Tâm"),
            "Nam",
            date(1988, 11, 2),
            _nfd("Công chức Tư pháp - Hộ tịch"),  # NFD text
            nhiem_vu="Tiếp nhận, giải quyết hồ sơ hộ tịch, chứng thực.",
            thanh_tich="Giải quyết 1.312 hồ sơ hộ tịch, chứng thực, không có hồ sơ trễ hạn.",
            sang_kien_ten="Quy trình liên thông đăng ký khai sinh - thường trú - thẻ bảo hiểm y tế",
            sang_kien_so_qd="52/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 10, 3),
        ),
        _person(
            "Đỗ Thị\u00a0Hồng  Nhung",
            "Nữ",
            date(1995, 6, 9),
            "Công chức Địa chính - Xây dựng",  # NBSP, spaces
            nhiem_vu="Tiếp nhận hồ sơ đất đai, xây dựng tại Bộ phận Một cửa.",
            thanh_tich="Hướng dẫn 640 lượt người dân nộp hồ sơ trực tuyến; rút ngắn 30 % thời gian giải quyết hồ sơ đất đai.",
            sang_kien_ten="Bảng hướng dẫn thủ tục đất đai bằng mã QR",
            sang_kien_so_qd="52/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 10, 3),
        ),
    ],
    "awards": [
        {
            "ten": "Phạm Minh Tâm",
            "loai": "Hình thức khen thưởng",
            "nam": 2022,
            "hinh_thuc": "Giấy khen của Chủ tịch UBND phường",
            "so_qd": "88/QĐ-UBND",
            "ngay_qd": date(2022, 12, 30),
            "co_quan": "Chủ tịch UBND phường Tiến Thành",
        },
    ],
}

KINH_TE = {
    "file": "khoi-kinh-te.xlsx",
    "unit": {
        "don_vi": "Khối Kinh tế - Hạ tầng",
        "nguoi_lien_he": "Vũ Đức Thắng",
        "dien_thoai": "0983 110 425",
        "email": "kinhte.tienthanh@binhphuoc.gov.vn",
        "ngay_gui": date(2023, 12, 8),
    },
    "individuals": [
        _person(
            "Vũ Đức Thắng",
            "Nam",
            "2.9.1979",
            "Công chức Tài chính - Kế toán",  # dotted text date
            cap_de_nghi=CITY,
            nhiem_vu="Tham mưu quản lý ngân sách, tài sản công của phường.",
            thanh_tich="Triển khai thanh toán không dùng tiền mặt cho 100 % khoản thu phí, lệ phí tại phường.",
            sang_kien_ten="Thu phí, lệ phí không dùng tiền mặt tại Bộ phận Một cửa",
            sang_kien_so_qd="41/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 8, 21),
        ),
        _person(
            "Hoàng Văn Hòa",
            "Nam",
            date(1992, 1, 5),
            "Nhân viên Khối Kinh tế",
            doi_tuong="Nhân viên",
            trinh_do="Cao đẳng Kế toán",
            nhiem_vu="Hỗ trợ cập nhật dữ liệu hộ kinh doanh trên phần mềm.",
            thanh_tich="Cập nhật, chuẩn hóa dữ liệu 1.180 hộ kinh doanh, phục vụ cấp phép trực tuyến.",
            sang_kien_ten="Bộ dữ liệu hộ kinh doanh dùng chung",
            sang_kien_so_qd="41/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 8, 21),
        ),
    ],
}

NOI_CHINH = {
    "file": "khoi-noi-chinh.xlsx",
    "unit": {
        "don_vi": "Khối Nội chính",
        "nguoi_lien_he": "Lý Thị Mai",
        "dien_thoai": "0937 204 118",
        "email": "noichinh.tienthanh@binhphuoc.gov.vn",
        "ngay_gui": date(2023, 12, 11),
    },
    "individuals": [
        _person(
            "Lý Thị Mai",
            "Nữ",
            date(1991, 4, 17),
            "Công chức Văn hóa - Xã hội",
            nhiem_vu="Tham mưu công tác thông tin, tuyên truyền cải cách hành chính.",
            thanh_tich=(
                "Tổ chức 12 buổi tuyên truyền dịch vụ công trực tuyến tại 6 khu phố.\n"
                "Phối hợp Đài truyền thanh phường phát 48 tin, bài về cải cách hành chính."
            ),
            sang_kien_ten="Tuyên truyền dịch vụ công trực tuyến qua nhóm Zalo khu phố",
            sang_kien_so_qd="52/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 10, 3),
        ),
    ],
}

# The department whose sheet carries the planted problems.
VAN_HOA = {
    "file": "khoi-van-hoa-xa-hoi.xlsx",
    "unit": {
        "don_vi": "Khối Văn hóa - Xã hội",
        "nguoi_lien_he": "Đinh Thị Lan",
        "dien_thoai": "0909 771 306",
        "email": "vanhoa.tienthanh@binhphuoc.gov.vn",
        "ngay_gui": date(2023, 12, 12),
    },
    "individuals": [
        _person(
            "Đinh Thị Lan",
            "Nữ",
            date(1987, 8, 30),
            "Công chức Lao động - Thương binh và Xã hội",
            nhiem_vu="Tham mưu thực hiện chính sách an sinh xã hội.",
            thanh_tich="Chi trả trợ cấp cho 412 đối tượng qua tài khoản, đạt 95 %.",
            sang_kien_ten="Chi trả trợ cấp xã hội qua tài khoản ngân hàng",
            sang_kien_so_qd="18/QĐ-UBND",
            sang_kien_ngay_qd="15/12/2022",  # PLANTED: initiative recognised before the campaign
        ),
        _person(
            "Bùi Quang Huy",
            "Nam",
            None,
            "Chỉ huy trưởng Quân sự phường",  # PLANTED: no date of birth
            doi_tuong="Cán bộ",
            nhiem_vu="Tham mưu công tác quốc phòng, quân sự địa phương.",
            thanh_tich="Hoàn thành 100 % chỉ tiêu tuyển quân năm 2023.",
            sang_kien_ten="Số hóa hồ sơ đăng ký nghĩa vụ quân sự",
            sang_kien_so_qd="52/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 10, 3),
        ),
        _person(
            "Ngô Thanh Tùng",
            "Nam",
            date(1993, 12, 1),
            "Công chức Văn hóa - Xã hội",
            xep_loai_nam="Hoàn thành xuất xắc nhiệm vụ",  # PLANTED: misspelt, not from the list
            nhiem_vu="Phụ trách phong trào văn hóa, thể thao.",
            thanh_tich="Tổ chức Hội thao cán bộ, công chức phường năm 2023.",
            sang_kien_ten="Ứng dụng đặt lịch sân thể thao trực tuyến",
            sang_kien_so_qd="52/QĐ-UBND",
            sang_kien_ngay_qd=date(2023, 10, 3),
        ),
    ],
}

DEPARTMENTS = [VAN_PHONG, MOT_CUA, KINH_TE, NOI_CHINH, VAN_HOA]

# What validating the example must report: (file, sheet, row, column, code).
PLANTED = [
    ("khoi-van-hoa-xa-hoi.xlsx", "Cá nhân", 3, "R", "ROW_CRITERION"),
    ("khoi-van-hoa-xa-hoi.xlsx", "Cá nhân", 4, "C", "CELL_REQUIRED"),
    ("khoi-van-hoa-xa-hoi.xlsx", "Cá nhân", 5, "S", "CELL_CHOICE"),
]


# The council's meeting (filled by the secretary into input/hop-xet.xlsx).
MEETING = Meeting(
    date=date(2023, 12, 15),
    start=time(8, 0),
    end=time(10, 30),
    place="Phòng họp Ủy ban nhân dân phường Tiến Thành",
    chair=Person("Lê Thanh Hoan", "Chủ tịch UBND phường, Chủ tịch Hội đồng"),
    secretary=Person("Lê Thị Thu Hà", "Công chức Văn phòng - Thống kê, Thư ký Hội đồng"),
    members=9,
    present=8,
    absent=(Absence("Trần Quốc Bảo", "đi công tác"),),
    voting_form="bỏ phiếu kín",
)

# Votes for each eligible nomination, by name. City: three individuals for two seats (the
# third is left out by the quota); ward: one individual below the threshold (4/9).
VOTES = {
    "Ủy ban nhân dân phường Tiến Thành": 8,
    "Nguyễn Văn An": 8,
    "Trần Thị Bích Ngọc": 7,
    "Vũ Đức Thắng": 5,
    "Bộ phận “Một cửa” phường Tiến Thành": 8,
    "Phạm Minh Tâm": 7,
    "Đỗ Thị Hồng Nhung": 6,
    "Hoàng Văn Hòa": 4,
    "Lý Thị Mai": 6,
}
