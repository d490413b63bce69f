"""The wording a reviewer would send back (issue 22 §5), per legal profile, through `ho-so`.

Each profile's example is built once per module from its pristine copy; a test that needs a
changed campaign builds its own copy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign.model import Campaign, Kind
from docgen.checks import sample
from docgen.cli import main
from docgen.meeting.model import Selection
from tests.conftest import ATTENDANCE, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, MakeWorkbook
from tests.examples import copy_example

# variant ("" = the shipped example) → output folder of its campaign
FOLDERS = {"": "kh19-2023-cchc", "nd98-2024": "kh21-2024-cchc", "nd152-2026": "kh12-2026-cchc"}
POST_2023 = ["nd98-2024", "nd152-2026"]


def text_of(path: Path) -> str:
    """Paragraphs, then every table cell (cell paragraphs joined by new lines)."""
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


def build(root: Path, variant: str, edit: Callable[[str], str] | None = None) -> Path:
    """The variant's example workspace at `root`, its campaign edited, built with `ho-so`."""
    ws = copy_example(variant, root)
    if edit is not None:
        ws.campaign.write_text(edit(ws.campaign.read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(root)])
    assert result.exit_code == 0, result.output
    return root / "output" / FOLDERS[variant]


_BUILT: dict[tuple[str, str], Path] = {}  # (variant, edit) → its output folder, read only


@pytest.fixture(scope="session")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., Path]:
    """The output folder of a variant's example (its campaign edited by `edit`), built on first
    use and shared by the tests that only read it."""

    def get(variant: str, edit: Callable[[str], str] | None = None) -> Path:
        key = (variant, edit.__name__ if edit else "")
        if key not in _BUILT:
            root = tmp_path_factory.mktemp(f"{variant or 'nd91'}-{key[1] or 'mau'}")
            _BUILT[key] = build(root, variant, edit)
        return _BUILT[key]

    return get


def reports(folder: Path) -> dict[str, str]:
    return {
        f"{p.parent.name}/{p.name}": text_of(p) for p in sorted(folder.glob("*/bao-cao-*.docx"))
    }


@pytest.mark.parametrize("variant", POST_2023)
def test_post_2023_reports_are_confirmed_by_the_submitting_level(
    built: Callable[[str], Path], variant: str
) -> None:
    found = reports(built(variant))
    confirmed = {name for name, text in found.items() if "XÁC NHẬN" in text}
    assert len(confirmed) >= 4, sorted(found)
    for name in confirmed:
        text = found[name]
        assert "XÁC NHẬN CỦA CẤP\nTRÌNH KHEN THƯỞNG" in text, name
        assert "XÁC NHẬN CỦA CẤP TRÊN" not in text and "XÁC NHẬN, ĐỀ NGHỊ" not in text, name


def test_nd91_reports_keep_the_nd91_confirmation_labels(built: Callable[[str], Path]) -> None:
    found = reports(built(""))
    assert (
        "XÁC NHẬN CỦA CẤP TRÊN"
        in found["phuong/bao-cao-thanh-tich-bo-phan-mot-cua-phuong-tien-thanh.docx"]
    )
    assert "XÁC NHẬN, ĐỀ NGHỊ" in found["phuong/bao-cao-thanh-tich-pham-minh-tam.docx"]
    assert not any("TRÌNH KHEN THƯỞNG" in text for text in found.values())


def thematic(text: str) -> str:
    assert "thematic = false" in text
    return text.replace("thematic = false", "thematic = true")


MOVEMENT = {
    "": "phong trào thi đua theo chuyên đề “Cải cách hành chính năm 2023”",
    "nd152-2026": "phong trào thi đua theo chuyên đề “Cải cách hành chính năm 2026”",
}


