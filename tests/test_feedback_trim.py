"""The feedback copy costs what the data does: blank rows formatted far below the data are left out
of the copy openpyxl makes, values and nearby input rows are kept, and peak memory stays near
what reading alone costs."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import IO

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from docgen.campaign import Campaign
from docgen.workbook import open_workbook
from docgen.workbook.safety import open_zip
from docgen.workbook.trim import KEEP_BLANK, KEEP_COLUMNS, trimmed_package
from tests.conftest import GOOD_INDIVIDUAL, ROOT, MakeWorkbook, forms_only
from tests.test_workbook import read_all, sheet_xml, write_package


def _value(r: int) -> str:
    return f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>người {r}</t></is></c></row>'


def _blank(r: int) -> str:
    return f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="2"/></row>'


def _rows(numbers: range, row: object = _blank) -> str:
    return "".join(row(r) for r in numbers)  # type: ignore[operator]


B = KEEP_BLANK
# (id, inside of <sheetData>, rows kept)
CASES: list[tuple[str, str, list[int]]] = [
    ("formatted to the bottom", _rows(range(1, 4), _value) + _rows(range(4, 5000)),
     [*range(1, 4 + B)]),
    ("short gap kept", _value(1) + _rows(range(2, 7)) + _value(7), [*range(1, 8)]),
    ("long gap cut, late row kept", _value(1) + _rows(range(2, 1200)) + _value(1200),
     [*range(1, 2 + B), 1200]),
    ("blank rows above the data", _rows(range(1, 3)) + _value(3), [1, 2, 3]),
    ("formula and value cells count",
     '<row r="1"><c r="A1"><f>1+1</f></c></row><row r="2"><c r="A2"><v>3</v></c></row>'
     + _rows(range(3, 400)), [*range(1, 3 + B)]),
    ("unnumbered rows", '<row><c t="inlineStr"><is><t>a</t></is></c></row>'
     + "".join('<row s="1" customFormat="1"/>' for _ in range(500)), [*range(1, 2 + B)]),
    ("a comment between rows stops trimming", _value(1) + "<!-- x -->" + _rows(range(2, 400)),
     [*range(1, 400)]),
]  # fmt: skip


def _kept(path: Path) -> list[int]:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    return [int(n) for n in re.findall(r'<row r="(\d+)"', xml)]


def _trim(path: Path) -> Path:
    with open_zip(path.read_bytes()) as archive:
        data = trimmed_package(archive)
    out = path.with_name("trimmed.xlsx")
    out.write_bytes(data)
    return out


@pytest.mark.parametrize(("rows", "kept"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_far_blank_rows_are_left_out(tmp_path: Path, rows: str, kept: list[int]) -> None:
    source = write_package(tmp_path / "a.xlsx", {"S": sheet_xml(rows)})
    out = _trim(source)
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert (_kept(out) if 'r="' in rows else list(range(1, xml.count("<row") + 1))) == kept
    # The values read from the copy are the values of the received file, cell for cell.
    assert read_all(open_workbook(out)) == read_all(open_workbook(source))


STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"


def test_prefixed_rows_and_every_other_part_unchanged(tmp_path: Path) -> None:
    rows = (
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>'
        + "".join(
            f'<x:row r="{r}" s="1" customFormat="1"><x:c r="A{r}" s="1"/></x:row>'
            for r in range(2, 600)
        )
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{STRICT}">'
        f"<x:sheetData>{rows}</x:sheetData></x:worksheet>"
    )
    source = write_package(tmp_path / "a.xlsx", {"S": xml, "T": sheet_xml(_value(1))})
    out = _trim(source)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "xl/worksheets/sheet1.xml":
                assert a.read(name) == b.read(name)
        assert b.read("xl/worksheets/sheet1.xml").count(b"<x:row") == 1 + B
    assert read_all(open_workbook(out)) == read_all(open_workbook(source))


def test_blank_rows_spread_between_data_stay_within_the_budget(tmp_path: Path) -> None:
    content = range(1, 30_001, 150)  # a nominee every 150 rows, formatted rows between
    rows = "".join(_value(r) + _rows(range(r + 1, r + 150)) for r in content)
    kept = _kept(_trim(write_package(tmp_path / "a.xlsx", {"S": sheet_xml(rows)})))
    assert set(content) <= set(kept)
    assert len(kept) <= len(content) + B + len(content)


def _formatted(path: Path, last: int, out: IO[bytes], sheet: bytes) -> None:
    """The sheet's XML with rows of styled empty cells (and a row style) down to `last`."""
    head, tail = sheet.split(b"</sheetData>", 1)
    first = int(head.rsplit(b'<row r="', 1)[1].split(b'"', 1)[0]) + 1
    out.write(head)
    for start in range(first, last + 1, 5000):
        out.write(
            "".join(
                f'<row r="{r}" s="1" customFormat="1">'
                + "".join(f'<c r="{c}{r}" s="1"/>' for c in "ABCD")
                + "</row>"
                for r in range(start, min(start + 5000, last + 1))
            ).encode()
        )
    out.write(b"</sheetData>" + tail)


