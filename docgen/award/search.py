"""Searching the award history (`docgen lich-su`), and its rows as the console and JSON show them.

A query matches text regardless of case, diacritics and spacing ("nguyen van an" finds
"Nguyễn Văn An"); every part given must match, a part left out matches everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docgen.award.history import Award, History
from docgen.campaign.model import Kind
from docgen.text import fold, format_date_short


@dataclass(frozen=True)
class Query:
    """What the clerk looks for; empty parts match everything."""

    name: str = ""
    unit: str = ""
    year: int | None = None
    form: str = ""

    def matches(self, award: Award) -> bool:
        """Whether `award` answers every part of the query."""
        r = award.recipient
        return (
            (self.year is None or award.year == self.year)
            and _contains(r.name, self.name)
            and _contains(r.unit, self.unit)
            and _contains(award.form, self.form)
        )


def search(history: History, query: Query) -> list[Award]:
    """The awards answering `query`, newest year first, then by decision and name."""
    found = [a for a in history.awards if query.matches(a)]
    return sorted(found, key=lambda a: (-a.year, a.issued, a.reference, fold(a.recipient.name)))


def _contains(text: str, part: str) -> bool:
    return not part or " ".join(fold(part).split()) in " ".join(fold(text).split())


COLUMNS = ("Năm", "Hình thức", "Tập thể / cá nhân", "Đơn vị", "Quyết định")


def table_rows(awards: Iterable[Award]) -> list[tuple[str, ...]]:
    """One row per award, as the console table prints it."""
    return [
        (
            str(a.year),
            a.form,
            a.recipient.name,
            a.recipient.unit,
            f"{a.reference} ngày {format_date_short(a.issued)}",
        )
        for a in awards
    ]


def to_json(awards: Iterable[Award]) -> list[dict[str, Any]]:
    """The awards as plain JSON values (ISO dates; decision numbers with a plain hyphen)."""
    return [
        {
            "nam": a.year,
            "hinh_thuc": a.form,
            "loai": "tap-the" if a.recipient.kind is Kind.COLLECTIVE else "ca-nhan",
            "ten": a.recipient.name,
            "ngay_sinh": a.recipient.birth.isoformat() if a.recipient.birth else None,
            "don_vi": a.recipient.unit,
            "chuc_vu": a.recipient.position,
            "quyet_dinh": a.reference.replace("\u2011", "-"),
            "ngay_quyet_dinh": a.issued.isoformat(),
            "co_quan": a.authority,
            "cap": a.level,
            "chien_dich": a.campaign,
            "nguon": str(a.origin),
        }
        for a in awards
    ]
