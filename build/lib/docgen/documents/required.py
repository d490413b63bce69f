"""A missing value is an error before rendering, never a blank in a signed document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from docgen.documents.dates import short_date
from docgen.errors import DocgenError
from docgen.intake.records import Nominee
from docgen.intake.schema import COLLECTIVE_BASE, INDIVIDUAL_BASE

_HEADERS = {c.key: c.header for c in COLLECTIVE_BASE + INDIVIDUAL_BASE}


class MissingValueError(DocgenError):
    """A value a document needs is empty; names the document, the nominee and the fields."""

    def __init__(self, document: str, who: str, missing: list[str]) -> None:
        fields = ", ".join(f"“{name}”" for name in missing)
        super().__init__(
            "DOC_MISSING_VALUE",
            f"{document}: thiếu {fields} của {who}; bổ sung vào phiếu nhập rồi chạy lại.",
        )
        self.missing = missing


def text(nominee: Nominee, key: str) -> str:
    """A nominee's value as printed text: dates as dd/mm/yyyy, whitespace trimmed."""
    value = nominee.values.get(key)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return short_date(value)
    return str(value).strip()


def require(document: str, nominee: Nominee, keys: Iterable[str]) -> None:
    """Raise MissingValueError naming every empty one of `keys`."""
    missing = [_HEADERS.get(key, key) for key in keys if not text(nominee, key)]
    if missing:
        where = nominee.source.place().label()
        raise MissingValueError(document, f"“{nominee.name or '(không tên)'}” ({where})", missing)


def require_context(document: str, context: dict[str, object], keys: Iterable[str]) -> None:
    """Raise MissingValueError when a required context value is empty."""
    missing = [key for key in keys if context.get(key) in (None, "", [], {})]
    if missing:
        raise MissingValueError(document, "hồ sơ", missing)
