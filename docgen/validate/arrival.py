"""When each received file arrived: the mail journal's time, else "Ngày gửi" then mtime."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from docgen.mail.journal import Receipt
from docgen.mail.uploads import is_dropped
from docgen.text import format_moment, in_vietnam

ArrivalKey = tuple[date, datetime]


@dataclass(frozen=True)
class Arrival:
    """How and when one file of the input folder arrived."""

    file: str
    day: date
    instant: datetime  # timezone-aware
    receipt: Receipt | None  # None: copied into the folder by hand

    @property
    def by_mail(self) -> bool:
        """True when the journal knows the message the file came in."""
        return self.receipt is not None and self.receipt.received is not None

    @property
    def key(self) -> ArrivalKey:
        """Order of arrival: the day first (a workbook's "Ngày gửi" counts), then the instant."""
        return (self.day, self.instant)

    def label(self) -> str:
        """`nhận qua thư lúc 10/12/2023 09:30:00`, `nhận trực tiếp lúc …` (dropped on the page)
        or `chép vào thư mục, …`: Vietnam time."""
        when = format_moment(self.instant)
        if self.by_mail and self.receipt is not None and is_dropped(self.receipt.message_id):
            return f"nhận trực tiếp lúc {when}"
        if self.by_mail:
            return f"nhận qua thư lúc {when}"
        return f"chép vào thư mục, tệp sửa lần cuối lúc {when}"

    def stamp(self) -> str:
        """The arrival as a name part: 2023-12-10-0930."""
        return in_vietnam(self.instant).strftime("%Y-%m-%d-%H%M")


def arrival_of(path: Path, receipt: Receipt | None, submitted: date | None) -> Arrival:
    """The journal's received time; for a hand-copied file, "Ngày gửi" then its mtime."""
    if receipt is not None and receipt.received is not None:
        received = in_vietnam(receipt.received)  # a Vietnam day, like the form's "Ngày gửi"
        return Arrival(path.name, received.date(), received, receipt)
    try:
        mtime = in_vietnam(datetime.fromtimestamp(path.stat().st_mtime, UTC))
    except OSError:
        mtime = datetime.min.replace(tzinfo=UTC)
    return Arrival(path.name, submitted or mtime.date(), mtime, receipt)
