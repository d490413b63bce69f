"""The instructions sheet of the intake workbook, written from the campaign."""

from __future__ import annotations

from docgen.campaign.model import Campaign, Kind
from docgen.intake.schema import AWARDS_SHEET, COLLECTIVE_SHEET, INDIVIDUAL_SHEET, UNIT_SHEET


def _date(day: object) -> str:
    from datetime import date

    return day.strftime("%d/%m/%Y") if isinstance(day, date) else str(day)


Lines = list[tuple[str, bool]]  # (text, bold)

HOW_TO: Lines = [
    ("Cách điền", True),
    (
        f"1. Trang “{UNIT_SHEET}”: ghi tên đơn vị, người liên hệ, điện thoại, thư điện tử và ngày gửi.",
        False,
    ),
    (
        f"2. Trang “{COLLECTIVE_SHEET}” và “{INDIVIDUAL_SHEET}”: mỗi dòng một tập thể / một cá nhân "
        "đề nghị khen thưởng. Cột có dấu (*) là bắt buộc.",
        False,
    ),
    ("3. Ô có danh sách chọn: bấm vào ô và chọn trong danh sách; không gõ khác đi.", False),
    ("4. Ngày ghi theo ngày/tháng/năm, ví dụ 05/03/2023.", False),
    (
        "5. Thành tích viết nhiều đoạn: bấm Alt+Enter để xuống dòng trong ô; mỗi đoạn thành một "
        "đoạn của báo cáo.",
        False,
    ),
    (
        f"6. Trang “{AWARDS_SHEET}”: các danh hiệu, hình thức khen thưởng đã nhận; ghi tên đúng "
        f"như ở trang {COLLECTIVE_SHEET} / {INDIVIDUAL_SHEET}.",
        False,
    ),
    (
        "7. Không đổi tên trang, không xóa cột, không chèn cột. Gửi lại đúng tệp này qua thư điện tử.",
        False,
    ),
]


def guide_lines(campaign: Campaign) -> Lines:
    """Lines of the Hướng dẫn sheet as (text, bold)."""
    return [
        *_heading(campaign),
        ("", False),
        *HOW_TO,
        ("", False),
        *_levels(campaign),
        *_criteria(campaign),
    ]


def _heading(campaign: Campaign) -> Lines:
    plan = campaign.plan
    return [
        (f"PHIẾU ĐỀ NGHỊ KHEN THƯỞNG — {campaign.title.upper()}", True),
        (
            f"Theo Kế hoạch số {plan.number} ngày {_date(plan.date)} của {campaign.issuer.full_name}.",
            False,
        ),
        (f"Hạn gửi: trước ngày {_date(campaign.period.deadline)}.", True),
    ]


def _levels(campaign: Campaign) -> Lines:
    lines: Lines = [("Cấp khen thưởng và số lượng tối đa", True)]
    for level in campaign.levels:
        quota = ", ".join(f"{n:02d} {kind.label}" for kind, n in level.quota.items())
        subjects = ", ".join(campaign.subject(s).label for s in level.subjects)
        lines.append(
            (f"- {level.label}: {level.award} — không quá {quota}. Đối tượng: {subjects}.", False)
        )
    return lines


def _criteria(campaign: Campaign) -> Lines:
    lines: Lines = []
    for kind, title in (
        (Kind.COLLECTIVE, "Tiêu chí đối với tập thể"),
        (Kind.INDIVIDUAL, "Tiêu chí đối với cá nhân"),
    ):
        lines += [("", False), (title, True)]
        lines += [(f"{c.id}. {c.text}", False) for c in campaign.criteria_for(kind)]
    return lines
