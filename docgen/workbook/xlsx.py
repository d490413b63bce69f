"""Open an .xlsx/.xlsm package: parts, sheets, styles and shared strings; macros never run."""

from __future__ import annotations

import posixpath
from pathlib import Path
from xml.etree.ElementTree import Element
from zipfile import ZipFile

from docgen.workbook.cells import DATE, DURATION, PLAIN, Book
from docgen.workbook.numfmt import (
    BUILTIN_DATE_FORMATS,
    MAC_1904,
    WINDOWS_1900,
    is_date_format,
    is_timedelta_format,
)
from docgen.workbook.raw import (
    FILE_CORRUPT,
    FILE_NOT_WORKBOOK,
    FILE_TOO_LARGE,
    RawSheet,
    RawWorkbook,
    SheetInfo,
    SheetState,
    WorkbookFormat,
    WorkbookRefused,
)
from docgen.workbook.safety import check_prolog, parse_small, stream_part
from docgen.workbook.strings import plain, xstring
from docgen.workbook.xlsx_sheet import XlsxSheet

MAX_SHARED_STRINGS = 2_000_000  # a 20,000 x 30 sheet holds at most 600,000; caps memory use
MAX_STYLES = 100_000  # Excel itself stops at 64,000 cell formats
# Built-in ids 27-36 and 50-58 are the East Asian date formats; openpyxl has no code for them.
_ASIAN_DATE_IDS = frozenset([*range(27, 37), *range(50, 59)])
_STATES: tuple[SheetState, ...] = ("visible", "hidden", "veryHidden")
_KINDS = {"worksheet": "worksheet", "chartsheet": "chartsheet", "dialogsheet": "dialogsheet"}
_RESAVE = " Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại."
_XLSB = (
    "Tệp được lưu ở định dạng Sổ làm việc nhị phân Excel (.xlsb), docgen không đọc được. Hãy mở "
    "tệp bằng Excel, chọn Tệp › Lưu thành, ở ô kiểu tệp chọn “Sổ làm việc Excel (.xlsx)” (không "
    "chọn .xlsb) rồi gửi lại chính tệp .xlsx đó."
)
_ODS = "Tệp là bảng tính OpenDocument (.ods), không phải tệp Excel (.xlsx)." + _RESAVE
_OTHER_ZIP = (
    "Tệp nén này không chứa bảng tính Excel (có thể là tệp Word, PowerPoint hoặc tệp nén khác)."
)


def _local(element: Element | str) -> str:
    tag = element if isinstance(element, str) else element.tag
    return tag.rpartition("}")[2]


def _attr(element: Element, local_name: str) -> str | None:
    """An attribute by local name, whatever its namespace (r:id in either OOXML flavour)."""
    for key, value in element.attrib.items():
        if _local(key) == local_name:
            return value
    return None


class Package:
    """Part lookup and relationship resolution over the checked archive."""

    def __init__(self, archive: ZipFile) -> None:
        self.archive = archive
        self.names = {name.lower(): name for name in archive.namelist()}  # OPC is case-blind

    def find(self, part: str) -> str | None:
        """The member name for `part` (no leading slash), or None."""
        return self.names.get(part.lstrip("/").lower())

    def rels(self, part: str) -> dict[str, tuple[str, str | None]]:
        """Relationship id -> (type suffix, resolved member) for `part`."""
        folder, base = posixpath.split(part)
        member = self.find(posixpath.join(folder, "_rels", base + ".rels"))
        if member is None:
            return {}
        found: dict[str, tuple[str, str | None]] = {}
        for rel in parse_small(self.archive, member):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not rel.get("Id"):
                continue
            path = target if target.startswith("/") else posixpath.join(folder, target)
            kind = rel.get("Type", "").rpartition("/")[2]  # e.g. 'worksheet', 'sharedStrings'
            found[rel.get("Id", "")] = (kind, self.find(posixpath.normpath(path)))
        return found

    def content_type(self, part: str) -> str:
        """Declared content type of `part` from [Content_Types].xml."""
        member = self.find("[Content_Types].xml")
        if member is None:
            raise WorkbookRefused(FILE_CORRUPT)
        defaults: dict[str, str] = {}
        for item in parse_small(self.archive, member):
            if (
                _local(item) == "Override"
                and item.get("PartName", "").lstrip("/").lower() == part.lower()
            ):
                return item.get("ContentType", "")
            if _local(item) == "Default":
                defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        return defaults.get(part.rpartition(".")[2].lower(), "")


