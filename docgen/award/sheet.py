"""Importing past years' decisions from a sheet, so a ward starts with its history.

The sheet ("Khen thưởng", written by `docgen lich-su --mau-nhap`) has one line per recipient;
the lines of the same decision number, date and deciding body make one decision. Columns are
found by their headers (case and diacritics aside), so a clerk may reorder them. Every problem
of every line is listed (file, sheet, row, column, what to do) and then nothing is recorded:
an import is all or nothing, and importing the same sheet again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from docgen.award.identity import unit_key
from docgen.award.model import YEARS, AwardDecision, Conferment, Origin, Recipient
from docgen.campaign.model import Kind
from docgen.errors import DocgenError
from docgen.text import ascii_slug, clean_line, file_name, fold, parse_date
from docgen.workbook import RawCell, open_workbook
from docgen.workbook.numfmt import column_letter

SHEET = "Khen thưởng"


class Column(NamedTuple):
    key: str
    header: str
    width: int
    required: bool = True


COLUMNS = (
    Column("nam", "Năm", 8),
    Column("so", "Số quyết định", 16),
    Column("ngay", "Ngày quyết định", 14),
    Column("co_quan", "Người, cơ quan quyết định", 30),
    Column("cap", "Cấp khen thưởng", 16),
    Column("loai", "Loại (Tập thể / Cá nhân)", 14),
    Column("ten", "Tên tập thể / Họ và tên", 28),
    Column("ngay_sinh", "Ngày sinh (cá nhân)", 12, required=False),
    Column("don_vi", "Đơn vị", 30),
    Column("chuc_vu", "Chức vụ", 24, required=False),
    Column("hinh_thuc", "Hình thức khen thưởng", 30),
    Column("thanh_tich", "Thành tích", 40, required=False),
)
GUIDE = (
    "HƯỚNG DẪN NHẬP KHEN THƯỞNG CÁC NĂM TRƯỚC VÀO LỊCH SỬ KHEN THƯỞNG CỦA PHƯỜNG",
    "1. Ghi vào trang “Khen thưởng”, mỗi dòng một tập thể hoặc một cá nhân được khen, từ dòng 4.",
    "2. Năm: năm của thành tích được khen (ví dụ 2022). Số quyết định ghi đủ số và ký hiệu, ví dụ "
    "15/QĐ-UBND; ngày quyết định ghi ngày/tháng/năm, ví dụ 28/12/2022.",
    "3. Người, cơ quan quyết định: ví dụ “Chủ tịch Ủy ban nhân dân phường Tân Phú”. Cấp khen "
    "thưởng: ví dụ “Cấp phường”, “Cấp thành phố”, “Cấp tỉnh”.",
    "4. Loại: chọn “Tập thể” hoặc “Cá nhân”. Với cá nhân, ghi ngày sinh: thiếu ngày sinh thì "
    "docgen không chắc là cùng một người và không đưa vào báo cáo thành tích (chỉ báo để kiểm tra).",
    "5. Đơn vị: nơi cá nhân công tác, hoặc cơ quan mà tập thể trực thuộc — ghi như ở phiếu nhập.",
    "6. Hình thức khen thưởng: ví dụ “Giấy khen”, “Lao động tiên tiến”, “Chiến sĩ thi đua cơ sở”.",
    "7. Các dòng cùng số, ngày và người quyết định là một quyết định. Nhập lại cùng tệp không ghi "
    "trùng; sửa tệp rồi nhập lại thì quyết định được thay bằng nội dung mới.",
    "Lệnh: docgen lich-su --nhap khen-thuong-cac-nam-truoc.xlsx",
)
KINDS = {"tap the": Kind.COLLECTIVE, "ca nhan": Kind.INDIVIDUAL}


@dataclass(frozen=True)
class Problem:
    """A line of the sheet that cannot be imported, and what to do."""

    row: int
    column: str  # letter
    header: str
    message: str


class SheetRefused(DocgenError):
    """The file cannot be read as the history sheet (no sheet, no header row)."""

    def __init__(self, message: str) -> None:
        super().__init__("HISTORY_SHEET", message)


@dataclass(frozen=True)
class Imported:
    """What a sheet holds: its decisions, or the problems that stop the import."""

    file: str
    decisions: tuple[AwardDecision, ...]
    problems: tuple[Problem, ...]


def read_sheet(path: Path) -> Imported:
    """The decisions of the history sheet at `path` (never modified)."""
    with open_workbook(path) as wb:
        name = next((n for n in wb.sheet_names if fold(n) == fold(SHEET)), None)
        if name is None:
            raise SheetRefused(
                f"{file_name(path)}: không có trang “{SHEET}”. Hãy dùng mẫu do "
                "“docgen lich-su --mau-nhap” tạo ra."
            )
        rows = list(wb.sheet(name).iter_rows())
    columns, first = _header(rows, path)
    lines: list[tuple[int, dict[str, object]]] = []
    problems: list[Problem] = []
    for number, cells in rows:
        if number <= first:
            continue
        values, found = _line(number, cells, columns)
        problems += found
        if not found:
            lines.append((number, values))
    problems += _mixed_years(lines)
    if problems:
        return Imported(file_name(path), (), tuple(problems))
    return Imported(file_name(path), tuple(_decisions(lines)), ())


def _header(rows: Sequence[tuple[int, list[RawCell]]], path: Path) -> tuple[dict[int, Column], int]:
    """The header row (the first naming most columns) and the column of each header."""
    wanted = {fold(c.header): c for c in COLUMNS}
    for number, cells in rows[:10]:
        found = {c.col: wanted[fold(str(c.value))] for c in cells if fold(str(c.value)) in wanted}
        if len(found) >= len(COLUMNS) // 2:
            missing = [c.header for c in COLUMNS if c.required and c not in found.values()]
            if missing:
                raise SheetRefused(
                    f"{file_name(path)}, trang “{SHEET}”: thiếu cột {', '.join(missing)}. "
                    "Hãy dùng mẫu do “docgen lich-su --mau-nhap” tạo ra."
                )
            return found, number
    raise SheetRefused(
        f"{file_name(path)}, trang “{SHEET}”: không thấy dòng tiêu đề cột (Năm, Số quyết định…). "
        "Hãy dùng mẫu do “docgen lich-su --mau-nhap” tạo ra."
    )


def _line(
    row: int, cells: Iterable[RawCell], columns: dict[int, Column]
) -> tuple[dict[str, object], list[Problem]]:
    values: dict[str, object] = {}
    problems: list[Problem] = []
    raw = {columns[c.col].key: c for c in cells if c.col in columns and c.value not in (None, "")}
    where = {col.key: index for index, col in columns.items()}
    for column in COLUMNS:
        cell = raw.get(column.key)
        try:
            values[column.key] = _value(column, cell)
        except ValueError as exc:
            letter = column_letter(where.get(column.key, 1))
            problems.append(Problem(row, letter, column.header, str(exc)))
    return values, problems


def _value(column: Column, cell: RawCell | None) -> object:
    if cell is None:
        if column.required:
            raise ValueError("chưa điền; hãy ghi giá trị hoặc xóa cả dòng.")
        return None
    if column.key in ("ngay", "ngay_sinh"):
        try:
            return parse_date(cell.value)
        except ValueError:
            raise ValueError(f"“{cell.value}” không phải ngày; ghi ngày/tháng/năm.") from None
    if column.key == "nam":
        return _year(cell.value)
    text = clean_line(str(cell.value))
    if column.key == "loai":
        if fold(text) not in KINDS:
            raise ValueError(f"“{text}” không hợp lệ; chọn “Tập thể” hoặc “Cá nhân”.")
        return KINDS[fold(text)]
    return text


def _year(value: object) -> int:
    text = str(value).strip().removesuffix(".0")
    if not text.isdigit() or not YEARS[0] <= int(text) <= YEARS[1]:
        raise ValueError(f"“{value}” không phải năm; ghi năm bốn chữ số, ví dụ 2022.")
    return int(text)


def _key(values: dict[str, object]) -> tuple[str, object, str]:
    return (
        "".join(fold(str(values["so"])).split()),
        values["ngay"],
        unit_key(str(values["co_quan"])),
    )


def _mixed_years(lines: list[tuple[int, dict[str, object]]]) -> list[Problem]:
    """The lines of one decision must be of one year (a decision is filed under one year)."""
    first: dict[tuple[str, object, str], int] = {}
    problems = []
    letter = column_letter(1 + [c.key for c in COLUMNS].index("nam"))
    for row, values in lines:
        year = first.setdefault(_key(values), int(str(values["nam"])))
        if int(str(values["nam"])) != year:
            message = f"cùng quyết định {values['so']} với dòng trên nhưng khác năm ({year})."
            problems.append(Problem(row, letter, "Năm", message))
    return problems


def _decisions(lines: list[tuple[int, dict[str, object]]]) -> list[AwardDecision]:
    groups: dict[tuple[str, object, str], list[dict[str, object]]] = {}
    for _, values in lines:
        groups.setdefault(_key(values), []).append(values)
    return [_decision(group) for group in groups.values()]


def _decision(group: list[dict[str, object]]) -> AwardDecision:
    head = group[0]
    number, _, symbol = str(head["so"]).replace("\u2011", "-").partition("/")
    day = head["ngay"]
    assert isinstance(day, date)
    return AwardDecision(
        number=number.strip(),
        symbol=symbol.strip(),
        date=day,
        authority=str(head["co_quan"]),
        level=ascii_slug(str(head["cap"])) or "khac",
        campaign="",
        year=int(str(head["nam"])),
        origin=Origin.IMPORTED,
        conferments=tuple(_conferment(v) for v in group),
    )


def _conferment(values: dict[str, object]) -> Conferment:
    kind = values["loai"]
    assert isinstance(kind, Kind)
    birth = values["ngay_sinh"]
    recipient = Recipient(
        kind=kind,
        name=str(values["ten"]),
        unit=str(values["don_vi"]),
        position=str(values["chuc_vu"] or ""),
        birth=birth if isinstance(birth, date) and kind is Kind.INDIVIDUAL else None,
    )
    return Conferment(
        recipient=recipient,
        form=str(values["hinh_thuc"]),
        achievement=str(values["thanh_tich"] or ""),
    )
