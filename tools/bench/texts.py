"""Word pools for the synthetic campaign: names, places and sentences with full diacritics."""

from __future__ import annotations

import random

ADDRESS = "phường Tiến Thành, thành phố Đồng Xoài, tỉnh Bình Phước"
UNIT = "Ủy ban nhân dân phường Tiến Thành"

FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Tạ",
)  # fmt: skip
MIDDLE = {
    "Nam": ("Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Xuân", "Quốc", "Gia"),
    "Nữ": ("Thị", "Ngọc", "Thu", "Bích", "Hồng", "Thanh", "Kim", "Mỹ", "Thùy", "Phương"),
}
GIVEN = {
    "Nam": (
        "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Khánh",
        "Long", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Tùng",
        "Vinh", "Việt", "Lộc", "Nghĩa", "Thịnh",
    ),
    "Nữ": (
        "Anh", "Châu", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga",
        "Ngọc", "Nhung", "Oanh", "Quỳnh", "Tâm", "Thảo", "Trang", "Vân", "Yến", "Xuyến",
        "Diệp", "Huyền", "Liên", "Loan", "Uyên",
    ),
}  # fmt: skip

DEPARTMENTS = (
    "Văn phòng HĐND - UBND phường", "Khối Kinh tế - Hạ tầng", "Khối Nội chính",
    "Khối Văn hóa - Xã hội", "Bộ phận Tiếp nhận và Trả kết quả", "Ban Chỉ huy Quân sự phường",
    "Công an phường", "Khu phố Phú Thanh", "Khu phố Phú Cường", "Khu phố Phú Tân",
)  # fmt: skip
TEAMS = (
    "Tổ công tác cải cách hành chính", "Tổ chuyển đổi số cộng đồng", "Tổ tư vấn dịch vụ công",
    "Tổ dân phố văn hóa", "Tổ hòa giải ở cơ sở", "Tổ bảo vệ an ninh trật tự",
)  # fmt: skip
HEAD_TITLES = ("Tổ trưởng", "Trưởng bộ phận", "Trưởng khu phố", "Phó Chủ tịch UBND phường")
POSITIONS = (
    "Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch",
    "Công chức Địa chính - Xây dựng", "Công chức Tài chính - Kế toán",
    "Công chức Văn hóa - Xã hội", "Phó Chủ tịch UBND phường", "Chủ tịch Hội Liên hiệp Phụ nữ",
    "Bí thư Đoàn Thanh niên", "Nhân viên Bộ phận Một cửa", "Trưởng khu phố",
)  # fmt: skip
HOMETOWNS = (
    "Xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước",
    "Phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước",
    "Xã Nghĩa Trung, huyện Bù Đăng, tỉnh Bình Phước",
    "Xã Hải Hậu, huyện Hải Hậu, tỉnh Nam Định",
    "Phường Đông Hòa, thành phố Dĩ An, tỉnh Bình Dương",
    "Xã Quỳnh Lưu, huyện Quỳnh Lưu, tỉnh Nghệ An",
)
DEGREES = (
    "Đại học Luật", "Đại học Hành chính", "Thạc sĩ Quản lý công", "Đại học Kế toán",
    "Cao đẳng Công nghệ thông tin", "Đại học Kinh tế",
)  # fmt: skip
INITIATIVES = (
    "Số hóa hồ sơ lưu trữ phục vụ giải quyết thủ tục hành chính",
    "Mô hình “Tổ tư vấn dịch vụ công trực tuyến” tại khu phố",
    "Thu phí, lệ phí không dùng tiền mặt tại Bộ phận Một cửa",
    "Bảng hướng dẫn thủ tục đất đai bằng mã QR",
    "Tuyên truyền dịch vụ công trực tuyến qua nhóm Zalo khu phố",
    "Quy trình liên thông đăng ký khai sinh - thường trú - thẻ bảo hiểm y tế",
)
AWARDS = (
    ("Danh hiệu thi đua", "Chiến sĩ thi đua cơ sở"),
    ("Danh hiệu thi đua", "Lao động tiên tiến"),
    ("Hình thức khen thưởng", "Giấy khen của Chủ tịch UBND thành phố"),
    ("Hình thức khen thưởng", "Giấy khen của Chủ tịch UBND phường"),
)
# A collective holds the collective titles (the individual ones are findings at intake).
COLLECTIVE_TITLES = {
    "Chiến sĩ thi đua cơ sở": "Tập thể lao động xuất sắc",
    "Lao động tiên tiến": "Tập thể lao động tiên tiến",
}
# Titles and Giấy khen are conferred by the chairman, not by the committee.
ISSUERS = ("Chủ tịch UBND thành phố Đồng Xoài", "Chủ tịch UBND phường Tiến Thành")

