"""The certificates (Giấy khen) of a level the ward decides: one printable page per recipient.

Policy:
- Made from a final result only (as the decision), one page per line of the decision's list,
  in its order; the decision's number and date come from the văn thư's sheet, and a
  certificate before them prints blanks of the right shape (the run says so).
- Each line is fitted to its box: shrunk down to the box's smallest size, then wrapped within
  its number of lines; a line that still does not fit stops the run with the recipient named
  (never printed over the blank's edges).
- Two designs (:mod:`docgen.award.layout`): on a pre-printed blank, the variable lines only,
  shifted by the clerk's offset; on plain paper, under the full design. A test page shows the
  blank's boxes for the clerk to measure the printer's shift.
"""

from __future__ import annotations

from enum import StrEnum

from docgen.award.decision import conferments, decision_signer, numbers
from docgen.award.fit import PT_MM, fit
from docgen.award.layout import LABELS, Placement, Spot
from docgen.campaign.model import Campaign, Kind, Level
from docgen.documents.dates import date_or_blank, number, place_date
from docgen.documents.nominees import HONORIFIC, ordered, position_unit
from docgen.documents.phrases import lower_first
from docgen.documents.required import text
from docgen.errors import DocgenError
from docgen.meeting.model import Meeting, Selection
from docgen.render.pages import Box, Paper

RED = "C00000"


class Design(StrEnum):
    """How the certificate is printed."""

    BLANK = "tren-phoi"  # variable lines only, on a pre-printed blank
    PLAIN = "giay-trang"  # the full design on plain paper


class TooLongError(DocgenError):
    """A line does not fit its box even at the smallest size and all its lines."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__("CERTIFICATE_TOO_LONG", message)


def certificate_lines(
    campaign: Campaign, level: Level, meeting: Meeting, selection: Selection
) -> tuple[list[dict[str, str]], bool]:
    """Each recipient's lines (by spot key), and whether the decision has its number."""
    _, own = numbers(meeting, level)
    day = own.date if own else None
    people = [d.nominee for d in ordered(selection.proposed())]  # the conferments' order
    authority, title, signer = decision_signer(campaign, level)
    cited = number(own.number if own else "", f"QĐ-{campaign.issuer.symbol}")
    shared = {
        "thanh_tich": f"Đã có thành tích xuất sắc trong {lower_first(campaign.title)}",
        "ngay": place_date(campaign.issuer.place, day, meeting.date.year),
        "tham_quyen": authority,
        "chuc_vu": title,
        "nguoi_ky": signer,
        "quyet_dinh": f"Quyết định số {cited} {date_or_blank(day, meeting.date.year)}",
    }
    lines = []
    awarded = conferments(campaign, selection, day or meeting.date)
    for nominee, line in zip(people, awarded, strict=True):
        who = line.recipient
        if who.kind is Kind.COLLECTIVE:
            name, unit = who.name, ""
        else:
            honorific = HONORIFIC.get(text(nominee, "gioi_tinh").casefold(), "")
            name, unit = f"{honorific} {who.name}".strip(), position_unit(nominee)
        lines.append({"ten": name, "don_vi": unit, **shared})
    return lines, bool(own and own.number and own.date)


def certificate_pages(
    campaign: Campaign,
    level: Level,
    lines: list[dict[str, str]],
    design: Design,
    placement: Placement,
) -> list[list[Box]]:
    """One page per recipient: the fitted variable lines, under the design's fixed ones."""
    fixed = design_boxes(campaign, level) if design is Design.PLAIN else []
    return [[*fixed, *_page(line, placement)] for line in lines]


def design_boxes(campaign: Campaign, level: Level) -> list[Box]:
    """The plain-paper design: Quốc hiệu, Tiêu ngữ, the authority, "TẶNG", "GIẤY KHEN"."""
    authority = level.decider.upper()
    fixed = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 20, 14, True, ""),
        ("Độc lập - Tự do - Hạnh phúc", 27, 14, True, ""),
        (authority, 40, 16, True, ""),
        ("TẶNG", 51, 16, True, ""),
        ("GIẤY KHEN", 59, 40, True, RED),
    ]
    return [
        Box(x_mm=15, y_mm=y, width_mm=267, height_mm=size * PT_MM * 1.25, text=words,
            size=size, bold=bold, color=color)
        for words, y, size, bold, color in fixed
    ]  # fmt: skip


def calibration_page(placement: Placement) -> list[Box]:
    """The blank's boxes outlined, each named, for the clerk to measure the printer's shift."""
    note = Box(
        x_mm=15,
        y_mm=12,
        width_mm=267,
        height_mm=6,
        text=(
            f"TRANG THỬ — lệch ngang {placement.right:g} mm, lệch dọc {placement.down:g} mm. In lên "
            "phôi; góc trên bên trái ô “20 mm” phải cách mép trái và mép trên tờ giấy đúng 20 mm: "
            "đo độ lệch, ghi lech_ngang, lech_doc vào giay-khen.toml (thư mục phường)"
        ),
        size=10,
        italic=True,
    )
    marks = [
        Box(x_mm=x + placement.right, y_mm=y + placement.down, width_mm=10, height_mm=10,
            text=label, size=7, outline=True)
        for x, y, label in ((20, 20, "20 mm"), (267, 180, "10 × 10"))
    ]  # fmt: skip
    boxes = [note, *marks]
    for key, label in LABELS.items():
        spot = placement.spot(key)
        boxes.append(_box(spot, f"[{key}] {label}", spot.size, 1, outline=True))
    return boxes


def _page(line: dict[str, str], placement: Placement) -> list[Box]:
    boxes = []
    for key, words in line.items():
        if not words:
            continue
        spot = placement.spot(key)
        fitted = fit(
            words, spot.width, spot.size, spot.smallest, spot.lines, spot.bold, spot.height
        )
        if fitted is None:
            raise TooLongError(
                f"Giấy khen của {line['ten']}: “{words}” quá dài cho dòng {LABELS[key]} "
                f"(rộng {spot.width:g} mm, cao {spot.height:g} mm, tối đa {spot.lines} dòng, "
                f"cỡ chữ nhỏ nhất "
                f"{spot.smallest:g}); sửa [vi_tri.{key}] trong giay-khen.toml hoặc rút gọn."
            )
        boxes.append(_box(spot, words, fitted.size, fitted.lines))
    return boxes


def _box(spot: Spot, words: str, size: float, lines: int, outline: bool = False) -> Box:
    return Box(
        x_mm=spot.x,
        y_mm=spot.y,
        width_mm=spot.width,
        height_mm=lines * size * PT_MM * 1.2,
        text=words,
        size=size,
        bold=spot.bold,
        italic=spot.italic,
        align=spot.align,
        outline=outline,
    )


def paper(design: Design) -> Paper:
    """A4 landscape; the plain design has its border."""
    return Paper(border=design is Design.PLAIN)