@pytest.mark.parametrize("variant", list(MOVEMENT), ids=["nd91_2017", "nd152_2025"])
def test_a_thematic_campaign_is_named_as_such(built: Callable[..., Path], variant: str) -> None:
    folder = built(variant, thematic)
    upper = sorted(p.parent.name for p in folder.glob("*/to-trinh.docx"))[0]
    movement = MOVEMENT[variant]
    proposal = text_of(folder / upper / "to-trinh.docx").splitlines()
    award = next(line for line in proposal if line.startswith("Về việc đề nghị tặng"))
    assert award.endswith(f" trong {movement}")  # the trích yếu
    request = next(line for line in proposal if "kính đề nghị" in line)
    assert f"có thành tích trong {movement}, gồm:" in request
    listing = text_of(folder / upper / "danh-sach.docx")
    assert "\nĐề nghị tặng " in listing and f" trong {movement}\n" in listing
    minutes = text_of(folder / upper / "bien-ban.docx")
    assert f"Họp xét đề nghị khen thưởng {movement}" in minutes
    for name, text in reports(folder).items():  # the thematic form's title
        assert f"TRONG {movement.upper()}" in text, name
    # the manifest (and the registers made from it) summarise each document alike
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    summaries = {f["path"]: f["summary"] for f in manifest["files"]}
    assert all(movement in text for text in summaries.values()), summaries
    # the ordinary campaign's documents never say so
    ordinary = built(variant)
    for name in ("to-trinh.docx", "danh-sach.docx", "bien-ban.docx"):
        assert "chuyên đề" not in text_of(ordinary / upper / name), name


TITLE_CASES = [
    ("collective, Chiến sĩ thi đua cơ sở", "collective", "Danh hiệu thi đua", "Chiến sĩ thi đua cơ sở", True),
    ("collective, quoted and in capitals", "collective", "Danh hiệu thi đua", "“LAO ĐỘNG TIÊN TIẾN”", True),
    ("collective, its own title", "collective", "Danh hiệu thi đua", "Tập thể lao động tiên tiến", False),
    ("collective, a Giấy khen", "collective", "Hình thức khen thưởng", "Giấy khen của Chủ tịch UBND phường", False),
    ("individual, Chiến sĩ thi đua cơ sở", "individual", "Danh hiệu thi đua", "Chiến sĩ thi đua cơ sở", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "kind_of_award", "title", "found"),
    [c[1:] for c in TITLE_CASES],
    ids=[c[0] for c in TITLE_CASES],
)
def test_a_collective_holding_an_individual_only_title_is_a_finding(
    campaign: Campaign,
    make_workbook: MakeWorkbook,
    kind: str,
    kind_of_award: str,
    title: str,
    found: bool,
) -> None:
    from docgen.validate.run import validate_folder

    owner = GOOD_COLLECTIVE["ten"] if kind == "collective" else GOOD_INDIVIDUAL["ho_ten"]
    award = {
        "ten": owner,
        "ngay_sinh": "" if kind == "collective" else GOOD_INDIVIDUAL["ngay_sinh"],
        "loai": kind_of_award,
        "nam": 2022,
        "hinh_thuc": title,
        "so_qd": "12/QĐ-UBND",
        "ngay_qd": "10/01/2023",
        "co_quan": "UBND phường Tiến Thành",
    }
    rows = {"collectives": [GOOD_COLLECTIVE]} if kind == "collective" else {}
    path = make_workbook(individuals=[GOOD_INDIVIDUAL], awards=[award], **rows)
    report = validate_folder(campaign, path.parent)
    issues = [i for i in report.issues if i.code == "AWARD_TITLE_INDIVIDUAL_ONLY"]
    assert [i.code for i in report.issues if i.code not in ATTENDANCE] == [i.code for i in issues]
    if not found:
        assert issues == []
        return
    (issue,) = issues
    assert issue.message == (
        f"“{title}” là danh hiệu thi đua chỉ tặng cho cá nhân; tập thể "
        "“Bộ phận Một cửa phường Tiến Thành” không thể đã nhận danh hiệu này."
    )
    place = issue.place
    assert (place.file, place.sheet, place.row) == ("don-vi.xlsx", "Khen thưởng đã nhận", 3)
    assert place.column == "E" and place.header == "Danh hiệu / hình thức khen thưởng"
    assert issue.severity.name == "ERROR"