ACHIEVEMENTS = (
    "Hoàn thành {p} % nhiệm vụ trong Kế hoạch cải cách hành chính năm 2023, đúng tiến độ.",
    "Tiếp nhận và giải quyết {n} hồ sơ thủ tục hành chính, {p} % trước và đúng hạn; không có hồ sơ trễ hạn.",
    "Hướng dẫn {n} lượt người dân nộp hồ sơ trực tuyến toàn trình trên Cổng dịch vụ công quốc gia.",
    "Số hóa {n} trang hồ sơ lưu trữ, phục vụ tra cứu trực tuyến và tái sử dụng dữ liệu.",
    "Tham mưu ban hành {k} kế hoạch, {k} báo cáo chuyên đề về cải cách hành chính đúng hạn.",
    "Tổ chức {k} buổi tuyên truyền chuyển đổi số tại các khu phố, thu hút {n} lượt người tham dự.",
    "Rà soát, đề nghị đơn giản hóa {k} thủ tục hành chính thuộc thẩm quyền cấp xã.",
    "Phối hợp Đài truyền thanh phường phát {k} tin, bài về cải cách hành chính và dịch vụ công.",
)
SITUATION = (
    "Đơn vị có {k} cán bộ, công chức và {k} người hoạt động không chuyên trách.",
    "Chi bộ có {k} đảng viên; Công đoàn, Đoàn Thanh niên hoạt động đều đặn, hiệu quả.",
    "Địa bàn gồm {k} khu phố với {n} hộ dân, đời sống nhân dân ổn định.",
)
DUTIES = (
    "Tham mưu công tác văn phòng, cải cách hành chính, văn thư - lưu trữ của phường.",
    "Tiếp nhận, giải quyết hồ sơ hộ tịch, chứng thực theo cơ chế một cửa.",
    "Quản lý đất đai, trật tự xây dựng và môi trường trên địa bàn.",
    "Thực hiện chính sách an sinh xã hội, chăm lo người có công và hộ nghèo.",
)
MEASURES = (
    "Phân công rõ người, rõ việc; kiểm tra định kỳ hằng tháng tiến độ giải quyết hồ sơ.",
    "Ứng dụng phần mềm một cửa điện tử, theo dõi hồ sơ theo thời gian thực.",
    "Đoàn kết nội bộ, phát huy tinh thần trách nhiệm của từng cán bộ, công chức.",
)
POLICY = (
    "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Thực hiện tốt quy chế dân chủ ở cơ sở, công khai minh bạch trong hoạt động công vụ.",
)
UNIONS = (
    "Chi bộ đạt “Hoàn thành tốt nhiệm vụ”; các đoàn thể đạt vững mạnh.",
    "Công đoàn cơ sở tổ chức tốt phong trào thi đua “Dân vận khéo”.",
)


def person_name(rng: random.Random, sex: str) -> str:
    """A full Vietnamese name: family, middle and given name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


def paragraphs(rng: random.Random, pool: tuple[str, ...], least: int, most: int) -> str:
    """`least`..`most` sentences of `pool` with numbers filled in, one paragraph each."""
    chosen = rng.sample(pool, min(len(pool), rng.randint(least, most)))
    return "\n".join(
        s.format(
            p=rng.randint(95, 100),
            n=f"{rng.randint(1, 9)}.{rng.randint(100, 999)}",
            k=rng.randint(2, 30),
        )
        for s in chosen
    )
