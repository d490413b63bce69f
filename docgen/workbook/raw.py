"""What the readers hand back: cells, sheets and workbooks as plain data, plus the refusal."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Literal, NamedTuple

from docgen.errors import DocgenError
from docgen.issues.codes import Code, default_detail
from docgen.workbook.strings import plain

CellValue = str | float | int | bool | datetime | time | timedelta | None
SheetState = Literal["visible", "hidden", "veryHidden"]
WorkbookFormat = Literal["xlsx", "xlsm", "xls", "ods"]
MergedRange = tuple[int, int, int, int]  # (min_row, min_col, max_row, max_col), 1-based, inclusive
Row = tuple[int, list["RawCell"]]

MAX_ROW = 1_048_576  # Excel's grid; anything beyond is a damaged or hostile file
MAX_COL = 16_384
GAP_ROWS = 50  # a blank run this long between two rows with content is worth a word

FILE_NOT_WORKBOOK = Code.FILE_NOT_WORKBOOK
FILE_EMPTY = Code.FILE_EMPTY
FILE_ZIP_BOMB = Code.FILE_ZIP_BOMB
FILE_TOO_LARGE = Code.FILE_TOO_LARGE
FILE_ENCRYPTED = Code.FILE_ENCRYPTED
FILE_CORRUPT = Code.FILE_CORRUPT
FILE_XML_UNSAFE = Code.FILE_XML_UNSAFE
FILE_XLS_UNREADABLE = Code.FILE_XLS_UNREADABLE
# Codes (their names, as issues carry them) of a received file refused before any sheet is read.
REFUSED = frozenset(
    code.name
    for code in (
        FILE_NOT_WORKBOOK,
        FILE_EMPTY,
        FILE_ZIP_BOMB,
        FILE_TOO_LARGE,
        FILE_ENCRYPTED,
        FILE_CORRUPT,
        FILE_XML_UNSAFE,
        FILE_XLS_UNREADABLE,
    )
)


class WorkbookRefused(DocgenError):
    """A received file that is not read at all: a stable `code` and a Vietnamese `message`."""

    def __init__(self, code: Code, message: str | None = None) -> None:
        super().__init__(code.name, message or default_detail(code))
        self.issue_code = code


class RawCell(NamedTuple):
    """One cell with content, as stored: the cached value, never a recalculation.

    Content means a value other than None or "", an error, or a formula saved without its
    result; formatted-but-empty cells and empty strings are never yielded. A named tuple:
    immutable like a frozen dataclass, and several times cheaper to build, once per cell.
    """

    row: int  # Excel row number, 1-based
    col: int  # column index, 1-based
    value: CellValue  # dates are datetime (time/timedelta for time-only formats)
    formula: bool = False  # the cell holds a formula
    cached: bool = True  # False for a formula saved without its result
    font: str | None = None  # font of the cell's style: spots .VnTime / VNI-Times text
    error: str | None = None  # '#REF!', '#N/A'... ; value is then None


@dataclass(frozen=True, slots=True)
class SheetInfo:
    """A sheet as listed by the workbook, before any of its cells are read."""

    name: str
    state: SheetState
    kind: str = "worksheet"  # 'chartsheet', 'dialogsheet', 'macrosheet' have no readable grid


class RawSheet(ABC):
    """One sheet: rows are read lazily, in order, and stop at the end of the real data."""

    def __init__(self, info: SheetInfo) -> None:
        self.name = info.name
        self.state: SheetState = info.state
        self.kind = info.kind
        # Filled as the sheet is read: hidden rows up to where reading stopped; hidden columns
        # (declared before the data in .xlsx) are complete once the first row is yielded.
        self.hidden_rows: set[int] = set()
        self.hidden_cols: set[int] = set()
        self.gaps: list[tuple[int, int]] = []  # long blank runs between rows read (first, last)
        self.columns: frozenset[int] | None = None  # see `narrow`

    def narrow(self, columns: Iterable[int]) -> None:
        """From the next row of the current `iter_rows` on, keep only cells of `columns`.

        The cells of other columns are skipped before they are converted (a reader that
        only needs a few columns of a wide sheet saves their cost); a row whose content
        lies only in those columns then counts as blank.
        """
        self.columns = frozenset(columns)

    @property
    @abstractmethod
    def merged(self) -> list[MergedRange]:
        """Merged ranges of the whole sheet, in document order."""

    @abstractmethod
    def _rows(self) -> Generator[Row, None, None]:
        """Every row the file stores, in order, with its kept cells (possibly none)."""

    def iter_rows(self) -> Iterator[Row]:
        """Yield (row_number, cells) for rows with content, in order, to the last one.

        Runs of blank rows (missing, or formatted but empty) cost next to nothing, however
        long, so a sheet formatted down to row 1,048,576 costs about as much as its real
        rows; runs of GAP_ROWS or more between rows with content are listed in `gaps`.
        """
        self.gaps = []
        self.columns = None
        last = 0  # last row with content
        rows = self._rows()
        try:
            for number, cells in rows:
                if self.columns is not None:  # rows read ahead (a chunk) are narrowed here
                    cells = [c for c in cells if c.col in self.columns]
                if not cells:
                    continue
                if last and number - last > GAP_ROWS:
                    self.gaps.append((last + 1, number - 1))
                last = number
                yield number, cells
        finally:
            rows.close()


@dataclass
class RawWorkbook:
    """A received workbook, opened for reading only; sheets are built on demand."""

    path: Path
    format: WorkbookFormat
    sheets: list[SheetInfo]
    has_macros: bool = False  # a VBA project is present; it is never run nor kept
    date1904: bool = False
    _loader: Callable[[SheetInfo], RawSheet] | None = field(default=None, repr=False)
    _opened: dict[str, RawSheet] = field(default_factory=dict, repr=False)

    @property
    def sheet_names(self) -> list[str]:
        """Sheet names in workbook order (hidden ones included; see `sheet(name).state`)."""
        return [s.name for s in self.sheets]

    def has_sheet(self, name: str) -> bool:
        """Whether a sheet is called `name` (NFC and NFD spellings alike)."""
        return plain(name) in self.sheet_names

    def sheet(self, name: str) -> RawSheet:
        """The sheet called `name` (the same object on every call); KeyError if none.

        Names are compared in NFC, as every reader hands them back.
        """
        name = plain(name)
        if name in self._opened:
            return self._opened[name]
        for info in self.sheets:
            if info.name == name:
                assert self._loader is not None
                sheet = self._opened[name] = self._loader(info)
                return sheet
        raise KeyError(name)

    def __enter__(self) -> RawWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        """Nothing to release: the file was read into memory and closed at open time."""