def test_a_unit_without_a_seal_signs_with_its_name(built: Callable[[str], Path]) -> None:
    found = reports(built(""))
    one_cua = found["phuong/bao-cao-thanh-tich-bo-phan-mot-cua-phuong-tien-thanh.docx"]
    # the unit's head: no seal; the ward's chairman who confirms it: sealed
    assert "TRƯỞNG BỘ PHẬN\n(Ký, ghi rõ họ tên)" in one_cua
    assert one_cua.count("(Ký, đóng dấu)") == 1
    assert "CHỦ TỊCH\n(Ký, đóng dấu)" in one_cua
    ward = found["thanh-pho/bao-cao-thanh-tich-uy-ban-nhan-dan-phuong-tien-thanh.docx"]
    assert "CHỦ TỊCH\n(Ký, đóng dấu)" in ward and "ghi rõ họ tên" not in ward


def test_the_campaign_says_which_unit_has_a_seal(tmp_path: Path) -> None:
    def sealed(text: str) -> str:
        old = 'label = "Bộ phận \\"Một cửa\\" phường"\nseal = false'
        assert old in text
        return text.replace(old, 'label = "Bộ phận \\"Một cửa\\" phường"\nseal = true')

    folder = build(tmp_path, "", sealed)
    one_cua = text_of(folder / "phuong/bao-cao-thanh-tich-bo-phan-mot-cua-phuong-tien-thanh.docx")
    assert "TRƯỞNG BỘ PHẬN\n(Ký, đóng dấu)" in one_cua and "ghi rõ họ tên" not in one_cua


SEAL_DEFAULTS = [
    ("Ủy ban nhân dân phường", True),
    ("Trường Tiểu học Tiến Thành", True),
    ('Bộ phận "Một cửa" phường', False),
    ("Tổ dân phố 3", False),
    ("Khối Nội chính", False),
    ("Khu phố Phú Thanh", False),
    ("Tổng đội Thanh niên xung phong", True),
]


@pytest.mark.parametrize(("label", "seal"), SEAL_DEFAULTS, ids=[c[0] for c in SEAL_DEFAULTS])
def test_a_subject_without_seal_key_has_the_default_of_its_kind(label: str, seal: bool) -> None:
    from docgen.campaign.defaults import has_seal

    assert has_seal(label) is seal


NB_ELEMENT = b"<w:noBreakHyphen/>"


def test_a_ky_hieu_keeps_words_own_no_break_hyphen(built: Callable[[str], Path]) -> None:
    """Word's element in the documents; a plain "-" wherever the text is read or recorded."""
    import zipfile

    folder = built("")
    for path in sorted(folder.glob("*/*.docx")):
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml")
        assert "\u2011".encode() not in xml, path.name
    proposal = folder / "thanh-pho" / "to-trinh.docx"
    with zipfile.ZipFile(proposal) as package:
        xml = package.read("word/document.xml")
    assert b'/TTr</w:t><w:noBreakHyphen/><w:t xml:space="preserve">UBND' in xml
    assert xml.count(NB_ELEMENT) >= 5  # the number and every cited ký hiệu
    text = text_of(proposal)
    assert "Số:      /TTr-UBND" in text and "Nghị định số 91/2017/NĐ-CP" in text
    for name in ("manifest.json", "tom-tat.txt"):
        assert "\u2011" not in (folder / name).read_text(encoding="utf-8"), name


