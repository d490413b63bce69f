"""Report forms as signed: every form builds through `ho-so`, with real signers, no placeholders.

Built from a copy of the shipped example workspace, through the `ho-so` command.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.campaign import load_campaign
from docgen.checks.docx_format import check_docx
from docgen.cli import main
from docgen.workspace import Workspace
from tests.conftest import GOOD_COLLECTIVE, ROOT, MakeWorkbook
from tests.test_templates import plain

PLACEHOLDERS = re.compile(r"Không có nội dung|: Không$|THỦ TRƯỞNG ĐƠN VỊ$|\{\{|\{%", re.MULTILINE)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A copy of the shipped example workspace."""
    for name in ("input", "templates_docx"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return Workspace(tmp_path)


def _campaign(ws: Workspace, **changes: str) -> None:
    text = ws.campaign.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    ws.campaign.write_text(text, encoding="utf-8")


def _ho_so(ws: Workspace) -> str:
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(ws.root)])
    assert result.exit_code == 0, result.output
    return result.output


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [
        p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs
    ]
    return plain("\n".join(parts))


def _reports(ws: Workspace) -> dict[str, str]:
    folder = ws.output("kh19-2023-cchc")
    return {p.name: _text(p) for p in sorted(folder.glob("*/bao-cao-thanh-tich-*.docx"))}


THEMATIC = {"thematic = false": "thematic = true"}


def test_thematic_campaign_builds_for_collectives_and_individuals(workspace: Workspace) -> None:
    _campaign(workspace, **THEMATIC)
    output = _ho_so(workspace)
    assert "Đã lập 14 văn bản" in output
    reports = _reports(workspace)
    one_cua = reports["bao-cao-thanh-tich-bo-phan-mot-cua-phuong-tien-thanh.docx"]
    person = reports["bao-cao-thanh-tich-nguyen-van-an.docx"]
    assert "TRONG PHONG TRÀO THI ĐUA THEO CHUYÊN ĐỀ “CẢI CÁCH HÀNH CHÍNH NĂM 2023”" in one_cua
    assert "- Địa chỉ trụ sở: Trụ sở UBND phường" in one_cua
    assert "- Họ tên: Nguyễn Văn An" in person and "- Quê quán: Xã Tiến Hưng" in person
    assert "Trên đây là báo cáo thành tích của cá nhân tôi" in person
    for path in workspace.output("kh19-2023-cchc").glob("*/*.docx"):
        assert check_docx(path) == [], path.name


def test_thematic_is_refused_for_a_profile_without_a_thematic_form(workspace: Workspace) -> None:
    _campaign(workspace, **THEMATIC, nd91_2017='nd98_2023"  #')
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(workspace.root)])
    assert result.exit_code == 2
    assert "theo chuyên đề" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("thematic", [False, True], ids=["standard", "thematic"])
