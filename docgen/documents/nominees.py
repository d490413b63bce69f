"""How a nominee is named in lists: name, position and unit, the grouped Danh sách."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docgen.campaign.model import Kind
from docgen.documents.phrases import ROMAN, item_mark, listed
from docgen.documents.required import text
from docgen.documents.typography import keep_together
from docgen.intake.records import Nominee
from docgen.meeting.model import Decision
from docgen.text import fold

HONORIFIC = {"nam": "Ông", "nữ": "Bà"}
GROUP_TITLES = {Kind.COLLECTIVE: "Tập thể", Kind.INDIVIDUAL: "Cá nhân"}


def position_unit(nominee: Nominee) -> str:
    """`Chuyên viên, Văn phòng - Thống kê` for an individual; "" for a collective.

    The unit is left out when the position already names it (`Trưởng Khối Kinh tế - Hạ tầng`).
    """
    if nominee.kind is Kind.COLLECTIVE:
        return ""
    position, unit = text(nominee, "chuc_vu"), text(nominee, "don_vi")
    if unit and fold(unit) in fold(position):
        unit = ""
    return ", ".join(part for part in (position, unit) if part)


def described(nominee: Nominee) -> str:
    """`Bà Trần Thị Bình, Công chức Tư pháp, Khối Nội chính`, or the collective's name."""
    if nominee.kind is Kind.COLLECTIVE:
        return nominee.name
    title = HONORIFIC.get(text(nominee, "gioi_tinh").casefold(), "")
    name = f"{title} {keep_together(nominee.name)}".strip()
    where = position_unit(nominee)
    return f"{name}, {where}" if where else name


def ordered(decisions: Sequence[Decision]) -> list[Decision]:
    """Collectives first, then individuals; each by rank (unranked last, input order kept)."""
    return sorted(
        decisions,
        key=lambda d: (d.nominee.kind is Kind.INDIVIDUAL, d.rank or 1_000_000),
    )


def groups(decisions: Sequence[Decision]) -> list[dict[str, Any]]:
    """The Danh sách groups: `I. TẬP THỂ`, `II. CÁ NHÂN`, each omitted when empty."""
    out: list[dict[str, Any]] = []
    for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL):
        members = [d.nominee for d in ordered(decisions) if d.nominee.kind is kind]
        if not members:
            continue
        lines = listed([described(n) for n in members], dash=False)
        out.append({
            "so_thu_tu": str(len(out) + 1),
            "so_la_ma": ROMAN[len(out)],
            "ten_nhom": GROUP_TITLES[kind],
            "tieu_de": GROUP_TITLES[kind].upper(),
            "muc": [_row(i, n, line) for i, (n, line) in enumerate(zip(members, lines, strict=True), 1)],
        })  # fmt: skip
    for group in out:  # a list of one group is not numbered
        group["dau_muc"] = item_mark(group["so_thu_tu"], len(out))  # "1. " (Tờ trình)
        group["stt_nhom"] = group["so_la_ma"] if len(out) > 1 else ""  # "I" (Danh sách)
    return out


def _row(index: int, nominee: Nominee, line: str) -> dict[str, str]:
    return {
        "stt": str(index),
        "ten": nominee.name,
        "chuc_vu_don_vi": position_unit(nominee),
        "dong": line,
    }
