"""Tables: borderless layout grids (header, signatures) and ruled data tables with row loops."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell, _Row

from tools.templates.blocks import Part, b, para

TABLE_SIZE = 13
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def grid(
    doc: DocumentObject, widths_mm: Sequence[float], rows: int = 1, ruled: bool = False
) -> Table:
    """A fixed-layout table of `rows` rows with the given column widths, ruled or borderless."""
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_borders(table._tbl.tblPr, "single" if ruled else "nil")
    if not ruled:
        _no_side_margins(table._tbl.tblPr)
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    for cell in table._cells:
        _clear(cell)
    return table


def cell_text(cell: _Cell, *parts: Part, align: str = "center", size: float = TABLE_SIZE) -> None:
    """Write one paragraph into a table cell, single spaced, with a little space around."""
    para(cell, *parts, align=align, size=size, after=2, before=2, spacing=1.0)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def header_row(table: Table, titles: Sequence[str]) -> None:
    """Fill the first row with bold centred titles, repeated on every page."""
    row = table.rows[0]
    for cell, title in zip(row.cells, titles, strict=True):
        cell_text(cell, b(title))
    keep_whole(row)
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def tag_row(table: Table, statement: str) -> None:
    """A row holding only a docxtpl row tag (`{%tr for … %}`), removed when rendering."""
    row = table.add_row()
    for cell in row.cells:
        _clear(cell)
    para(row.cells[0], statement, align="left", size=TABLE_SIZE, after=0, spacing=1.0)


def data_row(table: Table, cells: Sequence[Sequence[Part]], aligns: Sequence[str]) -> None:
    """A row of cells, each a sequence of runs (a literal, a tag, or both)."""
    row = table.add_row()
    keep_whole(row)
    for cell, parts, align in zip(row.cells, cells, aligns, strict=True):
        _clear(cell)
        cell_text(cell, *parts, align=align)


def keep_whole(row: _Row) -> None:
    """Never break this row across pages (w:cantSplit, first in w:trPr by schema order)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def loop_rows(
    table: Table, var: str, items: str, cells: Sequence[Sequence[Part]], aligns: Sequence[str]
) -> None:
    """`{%tr for var in items %}`, one data row, `{%tr endfor %}`."""
    tag_row(table, f"{{%tr for {var} in {items} %}}")
    data_row(table, cells, aligns)
    tag_row(table, "{%tr endfor %}")


def empty_rows(table: Table, items: str, note: str) -> None:
    """A single merged row with `note` (e.g. "(Chưa có)") shown only when `items` is empty."""
    tag_row(table, f"{{%tr if not {items} %}}")
    row = table.add_row()
    keep_whole(row)
    merged = row.cells[0].merge(row.cells[-1])
    _clear(merged)
    cell_text(merged, note)
    tag_row(table, "{%tr endif %}")


def _clear(cell: _Cell) -> None:
    """Remove every paragraph of a cell (python-docx gives each new cell an empty one)."""
    for paragraph in cell._tc.findall(qn("w:p")):
        cell._tc.remove(paragraph)


def _set_borders(tbl_pr: object, value: str) -> None:
    style = tbl_pr.find(qn("w:tblStyle"))  # type: ignore[attr-defined]
    if style is not None:
        tbl_pr.remove(style)  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for side in _SIDES:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        if value != "nil":
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    # Schema order: w:tblBorders comes before w:shd, w:tblLayout, w:tblCellMar, w:tblLook.
    for name in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        anchor = tbl_pr.find(qn(name))  # type: ignore[attr-defined]
        if anchor is not None:
            anchor.addprevious(borders)
            return
    tbl_pr.append(borders)  # type: ignore[attr-defined]


def _no_side_margins(tbl_pr: object) -> None:
    """Layout grids use the full column width (rules are centred on exact widths)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    look = tbl_pr.find(qn("w:tblLook"))  # type: ignore[attr-defined]
    if look is None:
        tbl_pr.append(margins)  # type: ignore[attr-defined]
    else:
        look.addprevious(margins)


def fill_empty_cells(doc: DocumentObject) -> None:
    """Give every cell left without a paragraph an empty one (OOXML requires it)."""
    for tc in doc.element.body.iter(qn("w:tc")):
        if tc.find(qn("w:p")) is None:
            tc.append(OxmlElement("w:p"))
