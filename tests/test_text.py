"""Tests for docgen.text: cleaning, matching keys, dates, numbers, collation, slugs."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from docgen import text

NFD_NGUYEN = "Nguye\u0302\u0303n"  # "Nguyễn" decomposed: 8 code points


# --- clean / clean_line ----------------------------------------------------------------------
CLEAN_CASES = [
    ("nfd", NFD_NGUYEN + " Va\u0306n An", "Nguyễn Văn An"),
    ("nbsp-and-narrow-spaces", "Nguyễn\u00a0Văn\u2007\u202fAn", "Nguyễn Văn An"),
    ("tabs-and-runs", "  Phường\t\tTiến   Thành  ", "Phường Tiến Thành"),
    ("eth-capital", "\u00d0ội văn nghệ", "Đội văn nghệ"),
    ("eth-small", "\u00f0ồng chí", "đồng chí"),
    ("oi-for-u-horn", "Tr\u01a3ờng \u01a2u tú", "Trường Ưu tú"),
    ("zero-width", "Ng\u200buyễn\u200d \ufeffAn\u2060", "Nguyễn An"),
    ("crlf-kept-as-lines", "dòng một \r\n  dòng  hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
    ("blank-ends-dropped", "\n \n  nội dung \n\t\n", "nội dung"),
    ("inner-blank-line-kept", "đoạn 1\n   \nđoạn 2", "đoạn 1\n\nđoạn 2"),
    ("word-line-break", "dòng một\vdòng hai", "dòng một\ndòng hai"),
    ("empty", "   ", ""),
    ("soft-hyphen-kept", "ng\xadêi", "ng\xadêi"),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in CLEAN_CASES], ids=[c[0] for c in CLEAN_CASES]
)
def test_clean(raw: str, expected: str) -> None:
    assert text.clean(raw) == expected


def test_clean_nfd_is_nfc_length() -> None:
    assert len(NFD_NGUYEN) == 8
    assert text.clean(NFD_NGUYEN) == "Nguyễn"
    assert len(text.clean(NFD_NGUYEN)) == 6


CLEAN_LINE_CASES = [
    ("newlines-collapsed", "Ủy ban\r\n nhân dân\n\nphường", "Ủy ban nhân dân phường"),
    ("nbsp", "Tiến\u00a0 Thành ", "Tiến Thành"),
    ("nfd", NFD_NGUYEN, "Nguyễn"),
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [c[1:] for c in CLEAN_LINE_CASES],
    ids=[c[0] for c in CLEAN_LINE_CASES],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert text.clean_line(raw) == expected


# --- fold / person_key / title_case_name -----------------------------------------------------
FOLD_CASES = [
    ("header", "  Họ và TÊN  ", "ho va ten"),
    ("d-bar", "Đơn vị công tác", "don vi cong tac"),
    ("nfd", NFD_NGUYEN, "nguyen"),
    ("newline", "Ngày\nsinh", "ngay sinh"),
    ("all-tones", "àảãáạ ằẳẵắặ ầẩẫấậ", "aaaaa aaaaa aaaaa"),
    ("u-horn-lookalike", "Tr\u01a3ởng", "truong"),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in FOLD_CASES], ids=[c[0] for c in FOLD_CASES]
)
def test_fold(raw: str, expected: str) -> None:
    assert text.fold(raw) == expected


PERSON_SAME = [
    ("hoa-tone-placement", "Nguyễn Văn Hòa", "NGUYỄN VĂN HOÀ"),
    ("case-and-spaces", "trần  thị   thủy", "TRẦN THỊ THỦY"),
    ("thuy-tone-placement", "Trần Thị Thủy", "Trần Thị Thuỷ"),
    ("nfd-vs-nfc", NFD_NGUYEN + " An", "Nguyễn An"),
    ("eth-lookalike", "\u00d0ỗ Văn Hùng", "Đỗ Văn Hùng"),
]


@pytest.mark.parametrize(("a", "b"), [c[1:] for c in PERSON_SAME], ids=[c[0] for c in PERSON_SAME])
def test_person_key_matches(a: str, b: str) -> None:
    assert text.person_key(a) == text.person_key(b)


PERSON_DIFFERENT = [
    ("a-vs-a-breve", "Nguyễn Văn Hòa", "nguyen van hoa"),
    ("o-vs-o-circumflex", "Lê Thị Hồng", "Lê Thị Hong"),
    ("o-vs-o-horn", "Phạm Văn Sơn", "Phạm Văn Son"),
    ("d-vs-d-bar", "Đinh Văn Đức", "Dinh Văn Dức"),
    ("u-vs-u-horn", "Lê Thị Thư", "Lê Thị Thu"),
    ("tone-differs", "Lê Văn Ánh", "Lê Văn Anh"),
]


@pytest.mark.parametrize(
    ("a", "b"), [c[1:] for c in PERSON_DIFFERENT], ids=[c[0] for c in PERSON_DIFFERENT]
)
def test_person_key_keeps_vowel_quality(a: str, b: str) -> None:
    assert text.person_key(a) != text.person_key(b)


def test_person_key_exact_value() -> None:
    assert text.person_key("NGUYỄN VĂN HOÀ") == "nguyên3 văn hoa1"


TITLE_CASES = [
    ("upper", "NGUYỄN VĂN AN", "Nguyễn Văn An"),
    ("d-bar", "ĐỖ THỊ ĐÀO", "Đỗ Thị Đào"),
    ("lower", "trần  thị thủy", "Trần Thị Thủy"),
    ("nfd", "nguye\u0302\u0303n an", "Nguyễn An"),
    ("apostrophe", "H'HEN NIÊ", "H'Hen Niê"),
    ("hyphen", "y-moan ênuôl", "Y-Moan Ênuôl"),
    ("empty", "  ", ""),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES]
)
def test_title_case_name(raw: str, expected: str) -> None:
    assert text.title_case_name(raw) == expected


# --- parse_date ------------------------------------------------------------------------------
FEB_24 = dt.date(2023, 2, 24)
DATE_CASES: list[tuple[str, object, dt.date]] = [
    ("date", FEB_24, FEB_24),
    ("datetime", dt.datetime(2023, 2, 24, 14, 30), FEB_24),
    ("serial-int", 44981, FEB_24),
    ("serial-float-with-time", 44981.75, FEB_24),
    ("serial-1", 1, dt.date(1900, 1, 1)),
    ("serial-59", 59, dt.date(1900, 2, 28)),
    ("serial-61", 61, dt.date(1900, 3, 1)),
    ("serial-max", 2958465, dt.date(9999, 12, 31)),
    ("slashes", "24/02/2023", FEB_24),
    ("dashes-unpadded", "24-2-2023", FEB_24),
    ("dots", "24.02.2023", FEB_24),
    ("two-digit-year", "24/2/23", FEB_24),
    ("iso", "2023-02-24", FEB_24),
    ("iso-with-time", "2023-02-24 00:00:00", FEB_24),
    ("stray-spaces", "  24 / 02 / 2023 ", FEB_24),
    ("nbsp", "\u00a024/02/2023\u00a0", FEB_24),
    ("day-first-small-day", "05/03/2023", dt.date(2023, 3, 5)),
    ("ambiguous-is-day-first", "03/05/2023", dt.date(2023, 5, 3)),
    ("leap-day", "29/02/2024", dt.date(2024, 2, 29)),
    ("vietnamese-long-form", "ngày 24 tháng 02 năm 2023", FEB_24),
]


@pytest.mark.parametrize(
    ("value", "expected"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES]
)
def test_parse_date(value: object, expected: dt.date) -> None:
    assert text.parse_date(value) == expected


BAD_DATES: list[tuple[str, object, str]] = [
    ("month-first-refused", "02/24/2023", "month 24"),
    ("feb-31", "31/02/2023", "no day 31"),
    ("feb-29-non-leap", "29/02/2023", "no day 29"),
    ("month-13-iso", "2023-13-01", "month 13"),
    ("mixed-separators", "24/02-2023", "not a date"),
    ("three-digit-year", "24/02/202", "not a date"),
    ("words", "hôm qua", "not a date"),
    ("empty", "", "not a date"),
    ("digits-as-text", "44981", "not a date"),
    ("serial-0", 0, "out of range"),
    ("serial-negative", -5, "out of range"),
    ("serial-too-big", 2958466, "out of range"),
    ("serial-60-fake-leap-day", 60, "1900-02-29"),
    ("nan", float("nan"), "finite"),
    ("bool", True, "boolean"),
    ("none", None, "NoneType"),
]


@pytest.mark.parametrize(
    ("value", "reason"), [c[1:] for c in BAD_DATES], ids=[c[0] for c in BAD_DATES]
)
def test_parse_date_rejects(value: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        text.parse_date(value)


# --- formatting ------------------------------------------------------------------------------
DATE_VN_CASES = [
    ("feb-padded", dt.date(2023, 2, 24), "ngày 24 tháng 02 năm 2023"),
    ("jan-padded-day-padded", dt.date(2024, 1, 1), "ngày 01 tháng 01 năm 2024"),
    ("march-unpadded", dt.date(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),
    ("december", dt.date(2023, 12, 15), "ngày 15 tháng 12 năm 2023"),
    ("october-day-10", dt.date(2023, 10, 10), "ngày 10 tháng 10 năm 2023"),
]


@pytest.mark.parametrize(
    ("d", "expected"), [c[1:] for c in DATE_VN_CASES], ids=[c[0] for c in DATE_VN_CASES]
)
def test_format_date_vn(d: dt.date, expected: str) -> None:
    assert text.format_date_vn(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [(dt.date(2023, 2, 24), "24/02/2023"), (dt.date(2023, 3, 5), "05/03/2023")],
    ids=["feb", "march-padded"],
)
def test_format_date_short(d: dt.date, expected: str) -> None:
    assert text.format_date_short(d) == expected


PERCENT_CASES: list[tuple[str, float, int, str]] = [
    ("seven-of-nine", 7 / 9 * 100, 2, "77,78 %"),
    ("hundred", 100, 2, "100 %"),
    ("fifty-int", 50, 2, "50 %"),
    ("fifty-float", 50.0, 2, "50 %"),
    ("keeps-trailing-zero", 66.5, 2, "66,50 %"),
    ("half-up", 0.125, 2, "0,13 %"),
    ("rounds-to-whole", 77.999, 2, "78 %"),
    ("one-digit", 85.714, 1, "85,7 %"),
    ("zero-digits", 85.714, 0, "86 %"),
    ("zero", 0, 2, "0 %"),
]


@pytest.mark.parametrize(
    ("x", "digits", "expected"), [c[1:] for c in PERCENT_CASES], ids=[c[0] for c in PERCENT_CASES]
)
def test_format_percent(x: float, digits: int, expected: str) -> None:
    assert text.format_percent(x, digits) == expected


@pytest.mark.parametrize(
    ("x", "digits"), [(float("nan"), 2), (float("inf"), 2), (50.0, -1)], ids=["nan", "inf", "neg"]
)
def test_format_percent_rejects(x: float, digits: int) -> None:
    with pytest.raises(ValueError):
        text.format_percent(x, digits)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "00"), (1, "01"), (2, "02"), (9, "09"), (10, "10"), (125, "125")],
    ids=["zero", "one", "two", "nine", "ten", "hundreds"],
)
def test_format_count(n: int, expected: str) -> None:
    assert text.format_count(n) == expected


def test_format_count_rejects_negative() -> None:
    with pytest.raises(ValueError):
        text.format_count(-1)


# --- collation -------------------------------------------------------------------------------
SORT_CASES = [
    ("d-bar-after-d", ["Đức", "Dũng", "Em"], ["Dũng", "Đức", "Em"]),
    ("a-family", ["Bình", "Ân", "Ăn", "An"], ["An", "Ăn", "Ân", "Bình"]),
    ("e-o-u", ["ư", "u", "ơ", "ô", "o", "ê", "e"], ["e", "ê", "o", "ô", "ơ", "u", "ư"]),
    ("tones-secondary", ["ạ", "á", "ã", "ả", "à", "a"], ["a", "à", "ả", "ã", "á", "ạ"]),
    ("letters-before-tones", ["Ánh", "Anh", "Ảnh", "Ăn"], ["Anh", "Ảnh", "Ánh", "Ăn"]),
    ("case-insensitive", ["bình", "An", "Cường"], ["An", "bình", "Cường"]),
    ("y-last", ["Yến", "Xuân", "Zô"], ["Xuân", "Yến", "Zô"]),
    ("prefix-first", ["An Bình", "An"], ["An", "An Bình"]),
    (
        "nfd-equals-nfc",
        ["Nguyễn", NFD_NGUYEN + "x", "Nguyen"],
        ["Nguyen", "Nguyễn", NFD_NGUYEN + "x"],
    ),
]


@pytest.mark.parametrize(
    ("items", "expected"), [c[1:] for c in SORT_CASES], ids=[c[0] for c in SORT_CASES]
)
def test_vn_sort_key(items: list[str], expected: list[str]) -> None:
    assert sorted(items, key=text.vn_sort_key) == expected


def test_given_name_sort_key() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Đức", "Phạm Anh"]
    assert sorted(names, key=text.given_name_sort_key) == [
        "Nguyễn Thị An",  # same given name: middle name "Thị" before "Văn"
        "Lê Văn An",
        "Phạm Anh",
        "Trần Văn Bình",
        "Đỗ Đức",
    ]


def test_given_name_sort_key_family_breaks_tie() -> None:
    names = ["Trần Văn An", "Lê Văn An"]
    assert sorted(names, key=text.given_name_sort_key) == ["Lê Văn An", "Trần Văn An"]


# --- slugs and formulas ----------------------------------------------------------------------
SLUG_CASES: list[tuple[str, str, int, str]] = [
    ("name", "Nguyễn Văn An", 60, "nguyen-van-an"),
    ("d-bar", "Đỗ Đức Đạt", 60, "do-duc-dat"),
    ("punctuation", "  Tờ trình số 05/TTr-UBND!! ", 60, "to-trinh-so-05-ttr-ubnd"),
    ("no-double-dash", "a -- b", 60, "a-b"),
    ("truncate-on-boundary", "Ủy ban nhân dân phường Tiến Thành", 20, "uy-ban-nhan-dan"),
    ("truncate-exact-boundary", "abc def ghi", 7, "abc-def"),
    ("truncate-long-word", "abcdefghij", 4, "abcd"),
    ("nothing-left", "!!! ???", 60, ""),
    ("non-latin", "文件", 60, ""),
]


@pytest.mark.parametrize(
    ("value", "max_len", "expected"), [c[1:] for c in SLUG_CASES], ids=[c[0] for c in SLUG_CASES]
)
def test_ascii_slug(value: str, max_len: int, expected: str) -> None:
    assert text.ascii_slug(value, max_len) == expected


def test_ascii_slug_rejects_zero_length() -> None:
    with pytest.raises(ValueError):
        text.ascii_slug("abc", 0)


FORMULA_CASES = [
    ("equals", "=SUM(A1:A3)", True),
    ("plus", "+84 912 345 678", True),
    ("minus", "- Như trên;", True),
    ("at", "@user", True),
    ("plain", "Nguyễn Văn An", False),
    ("inner-equals", "a=b", False),
    ("empty", "", False),
]


@pytest.mark.parametrize(
    ("value", "expected"), [c[1:] for c in FORMULA_CASES], ids=[c[0] for c in FORMULA_CASES]
)
def test_looks_like_formula(value: str, expected: bool) -> None:
    assert text.looks_like_formula(value) is expected


# --- the shortcut of clean: text already clean is handed back untouched -------------------
SHORTCUT_CASES = [
    *CLEAN_CASES,
    ("already-clean", "Nguyễn Văn An", "Nguyễn Văn An"),
    ("clean-lines", "dòng một\ndòng hai", "dòng một\ndòng hai"),
    ("space-before-newline", "a \nb", "a\nb"),
    ("space-after-newline", "a\n b", "a\nb"),
    ("leading-newline", "\nb", "b"),
    ("trailing-space", "b ", "b"),
    ("nel", "a\x85b", "a\nb"),
    ("line-separator", "a\u2028b", "a\nb"),
    ("file-separator", "a\x1cb", "a b"),
    ("ideographic-space", "a\u3000b", "a b"),
    ("combining-only", "\u0301", "\u0301"),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in SHORTCUT_CASES], ids=[c[0] for c in SHORTCUT_CASES]
)
def test_clean_shortcut_agrees_with_the_full_cleaning(raw: str, expected: str) -> None:
    """The C-speed check that skips `clean`'s work never skips a text that needs it."""
    skipped = text._DIRTY.search(raw) is None and unicodedata.is_normalized("NFC", raw)
    assert not skipped or expected == raw
    assert text.clean(raw) == expected
    assert text.clean(text.clean(raw)) == expected  # the shortcut keeps clean text as is
    assert text.clean_line(raw) == " ".join(expected.split())


@pytest.mark.parametrize(
    "name", ["Nguyễn Văn Hòa", "NGUYỄN VĂN HOÀ", NFD_NGUYEN + " Hoa", "x" * 300]
)
def test_person_key_is_the_same_from_the_memo(name: str) -> None:
    first = text.person_key(name)
    assert text.person_key(name) == first
    assert text._person_key(name) == first  # the memo only stores what it computes