def _workbook_part(package: Package) -> str:
    """The main part named by the package relationships (xl/workbook.xml by convention)."""
    for kind, member in package.rels("").values():
        if kind == "officeDocument" and member is not None:
            return member
    member = package.find("xl/workbook.xml")
    if member is not None:
        return member
    if package.find("mimetype") and package.find("content.xml"):
        raise WorkbookRefused(FILE_NOT_WORKBOOK, _ODS)
    raise WorkbookRefused(FILE_NOT_WORKBOOK, _OTHER_ZIP + _RESAVE)


def _format(content_type: str) -> WorkbookFormat:
    """xlsx or xlsm from the main part's content type; other Office files are refused."""
    if "spreadsheetml.sheet.main" in content_type or "spreadsheetml.template.main" in content_type:
        return "xlsx"
    if "macroEnabled.main+xml" in content_type and "ms-excel" in content_type:
        return "xlsm"
    if "sheet.binary" in content_type:
        raise WorkbookRefused(FILE_NOT_WORKBOOK, _XLSB)
    raise WorkbookRefused(FILE_NOT_WORKBOOK, _OTHER_ZIP + _RESAVE)


def _sheets(
    root: Element, rels: dict[str, tuple[str, str | None]]
) -> list[tuple[SheetInfo, str | None]]:
    """Sheets in workbook order with their state, kind and member (None: no grid)."""
    found: list[tuple[SheetInfo, str | None]] = []
    for element in root.iter():
        if _local(element) != "sheet":
            continue
        rel = rels.get(_attr(element, "id") or "")
        if rel is None or rel[1] is None:
            raise WorkbookRefused(FILE_CORRUPT)
        state = element.get("state", "visible")
        kind = _KINDS.get(rel[0], "macrosheet" if "macro" in rel[0].lower() else rel[0])
        info = SheetInfo(
            plain(element.get("name", "")), state if state in _STATES else "visible", kind
        )
        found.append((info, rel[1] if kind == "worksheet" else None))
    return found


def _date1904(root: Element) -> bool:
    for element in root:
        if _local(element) == "workbookPr":
            return element.get("date1904", "").lower() in ("1", "true")
    return False


def read_xlsx(path: Path, archive: ZipFile) -> RawWorkbook:
    """Open the package of `path`, held in the archive that passed the zip checks."""
    package = Package(archive)
    part = _workbook_part(package)
    fmt = _format(package.content_type(part))
    root = parse_small(package.archive, part)
    rels = package.rels(part)
    date1904 = _date1904(root)
    sheets = _sheets(root, rels)
    members = dict((info.name, member) for info, member in sheets)
    # Loaded now, not with the first sheet, so unsafe or damaged parts are refused at open.
    book = _book(package, rels, date1904)
    for member in members.values():
        if member is not None:
            check_prolog(package.archive, member)

    def load(info: SheetInfo) -> RawSheet:
        return XlsxSheet(info, package.archive, members[info.name], book)

    macros = any(
        name.endswith("vbaproject.bin") or "/macrosheets/" in name for name in package.names
    )
    infos = [info for info, _ in sheets]
    return RawWorkbook(path, fmt, infos, macros, date1904, _loader=load)