def formatted_workbook(make_workbook: MakeWorkbook, last: int) -> Path:
    """A form with ten nominees (one with a mistake) on a sheet formatted down to row `last`."""
    people = [
        {**GOOD_INDIVIDUAL, "ho_ten": f"Nguyễn Văn {chr(65 + i)}", "ngay_sinh": f"0{i}/01/1990"}
        for i in range(1, 10)
    ]
    people[3]["gioi_tinh"] = "Khác"
    plain = make_workbook("plain.xlsx", individuals=people, folder=Path("tam"))
    path = Path("phieu") / "big.xlsx"
    path.parent.mkdir()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if b">ho_ten<" not in data:
                dst.writestr(info.filename, data)
                continue
            with dst.open(info.filename, "w") as out:
                _formatted(path, last, out, data)
    return path.absolute()


def test_the_copy_holds_the_data_rows_not_the_formatted_range(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    from docgen.feedback.write import _annotated_copy
    from docgen.validate.run import validate_folder

    path = formatted_workbook(make_workbook, 20_000)
    report = validate_folder(forms_only(campaign), path.parent)
    wb = _annotated_copy(path, report.issues_of(path.name), "big.xlsx")
    assert not isinstance(wb, str), wb
    ws = wb["Cá nhân"]
    assert ws.max_row <= 2 + 9 + KEEP_BLANK  # key and header rows, nine nominees, input rows
    assert ws["A3"].value == "Nguyễn Văn B" and ws["A11"].value == "Nguyễn Văn J"


_CHILD = """
import json, sys
from pathlib import Path
from docgen.campaign import load_campaign
from docgen.validate.run import validate_folder
report = validate_folder(load_campaign(Path(sys.argv[1])), Path(sys.argv[2]))
if sys.argv[3] == "feedback":
    from docgen.feedback.write import write_feedback
    write_feedback(report, Path(sys.argv[2]), Path(sys.argv[4]))
hwm = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM"))
print(json.dumps({"peak_mb": int(hwm.split()[1]) / 1024, "errors": len(report.errors)}))
"""


def _peak(campaign_file: Path, folder: Path, what: str, out: Path) -> dict[str, float]:
    command = [sys.executable, "-c", _CHILD, str(campaign_file), str(folder), what, str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="VmHWM is read from /proc")
def test_feedback_peak_memory_follows_the_data(make_workbook: MakeWorkbook) -> None:
    from tests.conftest import CAMPAIGN_FILE

    path = formatted_workbook(make_workbook, 100_000)
    reading = _peak(CAMPAIGN_FILE, path.parent, "read", path.parent / "ra")
    feedback = _peak(CAMPAIGN_FILE, path.parent, "feedback", path.parent / "ra")
    assert reading["errors"] == feedback["errors"] == 1
    assert feedback["peak_mb"] < reading["peak_mb"] + 40, (reading, feedback)


def test_trimming_never_reads_more_than_the_checked_package(tmp_path: Path) -> None:
    source = write_package(tmp_path / "a.xlsx", {"S": sheet_xml(_value(1))})
    with open_zip(source.read_bytes()) as archive:
        assert zipfile.ZipFile(io.BytesIO(trimmed_package(archive))).testzip() is None


def _wide(r: int, value: bool) -> str:
    """Row `r` formatted across 2,000 columns (a whole row formatted cell by cell)."""
    cells = "".join(f'<c r="{get_column_letter(c)}{r}" s="1"/>' for c in range(2, 2001))
    first = f'<c r="A{r}" t="inlineStr"><is><t>người {r}</t></is></c>' if value else ""
    far = f'<c r="BXX{r}"><v>{r}</v></c>' if value else ""
    return f'<row r="{r}">{first}{cells}{far}</row>'


def test_empty_cells_far_right_are_left_out(tmp_path: Path) -> None:
    rows = "".join(_wide(r, r <= 5) for r in range(1, 40))
    source = write_package(tmp_path / "a.xlsx", {"S": sheet_xml(rows)})
    out = _trim(source)
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert _kept(out) == list(range(1, 40))
    # Columns up to KEEP_COLUMNS (A holds a value on the first five rows only) and the far values.
    assert xml.count("<c ") == 5 * (KEEP_COLUMNS + 1) + 34 * (KEEP_COLUMNS - 1)
    assert read_all(open_workbook(out)) == read_all(open_workbook(source))


def test_a_value_far_right_does_not_fill_the_copy_with_cells(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    from docgen.feedback.write import _annotated_copy
    from docgen.validate.run import validate_folder

    path = make_workbook(individuals=[{**GOOD_INDIVIDUAL, "gioi_tinh": "Khác"}])
    wb = load_workbook(path)
    wb["Cá nhân"]["BXX3"] = "ghi chú của đơn vị"
    wb.save(path)
    report = validate_folder(forms_only(campaign), path.parent)
    copy = _annotated_copy(path, report.issues_of(path.name), path.name)
    assert not isinstance(copy, str), copy
    assert copy["Cá nhân"]["BXX3"].value == "ghi chú của đơn vị"
    assert sum(len(ws._cells) for ws in copy.worksheets) < 30_000


MERGES = [
    ("down the formatted rows", "A5:C5000", "A5:C203"),
    ("across the whole row", "A1:XFD1", "A1:BL1"),
    ("inside the data", "A2:B3", "A2:B3"),
    ("far right", "XFA2:XFD2", None),
    ("below everything kept", "A4000:B4001", "A4000:B4000"),
]


@pytest.mark.parametrize(("merged", "clipped"), [c[1:] for c in MERGES], ids=[c[0] for c in MERGES])
def test_merged_ranges_are_clipped_to_what_is_kept(
    tmp_path: Path, merged: str, clipped: str | None
) -> None:
    rows = _rows(range(1, 4), _value) + _rows(range(4, 1000))
    after = f'<mergeCells count="1"><mergeCell ref="{merged}"/></mergeCells>'
    out = _trim(write_package(tmp_path / "a.xlsx", {"S": sheet_xml(rows, after=after)}))
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert re.findall(r'<mergeCell ref="([^"]+)"/>', xml) == ([clipped] if clipped else [])


def _merge(path: Path, ref: str) -> None:
    """Merge `ref` on the individuals sheet, editing its XML as Excel would have saved it."""
    with zipfile.ZipFile(path) as zf:
        items = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            if b">ho_ten<" in data:
                merge = f'<mergeCell ref="{ref}"/>'.encode()
                if b"<mergeCells" in data:
                    data = re.sub(rb"(<mergeCells[^>]*>)", rb"\1" + merge, data)
                else:
                    tag = re.search(rb"<(sheetProtection|autoFilter)[^>]*/>", data)
                    at = tag.end() if tag else data.index(b"</sheetData>") + 12
                    data = data[:at] + b"<mergeCells>" + merge + b"</mergeCells>" + data[at:]
            zf.writestr(info, data)


def test_a_range_merged_to_the_bottom_does_not_fill_the_copy(
    campaign: Campaign, make_workbook: MakeWorkbook
) -> None:
    from docgen.feedback.write import _annotated_copy
    from docgen.validate.run import validate_folder

    path = make_workbook(individuals=[{**GOOD_INDIVIDUAL, "gioi_tinh": "Khác"}])
    _merge(path, "A300:T100000")  # openpyxl itself would build two million cells to write it
    report = validate_folder(forms_only(campaign), path.parent)
    assert [i.place.row for i in report.issues if i.code == "CELL_MERGED"] == [300]
    copy = _annotated_copy(path, report.issues_of(path.name), path.name)
    assert not isinstance(copy, str), copy
    assert sum(len(ws._cells) for ws in copy.worksheets) < 30_000
