"""Tests for docgen.legacy: TCVN3 and VNI text read as Unicode, detection and conversion."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from docgen import legacy

QUOC_HIEU = "Cộng hòa xã hội chủ nghĩa Việt Nam"

# (id, Unicode, TCVN3 as read, VNI as read). Legacy spellings are written out by hand from the
# standard tables so that a wrong table entry fails in both directions.
PHRASES = [
    (
        "quoc-hieu",
        QUOC_HIEU,
        "Céng hßa x· héi chñ nghÜa ViÖt Nam",
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
    ),
    (
        "tieu-ngu",
        "Độc lập - Tự do - Hạnh phúc",
        "§éc lËp - Tù do - H¹nh phóc",
        "Ñoäc laäp - Töï do - Haïnh phuùc",
    ),
    ("uy-ban", "ủy ban nhân dân phường", "ñy ban nh©n d©n ph\xadêng", "uûy ban nhaân daân phöôøng"),
    ("ten", "Nguyễn Văn An", "NguyÔn V¨n An", "Nguyeãn Vaên An"),
    ("thi-dua", "thi đua khen thưởng", "thi ®ua khen th\xadëng", "thi ñua khen thöôûng"),
    ("giay-khen", "đề nghị tặng Giấy khen", "®Ò nghÞ tÆng GiÊy khen", "ñeà nghò taëng Giaáy khen"),
    (
        "thanh-tich",
        "báo cáo thành tích đạt được",
        "b¸o c¸o thµnh tÝch ®¹t ®\xadîc",
        "baùo caùo thaønh tích ñaït ñöôïc",
    ),
    ("dia-danh", "Hà Nội, Đà Nẵng, Huế", "Hµ Néi, §µ N½ng, HuÕ", "Haø Noäi, Ñaø Naüng, Hueá"),
    (
        "hoi-dong",
        "Hội đồng Thi đua - Khen thưởng",
        "Héi ®ång Thi ®ua - Khen th\xadëng",
        "Hoäi ñoàng Thi ñua - Khen thöôûng",
    ),
    (
        "y-vowels",
        "Kỳ họp thứ bảy, quý vị, Mỹ, kỷ yếu, lũy, quỵ",
        "Kú häp thø b¶y, quý vÞ, Mü, kû yÕu, lòy, quþ",
        "Kyø hoïp thöù baûy, quyù vò, Myõ, kyû yeáu, luõy, quî",
    ),
    (
        "i-vowels",
        "chỉ thị, nghĩa vụ, kịp thời, ích",
        "chØ thÞ, nghÜa vô, kÞp thêi, Ých",
        "chæ thò, nghóa vuï, kòp thôøi, ích",
    ),
    (
        "a-breve",
        "tằm, thẳng, lẵng, mắt, mặt",
        "t»m, th¼ng, l½ng, m¾t, mÆt",
        "taèm, thaúng, laüng, maét, maët",
    ),
    ("o-horn", "mời, mở, mỡ, mới, lợi", "mêi, më, mì, míi, lîi", "môøi, môû, môõ, môùi, lôïi"),
    (
        "u-horn",
        "từ, sử, những, lứa, lực",
        "tõ, sö, nh÷ng, løa, lùc",
        "töø, söû, nhöõng, löùa, löïc",
    ),
    (
        "ed",
        "về, để, lễ, tiếp, việc, nghèo, mẹ",
        "vÒ, ®Ó, lÔ, tiÕp, viÖc, nghÌo, mÑ",
        "veà, ñeå, leã, tieáp, vieäc, ngheøo, meï",
    ),
]
PHRASE_IDS = [p[0] for p in PHRASES]


@pytest.mark.parametrize(("uni", "tcvn3"), [(p[1], p[2]) for p in PHRASES], ids=PHRASE_IDS)
def test_tcvn3_to_unicode(uni: str, tcvn3: str) -> None:
    assert legacy.to_unicode(tcvn3, "tcvn3") == uni


@pytest.mark.parametrize(("uni", "tcvn3"), [(p[1], p[2]) for p in PHRASES], ids=PHRASE_IDS)
def test_tcvn3_from_unicode(uni: str, tcvn3: str) -> None:
    assert legacy.from_unicode(uni, "tcvn3") == tcvn3


@pytest.mark.parametrize(("uni", "vni"), [(p[1], p[3]) for p in PHRASES], ids=PHRASE_IDS)
def test_vni_to_unicode(uni: str, vni: str) -> None:
    assert legacy.to_unicode(vni, "vni") == uni


@pytest.mark.parametrize(("uni", "vni"), [(p[1], p[3]) for p in PHRASES], ids=PHRASE_IDS)
def test_vni_from_unicode(uni: str, vni: str) -> None:
    assert legacy.from_unicode(uni, "vni") == vni


def test_results_are_nfc() -> None:
    for _, _, tcvn3, vni in PHRASES:
        for encoding, spelled in (("tcvn3", tcvn3), ("vni", vni)):
            result = legacy.to_unicode(spelled, encoding)
            assert unicodedata.is_normalized("NFC", result)


# Every Vietnamese letter, both cases, round-trips through VNI.
ALL_LOWER = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"


@pytest.mark.parametrize("letters", [ALL_LOWER, ALL_LOWER.upper()], ids=["lower", "upper"])
def test_vni_round_trip_every_letter(letters: str) -> None:
    spelled = legacy.from_unicode(letters, "vni")
    assert legacy.to_unicode(spelled, "vni") == letters


def test_tcvn3_round_trip_every_lowercase_letter() -> None:
    spelled = legacy.from_unicode(ALL_LOWER, "tcvn3")
    assert all(ord(c) < 0x100 for c in spelled)
    assert legacy.to_unicode(spelled, "tcvn3") == ALL_LOWER


VNI_CAPITALS = [
    ("quoc-hieu", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("to-trinh", "TÔØ TRÌNH", "TỜ TRÌNH"),
    ("uy-ban", "ÖÛY BAN NHAÂN DAÂN PHÖÔØNG TIEÁN THAØNH", "ỬY BAN NHÂN DÂN PHƯỜNG TIẾN THÀNH"),
    (
        "y-dot",
        "KYÛ LUAÄT, THÖÏC HIEÄN, ÑÒNH, YÙ, HÖÕU, ÑÆNH, THÒ",
        "KỶ LUẬT, THỰC HIỆN, ĐỊNH, Ý, HỮU, ĐỈNH, THỊ",
    ),
]


@pytest.mark.parametrize(
    ("vni", "uni"), [c[1:] for c in VNI_CAPITALS], ids=[c[0] for c in VNI_CAPITALS]
)
def test_vni_capitals(vni: str, uni: str) -> None:
    assert legacy.to_unicode(vni, "vni") == uni


TCVN3_CAPITALS = [
    # .VnTimeH: lowercase codes displayed as capitals.
    ("h-font", "céng hßa x· héi chñ nghÜa viÖt nam", True, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("h-font-mixed-ascii", "Tê TR×NH", True, "TỜ TRÌNH"),
    # .VnTime: capitals Ă Â Ê Ô Ơ Ư Đ and the toned capitals VN3 encodes.
    ("plain-font-capitals", "§¡NG ¢M £M ¤NG ¥N ¦U", False, "ĐĂNG ÂM ÊM ÔNG ƠN ƯU"),
    ("plain-font-toned-capitals", "ÄN ÁN ÀN ÅN ÛN ÿN", False, "ẤN ẦN ẮN ỀN ỒN ỐN"),
    ("combining-tones", "a°a±a²a³a´", False, "àảãáạ"),
]


@pytest.mark.parametrize(
    ("tcvn3", "capitals", "uni"),
    [c[1:] for c in TCVN3_CAPITALS],
    ids=[c[0] for c in TCVN3_CAPITALS],
)
def test_tcvn3_capitals(tcvn3: str, capitals: bool, uni: str) -> None:
    assert legacy.to_unicode(tcvn3, "tcvn3", capitals=capitals) == uni


def test_tcvn3_leaves_windows_punctuation() -> None:
    # 0x80-0x9F hold curly quotes and dashes in VN3 fonts, not letters.
    assert (
        legacy.to_unicode("\u201c§i\u201d \u2013 \u2026", "tcvn3") == "\u201cĐi\u201d \u2013 \u2026"
    )


def test_tcvn3_capitals_without_code_take_lowercase_code() -> None:
    assert legacy.from_unicode("Ủy ban", "tcvn3") == "ñy ban"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv not installed")
def test_tcvn3_table_matches_glibc_iconv() -> None:
    codes = range(0xA1, 0x100)
    # One byte per line, so that a tone mark (0xB0-0xB4) cannot compose with its neighbour.
    data = b"\n".join(bytes([b]) for b in codes)
    run = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=False
    )
    if run.returncode != 0:
        pytest.skip("iconv lacks TCVN5712-1")
    expected = [unicodedata.normalize("NFC", s) for s in run.stdout.decode("utf-8").split("\n")]
    got = [legacy.to_unicode(chr(b), "tcvn3") for b in codes]
    assert got == expected


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"], ids=["tcvn3", "vni"])
def test_ascii_unchanged(encoding: str) -> None:
    plain = "Phong trao 2023: 07/09 (77,78 %) - OK"
    assert legacy.to_unicode(plain, encoding) == plain
    assert legacy.from_unicode(plain, encoding) == plain


@pytest.mark.parametrize("encoding", ["utf-8", "viqr", ""], ids=["utf8", "viqr", "empty"])
def test_unknown_encoding_rejected(encoding: str) -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        legacy.to_unicode("abc", encoding)
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        legacy.from_unicode("abc", encoding)


# --- detection -------------------------------------------------------------------------------
DETECT_BY_FONT = [
    ("vntime", ".VnTime", "tcvn3"),
    ("vntimeh", ".VnTimeH", "tcvn3"),
    ("vnarial-lowercase", ".vnarial", "tcvn3"),
    ("vni-times", "VNI-Times", "vni"),
    ("vni-helve-lowercase", "vni-helve", "vni"),
    ("times-new-roman", "Times New Roman", None),
    ("no-font", None, None),
]


@pytest.mark.parametrize(
    ("font", "expected"), [c[1:] for c in DETECT_BY_FONT], ids=[c[0] for c in DETECT_BY_FONT]
)
def test_detect_by_font_name(font: str | None, expected: str | None) -> None:
    # Plain ASCII content: only the font can tell.
    assert legacy.detect("Phong trao thi dua", font) == expected


def test_detect_font_ignored_for_unicode_vietnamese() -> None:
    # Old templates keep .VnTime on cells typed in Unicode.
    assert legacy.detect(QUOC_HIEU, ".VnTime") is None
    assert legacy.detect(QUOC_HIEU, "VNI-Times") is None


DETECT_BY_CONTENT = [(p[0] + "-tcvn3", p[2], "tcvn3") for p in PHRASES[:10]] + [
    (p[0] + "-vni", p[3], "vni") for p in PHRASES[:10]
]
DETECT_BY_CONTENT += [
    ("vni-capitals", VNI_CAPITALS[0][1], "vni"),
    ("tcvn3-capitals-font", "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3"),
    ("tcvn3-name", "Lª V¨n Hïng", "tcvn3"),
]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [c[1:] for c in DETECT_BY_CONTENT],
    ids=[c[0] for c in DETECT_BY_CONTENT],
)
def test_detect_by_content(sample: str, expected: str) -> None:
    assert legacy.detect(sample) == expected


NOT_LEGACY = [
    ("unicode-vi", QUOC_HIEU),
    ("unicode-vi-upper", QUOC_HIEU.upper()),
    ("unicode-vi-nfd", unicodedata.normalize("NFD", QUOC_HIEU)),
    ("unicode-latin1-only", "Cà phê Cà Mau"),
    ("unicode-names", "Nguyễn Văn Hòa, Trần Thị Thủy, Đỗ Đức"),
    ("english", "Report on the emulation campaign, 2023 (final)."),
    ("french", "Où est la gare ? Il a été très naïf, c'est coûteux à Noël."),
    ("french-short", "naïf coûteux"),
    ("french-quotes", "« Bonjour » et «Oui»"),
    ("german", "Grüße aus Köln, die Straße ist schön."),
    ("spanish", "El niño español, año 2023"),
    ("symbols", "Microsoft® Office© 25°C 5 µm ±2"),
    ("single-legacy-word", "nghÜa"),
    ("empty", ""),
]


@pytest.mark.parametrize("sample", [c[1] for c in NOT_LEGACY], ids=[c[0] for c in NOT_LEGACY])
def test_detect_does_not_fire(sample: str) -> None:
    assert legacy.detect(sample) is None


CAPITALS_FONTS = [
    ("vntimeh", ".VnTimeH", True),
    ("vnarialh", ".VnArialH", True),
    ("vntime", ".VnTime", False),
    ("vni-times", "VNI-Times", False),
    ("times-new-roman", "Times New Roman", False),
    ("none", None, False),
]


@pytest.mark.parametrize(
    ("font", "expected"), [c[1:] for c in CAPITALS_FONTS], ids=[c[0] for c in CAPITALS_FONTS]
)
def test_is_capitals_font(font: str | None, expected: bool) -> None:
    assert legacy.is_capitals_font(font) is expected
