"""Which sheet of a received workbook holds what; every sheet with content is read or named.

A department copies a sheet to get more rows ("Cá nhân (2)" in Excel, "Cá nhân_2" in
LibreOffice) or pastes a whole table into a sheet of its own. Such a sheet is read as the kind
it copies: by its hidden row of machine keys, else by its name without diacritics, case,
spaces or the copy's number, else by a header row naming most of a kind's required columns
(headers are compared as the reader compares them). A sheet named exactly as a kind is that
kind. A sheet with content that matches no kind is named at the file as not read, so no
nominee is ever lost without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.intake.columns import SCAN_ROWS, cell_key, keys_by_header
from docgen.intake.schema import (
    GUIDE_SHEET,
    LISTS_SHEET,
    META_SHEET,
    UNIT_SHEET,
    IntakeSchema,
    SheetSpec,
)
from docgen.text import fold
from docgen.workbook import RawSheet, RawWorkbook

# A copy's number: "Cá nhân (2)" (Excel), "Cá nhân_2" (LibreOffice), "Cá nhân 2" (by hand).
_COPY_NUMBER = re.compile(r"(?:\s*\(\s*\d+\s*\)|[\s_-]*\d+)$")
_OURS = (META_SHEET, LISTS_SHEET, GUIDE_SHEET)  # written by docgen, nothing to read
MIN_KEYS = 3  # a row naming this many of a kind's machine keys is that kind's key row


def sheet_key(name: str) -> str:
    """A sheet's name compared without diacritics, case, spaces or a copy's number."""
    return "".join(_COPY_NUMBER.sub("", fold(name).strip()).split())


def _name_key(name: str) -> str:
    """A sheet's name compared without diacritics, case or spaces: a copy keeps its number."""
    return "".join(fold(name).split())


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
        named = specs.get(key)
        original = named is not None and _name_key(name) == _name_key(named.name)
        # A copy's key row says what it holds, whatever its name (a copy of "Tập thể" renamed
        # "Cá nhân (2)" holds collectives); an original is read as its name says.
        spec = named if original else _by_columns(wb.sheet(name), schema) or named
        copy = spec is not None and not original
        extra = spec is None or copy or (spec is schema.unit and plan.unit is not None)
        if extra and not _has_content(wb.sheet(name)):
            continue  # an empty sheet beside the form's own holds nothing to lose
        if spec is schema.unit:
            _unit(plan, name, copy)
        elif spec is not None:
            plan.tables.setdefault(spec.name, []).append(name)
            if copy:
                plan.copies[name] = spec.name
        else:
            plan.unread.append((name, "không phải trang của mẫu phiếu"))
    return plan


def _originals_first(names: list[str], specs: dict[str, SheetSpec]) -> list[str]:
    """Sheet names, those named exactly as a kind first: the original wins over its copies."""
    exact = {_name_key(s.name) for s in specs.values()}
    return sorted(names, key=lambda n: _name_key(n) not in exact)


def _unit(plan: SheetPlan, name: str, copy: bool) -> None:
    if plan.unit is None:
        plan.unit = name
        if copy:
            plan.copies[name] = UNIT_SHEET
    else:
        plan.unread.append((name, f"chỉ đọc một trang đơn vị (trang “{plan.unit}”)"))


def _by_columns(sheet: RawSheet, schema: IntakeSchema) -> SheetSpec | None:
    """The table kind one of the sheet's top rows names: by its machine keys (MIN_KEYS of
    them), else by the headers of at least half its required columns; the most found wins."""
    kinds = [
        (spec, {c.key for c in spec.columns}, set(keys_by_header(spec)), _required(spec))
        for spec in (*schema.nominee_sheets, schema.awards)
    ]
    best: tuple[int, SheetSpec | None] = (0, None)
    for number, cells in sheet.iter_rows():
        if number > SCAN_ROWS:
            break
        texts = [c.value.strip() for c in cells if isinstance(c.value, str)]
        headers = {cell_key(t) for t in texts}
        for spec, keys, titles, required in kinds:
            by_key, by_header = len(keys.intersection(texts)), len(headers & titles)
            hits = by_key if by_key >= MIN_KEYS else by_header if 2 * by_header >= required else 0
            if hits > best[0]:
                best = (hits, spec)
    return best[1]


def _required(spec: SheetSpec) -> int:
    return sum(1 for c in spec.columns if c.required)


def _has_content(sheet: RawSheet) -> bool:
    return next(iter(sheet.iter_rows()), None) is not None
