"""Which sheet of a received workbook holds what; every sheet with content is read or named.

A department copies a sheet to get more rows ("Cá nhân (2)" in Excel, "Cá nhân_2" in
LibreOffice) or pastes a whole table, hidden key row included, into a sheet of its own. Such a
sheet is read as the kind it copies: by its name without diacritics, case, spaces or the copy's
number, else by its hidden row of machine keys. A sheet with content that matches no kind is
named at the file as not read, so no nominee is ever lost without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.intake.columns import SCAN_ROWS
from docgen.intake.schema import GUIDE_SHEET, LISTS_SHEET, META_SHEET, IntakeSchema, SheetSpec
from docgen.text import fold
from docgen.workbook import RawSheet, RawWorkbook

# A copy's number: "Cá nhân (2)" (Excel), "Cá nhân_2" (LibreOffice), "Cá nhân 2" (by hand).
_COPY_NUMBER = re.compile(r"(?:\s*\(\s*\d+\s*\)|[\s_-]*\d+)$")
_OURS = (META_SHEET, LISTS_SHEET, GUIDE_SHEET)  # written by docgen, nothing to read
MIN_KEYS = 3  # a row naming this many of a kind's machine keys is that kind's key row


def sheet_key(name: str) -> str:
    """A sheet's name compared without diacritics, case, spaces or a copy's number."""
    return "".join(_COPY_NUMBER.sub("", fold(name).strip()).split())


@dataclass
class SheetPlan:
    """The sheets to read for each kind (spec name → sheet names, workbook order), the copies
    among them (sheet → spec name) and the sheets with content that are not read."""

    unit: str | None = None
    tables: dict[str, list[str]] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)
    unread: list[tuple[str, str]] = field(default_factory=list)  # (sheet, why)


def plan_sheets(wb: RawWorkbook, schema: IntakeSchema) -> SheetPlan:
    """Sort every sheet of `wb`: the unit form, a table of a kind (or its copy), or unread."""
    specs = {sheet_key(s.name): s for s in schema.data_sheets}
    ours = {sheet_key(name) for name in _OURS}
    plan = SheetPlan()
    for name in _originals_first(wb.sheet_names, specs):
        key = sheet_key(name)
        if key in ours or wb.sheet(name).kind != "worksheet":
            continue
        spec = specs.get(key) or _by_keys(wb.sheet(name), schema)
        if spec is schema.unit:
            _unit(plan, name)
        elif spec is not None:
            plan.tables.setdefault(spec.name, []).append(name)
            if fold(name) != fold(spec.name):
                plan.copies[name] = spec.name
        elif _has_content(wb.sheet(name)):
            plan.unread.append((name, "không phải trang của mẫu phiếu"))
    return plan


def _originals_first(names: list[str], specs: dict[str, SheetSpec]) -> list[str]:
    """Sheet names, those named exactly as a kind first: the original wins over its copies."""
    exact = {fold(s.name) for s in specs.values()}
    return sorted(names, key=lambda n: fold(n) not in exact)


def _unit(plan: SheetPlan, name: str) -> None:
    if plan.unit is None:
        plan.unit = name
    else:
        plan.unread.append((name, f"chỉ đọc một trang đơn vị (trang “{plan.unit}”)"))


def _by_keys(sheet: RawSheet, schema: IntakeSchema) -> SheetSpec | None:
    """The table kind whose machine keys fill one of the sheet's top rows, best match first."""
    tables = (*schema.nominee_sheets, schema.awards)
    best: tuple[int, SheetSpec | None] = (MIN_KEYS - 1, None)
    for number, cells in sheet.iter_rows():
        if number > SCAN_ROWS:
            break
        texts = {c.value.strip() for c in cells if isinstance(c.value, str)}
        for spec in tables:
            hits = len(texts & {c.key for c in spec.columns})
            if hits > best[0]:
                best = (hits, spec)
    return best[1]


def _has_content(sheet: RawSheet) -> bool:
    return next(iter(sheet.iter_rows()), None) is not None