def worksheet_parts(archive: ZipFile) -> list[str]:
    """The members holding the workbook's worksheets, as its relationships name them."""
    package = Package(archive)
    rels = package.rels(_workbook_part(package))
    return [member for kind, member in rels.values() if kind == "worksheet" and member]


def _book(package: Package, rels: dict[str, tuple[str, str | None]], date1904: bool) -> Book:
    by_kind = {kind: member for kind, member in rels.values() if member is not None}
    styles = _Styles()
    if "styles" in by_kind:
        stream_part(package.archive, by_kind["styles"], styles)
    strings = _Strings()
    if "sharedStrings" in by_kind:
        stream_part(package.archive, by_kind["sharedStrings"], strings)
    cache: dict[int, int] = {}  # thousands of styles share a handful of number formats
    kinds = [
        cache.get(f) or cache.setdefault(f, _date_kind(f, styles.formats)) for f, _ in styles.xfs
    ]
    fonts = [styles.fonts[f] if 0 <= f < len(styles.fonts) else None for _, f in styles.xfs]
    epoch = MAC_1904 if date1904 else WINDOWS_1900
    return Book(strings.items, kinds or [PLAIN], fonts or [None], epoch)


def _date_kind(fmt_id: int, custom: dict[int, str]) -> int:
    """How number format `fmt_id` shows serial numbers, as openpyxl decides it."""
    code = custom.get(fmt_id) or BUILTIN_DATE_FORMATS.get(fmt_id)
    if code is None:
        return DATE if fmt_id in _ASIAN_DATE_IDS else PLAIN
    if is_timedelta_format(code):
        return DURATION
    return DATE if is_date_format(code) else PLAIN


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


class _Styles:
    """styles.xml target: custom number formats, font names and the cellXfs table."""

    def __init__(self) -> None:
        self.formats: dict[int, str] = {}
        self.fonts: list[str | None] = []
        self.xfs: list[tuple[int, int]] = []  # (numFmtId, fontId) per cell style
        self._section = ""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """Track the section; fonts also occur under <dxfs>, which are not cell styles."""
        name = _local(tag)
        if name in ("numFmts", "fonts", "cellXfs", "cellStyleXfs", "dxfs", "extLst"):
            self._section = name
        elif name == "numFmt" and self._section == "numFmts":
            self.formats[_number(attrib.get("numFmtId"))] = attrib.get("formatCode", "")
        elif name == "font" and self._section == "fonts":
            self.fonts.append(None)
        elif name == "name" and self._section == "fonts" and self.fonts:
            self.fonts[-1] = attrib.get("val")
        elif name == "xf" and self._section == "cellXfs":
            self.xfs.append((_number(attrib.get("numFmtId")), _number(attrib.get("fontId"))))
        if len(self.xfs) > MAX_STYLES or len(self.fonts) > MAX_STYLES:
            raise WorkbookRefused(FILE_CORRUPT)

    def end(self, tag: str) -> None:
        """Leave a section."""
        if _local(tag) == self._section:
            self._section = ""


class _Strings:
    """sharedStrings.xml target: each <si> is its runs' text joined; <rPh> phonetics left out."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._parts: list[str] = []
        self._collect = False
        self._phonetic = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """Open <si>, <t> or <rPh>."""
        name = _local(tag)
        if name == "t":
            self._collect = not self._phonetic
        elif name == "si":
            self._parts = []
        elif name == "rPh":
            self._phonetic += 1

    def end(self, tag: str) -> None:
        """Close <si>, <t> or <rPh>."""
        name = _local(tag)
        if name == "t":
            self._collect = False
        elif name == "si":
            self.items.append(xstring("".join(self._parts)))
            if len(self.items) > MAX_SHARED_STRINGS:
                raise WorkbookRefused(FILE_TOO_LARGE)
        elif name == "rPh":
            self._phonetic -= 1

    def data(self, text: str) -> None:
        """Text inside a kept <t>."""
        if self._collect:
            self._parts.append(text)