def test_libreoffice_prints_the_no_break_hyphen_as_a_hyphen(
    built: Callable[[str], Path], tmp_path: Path
) -> None:
    import subprocess

    from tests.conftest import libreoffice_convert

    pdf = libreoffice_convert([built("") / "thanh-pho" / "to-trinh.docx"], "pdf", tmp_path)
    shown = subprocess.run(
        ["pdftotext", "-layout", str(pdf / "to-trinh.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "/TTr-UBND" in shown and "91/2017/NĐ-CP" in shown and "\u2011" not in shown
    # the ký hiệu is never split at its hyphen
    assert not any(line.rstrip().endswith(("/TTr-", "/NĐ-", "/KH-")) for line in shown.splitlines())


def test_the_format_checker_reads_the_element_as_a_hyphen() -> None:
    from docx.oxml import parse_xml

    from docgen.checks.styles import run_text

    run = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:t>Số: 05/TTr</w:t><w:noBreakHyphen/><w:t>UBND</w:t></w:r>"
    )
    assert run_text(run) == "Số: 05/TTr-UBND"


def _individuals_only(campaign: Campaign) -> Selection:
    selection = sample.selection(campaign)
    selection.decisions = [d for d in selection.decisions if d.nominee.kind is Kind.INDIVIDUAL]
    return selection


def test_a_list_of_one_group_is_not_numbered(campaign: Campaign) -> None:
    from tests.test_documents import _dossier
    from tests.test_templates import render, text_of

    documents = _dossier(campaign, _individuals_only(campaign))
    proposal = text_of(render(*documents["to-trinh"])).splitlines()
    assert "Cá nhân:" in proposal and "1. Cá nhân:" not in proposal
    listing = text_of(render(*documents["danh-sach"]))
    assert "\nCÁ NHÂN" in listing and "I\nCÁ NHÂN" not in listing
    minutes = text_of(render(*documents["bien-ban"])).splitlines()
    assert "CÁ NHÂN" in minutes and "I. CÁ NHÂN" not in minutes
    # one level considered: its section is not numbered either
    assert any(line.startswith("Cấp thành phố: đề nghị tặng") for line in minutes)
    assert not any(line.startswith("6.1.") for line in minutes)


def test_lists_of_several_keep_their_numbers(campaign: Campaign) -> None:
    from tests.test_documents import _dossier
    from tests.test_templates import render, text_of

    documents = _dossier(campaign)
    proposal = text_of(render(*documents["to-trinh"])).splitlines()
    assert "1. Tập thể:" in proposal and "2. Cá nhân:" in proposal
    minutes = text_of(render(*documents["bien-ban"])).splitlines()
    assert "I. TẬP THỂ" in minutes and "II. CÁ NHÂN" in minutes


def test_two_levels_are_numbered_in_the_minutes(built: Callable[[str], Path]) -> None:
    minutes = text_of(built("") / "phuong" / "bien-ban.docx").splitlines()
    assert any(line.startswith("6.1. Cấp thành phố: đề nghị tặng") for line in minutes)
    assert any(line.startswith("6.2. Cấp phường: đề nghị tặng") for line in minutes)


FORM_LINE = re.compile(r"^- [^:]{3,80}:\s*$", re.MULTILINE)


@pytest.mark.parametrize("variant", ["", *POST_2023])
def test_no_form_line_is_printed_empty(built: Callable[[str], Path], variant: str) -> None:
    """Optional facts left blank (học hàm, lý luận chính trị, điện thoại…) leave their line
    out; the required ones are findings before rendering."""
    for name, text in reports(built(variant)).items():
        assert FORM_LINE.findall(text) == [], name


WARD_REPORT = "bao-cao-thanh-tich-uy-ban-nhan-dan-phuong-tien-thanh.docx"


@pytest.mark.parametrize("variant", list(FOLDERS))
def test_example_awards_are_the_chairmans(built: Callable[[str], Path], variant: str) -> None:
    """A Giấy khen is conferred by the Chủ tịch UBND, not the UBND; the ward's committee holds
    no award of its own chairman."""
    found = reports(built(variant))
    histories = "\n".join(found.values())
    decisions = re.findall(r"Quyết định số \S+ ngày [^\n]*? của ([^\n]+)", histories)
    assert decisions and all(d.startswith("Chủ tịch ") for d in decisions), decisions
    ward = next(text for name, text in found.items() if name.endswith(WARD_REPORT))
    assert "Chủ tịch UBND phường" not in ward and "Chủ tịch Ủy ban nhân dân phường" not in ward


LAW = "Luật Thi đua, khen thưởng"


def test_the_law_has_one_spelling_everywhere(built: Callable[[str], Path]) -> None:
    root = Path(__file__).resolve().parents[1]
    files = [
        root / "input" / "campaign.toml",
        *sorted((root / "tools" / "example").rglob("*.toml")),
        *sorted((root / "tools" / "example").glob("*.py")),
        *sorted((root / "docgen").rglob("*.py")),
    ]
    other = re.compile(r"Luật\s+thi\s+đua\s*[,-]?\s*khen\s+thưởng", re.IGNORECASE)
    for path in files:
        spelled = other.findall(path.read_text(encoding="utf-8"))
        assert set(spelled) <= {LAW}, path
    proposal = text_of(built("") / "thanh-pho" / "to-trinh.docx")
    assert f"Căn cứ {LAW} ngày 26 tháng 11 năm 2003" in proposal


LONG_COLLECTIVE = (
    "Tổ công tác liên ngành hỗ trợ giải quyết thủ tục hành chính trên môi trường điện tử "
    "của Ủy ban nhân dân phường Tiến Thành"
)


def test_a_long_collective_name_wraps_over_the_merged_width(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Printed by LibreOffice, the name keeps to a few lines (over 8 in a name column alone)."""
    import subprocess
    import xml.etree.ElementTree as ET

    from docgen.documents.minutes import minutes_context
    from tests.conftest import libreoffice_convert
    from tests.test_templates import render

    selection = sample.selection(campaign)
    collective = next(d for d in selection.decisions if d.nominee.kind is Kind.COLLECTIVE)
    collective.nominee.values["ten"] = LONG_COLLECTIVE
    context = minutes_context(campaign, sample.meeting(), [selection])
    render("bien-ban.docx", context).save(str(tmp_path / "bien-ban.docx"))
    pdf = libreoffice_convert([tmp_path / "bien-ban.docx"], "pdf", tmp_path / "pdf")
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf / "bien-ban.pdf"), "-"],
        capture_output=True,
        check=True,
    ).stdout
    # pdftotext may cut a word at its accented letters: lines are compared without spaces
    lines = [
        "".join(w.text or "" for w in line.iter() if w.tag.endswith("word"))
        for line in ET.fromstring(layout).iter()
        if line.tag.endswith("line")
    ]
    name = "".join(LONG_COLLECTIVE.split())
    start = next(i for i, line in enumerate(lines) if line and name.startswith(line))
    printed, used = "", 0
    for line in lines[start : start + 20]:  # other cells of the row may be read in between
        if line and name.startswith(printed + line):
            printed, used = printed + line, used + 1
    assert printed == name
    assert used <= 3, used


MOVEMENTS = [
    ("Phong trào thi đua cải cách hành chính năm 2023", False, "phong trào thi đua cải cách hành chính năm 2023"),
    ("Phong trào thi đua cải cách hành chính năm 2023", True, "phong trào thi đua theo chuyên đề “Cải cách hành chính năm 2023”"),
    ("Thi đua chuyên đề chuyển đổi số năm 2026", True, "thi đua chuyên đề chuyển đổi số năm 2026"),
    ("Chuyển đổi số năm 2026", True, "phong trào thi đua theo chuyên đề “Chuyển đổi số năm 2026”"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "thematic", "named"), MOVEMENTS, ids=["ordinary", "thematic", "says-so", "bare"]
)
def test_how_a_campaign_is_named_in_a_sentence(
    campaign: Campaign, title: str, thematic: bool, named: str
) -> None:
    import dataclasses

    assert dataclasses.replace(campaign, title=title, thematic=thematic).movement == named


@pytest.mark.parametrize("variant", ["", "nd152-2026"], ids=["nd91_2017", "nd152_2025"])
def test_a_thematic_report_numbers_its_results_only_beside_measures(
    built: Callable[..., Path], variant: str
) -> None:
    folder = built(variant, thematic)
    found = reports(folder)
    results = "Kết quả thực hiện các mục tiêu, chỉ tiêu thi đua đã đăng ký:"
    person = next(t for n, t in found.items() if n.endswith("nguyen-van-an.docx"))
    lines = person.splitlines()
    assert results in lines and f"1. {results}" not in lines  # one item: not numbered
    unit = next(t for n, t in found.items() if n.endswith(WARD_REPORT)).splitlines()
    assert f"1. {results}" in unit
    assert "2. Biện pháp, giải pháp thực hiện và bài học kinh nghiệm:" in unit
