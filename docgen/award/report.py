"""Context of the Báo cáo kết quả thực hiện: the council's report on the campaign's results."""

from __future__ import annotations

from typing import Any

from docgen.award.documents import proposer_header, setup
from docgen.award.results import LevelResult, Results
from docgen.campaign.model import Kind
from docgen.documents.dates import date_words, number, place_date
from docgen.documents.phrases import as_printed, count, kinds_count, listed
from docgen.text import format_date_short

AWARDED = "Đã khen thưởng"


def results_context(results: Results) -> dict[str, Any]:
    """Everything the report prints: header, the three parts, signature and Nơi nhận."""
    c = results.campaign
    context: dict[str, Any] = {
        **proposer_header(c),
        "so": number("", f"BC-{setup(c).symbol}"),
        "dia_danh_ngay": place_date(c.issuer.place, None, c.period.year),
        "trich_yeu": f"Kết quả thực hiện {_lower_first(c.title)}",
        "mo_dau": (
            f"Thực hiện Kế hoạch số {c.plan.number} {date_words(c.plan.date)} của "
            f"{c.issuer.full_name} về {_lower_first(c.plan.title)}, Thường trực {c.council.name} "
            "báo cáo kết quả thực hiện như sau:"
        ),
        **_taking_part(results),
        **_deciding(results),
        "neu_guong": (
            "Danh sách tập thể, cá nhân được khen thưởng được giới thiệu trên trang thông tin "
            f"điện tử và đài truyền thanh {_ward(c.issuer.full_name)} để nêu gương điển "
            "hình tiên tiến."
        ),
        "ket_thuc": f"Trên đây là báo cáo kết quả thực hiện {_lower_first(c.title)}./.",
        **_closing(results),
    }
    return as_printed(context)


def _taking_part(results: Results) -> dict[str, Any]:
    """Part I: the units that sent nominations, with how many of each kind."""
    units = [
        {"stt": str(n), "ten": u.name, "tap_the": count(u.collectives), "ca_nhan": count(u.individuals)}
        for n, u in enumerate(results.units, start=1)
    ]  # fmt: skip
    collectives = sum(u.collectives for u in results.units)
    individuals = sum(u.individuals for u in results.units)
    return {
        "tham_gia": (
            f"Có {count(len(units))} đơn vị gửi hồ sơ đề nghị khen thưởng, với "
            f"{kinds_count(collectives, individuals)} được đề nghị:"
        ),
        "don_vi": units,
        "tong": {"tap_the": count(collectives), "ca_nhan": count(individuals)},
    }


def _deciding(results: Results) -> dict[str, Any]:
    """Part II: the meeting, then each level's proposal and decision."""
    c, meeting = results.campaign, results.meeting
    return {
        "hop_xet": (
            f"Ngày {format_date_short(meeting.date)}, {c.council.name} họp xét với "
            f"{count(meeting.present)}/{count(meeting.members)} thành viên có mặt; kết quả "
            "đề nghị và khen thưởng từng cấp như sau:"
        ),
        "cac_cap": [_level(n, lv) for n, lv in enumerate(results.levels, start=1)],
    }


def _closing(results: Results) -> dict[str, Any]:
    """The standing members' signer (as on their Tờ trình), else the meeting's chair for the
    council; Nơi nhận."""
    c = results.campaign
    key = setup(c).signer
    if key:
        own = c.signers[key]
        signer = {"tham_quyen": own.authority, "chuc_vu": own.title, "ten": own.name}
    else:
        body = " ".join(proposer_header(c)["co_quan"])
        signer = {
            "tham_quyen": f"TM. {body}",
            "chuc_vu": "CHỦ TỊCH",
            "ten": results.meeting.chair.name,
        }
    return {
        "ky": signer,
        "noi_nhan": listed(
            [
                f"{c.issuer.full_name} (để báo cáo)",
                "Các đơn vị có hồ sơ đề nghị",
                f"Lưu: VT, {c.council.symbol}",
            ]
        ),
    }


def _level(n: int, level: LevelResult) -> dict[str, Any]:
    lv = level.level
    proposed = kinds_count(level.count(Kind.COLLECTIVE), level.count(Kind.INDIVIDUAL))
    lines = [f"Hội đồng đề nghị tặng {lv.award} cho {proposed}."]
    if level.decision is None:
        lines.append(f"Chưa có quyết định khen thưởng của {lv.decider}.")
        result = "Đã đề nghị, chưa có quyết định"
    else:
        d = level.decision
        awarded = kinds_count(
            level.count(Kind.COLLECTIVE, True), level.count(Kind.INDIVIDUAL, True)
        )
        lines.append(
            f"{d.authority} đã khen thưởng {awarded} tại Quyết định số {d.reference} "
            f"{date_words(d.issued)}."
        )
        result = AWARDED
    rows = [
        {
            "stt": str(i),
            "ten": line.recipient.name,
            "don_vi": line.recipient.unit,
            "ket_qua": result
            if line.awarded or level.decision is None
            else "Không có trong quyết định",
        }
        for i, line in enumerate(level.lines, start=1)
    ]
    return {
        "tieu_de": f"{n}. {lv.award} ({lv.label.lower()}):",
        "ket_qua": lines,
        "danh_sach": rows,
    }


def _lower_first(text: str) -> str:
    """ "Phong trào thi đua …" → "phong trào thi đua …" (inside a sentence)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _council_body(name: str) -> str:
    """ "Hội đồng Thi đua - Khen thưởng phường Tiến Thành" → "Hội đồng Thi đua - Khen thưởng"."""
    head, sep, _ = name.partition(" phường ")
    return head if sep else name


def _ward(full_name: str) -> str:
    """ "Ủy ban nhân dân phường Tiến Thành" → "phường Tiến Thành" (whose website and radio)."""
    for body in ("Ủy ban nhân dân ", "UBND "):
        if full_name.startswith(body):
            return full_name[len(body) :]
    return full_name
