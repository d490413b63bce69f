"""docgen.workbook: streaming reads of received workbooks, and refusal of unsafe files.

Workbooks are built in code (openpyxl, or raw OOXML parts when a case needs exact XML).
The one binary fixture, tests/data/legacy.xls, was made with LibreOffice
(`soffice --headless --convert-to xls`) from an openpyxl workbook holding the cells
asserted in `test_legacy_xls`.
"""

from __future__ import annotations

import hashlib
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from docgen.errors import DocgenError
from docgen.issues.codes import Code, default_detail
from docgen.workbook import (
    RawCell,
    RawWorkbook,
    WorkbookRefused,
    check_zip,
    open_workbook,
    safety,
)
from docgen.workbook.raw import REFUSED
from docgen.workbook.xlsx_sheet import XlsxSheet

DATA = Path(__file__).parent / "data"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
# cellXfs: 0 General/Calibri, 1 built-in date 14/.VnTime, 2 custom dd/mm/yyyy, 3 [h]:mm, 4 0.00
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><name val=".VnTime"/></font></fonts>
<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="1"/>
<xf numFmtId="164" fontId="0"/><xf numFmtId="165" fontId="0"/><xf numFmtId="2" fontId="0"/></cellXfs>
<dxfs count="1"><dxf><font><name val="Wingdings"/></font></dxf></dxfs></styleSheet>"""


# ---------------------------------------------------------------- building workbooks


def sheet_xml(rows: str, after: str = "", before: str = "", prolog: str = "") -> str:
    """A worksheet part around `rows` (the inside of <sheetData>)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        f"{before}<sheetData>{rows}</sheetData>{after}</worksheet>"
    )


