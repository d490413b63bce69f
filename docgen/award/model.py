"""What an award decision conferred, on whom: the records the decision, the certificates and the
award history share.

A decision of the ward's chairman is built from the meeting's result; a higher level's decision
is recorded by the clerk when it comes back; a past year's decision is imported from a sheet.
All three end as the same :class:`AwardDecision`, so the history never asks where one came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from docgen.campaign.model import Kind

YEARS = (1945, 2100)  # the years an award in the history may carry (search, import)


class Origin(StrEnum):
    """Where a decision's record came from."""

    CAMPAIGN = "chien-dich"  # the ward's own decision, built by docgen from a campaign
    RECORDED = "cap-tren"  # a higher level's decision, recorded by the clerk when it came back
    IMPORTED = "nhap"  # a past year's decision, imported from the history sheet


@dataclass(frozen=True, kw_only=True)
class Recipient:
    """Who was awarded: a collective or an individual, as the decision names them.

    People are told apart by name, birth date and unit (see the history's matching); a
    collective by its name and the unit it belongs to.
    """

    kind: Kind
    name: str
    unit: str  # the unit an individual works in; the body a collective belongs to
    position: str = ""  # an individual's position ("Công chức Văn phòng – Thống kê")
    birth: date | None = None  # individuals only


@dataclass(frozen=True, kw_only=True)
class Conferment:
    """One line of a decision's list: the award form conferred on one recipient."""

    recipient: Recipient
    form: str  # "Giấy khen", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"…
    achievement: str = ""  # the line a certificate prints ("Đã có thành tích xuất sắc…")
    bonus: int = 0  # tiền thưởng in đồng, 0 when the form carries none


@dataclass(frozen=True, kw_only=True)
class AwardDecision:
    """A decision conferring awards: its number, date, who decided, and its list."""

    number: str  # "15"
    symbol: str  # "QĐ-UBND" (plain hyphen: this is data, not print)
    date: date
    authority: str  # "Chủ tịch Ủy ban nhân dân phường Tân Phú"
    level: str  # the campaign's level id ("phuong"), or the tier of a higher level's decision
    campaign: str  # the campaign id; "" for an imported past decision with none
    year: int  # the year the awards are for (the campaign's period year)
    origin: Origin
    conferments: tuple[Conferment, ...]

    @property
    def reference(self) -> str:
        """The decision as cited: "15/QĐ-UBND"."""
        return f"{self.number}/{self.symbol}"
