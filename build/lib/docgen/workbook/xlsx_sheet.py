"""A worksheet of an .xlsx/.xlsm package, read lazily and streamed (see `xlsx_pass`)."""

from __future__ import annotations

from collections.abc import Generator
from zipfile import ZipFile

from docgen.workbook.cells import Book
from docgen.workbook.raw import MergedRange, RawSheet, Row, SheetInfo
from docgen.workbook.safety import open_member
from docgen.workbook.xlsx_pass import MergeScanner, SheetPass, scan_merges
from docgen.workbook.xlsx_target import SheetTarget


class XlsxSheet(RawSheet):
    """A worksheet of an .xlsx/.xlsm package, read lazily from the in-memory archive."""

    def __init__(self, info: SheetInfo, archive: ZipFile, member: str | None, book: Book) -> None:
        super().__init__(info)
        self._archive = archive
        self._member = member  # None for chart/dialog/macro sheets: no grid to read
        self._book = book
        self._merged: list[MergedRange] | None = [] if member is None else None
        self.rows_visited = 0  # <row> elements parsed by the last iteration

    @property
    def merged(self) -> list[MergedRange]:
        """Merged ranges; before (or without) a full iteration this costs one inflate+scan."""
        if self._merged is None:
            assert self._member is not None
            self._merged = scan_merges(open_member(self._archive, self._member), MergeScanner())
        return self._merged

    def _new_target(self) -> SheetTarget:
        return SheetTarget(self._book, self.hidden_rows, self.hidden_cols, self)

    def _rows(self) -> Generator[Row, None, None]:
        if self._member is None:
            return
        self.hidden_rows.clear()
        sheet_pass = SheetPass(open_member(self._archive, self._member), self._new_target())
        try:
            for rows in sheet_pass.chunks():
                self.rows_visited = sheet_pass.target.visited
                yield from rows
        finally:
            sheet_pass.target.parser = None  # the parser's handlers point back at the target
        self.rows_visited = sheet_pass.target.visited
        self._merged = sheet_pass.merges.ranges  # complete: the pass saw every byte
