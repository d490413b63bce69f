"""The text layer of a PDF, line by line: what LibreOffice wrote, or what a scanner's OCR laid
over the image of the page; an image-only scan has none.

pyHanko reads the file and its content streams (the second door of pyHanko after
signatures.py: one reads signatures, this one reads text). Each glyph is placed where the page
draws it — LibreOffice draws a line in several runs, the Vietnamese capitals of another font
subset over gaps left in the first — then glyphs are gathered into lines by their baseline and
ordered left to right, a wide gap read as a space. Enough to tell which document a scan is;
not a layout engine.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# signatures.py loads pyHanko with the cryptography warning of its import silenced: first.
import docgen.archive.signatures  # noqa: F401

# isort: split
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content_stream_parser import parse_content_stream
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_PAGES_READ = 3  # the type, number and issuer of a document are on its first page


def pdf_lines(data: bytes) -> list[str]:
    """The text lines of the first pages of the PDF `data` ([] when it has no text layer or
    cannot be read)."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        pages = _pages(reader.root["/Pages"].get_object())[:_PAGES_READ]
        return [line for page in pages for line in _lines(_glyphs(page))]
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            ArithmeticError, RecursionError):  # fmt: skip
        return []  # unreadable text is no text: the match then rests on the name, and says so


def _pages(node: generic.DictionaryObject) -> list[generic.DictionaryObject]:
    if "/Kids" not in node:
        return [node]
    return [page for kid in node["/Kids"] for page in _pages(kid.get_object())]


@dataclass(frozen=True)
class _Font:
    """How a font's string bytes map to text and to advances (thousandths of the size)."""

    codes: dict[int, str]
    width: int  # bytes per code
    widths: dict[int, float]
    default: float
    simple: bool  # no ToUnicode map: a standard encoding, read as Windows-1252

    def split(self, raw: bytes) -> Iterator[tuple[int, str]]:
        for i in range(0, len(raw) - self.width + 1, self.width):
            code = int.from_bytes(raw[i : i + self.width], "big")
            text = bytes([code]).decode("cp1252", "replace") if self.simple else ""
            yield code, self.codes.get(code, text)


_NO_FONT = _Font({}, 1, {}, 500.0, True)


@dataclass(frozen=True)
class _Glyph:
    x: float
    y: float
    end: float
    size: float
    text: str


@dataclass
class _State:
    """The graphics and text state the glyphs need."""

    fonts: dict[str, _Font]
    ctm: Matrix = IDENTITY
    saved: list[Matrix] = field(default_factory=list)
    tm: Matrix = IDENTITY
    line: Matrix = IDENTITY
    font: _Font = _NO_FONT
    size: float = 12.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0  # horizontal scaling (Tz), as OCR layers stretch words to the image
    leading: float = 0.0
    glyphs: list[_Glyph] = field(default_factory=list)

    def move(self, tx: float, ty: float) -> None:
        self.line = _times((1, 0, 0, 1, tx, ty), self.line)
        self.tm = self.line

    def show(self, raw: bytes) -> None:
        for code, text in self.font.split(raw):
            advance = self.font.widths.get(code, self.font.default) / 1000 * self.size
            advance += self.char_space + (self.word_space if code == 32 else 0)
            advance *= self.scale
            start = _times(self.tm, self.ctm)
            self.advance(advance)
            end = _times(self.tm, self.ctm)
            scale = abs(start[3]) or abs(start[1]) or 1.0
            self.glyphs.append(_Glyph(start[4], start[5], end[4], self.size * scale, text))

    def advance(self, tx: float) -> None:
        self.tm = _times((1, 0, 0, 1, tx, 0), self.tm)


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t,
            e * q + f * s + u)  # fmt: skip


def _glyphs(page: generic.DictionaryObject) -> list[_Glyph]:
    """Every glyph the page draws, where it draws it; what was read before a part the parser
    cannot take (an inline image) is kept."""
    contents = page.get("/Contents")
    if contents is None:
        return []
    contents = contents.get_object()
    parts = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
    state = _State(_fonts(page))
    try:
        for op in parse_content_stream([p.get_object() for p in parts]):
            _operate(state, op.op, op.args)
    except (PdfError, ValueError, KeyError, TypeError, AssertionError, IndexError):
        pass
    return state.glyphs


