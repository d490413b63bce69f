"""Our number-format helpers read exactly as openpyxl's (kept out of the reading path for memory)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.styles.numbers import is_date_format as openpyxl_is_date
from openpyxl.styles.numbers import is_timedelta_format as openpyxl_is_timedelta
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
from openpyxl.utils.datetime import from_excel as openpyxl_from_excel

from docgen.workbook import numfmt

CUSTOM = [
    "dd/mm/yyyy", "d/m/yy", "dd.mm.yyyy;@", "[$-42A]dd/mm/yyyy", "[Red]0.00", '"ngày" dd', '0.00" m"',
    "#,##0.00_);[Red](#,##0.00)", "hh:mm", "[h]:mm", "[mm]:ss", "[ss].00", "mm:ss.0", "General",
    "0%", "@", "yyyy-mm-dd hh:mm:ss", '_(* #,##0_);_(* "-"_)', "\\d0", "_d0", None,
]  # fmt: skip


@pytest.mark.parametrize("code", [*BUILTIN_FORMATS.values(), *CUSTOM])
def test_format_kinds_match_openpyxl(code: str | None) -> None:
    assert numfmt.is_date_format(code) == openpyxl_is_date(code)
    assert numfmt.is_timedelta_format(code) == openpyxl_is_timedelta(code)


def test_builtin_date_formats_are_exactly_openpyxls_date_builtins() -> None:
    dates = {i: c for i, c in BUILTIN_FORMATS.items() if openpyxl_is_date(c)}
    assert dates == numfmt.BUILTIN_DATE_FORMATS


@pytest.mark.parametrize(
    "serial", [0.0, 0.25, 0.999999, 1.0, 59.0, 59.5, 60.0, 61.0, 44981.0, 44981.75, 2958465.0]
)
@pytest.mark.parametrize(
    ("ours", "theirs"),
    [(numfmt.WINDOWS_1900, CALENDAR_WINDOWS_1900), (numfmt.MAC_1904, CALENDAR_MAC_1904)],
    ids=["1900", "1904"],
)
def test_serials_match_openpyxl(serial: float, ours: datetime, theirs: datetime) -> None:
    assert _outcome(numfmt.from_excel, serial, ours) == _outcome(
        openpyxl_from_excel, serial, theirs
    )
    assert numfmt.from_excel(serial, ours, duration=True) == openpyxl_from_excel(
        serial, theirs, timedelta=True
    )


@pytest.mark.parametrize("index", [1, 26, 27, 52, 53, 702, 703, 16384])
def test_column_letters_match_openpyxl(index: int) -> None:
    assert numfmt.column_letter(index) == get_column_letter(index)


def test_column_letter_range() -> None:
    with pytest.raises(ValueError):
        numfmt.column_letter(0)


def _outcome(convert: Callable[..., object], *args: object) -> object:
    """The value, or the kind of error (a 1904 serial past year 9999 overflows in both)."""
    try:
        return convert(*args)
    except (OverflowError, ValueError) as exc:
        return type(exc).__name__
