"""Vietnamese words a clerk may type for the campaign file's fixed values ("tập thể", "tờ trình").

`canonical(data)` rewrites those values, in place, to the codes the loader checks
("collective", "to-trinh"); anything it does not recognise is left for the loader to report.
Words are compared without diacritics, case or extra spaces, so "Tap the", "TẬP THỂ" and
"tập  thể" all count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docgen.campaign.model import DocKind, Kind
from docgen.campaign.profiles import PROFILES
from docgen.text import fold

KINDS = {"tap the": Kind.COLLECTIVE.value, "ca nhan": Kind.INDIVIDUAL.value}
DOCUMENTS = {
    "to trinh": DocKind.PROPOSAL.value,
    "danh sach": DocKind.LIST.value,
    "danh sach kem theo": DocKind.LIST.value,
    "bien ban": DocKind.MINUTES.value,
    "bien ban hop xet": DocKind.MINUTES.value,
    "bao cao": DocKind.REPORT.value,
    "bao cao thanh tich": DocKind.REPORT.value,
}
FIELD_TYPES = {
    "chon": "choice",
    "danh sach chon": "choice",
    "chu": "text",
    "van ban": "text",
    "ngay": "date",
    "so": "int",
    "so nguyen": "int",
}
OPS = {
    "bang": "equals",
    "la": "equals",
    "mot trong": "one_of",
    "khong trong": "not_empty",
    "khong de trong": "not_empty",
    "co": "is_true",
    "dung": "is_true",
    "trong thoi gian": "within_period",
    "trong thoi gian phong trao": "within_period",
    "nam truoc chua nhan": "not_awarded_last_year",
    "khong nhan nam truoc": "not_awarded_last_year",
    "nhan lien tuc": "awarded_years_in_row",
    "dat lien tuc": "awarded_years_in_row",
}
DENOMINATORS = {
    "thanh vien": "members",
    "tong so thanh vien": "members",
    "co mat": "present",
    "so co mat": "present",
    "so thanh vien co mat": "present",
}


def _word(value: object) -> str:
    return re.sub(r"[\s_-]+", " ", fold(value)).strip() if isinstance(value, str) else ""


def _alias(table: dict[str, str]) -> Callable[[Any], Any]:
    return lambda value: table.get(_word(value), value)


def _profile(value: Any) -> Any:
    """ "NĐ 91/2017", "nd 152-2025" → the profile's id: by its digits, from the one list."""
    digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
    by_digits = {re.sub(r"\D", "", id_): id_ for id_ in PROFILES}
    return by_digits.get(digits, value) if digits else value


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with Vietnamese words for fixed values replaced by their codes."""
    kind, document, ftype, op = (_alias(t) for t in (KINDS, DOCUMENTS, FIELD_TYPES, OPS))
    _update(data.get("campaign"), "legal_profile", _profile)
    _update(data.get("vote"), "denominator", _alias(DENOMINATORS))
    for subject in _tables(data, "subjects"):
        _update(subject, "kind", kind)
    for field in _tables(data, "fields"):
        _update(field, "type", ftype)
        _each(field, "applies", kind)
    for criterion in _tables(data, "criteria"):
        _update(criterion, "subject", kind)
        for check in _tables(criterion, "checks"):
            _update(check, "op", op)
    for level in _tables(data, "levels"):
        _each(level, "documents", document)
        quota = level.get("quota")
        if isinstance(quota, dict):
            level["quota"] = {kind(key): value for key, value in quota.items()}
    return data


def _tables(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [t for t in value if isinstance(t, dict)] if isinstance(value, list) else []


def _update(table: Any, key: str, change: Callable[[Any], Any]) -> None:
    if isinstance(table, dict) and key in table:
        table[key] = change(table[key])


def _each(table: dict[str, Any], key: str, change: Callable[[Any], Any]) -> None:
    if isinstance(table.get(key), list):
        table[key] = [change(v) for v in table[key]]
