"""Read one returned intake workbook into rows with provenance; problems become issues."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docgen import legacy
from docgen.digest import sha256
from docgen.intake.columns import SCAN_ROWS, ColumnMap, cell_key, keys_by_header, match_columns
from docgen.intake.records import Cell, Row, Source
from docgen.intake.schema import META_SHEET, TEMPLATE_VERSION, IntakeSchema, SheetSpec
from docgen.intake.sheets import plan_sheets
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.oserror import advice, describe
from docgen.text import clean, file_name
from docgen.workbook import RawCell, RawSheet, RawWorkbook, WorkbookRefused, open_workbook
from docgen.workbook.numfmt import column_letter


@dataclass
class FileRead:
    """What one workbook yielded: unit fields, rows per sheet, and the problems met."""

    path: Path
    sha256: str = ""
    unit: list[Row] | None = None  # one row per unit field found
    tables: dict[str, list[Row]] = field(default_factory=dict)
    issues: list[ValidationIssue] = field(default_factory=list)

    @functools.cached_property
    def name(self) -> str:
        """The file's name as data (NFC), worked out once: every row's source names it."""
        return file_name(self.path)

    @property
    def readable(self) -> bool:
        """False when the file was refused as a whole."""
        return self.unit is not None


def read_intake_file(path: Path, schema: IntakeSchema) -> FileRead:
    """Read `path` against `schema`; never raises for bad input, never writes to it."""
    result = FileRead(path)
    try:
        result.sha256 = sha256(path.read_bytes())
        _read_into(open_workbook(path), schema, result)
    except WorkbookRefused as exc:  # refused when opened, or damage found deep inside a sheet
        _refused(result, exc.issue_code, exc.message)
    except OSError as exc:
        _refused(result, Code.FILE_UNREADABLE, f"{describe(exc)} {advice(exc)}")
    return result


def _refused(result: FileRead, code: Code, detail: str) -> None:
    """The file as a whole is unusable: one issue, and nothing read from it is kept."""
    result.unit = None
    result.tables = {}
    result.issues = [
        i for i in result.issues if i.place.row is None and i.place.file == result.name
    ]
    result.issues.append(make_issue(code, Place(result.name), detail=detail))


def _read_into(wb: RawWorkbook, schema: IntakeSchema, result: FileRead) -> None:
    _file_checks(wb, schema, result)
    if any(i.code == Code.FILE_WRONG_CAMPAIGN.name for i in result.issues):
        return
    plan = plan_sheets(wb, schema)
    result.unit = _read_unit(wb, plan.unit, schema.unit, result)
    for spec in (*schema.nominee_sheets, schema.awards):
        names = plan.tables.get(spec.name, [])
        if not names:
            result.issues.append(
                make_issue(Code.SHEET_MISSING, Place(result.name, spec.name), sheet=spec.name)
            )
        rows = result.tables.setdefault(spec.name, [])
        for name in names:
            rows.extend(_read_table(wb.sheet(name), spec, result))
    for name, kind in plan.copies.items():
        place = Place(result.name, name)
        result.issues.append(make_issue(Code.SHEET_COPY_READ, place, sheet=name, kind=kind))
    for name, why in plan.unread:
        result.issues.append(
            make_issue(Code.SHEET_NOT_READ, Place(result.name, name), sheet=name, why=why)
        )


def _file_checks(wb: RawWorkbook, schema: IntakeSchema, result: FileRead) -> None:
    where = Place(result.name)
    if wb.format == "xls":
        result.issues.append(make_issue(Code.FILE_LEGACY_XLS, where))
    if wb.has_macros:
        result.issues.append(make_issue(Code.FILE_MACROS, where))
    meta = _meta(wb)
    if not meta:
        result.issues.append(make_issue(Code.FILE_NO_MARKER, where))
        return
    found = str(meta.get("campaign_id", ""))
    if found != schema.campaign_id:
        result.issues.append(
            make_issue(Code.FILE_WRONG_CAMPAIGN, where, found=found, expected=schema.campaign_id)
        )
    version = meta.get("template_version")
    if isinstance(version, int | float) and int(version) < TEMPLATE_VERSION:
        result.issues.append(
            make_issue(Code.FILE_OLD_TEMPLATE, where, found=int(version), expected=TEMPLATE_VERSION)
        )


def _meta(wb: RawWorkbook) -> dict[str, object]:
    meta = read_marker(wb)
    return meta if meta.get("generator") == "docgen" else {}


def read_marker(wb: RawWorkbook, sheet: str = META_SHEET) -> dict[str, object]:
    """Key → value pairs of a hidden marker sheet of a workbook we made ({} when absent)."""
    if not wb.has_sheet(sheet):
        return {}
    marker: dict[str, object] = {}
    for _, cells in wb.sheet(sheet).iter_rows():
        values = {c.col: c.value for c in cells}
        if isinstance(values.get(1), str):
            marker[str(values[1])] = values.get(2)
    return marker


def _read_unit(wb: RawWorkbook, name: str | None, spec: SheetSpec, result: FileRead) -> list[Row]:
    """The vertical unit form: key in column C (hidden) or label in column A, value in B."""
    if name is None:
        result.issues.append(
            make_issue(Code.SHEET_MISSING, Place(result.name, spec.name), sheet=spec.name)
        )
        return []
    sheet = wb.sheet(name)
    keys = {c.key: c for c in spec.columns}
    labels = keys_by_header(spec)
    rows: dict[str, Row] = {}
    for number, raw in sheet.iter_rows():
        by_col = {c.col: c for c in raw}
        key_text = _text(by_col.get(3)) or ""
        key = key_text if key_text in keys else labels.get(cell_key(_text(by_col.get(1)) or ""))
        if key and key not in rows:
            source = Source(result.name, sheet.name, number)
            rows[key] = Row(
                source, {key: _value_cell(by_col.get(2), keys[key].header, source, result)}
            )
    return list(rows.values())


def _read_table(sheet: RawSheet, spec: SheetSpec, result: FileRead) -> list[Row]:
    rows_iter = sheet.iter_rows()
    top: list[tuple[int, list[RawCell]]] = []
    for number, cells in rows_iter:
        top.append((number, cells))
        if number >= SCAN_ROWS:
            break
    texts = [(n, {c.col: t for c in cells if (t := _text(c))}) for n, cells in top]
    mapping = match_columns(spec, texts)
    where = Place(result.name, sheet.name)
    if mapping is None:
        result.issues.append(make_issue(Code.HEADER_NOT_FOUND, where, sheet=sheet.name))
        return []
    _missing_columns(spec, mapping, where, result)
    plan = _plan(mapping)
    rows = [
        r
        for n, cells in top
        if n >= mapping.data_start
        if (r := _row(n, cells, sheet, spec, plan, result))
    ]
    for number, cells in rows_iter:
        if number < mapping.data_start:
            continue  # only when the header sits on the last scanned row
        if (row := _row(number, cells, sheet, spec, plan, result)) is not None:
            rows.append(row)
    _merged(sheet, mapping, where, result)
    _gaps(sheet, mapping, where, result)
    return rows


def _gaps(sheet: RawSheet, mapping: ColumnMap, where: Place, result: FileRead) -> None:
    """Long blank runs inside the data: the rows after them are read, and pointed at."""
    for first, last in sheet.gaps:
        if first > mapping.data_start:
            place = Place(where.file, where.sheet, last + 1)
            result.issues.append(
                make_issue(
                    Code.ROW_AFTER_GAP, place, count=last - first + 1, first=first, last=last
                )
            )


def _missing_columns(spec: SheetSpec, mapping: ColumnMap, where: Place, result: FileRead) -> None:
    for column in spec.columns:
        if column.required and column.key not in mapping.columns:
            place = Place(where.file, where.sheet, header=column.header)
            result.issues.append(make_issue(Code.COLUMN_MISSING, place))


# Where each mapped column is: key, column index, column letter, header as found, the
# cell that stands for it when the row leaves it empty, and its short texts already read
# (text and font -> cell; only those read without a finding).
ColumnRoutes = list[tuple[str, int, str, str, Cell, dict[tuple[str, str | None], Cell]]]
_MEMO_CELLS = 4096  # per column of one sheet


def _plan(mapping: ColumnMap) -> ColumnRoutes:
    plan: ColumnRoutes = []
    for key, (col, header) in mapping.columns.items():
        letter = column_letter(col)
        plan.append((key, col, letter, header, _shared_cell(letter, header, None, None), {}))
    return plan


def _value_cell(raw: RawCell | None, header: str, source: Source, result: FileRead) -> Cell:
    """The unit form's value cell, in column B."""
    if raw is None:
        return _shared_cell("B", header, None, None)
    return _cell(raw, "B", header, source, result)


