"""A small dossier built in code: previews of the templates and the documents' tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.campaign.model import Campaign, Kind, Level
from docgen.intake.records import Nominee, PreviousAward, Source
from docgen.meeting.model import Absence, Assigned, Decision, Meeting, Person, Selection, Why

SOURCE = Source("mau.xlsx", "Cá nhân", 3)

COLLECTIVE: dict[str, Any] = {
    "ten": "Ủy ban nhân dân phường Tiến Thành",
    "doi_tuong": "Ủy ban nhân dân phường",
    "cap_de_nghi": "Cấp thành phố",
    "thu_truong": "Lê Thanh Hoan",
    "chuc_vu_thu_truong": "Chủ tịch",
    "tru_so": "Số 1 đường Lê Duẩn, phường Tiến Thành, thành phố Đồng Xoài, tỉnh Bình Phước",
    "dien_thoai": "0271 3881 234",
    "so_nguoi": 42,
    "dac_diem": "Phường có 8 khu phố.\nĐảng bộ phường có 12 chi bộ trực thuộc.",
    "chuc_nang": "Quản lý nhà nước trên địa bàn phường theo quy định của pháp luật.",
    "thanh_tich": "Giải quyết 100 % hồ sơ đúng hạn.\nTiếp nhận 85 % hồ sơ trực tuyến.",
    "bien_phap": "Rà soát quy trình nội bộ hằng quý.",
    "chinh_sach": "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "doan_the": "Các đoàn thể hoàn thành tốt nhiệm vụ.",
}

INDIVIDUAL: dict[str, Any] = {
    "ho_ten": "Nguyễn Văn An",
    "gioi_tinh": "Nam",
    "ngay_sinh": dt.date(1985, 8, 15),
    "que_quan": "Xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước",
    "tru_quan": "Phường Tiến Thành, thành phố Đồng Xoài, tỉnh Bình Phước",
    "chuc_vu": "Công chức Văn phòng - Thống kê",
    "don_vi": "Khối Văn phòng",
    "doi_tuong": "Công chức",
    "cap_de_nghi": "Cấp thành phố",
    "trinh_do": "Cử nhân Luật",
    "ly_luan_chinh_tri": "Trung cấp",
    "hoc_ham": "",
    "nhiem_vu": "Tham mưu công tác cải cách hành chính.",
    "thanh_tich": "Hoàn thành 100 % hồ sơ đúng hạn.\nXây dựng quy trình tiếp nhận trực tuyến.",
    "sang_kien_ten": "Số hóa hồ sơ một cửa",
    "sang_kien_cap": "Hội đồng sáng kiến phường",
    "sang_kien_so_qd": "45/QĐ-UBND",
    "sang_kien_ngay_qd": dt.date(2023, 6, 12),
}


def nominee(kind: Kind, **changes: Any) -> Nominee:
    """A complete nominee of `kind`, with `changes` applied to the sample values."""
    values = dict(COLLECTIVE if kind is Kind.COLLECTIVE else INDIVIDUAL, **changes)
    return Nominee(kind, SOURCE, "Khối Văn phòng", values, {})


def award(owner: str, type_: str, year: int, title: str) -> PreviousAward:
    """A previous award of `owner` (type: "Danh hiệu thi đua" or "Hình thức khen thưởng")."""
    return PreviousAward(
        SOURCE, owner, None, type_, year, title, f"{year - 2000:02d}/QĐ-UBND",
        dt.date(year, 1, 5), "Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
    )  # fmt: skip


def meeting(numbers: dict[str, Assigned] | None = None) -> Meeting:
    """The council met on 05/12/2023, 9 members, 7 present."""
    return Meeting(
        date=dt.date(2023, 12, 5),
        start=dt.time(8, 0),
        end=dt.time(10, 30),
        place="Hội trường Ủy ban nhân dân phường Tiến Thành",
        chair=Person("Lê Thanh Hoan", "Chủ tịch Ủy ban nhân dân phường, Chủ tịch Hội đồng"),
        secretary=Person("Phạm Thị Dung", "Công chức Văn phòng - Thống kê"),
        members=9,
        present=7,
        absent=(Absence("Trần Văn Em", "đi công tác"), Absence("Võ Thị Hoa", "nghỉ phép")),
        voting_form="bỏ phiếu kín",
        numbers=numbers or {},
    )


def decision(who: Nominee, level: Level, votes: int, rank: int, proposed: bool) -> Decision:
    """An outcome against all 9 members; `reason` filled for those not proposed."""
    reason = "" if proposed else "không đạt trên 50 % tổng số thành viên Hội đồng"
    why = Why.PROPOSED if proposed else Why.BELOW_THRESHOLD
    return Decision(who, level, votes, 9, votes * 2 > 9, rank, proposed, reason, why)


def selection(campaign: Campaign, level_id: str = "thanh-pho") -> Selection:
    """01 collective and 02 individuals proposed, 01 individual not proposed."""
    level = campaign.level(level_id)
    collective = nominee(Kind.COLLECTIVE)
    collective.awards.append(
        award(collective.name, "Danh hiệu thi đua", 2022, "Tập thể lao động tiên tiến")
    )
    return Selection(
        level,
        [
            decision(collective, level, 9, 1, True),
            decision(nominee(Kind.INDIVIDUAL), level, 7, 2, True),
            decision(
                nominee(Kind.INDIVIDUAL, ho_ten="Trần Thị Bình", gioi_tinh="Nữ"), level, 8, 1, True
            ),
            decision(nominee(Kind.INDIVIDUAL, ho_ten="Lê Văn Cường"), level, 4, 3, False),
        ],
    )