def _operate(state: _State, op: str, args: list[object]) -> None:
    nums = [float(a) for a in args if isinstance(a, (int, float, generic.FloatObject))]
    if op == "q":
        state.saved.append(state.ctm)
    elif op == "Q" and state.saved:
        state.ctm = state.saved.pop()
    elif op == "cm" and len(nums) == 6:
        state.ctm = _times((nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]), state.ctm)
    elif op == "BT":
        state.tm = state.line = IDENTITY
    elif op == "Tf" and args:
        state.font = state.fonts.get(str(args[0]), _NO_FONT)
        state.size = nums[-1] if nums else state.size
    elif op in ("Td", "TD") and len(nums) == 2:
        state.leading = -nums[1] if op == "TD" else state.leading
        state.move(nums[0], nums[1])
    elif op == "Tm" and len(nums) == 6:
        state.tm = state.line = (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5])
    elif op in ("T*", "'", '"'):
        state.move(0, -state.leading)
    elif op == "Tc" and nums:
        state.char_space = nums[0]
    elif op == "Tw" and nums:
        state.word_space = nums[0]
    elif op == "TL" and nums:
        state.leading = nums[0]
    elif op == "Tz" and nums:
        state.scale = nums[0] / 100
    if op in ("Tj", "'", '"') and args:
        state.show(_raw(args[-1]))
    elif op == "TJ" and args and isinstance(args[0], generic.ArrayObject):
        for item in args[0]:
            if isinstance(item, (int, float, generic.FloatObject)):
                state.advance(-float(item) / 1000 * state.size * state.scale)
            else:
                state.show(_raw(item))


def _raw(value: object) -> bytes:
    if isinstance(value, generic.TextStringObject):
        return bytes(value.original_bytes)
    return bytes(value) if isinstance(value, bytes) else b""


def _lines(glyphs: list[_Glyph]) -> list[str]:
    """Glyphs gathered by baseline (top of the page first), each line left to right."""
    rows: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if rows and abs(rows[-1][0].y - glyph.y) <= rows[-1][0].size * 0.3:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [text for text in (_joined(row) for row in rows) if text]


def _joined(row: list[_Glyph]) -> str:
    text, last = "", None
    for glyph in sorted(row, key=lambda g: g.x):
        if last is not None and glyph.x - last.end > glyph.size * 0.15:
            text += " "
        text += glyph.text
        last = glyph
    return " ".join(text.split())


def _fonts(page: generic.DictionaryObject) -> dict[str, _Font]:
    node: generic.DictionaryObject | None = page
    while node is not None and "/Resources" not in node:  # resources may be inherited
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    if node is None:
        return {}
    fonts = node["/Resources"].get_object().get("/Font")
    found = fonts.get_object() if fonts is not None else {}
    return {str(name): _font(found[name].get_object()) for name in found}


def _font(font: generic.DictionaryObject) -> _Font:
    cmap = font.get("/ToUnicode")
    codes = _cmap(cmap.get_object().data) if cmap is not None else {}
    if font.get("/Subtype") == "/Type0":
        descendant = font["/DescendantFonts"][0].get_object()
        default = float(descendant.get("/DW", 1000))
        return _Font(codes, 2, _cid_widths(descendant.get("/W")), default, False)
    first = int(font.get("/FirstChar", 0))
    widths = font.get("/Widths")
    listed = [float(w) for w in widths.get_object()] if widths is not None else []
    return _Font(codes, 1, {first + i: w for i, w in enumerate(listed)}, 500.0, not codes)


def _cid_widths(table: object) -> dict[int, float]:
    """A CID font's /W array: `c [w1 w2 …]` or `c_first c_last w`."""
    items = list(table.get_object()) if table is not None else []  # type: ignore[attr-defined]
    widths: dict[int, float] = {}
    i = 0
    while i + 1 < len(items):
        start = int(items[i])
        if isinstance(items[i + 1], generic.ArrayObject):
            widths.update({start + n: float(w) for n, w in enumerate(items[i + 1])})
            i += 2
        elif i + 2 < len(items):
            widths.update({c: float(items[i + 2]) for c in range(start, int(items[i + 1]) + 1)})
            i += 3
        else:
            break
    return widths


_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _cmap(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries: code → text."""
    codes: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        pairs = _HEX.findall(block)
        for code, text in zip(pairs[::2], pairs[1::2], strict=False):
            codes[int(code, 16)] = _utf16(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in block.splitlines():
            _bfrange(line, codes)
    return codes


def _bfrange(line: bytes, codes: dict[int, str]) -> None:
    found = _HEX.findall(line)
    if len(found) < 3:
        return
    low, high = int(found[0], 16), int(found[1], 16)
    if b"[" in line:  # <lo> <hi> [<t1> <t2> …]: one text per code
        codes.update(zip(range(low, high + 1), map(_utf16, found[2:]), strict=False))
        return
    first = _utf16(found[2])
    for offset in range(min(high - low, 0xFFFF) + 1):
        codes[low + offset] = first[:-1] + chr(ord(first[-1]) + offset) if first else ""


def _utf16(hexa: bytes) -> str:
    return bytes.fromhex(hexa.decode("ascii")).decode("utf-16-be", "replace")