def test_no_placeholder_or_invented_value_in_any_report(
    workspace: Workspace, thematic: bool
) -> None:
    if thematic:
        _campaign(workspace, **THEMATIC)
    _ho_so(workspace)
    found = {name: PLACEHOLDERS.findall(text) for name, text in _reports(workspace).items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
    person = _reports(workspace)["bao-cao-thanh-tich-nguyen-van-an.docx"]
    assert "Học hàm, học vị" not in person  # left blank in the intake: the line is left out
    if thematic:  # collected, and the form has a line for it: printed
        assert "- Trình độ lý luận chính trị: Cao cấp" in person


def test_signature_blocks_carry_the_real_signers(workspace: Workspace) -> None:
    _ho_so(workspace)
    reports = _reports(workspace)
    one_cua = reports["bao-cao-thanh-tich-bo-phan-mot-cua-phuong-tien-thanh.docx"]
    # The unit's head signs with their title; the ward's chairman confirms.
    # Titles on one row, names on the row below: the confirmer's (left), then the head's.
    assert "XÁC NHẬN CỦA CẤP TRÊN\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Ký, đóng dấu)" in one_cua
    assert re.search(
        "TRƯỞNG BỘ PHẬN\n\\(Ký, ghi rõ họ tên\\)\n{5}Lê Thanh Hoan\n+Nguyễn Văn An", one_cua
    )
    # The ward itself signs as the issuer, and does not confirm its own report.
    ward = reports["bao-cao-thanh-tich-uy-ban-nhan-dan-phuong-tien-thanh.docx"]
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in ward and "XÁC NHẬN" not in ward
    person = reports["bao-cao-thanh-tich-pham-minh-tam.docx"]
    assert "XÁC NHẬN, ĐỀ NGHỊ\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in person
    assert "Lê Thanh Hoan" in person and "NGƯỜI BÁO CÁO THÀNH TÍCH" in person


def test_campaign_names_who_confirms_the_reports(workspace: Workspace) -> None:
    extra = '[signers.pho_chu_tich]\nauthority = "KT. CHỦ TỊCH"\ntitle = "PHÓ CHỦ TỊCH"\nname = "Trần Văn Bảy"\n\n'
    _campaign(
        workspace,
        **{
            "# Đối tượng khen thưởng.": extra + "# Đối tượng khen thưởng.",
            'quota = { collective = 1, individual = 3 }\nsigner = "chu_tich"': (
                'quota = { collective = 1, individual = 3 }\nsigner = "chu_tich"\n'
                'confirmer = "pho_chu_tich"'
            ),
        },
    )
    _ho_so(workspace)
    person = _reports(workspace)["bao-cao-thanh-tich-pham-minh-tam.docx"]
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in person  # for the committee
    assert "Trần Văn Bảy" in person


def test_unknown_confirmer_is_a_campaign_error(workspace: Workspace) -> None:
    _campaign(
        workspace,
        **{
            'signer = "chu_tich"\nnoi_nhan = ["Thường': 'signer = "chu_tich"\nconfirmer = "ai_do"\nnoi_nhan = ["Thường'
        },
    )
    result = CliRunner().invoke(
        main, ["kiem-tra-chien-dich", "--chien-dich", str(workspace.campaign)]
    )
    assert result.exit_code == 2
    assert "levels[1].confirmer" in result.output and "“ai_do”" in result.output


@pytest.mark.parametrize("key", ["bien_phap", "chinh_sach", "doan_the"])
def test_empty_required_section_is_a_finding_at_its_cell(
    make_workbook: MakeWorkbook, tmp_path: Path, key: str
) -> None:
    from docgen.validate.run import validate_folder

    make_workbook(collectives=[{**GOOD_COLLECTIVE, key: ""}])
    report = validate_folder(load_campaign(ROOT / "input" / "campaign.toml"), tmp_path / "phieu")
    header = {
        "bien_phap": "Biện pháp",
        "chinh_sach": "Thực hiện chủ trương",
        "doan_the": "Hoạt động",
    }
    found = [
        (i.code, i.place.sheet, i.place.row, i.place.header.split(",")[0].split(" của")[0])
        for i in report.issues
    ]
    assert any(
        f[:3] == ("CELL_REQUIRED", "Tập thể", 3) and f[3].startswith(header[key]) for f in found
    ), found


def test_a_form_serving_both_kinds_is_checked_against_each(tmp_path: Path) -> None:
    """Mẫu 07 printing an individual's field outside its `ca_nhan` branch fails for collectives."""
    from docgen.checks.template import check_template

    doc = Document(str(ROOT / "templates_docx" / "bao-cao-nd91-mau07.docx"))
    doc.add_paragraph("- Họ tên: {{ ho_ten }}")
    path = tmp_path / "bao-cao-nd91-mau07.docx"
    doc.save(str(path))
    problems = check_template(path, load_campaign(ROOT / "input" / "campaign.toml"))
    assert {(p.code, p.message) for p in problems} == {
        (
            "TPL_UNKNOWN_VARIABLE",
            "Biến “ho_ten” không có trong dữ liệu của văn bản này (báo cáo của tập thể).",
        )
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quyết định số 52/QĐ-UBND", "Quyết định số 52/QĐ\u2011UBND"),
        ("Số:      /TTr-UBND", "Số:      /TTr\u2011UBND"),
        ("Nghị định số 91/2017/NĐ-CP", "Nghị định số 91/2017/NĐ\u2011CP"),
        ("phường Tiến Thành, tỉnh Bình Phước", "phường Tiến\u00a0Thành, tỉnh Bình\u00a0Phước"),
        ("Văn phòng - Thống kê", "Văn phòng - Thống kê"),
        ("Ủy ban nhân dân phường về công tác", "Ủy ban nhân dân phường về công tác"),
        ("So 12/TTr-UBND ngay 05/3", "So 12/TTr\u2011UBND ngay 05/3"),
        ("thị xã Đồng Xoài và thị trấn Tân Phú", "thị xã Đồng\u00a0Xoài và thị trấn Tân\u00a0Phú"),
        ("Hội đồng thi đua ASCII-only", "Hội đồng thi đua ASCII-only"),
    ],
    ids=[
        "decision",
        "blank-number",
        "decree",
        "places",
        "unit-dash",
        "no-place",
        "ascii-symbol",
        "town-places",
        "no-slash",
    ],  # fmt: skip
)
def test_what_must_not_break(text: str, expected: str) -> None:
    from docgen.documents.typography import unbreakable

    assert unbreakable(text) == expected


def test_inner_quotes_differ_from_outer_ones() -> None:
    from docgen.documents.typography import quoted

    assert quoted("Mô hình “Tổ tư vấn” tại khu phố") == "“Mô hình ‘Tổ tư vấn’ tại khu phố”"
    assert quoted('Mô hình "Tổ tư vấn" tại khu phố') == "“Mô hình ‘Tổ tư vấn’ tại khu phố”"


@pytest.mark.parametrize(
    ("position", "unit", "expected"),
    [
        (
            "Trưởng Khối Kinh tế - Hạ tầng",
            "Khối Kinh tế - Hạ tầng",
            "Trưởng Khối Kinh tế - Hạ tầng",
        ),
        ("Công chức Tư pháp", "Khối Nội chính", "Công chức Tư pháp, Khối Nội chính"),
    ],
    ids=["unit-in-position", "unit-apart"],
)
def test_position_and_unit_without_repeating_the_unit(
    position: str, unit: str, expected: str
) -> None:
    from docgen.campaign.model import Kind
    from docgen.checks import sample
    from docgen.documents.nominees import position_unit

    assert position_unit(sample.nominee(Kind.INDIVIDUAL, chuc_vu=position, don_vi=unit)) == expected


def test_the_proposal_names_its_list_and_the_reports(workspace: Workspace) -> None:
    _ho_so(workspace)
    text = _text(workspace.output("kh19-2023-cchc") / "thanh-pho" / "to-trinh.docx")
    assert "(Có danh sách và báo cáo thành tích kèm theo)" in text
    person = _reports(workspace)["bao-cao-thanh-tich-nguyen-van-an.docx"]
    assert (
        "Sáng kiến, giải pháp “Mô hình ‘Tổ tư vấn dịch vụ công trực tuyến’ tại khu phố”" in person
    )