def write_package(
    path: Path,
    sheets: dict[str, str],
    *,
    shared: str | None = None,
    styles: str = STYLES,
    states: dict[str, str] | None = None,
    workbook_pr: str = "",
    main_type: str = XLSX_MAIN,
    extra: dict[str, bytes] | None = None,
    big_sheet: Callable[[Any], None] | None = None,
) -> Path:
    """A minimal OOXML package; `big_sheet` streams the last sheet's XML into the zip."""
    states = states or {}
    entries, rels, overrides = [], [], []
    for i, name in enumerate(sheets, 1):
        state = f' state="{states[name]}"' if name in states else ""
        entries.append(f'<sheet name="{name}" sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        )
    rels.append(f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>')
    if shared is not None:
        rels.append(
            f'<Relationship Id="rIdT" Type="{REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
        )
    overrides.append(f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(overrides)
            + "</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{workbook_pr}<sheets>{"".join(entries)}</sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>',
        )
        zf.writestr("xl/styles.xml", styles)
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", shared)
        for i, xml in enumerate(sheets.values(), 1):
            if big_sheet is not None and i == len(sheets):
                with zf.open(f"xl/worksheets/sheet{i}.xml", "w") as out:
                    big_sheet(out)
            else:
                zf.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def rewrite(path: Path, member: str, change: Callable[[str], str]) -> None:
    """Edit one member of a zip in place (e.g. add the cached value openpyxl never writes)."""
    with zipfile.ZipFile(path) as zf:
        items = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            if info.filename == member:
                data = change(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info, data)


def read_all(wb: RawWorkbook, name: str | None = None, **kw: Any) -> dict[tuple[int, int], RawCell]:
    """Every yielded cell of a sheet by (row, col)."""
    sheet = wb.sheet(name or wb.sheet_names[0])
    return {(c.row, c.col): c for _, cells in sheet.iter_rows(**kw) for c in cells}


def refused(path: Path) -> WorkbookRefused:
    """The refusal raised by open_workbook(path), also checked to be a proper DocgenError."""
    with pytest.raises(WorkbookRefused) as info:
        open_workbook(path)
    exc = info.value
    assert isinstance(exc, DocgenError)
    assert exc.message and unicodedata.is_normalized("NFC", exc.message)
    return exc


# ---------------------------------------------------------------- values and formatting


@pytest.fixture
def typed_book(tmp_path: Path) -> Path:
    """An openpyxl workbook with one cell of every kind, formulas given a cache afterwards."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["Họ và tên", 42, 2.5, True, "#REF!", 7.0])
    ws["A2"] = datetime(2023, 3, 5)
    ws["A2"].number_format = "dd/mm/yyyy"
    ws["B2"] = datetime(2023, 3, 5, 14, 30)
    ws["C2"] = time(8, 15)
    ws["D2"] = timedelta(hours=30)
    ws["E2"] = 45000
    ws["E2"].number_format = "#,##0"
    ws["A3"] = "=B1*2"  # cache added below
    ws["B3"] = '=A1&"!"'  # string result, cache added below
    ws["C3"] = "=1/0"  # never cached
    ws["A4"] = ""  # openpyxl drops it: nothing to read
    ws["F4"] = "   "  # whitespace is content; the consumer decides
    path = tmp_path / "typed.xlsx"
    wb.save(path)

    def cache(xml: str) -> str:
        xml = xml.replace("<f>B1*2</f><v></v>", "<f>B1*2</f><v>84</v>")
        xml = xml.replace('<c r="B3">', '<c r="B3" t="str">')
        return xml.replace('<f>A1&amp;"!"</f><v></v>', '<f>A1&amp;"!"</f><v>Họ và tên!</v>')

    rewrite(path, "xl/worksheets/sheet1.xml", cache)
    return path


@pytest.mark.parametrize(
    ("ref", "value", "formula", "cached", "error"),
    [
        pytest.param((1, 1), "Họ và tên", False, True, None, id="text"),
        pytest.param((1, 2), 42, False, True, None, id="int"),
        pytest.param((1, 3), 2.5, False, True, None, id="float"),
        pytest.param((1, 4), True, False, True, None, id="bool"),
        pytest.param((1, 5), None, False, True, "#REF!", id="error"),
        pytest.param((1, 6), 7, False, True, None, id="integral-float-as-int"),
        pytest.param((2, 1), datetime(2023, 3, 5), False, True, None, id="date"),
        pytest.param((2, 2), datetime(2023, 3, 5, 14, 30), False, True, None, id="datetime"),
        pytest.param((2, 3), time(8, 15), False, True, None, id="time"),
        pytest.param((2, 4), timedelta(hours=30), False, True, None, id="duration"),
        pytest.param((2, 5), 45000, False, True, None, id="number-format-not-date"),
        pytest.param((3, 1), 84, True, True, None, id="formula-cached-number"),
        pytest.param((3, 2), "Họ và tên!", True, True, None, id="formula-cached-string"),
        pytest.param((3, 3), None, True, False, None, id="formula-without-cache"),
        pytest.param((4, 6), "   ", False, True, None, id="whitespace-kept"),
    ],
)
def test_cell_values(
    typed_book: Path,
    ref: tuple[int, int],
    value: object,
    formula: bool,
    cached: bool,
    error: str | None,
) -> None:
    cell = read_all(open_workbook(typed_book))[ref]
    assert (cell.value, cell.formula, cell.cached, cell.error) == (value, formula, cached, error)
    assert type(cell.value) is type(value)
    assert cell.font == "Calibri"


def test_blank_cells_are_not_yielded(typed_book: Path) -> None:
    cells = read_all(open_workbook(typed_book))
    assert (4, 1) not in cells
    assert [c for (r, _), c in cells.items() if r == 4] == [cells[(4, 6)]]


def test_date_system_1904(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.active["A1"] = datetime(2001, 2, 3)
    wb.active["A1"].number_format = "dd/mm/yyyy"
    wb.save(tmp_path / "mac.xlsx")
    raw = open_workbook(tmp_path / "mac.xlsx")
    assert raw.date1904 is True
    assert read_all(raw)[(1, 1)].value == datetime(2001, 2, 3)


def test_1900_leap_year_bug(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" s="1"><v>59</v></c><c r="B1" s="1"><v>61</v></c><c r="C1" s="2"><v>1</v></c></row>'
    cells = read_all(open_workbook(write_package(tmp_path / "b.xlsx", {"S": sheet_xml(rows)})))
    assert cells[(1, 1)].value == datetime(1900, 2, 28)
    assert cells[(1, 2)].value == datetime(1900, 3, 1)  # serial 60 is Excel's phantom 29 Feb
    assert cells[(1, 3)].value == datetime(1900, 1, 1)


@pytest.fixture
def layout_book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for r in range(1, 8):
        ws.append([f"r{r}", r])
    ws.merge_cells("A1:B1")
    ws.merge_cells("A6:A7")
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["C"].hidden = True
    ws["A2"].font = Font(name=".VnTime")
    ws["B2"].font = Font(name="VNI-Times")
    wb.create_sheet("Ẩn").sheet_state = "hidden"
    wb.create_sheet("Rất ẩn").sheet_state = "veryHidden"
    wb["Ẩn"]["A1"] = "x"
    path = tmp_path / "layout.xlsx"
    wb.save(path)
    return path


def test_merged_hidden_and_fonts(layout_book: Path) -> None:
    wb = open_workbook(layout_book)
    sheet = wb.sheet("Danh sách")
    before = sheet.merged  # available before reading rows (one scan of the sheet)
    rows = list(sheet.iter_rows())
    assert [n for n, _ in rows] == list(range(1, 8))
    assert before == sheet.merged == [(1, 1, 1, 2), (6, 1, 7, 1)]
    assert sheet.hidden_rows == {3}
    assert sheet.hidden_cols == {3}
    fonts = {(c.row, c.col): c.font for _, cells in rows for c in cells}
    assert (
        fonts[(2, 1)] == ".VnTime" and fonts[(2, 2)] == "VNI-Times" and fonts[(1, 1)] == "Calibri"
    )


def test_sheet_states_and_order(layout_book: Path) -> None:
    wb = open_workbook(layout_book)
    assert wb.sheet_names == ["Danh sách", "Ẩn", "Rất ẩn"]
    assert [s.state for s in wb.sheets] == ["visible", "hidden", "veryHidden"]
    assert wb.sheet("Rất ẩn").state == "veryHidden"
    assert list(wb.sheet("Rất ẩn").iter_rows()) == []
    with pytest.raises(KeyError):
        wb.sheet("Không có")


def test_iterating_twice_gives_the_same_rows(layout_book: Path) -> None:
    sheet = open_workbook(layout_book).sheet("Danh sách")
    assert list(sheet.iter_rows()) == list(sheet.iter_rows())


SHARED = f"""<sst xmlns="{MAIN}" count="4" uniqueCount="4">
<si><t>Nguyễn Văn A</t></si>
<si><r><t>Trần </t></r><r><rPr><b/></rPr><t xml:space="preserve">Thị B</t></r>
<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="0"/></si>
<si><t/></si><si><t>R&amp;D &lt;1&gt;</t></si></sst>"""


@pytest.mark.parametrize(
    ("cell_xml", "expected"),
    [
        pytest.param('<c r="A1" t="s"><v>0</v></c>', "Nguyễn Văn A", id="shared"),
        pytest.param(
            '<c r="A1" t="s"><v>1</v></c>', "Trần Thị B", id="shared-rich-text-no-phonetic"
        ),
        pytest.param('<c r="A1" t="s"><v>3</v></c>', "R&D <1>", id="shared-escaped"),
        pytest.param(
            '<c r="A1" t="inlineStr"><is><t>Lê Văn C</t></is></c>', "Lê Văn C", id="inline"
        ),
        pytest.param(
            '<c r="A1" t="inlineStr"><is><r><t>Phạm </t></r><r><t>D</t></r><rPh><t>x</t></rPh></is></c>',
            "Phạm D",
            id="inline-rich-text",
        ),
        pytest.param(
            '<c r="A1" t="d"><v>2023-03-05T00:00:00</v></c>', datetime(2023, 3, 5), id="iso-date"
        ),
        pytest.param('<c r="A1" t="b"><v>0</v></c>', False, id="bool-false"),
        pytest.param('<c r="A1" s="4"><v>1.50</v></c>', 1.5, id="number-format-0.00"),
        pytest.param('<c r="A1" t="e"><v>#N/A</v></c>', None, id="error-na"),
    ],
)
def test_string_kinds(tmp_path: Path, cell_xml: str, expected: object) -> None:
    path = write_package(
        tmp_path / "s.xlsx", {"S": sheet_xml(f'<row r="1">{cell_xml}</row>')}, shared=SHARED
    )
    cells = read_all(open_workbook(path))
    assert cells[(1, 1)].value == expected


def test_empty_shared_string_is_blank(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>0</v></c></row>'
    path = write_package(tmp_path / "s.xlsx", {"S": sheet_xml(rows)}, shared=SHARED)
    assert list(read_all(open_workbook(path))) == [(1, 2)]


def test_positions_without_r_attributes(tmp_path: Path) -> None:
    rows = '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>'
    cells = read_all(open_workbook(write_package(tmp_path / "n.xlsx", {"S": sheet_xml(rows)})))
    assert {k: c.value for k, c in cells.items()} == {
        (1, 1): 1,
        (1, 2): 2,
        (1, 5): 5,
        (1, 6): 6,
        (2, 1): 7,
    }


def test_strict_namespace(tmp_path: Path) -> None:
    strict = sheet_xml('<row r="2"><c r="B2"><v>3</v></c></row>').replace(
        MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main"
    )
    cells = read_all(open_workbook(write_package(tmp_path / "strict.xlsx", {"S": strict})))
    assert cells[(2, 2)].value == 3


# ---------------------------------------------------------------- the empty-run stop


def formatted_to_the_bottom(out: Any) -> None:
    """10 real rows, then <row s="1" customFormat="1"/> down to row 1,048,576, then merges."""
    out.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
    for r in range(1, 11):
        out.write(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Dòng {r}</t></is></c><c r="B{r}"><v>{r}</v></c></row>'.encode()
        )
    for start in range(11, 1_048_577, 50_000):
        stop = min(start + 50_000, 1_048_577)
        out.write(
            "".join(f'<row r="{r}" s="1" customFormat="1"/>' for r in range(start, stop)).encode()
        )
    out.write(
        b'</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C2:D9"/></mergeCells></worksheet>'
    )


@pytest.fixture(scope="module")
def formatted_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "formatted.xlsx"
    return write_package(path, {"Dữ liệu": ""}, big_sheet=formatted_to_the_bottom)


def test_formatted_sheet_stops_after_real_rows(formatted_book: Path) -> None:
    sheet = open_workbook(formatted_book).sheet("Dữ liệu")
    assert isinstance(sheet, XlsxSheet)
    rows = list(sheet.iter_rows())
    assert [n for n, _ in rows] == list(range(1, 11))
    assert sheet.gaps == []
    # The parser stopped within its first chunks, not at row 1,048,576; the rest was
    # searched for values and scanned for merges, not parsed.
    assert 60 <= sheet.rows_visited < 10_000
    assert sheet.merged == [(1, 1, 1, 2), (2, 3, 9, 4)]


def formatted_with_a_late_nominee(out: Any) -> None:
    """Formatted to the bottom, with rows holding values after long formatted runs."""
    out.write(f'<?xml version="1.0"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>'.encode())
    late = {1: "Đầu", 54: "Sau 50 dòng trống", 300_000: "Rất xa", 1_048_576: "Dòng cuối"}
    for start in range(1, 1_048_577, 50_000):
        stop = min(start + 50_000, 1_048_577)
        out.write(
            "".join(
                f'<x:row r="{r}"><x:c r="B{r}" t="inlineStr"><x:is><x:t>{late[r]}</x:t></x:is></x:c></x:row>'
                if r in late
                else f'<x:row r="{r}" s="1" customFormat="1"><x:c r="A{r}" s="1"/></x:row>'
                for r in range(start, stop)
            ).encode()
        )
    out.write(
        b'</x:sheetData><x:mergeCells><x:mergeCell ref="A2:B3"/></x:mergeCells></x:worksheet>'
    )


def test_values_after_long_blank_runs_are_read(tmp_path: Path) -> None:
    path = write_package(tmp_path / "late.xlsx", {"S": ""}, big_sheet=formatted_with_a_late_nominee)
    sheet = open_workbook(path).sheet("S")
    assert isinstance(sheet, XlsxSheet)
    rows = [(n, [c.value for c in cells]) for n, cells in sheet.iter_rows()]
    assert rows == [
        (1, ["Đầu"]),
        (54, ["Sau 50 dòng trống"]),
        (300_000, ["Rất xa"]),
        (1_048_576, ["Dòng cuối"]),
    ]
    assert sheet.gaps == [(2, 53), (55, 299_999), (300_001, 1_048_575)]
    assert sheet.rows_visited < 20_000  # the blank runs were skipped, not parsed
    assert sheet.merged == [(2, 1, 3, 2)]


@pytest.mark.parametrize(
    ("rows", "expected", "gaps"),
    [
        pytest.param([1, 500], [1, 500], [(2, 499)], id="far-row-read"),
        pytest.param([1, 52], [1, 52], [(2, 51)], id="gap-of-50-reported"),
        pytest.param([1, 51], [1, 51], [], id="gap-of-49-quiet"),
        pytest.param([60], [60], [], id="leading-blank-rows"),
        pytest.param([1, 2, 3], [1, 2, 3], [], id="no-gap"),
    ],
)
def test_blank_runs(tmp_path: Path, rows: list[int], expected: list[int], gaps: list[Any]) -> None:
    filler = "".join(f'<row r="{r}" s="1"><c r="A{r}" s="1"/></row>' for r in range(1, 600))
    cells = {r: f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in rows}
    xml = "".join(
        cells.get(r, f'<row r="{r}" s="1"><c r="A{r}" s="1"/></row>') for r in range(1, 600)
    )
    del filler
    sheet = open_workbook(write_package(tmp_path / "e.xlsx", {"S": sheet_xml(xml)})).sheet("S")
    assert [n for n, _ in sheet.iter_rows()] == expected
    assert sheet.gaps == gaps


def test_skipped_rows_without_r_keep_their_numbers(tmp_path: Path) -> None:
    """Rows that give no number are counted while skipped, so the next one is numbered right."""
    xml = "<row><c><v>1</v></c></row>" + "<row/>" * 2000 + "<row><c><v>2</v></c></row>"
    sheet = open_workbook(write_package(tmp_path / "n.xlsx", {"S": sheet_xml(xml)})).sheet("S")
    assert [n for n, _ in sheet.iter_rows()] == [1, 2002]


# ---------------------------------------------------------------- macros, read-only


def test_xlsm_with_macros_is_read_as_data(tmp_path: Path) -> None:
    path = write_package(
        tmp_path / "m.xlsm",
        {"S": sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>')},
        main_type=XLSM_MAIN,
        extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA"},
    )
    wb = open_workbook(path)
    assert (wb.format, wb.has_macros) == ("xlsm", True)
    assert read_all(wb)[(1, 1)].value == 1


def test_plain_xlsx_has_no_macros(layout_book: Path) -> None:
    wb = open_workbook(layout_book)
    assert (wb.format, wb.has_macros, wb.date1904) == ("xlsx", False, False)


def test_input_file_is_unchanged(typed_book: Path) -> None:
    before = hashlib.sha256(typed_book.read_bytes()).hexdigest()
    with open_workbook(typed_book) as wb:
        for name in wb.sheet_names:
            list(wb.sheet(name).iter_rows())
            assert wb.sheet(name).merged is not None
    assert hashlib.sha256(typed_book.read_bytes()).hexdigest() == before


def test_legacy_xls() -> None:
    wb = open_workbook(DATA / "legacy.xls")
    assert (wb.format, wb.sheet_names, wb.has_macros) == ("xls", ["Danh sách", "Ẩn"], False)
    sheet = wb.sheet("Danh sách")
    cells = read_all(wb, "Danh sách")
    assert cells[(1, 1)].value == "Họ và tên" and cells[(1, 1)].font == "Times New Roman"
    assert cells[(2, 2)].value == datetime(1990, 5, 12)
    assert [cells[(2, c)].value for c in (3, 4, 5)] == [3, 2.5, True]
    assert type(cells[(2, 3)].value) is int
    assert cells[(3, 1)].font == ".VnTime"
    assert (sheet.merged, sheet.hidden_rows) == ([(5, 1, 5, 2)], {4})
    assert wb.sheet("Ẩn").state == "hidden"


# ---------------------------------------------------------------- refusals


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _patch_central(path: Path, index: int, offset: int, value: bytes) -> None:
    """Overwrite bytes of the index-th central-directory record (fields the zip trusts)."""
    data = bytearray(path.read_bytes())
    pos = -1
    for _ in range(index + 1):
        pos = data.index(b"PK\x01\x02", pos + 1)
    data[pos + offset : pos + offset + len(value)] = value
    path.write_bytes(bytes(data))


def _bomb(path: Path) -> Path:
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("xl/worksheets/sheet1.xml", "w") as out,
    ):
        block = bytes(1 << 20)
        for _ in range(300):  # 300 MB of zeros, ~300 KB on disk
            out.write(block)
    return path


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f']><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'
)
XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _unsafe_shared(p: Path) -> Path:
    return write_package(
        p, {"S": sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')}, shared=LAUGHS
    )


def _unsafe_sheet(p: Path) -> Path:
    return write_package(
        p,
        {
            "S": sheet_xml(
                '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>', prolog=XXE
            )
        },
    )


def _unsafe_workbook_part(p: Path) -> Path:
    path = write_package(p, {"S": sheet_xml("")})
    rewrite(
        path,
        "xl/workbook.xml",
        lambda x: '<!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd">' + x,
    )
    return path


def _ok(p: Path) -> Path:
    return write_package(p, {"S": sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>')})


def _encrypted(p: Path) -> Path:
    _ok(p)
    _patch_central(p, 0, 8, b"\x01")  # general-purpose flag bit 0: encrypted
    return p


def _lying_size(p: Path) -> Path:
    write_package(p, {"S": sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>' * 2000)})
    with zipfile.ZipFile(p) as zf:
        index = zf.namelist().index("xl/worksheets/sheet1.xml")
    _patch_central(p, index, 24, (100).to_bytes(4, "little"))  # claims 100 bytes inflated
    return p


def _overlapping(p: Path) -> Path:
    _zip(p, {"a.xml": b"<a/>" * 100, "b.xml": b"<b/>" * 100})
    _patch_central(p, 1, 42, (0).to_bytes(4, "little"))  # b's data "starts" at a's
    return p


def _word(p: Path) -> Path:
    ct = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    rels = f'<Relationships xmlns="{PKG_REL}"><Relationship Id="r" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    return _zip(
        p,
        {
            "[Content_Types].xml": ct.encode(),
            "_rels/.rels": rels.encode(),
            "word/document.xml": b"<w/>",
        },
    )


def _truncated(p: Path) -> Path:
    data = _ok(p).read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _raw(data: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


def _password_protected(p: Path) -> Path:
    """What Excel writes for "Encrypt with Password": the package inside an OLE2 envelope."""
    plain = _ok(p.with_name("plain.xlsx"))
    with plain.open("rb") as source, p.open("wb") as out:
        OOXMLFile(source).encrypt("mat-khau", out)
    return p


HTML = b"<html><body><table><tr><td>1</td></tr></table></body></html>"
REFUSALS: list[Any] = [
    pytest.param(_raw(b""), "FILE_EMPTY", id="empty-file"),
    pytest.param(
        _raw("Họ tên;Ngày sinh\nA;1/1/1990\n".encode()), "FILE_NOT_WORKBOOK", id="csv-renamed"
    ),
    pytest.param(_raw(b"\x89PNG\r\n\x1a\n" + bytes(64)), "FILE_NOT_WORKBOOK", id="png"),
    pytest.param(_raw(HTML), "FILE_NOT_WORKBOOK", id="html-as-xls"),
    pytest.param(_raw(safety.OLE2_MAGIC + bytes(600)), "FILE_XLS_UNREADABLE", id="broken-ole2"),
    pytest.param(_truncated, "FILE_CORRUPT", id="truncated-zip"),
    pytest.param(lambda p: _zip(p, {"hello.txt": b"hi"}), "FILE_NOT_WORKBOOK", id="plain-zip"),
    pytest.param(_word, "FILE_NOT_WORKBOOK", id="docx-renamed"),
    pytest.param(_overlapping, "FILE_ZIP_BOMB", id="overlapping-members"),
    pytest.param(_lying_size, "FILE_CORRUPT", id="central-size-lies"),
    pytest.param(_encrypted, "FILE_ENCRYPTED", id="encrypted-member"),
    pytest.param(_password_protected, "FILE_ENCRYPTED", id="password-protected-xlsx"),
    pytest.param(lambda p: _zip(p, {"../evil.xml": b"x"}), "FILE_CORRUPT", id="dotdot-name"),
    pytest.param(lambda p: _zip(p, {"/etc/evil.xml": b"x"}), "FILE_CORRUPT", id="absolute-name"),
    pytest.param(
        lambda p: _zip(p, {"a.xml": b"x" * 10}, zipfile.ZIP_BZIP2),
        "FILE_CORRUPT",
        id="bzip2-member",
    ),
    pytest.param(_unsafe_shared, "FILE_XML_UNSAFE", id="billion-laughs-shared-strings"),
    pytest.param(_unsafe_sheet, "FILE_XML_UNSAFE", id="external-entity-sheet"),
    pytest.param(_unsafe_workbook_part, "FILE_XML_UNSAFE", id="external-dtd-workbook"),
]


@pytest.mark.parametrize(("make", "code"), REFUSALS)
def test_refusals(tmp_path: Path, make: Callable[[Path], Path], code: str) -> None:
    path = make(tmp_path / "received.xlsx")
    before = path.read_bytes()
    assert refused(path).code == code
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("limit", "value", "code"),
    [
        pytest.param("MAX_FILE_BYTES", 100, "FILE_TOO_LARGE", id="file-size"),
        pytest.param("MAX_TOTAL_UNCOMPRESSED", 1000, "FILE_TOO_LARGE", id="inflated-size"),
        pytest.param("MAX_MEMBERS", 3, "FILE_ZIP_BOMB", id="member-count"),
    ],
)
def test_limits_are_configurable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int, code: str
) -> None:
    path = _ok(tmp_path / "ok.xlsx")
    check_zip(path)  # passes with the real limits
    monkeypatch.setattr(safety, limit, value)
    with pytest.raises(WorkbookRefused) as info:
        check_zip(path)
    assert info.value.code == code


def test_check_zip_accepts_a_normal_workbook(typed_book: Path) -> None:
    check_zip(typed_book)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bomb(tmp_path_factory.mktemp("bomb") / "bomb.xlsx")


def test_zip_bomb_is_refused_from_the_central_directory(bomb: Path) -> None:
    with pytest.raises(WorkbookRefused) as info:
        check_zip(bomb)
    assert info.value.code == "FILE_ZIP_BOMB"
    assert refused(bomb).code == "FILE_ZIP_BOMB"


def test_stream_cap_holds_even_if_zipfile_would_not(tmp_path: Path) -> None:
    """The byte counter refuses more output than the checked size, whatever zipfile does."""
    stream = safety.BoundedStream(_FakeInflate(b"x" * 10), limit=5)
    with pytest.raises(WorkbookRefused) as info:
        stream.read(100)
    assert info.value.code == "FILE_ZIP_BOMB"


class _FakeInflate:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, n: int = -1) -> bytes:
        return self.data


def test_messages_are_vietnamese_nfc() -> None:
    for name in REFUSED:
        code = Code[name]
        message = default_detail(code)
        assert name.startswith("FILE_")
        assert unicodedata.is_normalized("NFC", message)
        assert "Tệp" in message or "tệp" in message


def test_other_zip_formats_are_named(tmp_path: Path) -> None:
    ods = _zip(
        tmp_path / "a.xlsx",
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
    )
    assert refused(ods).code == "FILE_CORRUPT" and ".ods" in refused(ods).message  # read, damaged
    xlsb_type = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
    xlsb = write_package(tmp_path / "b.xlsx", {"S": sheet_xml("")}, main_type=xlsb_type)
    assert refused(xlsb).code == "FILE_NOT_WORKBOOK" and ".xlsb" in refused(xlsb).message


def test_damage_deep_in_a_sheet_is_refused_while_reading(tmp_path: Path) -> None:
    """Streaming means damage past the first chunk surfaces from iter_rows, as a refusal."""
    good = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 5001))
    path = write_package(
        tmp_path / "d.xlsx", {"S": sheet_xml(good + '<row r="5001"><c><v>1</x></c></row>')}
    )
    sheet = open_workbook(path).sheet("S")
    with pytest.raises(WorkbookRefused) as info:
        list(sheet.iter_rows())
    assert info.value.code == "FILE_CORRUPT"


def test_merges_after_the_consumer_breaks_early(layout_book: Path) -> None:
    sheet = open_workbook(layout_book).sheet("Danh sách")
    for number, _ in sheet.iter_rows():
        if number == 2:
            break
    assert sheet.merged == [(1, 1, 1, 2), (6, 1, 7, 1)]


# ---------------------------------------------------------------- the collector's thresholds


@pytest.mark.parametrize(
    "before",
    [
        pytest.param((700, 10, 10), id="default"),
        pytest.param((0, 10, 10), id="disabled-stays-disabled"),
        pytest.param((100_000, 5, 5), id="already-raised"),
    ],
)
def test_fewer_collections_restores_the_thresholds(before: tuple[int, int, int]) -> None:
    import gc

    from docgen.gctune import YOUNG, fewer_collections

    saved = gc.get_threshold()
    try:
        gc.set_threshold(*before)
        with pytest.raises(ZeroDivisionError), fewer_collections():
            assert gc.get_threshold()[0] in (YOUNG, before[0])
            assert gc.get_threshold()[0] >= before[0]
            1 / 0  # noqa: B018 - restored even when the block fails
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*saved)


# ---------------------------------------------------------------- narrowing to a few columns


def _narrowed(sheet: Any) -> list[tuple[int, list[tuple[int, object]]]]:
    """Rows read, narrowed to columns 1 and 3 once row 1 (the code row) has been seen."""
    out = []
    for number, cells in sheet.iter_rows():
        out.append((number, [(c.col, c.value) for c in cells]))
        if number == 1:
            sheet.narrow([1, 3])
    return out


NARROW_ROWS = (
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'
    '<row r="2"><c r="A2"><v>4</v></c><c r="B2" t="inlineStr"><is><t>dài</t></is></c>'
    '<c r="C2" t="inlineStr"><is><t>x</t></is></c></row>'
    '<row r="3"><c r="B3"><v>7</v></c></row>'
    '<row r="4"><c r="C4" t="e"><v>#N/A</v></c></row>'
)
NARROWED = [(1, [(1, 1), (2, 2), (3, 3)]), (2, [(1, 4), (3, "x")]), (4, [(3, None)])]


def test_narrowed_xlsx_sheet_skips_the_other_columns(tmp_path: Path) -> None:
    sheet = open_workbook(write_package(tmp_path / "n.xlsx", {"S": sheet_xml(NARROW_ROWS)})).sheet(
        "S"
    )
    assert _narrowed(sheet) == NARROWED
    # A new iteration reads every column again.
    assert [len(cells) for _, cells in sheet.iter_rows()] == [3, 3, 1, 1]


def test_narrowed_openpyxl_workbook_gives_the_same_rows(tmp_path: Path) -> None:
    """The same from a workbook as openpyxl writes it (shared strings, a formula)."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "S"
    for ref, value in {"A1": 1, "B1": 2, "C1": 3, "A2": 4, "B2": "dài", "C2": "x", "B3": 7}.items():
        ws[ref] = value
    ws["C4"] = "=1/0"
    xlsx = tmp_path / "n.xlsx"
    book.save(xlsx)
    sheet = open_workbook(xlsx).sheet("S")
    rows = _narrowed(sheet)
    assert rows[:2] == NARROWED[:2]
    assert [n for n, _ in rows] == [1, 2, 4]


def test_narrowing_reaches_rows_parsed_after_it(tmp_path: Path) -> None:
    """Rows in later chunks are skipped by the parser target itself, with the same result."""
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>{"tóm tắt " * 20}</t></is></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>c{r}</t></is></c></row>'
        for r in range(1, 3001)
    )
    sheet = open_workbook(write_package(tmp_path / "w.xlsx", {"S": sheet_xml(rows)})).sheet("S")
    read = _narrowed(sheet)
    assert len(read) == 3000
    assert read[0][1][1] == (2, "tóm tắt " * 20)  # before narrowing: every column
    assert all(cells == [(1, n), (3, f"c{n}")] for n, cells in read[1:])


def test_a_read_sheet_leaves_no_parser_for_the_garbage_collector(typed_book: Path) -> None:
    """Parsers and their buffers are freed as soon as a part is read, not by a later GC pass
    (reading raises the collector's thresholds, so cycles would pile up meanwhile)."""
    import gc

    def parsers() -> int:
        return sum(type(o).__name__ == "xmlparser" for o in gc.get_objects())

    gc.collect()
    before = parsers()
    gc.disable()
    try:
        wb = open_workbook(typed_book)
        for name in wb.sheet_names:
            list(wb.sheet(name).iter_rows())
        del wb
        assert parsers() == before
    finally:
        gc.enable()