def _row(
    number: int,
    raw: list[RawCell],
    sheet: RawSheet,
    spec: SheetSpec,
    plan: ColumnRoutes,
    result: FileRead,
) -> Row | None:
    found = {c.col: c for c in raw}.get
    source = _new(Source, (result.name, sheet.name, number))
    cells: dict[str, Cell] = {}
    empty = True
    for key, col, letter, header, blank, memo in plan:
        read = found(col)
        if read is None:
            cells[key] = blank
            continue
        value = read.value
        if value.__class__ is str and len(value) <= _SHORT:
            cell = memo.get((value, read.font))
            if cell is None:
                before = len(result.issues)
                cell = _cell(read, letter, header, source, result)
                if len(result.issues) == before and len(memo) < _MEMO_CELLS:
                    memo[value, read.font] = cell
        else:
            cell = _cell(read, letter, header, source, result)
        cells[key] = cell
        empty = empty and cell.raw is None
    if empty:
        return None
    if number in sheet.hidden_rows:
        result.issues.append(make_issue(Code.ROW_HIDDEN, source.place()))
    return Row(source, cells)


def _cell(raw: RawCell, letter: str, header: str, source: Source, result: FileRead) -> Cell:
    if raw.error:
        place = source.place(letter, header)
        result.issues.append(make_issue(Code.CELL_ERROR_VALUE, place, raw.error))
        return Cell(letter, header, None, raw.font, reported=True)
    if raw.formula and not raw.cached:
        result.issues.append(make_issue(Code.CELL_FORMULA_NO_VALUE, source.place(letter, header)))
        return Cell(letter, header, None, raw.font, reported=True)
    value: object = raw.value
    if isinstance(value, str):
        value = _decode(value, raw.font, source, letter, header, result)
        if value is None or len(value) <= _SHORT:
            return _shared_cell(letter, header, value, raw.font)
    if isinstance(value, datetime) and value.time() == _MIDNIGHT:
        value = value.date()
    return _new(Cell, (letter, header, value, raw.font, False))


