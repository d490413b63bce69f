"""Text-level format rules: fonts, body size, Quốc hiệu, Tiêu ngữ, date line, Nơi nhận, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from docx.oxml.ns import qn

from docgen.checks.problem import FormatProblem, Para
from docgen.checks.styles import Resolver, RunFormat, run_text
from docgen.text import format_date_vn, nfc, person_key

FONT = "times new roman"
BODY_SIZES = (13.0, 14.0)
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-"})
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
# "Tiến Thành, ngày 24 tháng 02 …" or its blank shape "Tiến Thành, ngày     tháng …".
_PLACE_DATE = re.compile(r"^[^,\d]{2,60},\s*ngày(?:\s+\d{1,2}\s+|\s{2,})tháng", re.IGNORECASE)


def key(text: str) -> str:
    """Compare text regardless of case, tone placement (HÒA = HOÀ), dashes and spacing."""
    return " ".join(person_key(text.translate(_DASHES)).split())


@dataclass(frozen=True)
class Rule:
    """How one element of the header or footer must look (ND 30/2020, Phụ lục I)."""

    code: str
    label: str
    matches: Callable[[str], bool]
    sizes: tuple[float, float]
    bold: bool = False
    italic: bool = False
    upper: bool = False
    required: bool = False


RULES = (
    Rule("QUOC_HIEU", "Quốc hiệu", lambda t: key(t) == key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
         (12, 13), bold=True, upper=True, required=True),
    Rule("TIEU_NGU", "Tiêu ngữ", lambda t: key(t) == key("Độc lập - Tự do - Hạnh phúc"),
         (13, 14), bold=True, required=True),
    Rule("DATE_LINE", "Địa danh, ngày tháng", lambda t: bool(_PLACE_DATE.match(t)), (13, 14), italic=True),
    Rule("NOI_NHAN", "“Nơi nhận:”", lambda t: key(t).startswith(key("Nơi nhận")), (12, 12),
         bold=True, italic=True),
)  # fmt: skip


def check_text(paras: list[Para], resolver: Resolver) -> list[FormatProblem]:
    """Problems of fonts, sizes, header and footer elements and date writing."""
    problems: list[FormatProblem] = []
    recipients = _recipient_block(paras)
    for para in paras:
        formats = _formats(para, resolver)
        problems += _font(para, formats) + _dates(para)
        if para.index not in recipients:
            problems += _body_size(para, formats)
    for rule in RULES:
        problems += _element(rule, paras, resolver)
    return problems


def _recipient_block(paras: list[Para]) -> set[int]:
    """Indexes of `Nơi nhận:` and its `- …` list, which are 12 and 11 pt by rule."""
    block: set[int] = set()
    inside = False
    for para in paras:
        if para.text and key(para.text).startswith(key("Nơi nhận")):
            inside = True
        elif para.text and not para.text.startswith(("-", "{")):
            inside = False
        if inside:
            block.add(para.index)
    return block


def _formats(para: Para, resolver: Resolver) -> list[RunFormat]:
    runs = [r for r in para.element.iter(qn("w:r")) if run_text(r).strip()]
    return [resolver.run(para.element, run) for run in runs]


def _font(para: Para, formats: list[RunFormat]) -> list[FormatProblem]:
    wrong = sorted({f for fmt in formats for f in fmt.fonts if f.strip().lower() != FONT})
    if not wrong:
        return []
    return [para.problem("FONT_NOT_TNR", f"Phông chữ {', '.join(wrong)}; phải là Times New Roman.")]


def _body_size(para: Para, formats: list[RunFormat]) -> list[FormatProblem]:
    low, high = BODY_SIZES
    if para.in_table or all(f.size is not None and low <= f.size <= high for f in formats):
        return []
    sizes = sorted({_pt(f.size) for f in formats})
    return [para.problem("BODY_SIZE", f"Cỡ chữ {', '.join(sizes)}; nội dung văn bản cỡ 13–14.")]


def _pt(size: float | None) -> str:
    return "mặc định" if size is None else f"{size:g}"


def _element(rule: Rule, paras: list[Para], resolver: Resolver) -> list[FormatProblem]:
    found = [p for p in paras if p.text and rule.matches(p.text)]
    if not found and rule.required:
        return [FormatProblem(f"{rule.code}_MISSING", f"Thiếu {rule.label}.")]
    problems = []
    for para in found:
        formats = _formats(para, resolver)
        for ok, suffix, what in _facets(rule, para, formats):
            if not ok:
                problems.append(para.problem(f"{rule.code}_{suffix}", f"{rule.label}: {what}."))
    return problems


def _facets(rule: Rule, para: Para, formats: list[RunFormat]) -> list[tuple[bool, str, str]]:
    """(passes, code suffix, what the decree asks) for each property the rule sets."""
    low, high = rule.sizes
    sizes = "cỡ 12" if low == high else f"cỡ {low:g}–{high:g}"
    facets = [(all(f.size is not None and low <= f.size <= high for f in formats), "SIZE", sizes)]
    if rule.bold:
        facets.append((all(f.bold for f in formats), "BOLD", "phải in đậm"))
    if rule.italic:
        facets.append((all(f.italic for f in formats), "ITALIC", "phải in nghiêng"))
    if rule.upper:
        upper = para.text == para.text.upper() or all(f.caps for f in formats)
        facets.append((upper, "CASE", "phải viết in hoa"))
    return facets


def _dates(para: Para) -> list[FormatProblem]:
    """Every `ngày D tháng M năm Y` written with the decree's zero-padding rule."""
    problems = []
    for match in _DATE.finditer(nfc(para.text)):
        day, month, year = match.groups()
        try:
            correct = format_date_vn(dt.date(int(year), int(month), int(day)))
        except ValueError:
            problems.append(
                para.problem("DATE_INVALID", f"“{match.group(0)}” không phải ngày có thật.")
            )
            continue
        if key(match.group(0)) != key(correct):
            problems.append(para.problem(
                "DATE_PADDING", f"“{match.group(0)}” phải viết “{correct}” (ngày dưới 10, tháng 1, 2 thêm số 0).",
            ))  # fmt: skip
    return problems
