"""The parser target of a worksheet: finished rows, hidden rows and columns, row positions."""

from __future__ import annotations

from typing import Any

from docgen.workbook.cells import (
    COLUMNS,
    DIGITS,
    TRUE_TEXT,
    Book,
    column_index,
    index_attr,
    iso_value,
)
from docgen.workbook.raw import MAX_COL, MAX_ROW, CellValue, RawCell, RawSheet, Row
from docgen.workbook.strings import xstring


class SheetTarget:
    """Parser target for a worksheet: collects finished rows, hidden rows and hidden columns.

    Tags are compared by local name so both the transitional and the strict namespace work.
    """

    def __init__(
        self,
        book: Book,
        hidden_rows: set[int],
        hidden_cols: set[int],
        sheet: RawSheet | None = None,
    ) -> None:
        self.book = book
        self.sheet = sheet  # whose `columns` (see RawSheet.narrow) says which cells to keep
        self.rows: list[Row] = []  # finished since the last `take`
        self.hidden_rows = hidden_rows
        self.hidden_cols = hidden_cols
        self.visited = 0  # <row> elements parsed: proves how far the parser went
        self.parser: Any = None  # the expat parser feeding this target (for byte positions)
        self.closed_row = 0  # number of the last row ended
        self.closed_at = -1  # parser byte index of that row's end tag
        self.last_content = 0  # number of the last row that held a cell with content
        self._names: dict[str, str] = {}
        self._row = 0
        self._cells: list[RawCell] = []
        self._col = 0
        self._text = ""  # the open cell's <v> or inline-string text (usually one data call)
        self._collect = False
        self._attrib: dict[str, str] = {}  # the open cell's attributes
        self._formula = False
        self._has_value = False
        self._in_is = False
        self._phonetic = 0

    def take(self) -> list[Row]:
        """Rows finished since the last call."""
        rows, self.rows = self.rows, []
        return rows

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """Element start: the frequent cases first."""
        name = self._names.get(tag) or self._learn(tag)
        if name == "c":
            ref = attrib.get("r")
            if ref:  # the cache hit is the common case; column_index validates the rest
                self._col = COLUMNS.get(ref.rstrip(DIGITS)) or column_index(ref)
            else:
                self._col += 1
            self._attrib = attrib  # type and style are read only if the cell holds something
            self._formula = self._has_value = False
            self._text = ""
        elif name == "v":
            self._collect = self._has_value = True
        elif name == "t":
            self._collect = self._in_is and not self._phonetic
        elif name == "f":
            self._formula = True
        elif name == "is":
            self._in_is = self._has_value = True
        elif name == "rPh":
            self._phonetic += 1
        elif name == "row":
            self._start_row(attrib)
        elif name == "col":
            self._hidden_col(attrib)

    def end(self, tag: str) -> None:
        """Element end: finish cells and rows."""
        name = self._names.get(tag) or self._learn(tag)
        if name == "c":
            if (self._has_value or self._formula) and (
                self.sheet is None or self.sheet.columns is None or self._col in self.sheet.columns
            ):
                self._end_cell()
        elif name == "v" or name == "t":
            self._collect = False
        elif name == "is":
            self._in_is = False
        elif name == "rPh":
            self._phonetic -= 1
        elif name == "row":
            if self._cells:
                self.last_content = self._row
            self.rows.append((self._row, self._cells))
            self._cells = []
            self.closed_row = self._row
            self.closed_at = self.parser.CurrentByteIndex if self.parser is not None else -1

    def restart(self, parser: Any, row: int) -> None:
        """Continue with a new parser whose first row follows row number `row`."""
        self.parser = parser
        self._row = self.closed_row = row
        self.closed_at = -1
        self._cells = []
        self._collect = self._in_is = False
        self._phonetic = 0

    def data(self, text: str) -> None:
        """Character data: kept only inside <v> and inline-string <t>."""
        if self._collect:
            self._text += text

    def _learn(self, tag: str) -> str:
        name = self._names[tag] = tag.rpartition("}")[2]
        return name

    def _start_row(self, attrib: dict[str, str]) -> None:
        self._row = index_attr(attrib.get("r"), self._row + 1, MAX_ROW)
        self._col = 0
        self.visited += 1
        if attrib.get("hidden") in TRUE_TEXT:
            self.hidden_rows.add(self._row)

    def _hidden_col(self, attrib: dict[str, str]) -> None:
        if attrib.get("hidden") in TRUE_TEXT:
            low = index_attr(attrib.get("min"), 1, MAX_COL)
            self.hidden_cols.update(range(low, index_attr(attrib.get("max"), low, MAX_COL) + 1))

    def _end_cell(self) -> None:
        raw, book, attrib = self._text, self.book, self._attrib
        kind = attrib.get("t")
        style_text = attrib.get("s")
        style = _STYLES.get(style_text) if style_text else 0
        if style is None:
            style = int(style_text) if style_text and style_text.isdigit() else 0
            if len(_STYLES) < 4096:
                _STYLES[style_text] = style  # type: ignore[index]
        cached = self._has_value and (raw != "" or kind == "str")
        value: CellValue = None
        error = None
        if not cached:
            pass  # a formula saved without its result (e.g. written by a script)
        elif kind is None or kind == "n":
            value = book.number(raw, style)
        elif kind == "s":
            value = book.string(raw)
        elif kind == "b":
            value = raw.strip() in TRUE_TEXT
        elif kind == "e":
            error = raw
        elif kind == "d":
            value = iso_value(raw)
        else:  # "str", "inlineStr" and anything unknown: the text as stored
            value = xstring(raw)
        if (value is None or value == "") and error is None and cached:
            return  # blank text or an empty cached result: nothing to read
        fonts = book.xf_font
        font = fonts[style] if style < len(fonts) else fonts[0]
        # tuple.__new__: a named tuple's own __new__ is a Python function, once per cell
        self._cells.append(
            _new(RawCell, (self._row, self._col, value, self._formula, cached, font, error))
        )


_new = tuple.__new__
_STYLES: dict[str, int] = {}  # style attribute text -> index (a workbook has a few dozen)