_new = tuple.__new__  # a named tuple's own __new__ is a Python function: once per cell
_MIDNIGHT = datetime.min.time()


@functools.lru_cache(maxsize=4096)
def _shared_cell(letter: str, header: str, value: str | None, font: str | None) -> Cell:
    """Cells are immutable: a column's repeated short values (choices) share one object."""
    return Cell(letter, header, value, font)


def _decode(
    text: str, font: str | None, source: Source, letter: str, header: str, result: FileRead
) -> str | None:
    """NFC, spaces cleaned; legacy TCVN3/VNI text converted with a warning."""
    normalise = _normalised_short if len(text) <= _SHORT else _normalised
    cleaned, encoding = normalise(text, font)
    if encoding:
        name = "TCVN3" if encoding == "tcvn3" else "VNI"
        place = source.place(letter, header)
        result.issues.append(
            make_issue(Code.TEXT_LEGACY_CONVERTED, place, text, encoding=name, converted=cleaned)
        )
    return cleaned or None


def _normalised(text: str, font: str | None) -> tuple[str, str | None]:
    """The text cleaned (converted first when it is legacy text) and its legacy encoding."""
    encoding = legacy.detect(text, font)
    if encoding:
        text = legacy.to_unicode(text, encoding, capitals=legacy.is_capitals_font(font))
    return clean(text), encoding


# Short values (choices, places, positions, unit names) repeat across rows and files: each
# distinct one is normalised once; the cache is bounded in entries and in their length.
_SHORT = 200
_normalised_short = functools.lru_cache(maxsize=2048)(_normalised)


def _text(cell: RawCell | None) -> str | None:
    if cell is None or not isinstance(cell.value, str):
        return None
    return clean(cell.value) or None


def _merged(sheet: RawSheet, mapping: ColumnMap, where: Place, result: FileRead) -> None:
    mapped = {col for col, _ in mapping.columns.values()}
    for min_row, min_col, max_row, max_col in sheet.merged:
        if max_row < mapping.data_start or not any(min_col <= c <= max_col for c in mapped):
            continue
        ref = f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}"
        place = Place(where.file, where.sheet, min_row, column_letter(min_col))
        result.issues.append(make_issue(Code.CELL_MERGED, place, range=ref))
