"""Document contexts and rendered documents, checked by content and by the decree's format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from docgen.campaign import Campaign
from docgen.campaign.model import Kind, Signer
from docgen.checks import sample
from docgen.checks.docx_format import check_docx
from docgen.documents.context import list_context, minutes_context, proposal_context, report_context
from docgen.documents.dates import blank_date_words, clock, date_words, number, place_date
from docgen.documents.forms import report_template
from docgen.documents.required import MissingValueError
from docgen.documents.signers import of_signer
from docgen.meeting.model import Selection
from tests.test_templates import find, plain, render, text_of

TIEN_THANH = "Tiến Thành"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 2, 24), "ngày 24 tháng 02 năm 2023"),
        (dt.date(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),
        (dt.date(2023, 1, 9), "ngày 09 tháng 01 năm 2023"),
        (dt.date(2023, 12, 20), "ngày 20 tháng 12 năm 2023"),
    ],
    ids=["feb-padded", "march-not-padded", "jan-day-padded", "december"],
)
def test_date_words(day: dt.date, expected: str) -> None:
    assert date_words(day) == expected


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (
            place_date(TIEN_THANH, dt.date(2023, 2, 24), 2023),
            "Tiến Thành, ngày 24 tháng 02 năm 2023",
        ),
        (place_date(TIEN_THANH, None, 2023), "Tiến Thành, ngày     tháng     năm 2023"),
        (blank_date_words(2024), "ngày     tháng     năm 2024"),
        (number("", "TTr-UBND"), "     /TTr-UBND"),
        (number("05/TTr-UBND", "TTr-UBND"), "05/TTr-UBND"),
        (clock(dt.time(8, 0), dt.date(2023, 12, 5)), "08 giờ 00 phút, ngày 05 tháng 12 năm 2023"),
        (clock(None, dt.date(2023, 12, 5)), "     giờ     phút, ngày 05 tháng 12 năm 2023"),
    ],
    ids=["date", "blank-date", "blank-2024", "blank-number", "number", "clock", "blank-clock"],
)
def test_blanks_have_the_right_shape(got: str, expected: str) -> None:
    assert got == expected


@pytest.mark.parametrize(
    ("profile", "thematic", "kind", "form"),
    [
        ("nd91_2017", False, Kind.COLLECTIVE, "bao-cao-nd91-mau01.docx"),
        ("nd91_2017", False, Kind.INDIVIDUAL, "bao-cao-nd91-mau02.docx"),
        ("nd91_2017", True, Kind.COLLECTIVE, "bao-cao-nd91-mau07.docx"),
        ("nd91_2017", True, Kind.INDIVIDUAL, "bao-cao-nd91-mau07.docx"),
        ("nd98_2023", False, Kind.COLLECTIVE, "bao-cao-nd98-mau02.docx"),
        ("nd98_2023", False, Kind.INDIVIDUAL, "bao-cao-nd98-mau03.docx"),
    ],
    ids=[
        "91-collective",
        "91-individual",
        "91-thematic-c",
        "91-thematic-i",
        "98-collective",
        "98-individual",
    ],
)
def test_report_form_mapping(
    campaign: Campaign, profile: str, thematic: bool, kind: Kind, form: str
) -> None:
    chosen = dataclasses.replace(campaign, legal_profile=profile, thematic=thematic)
    assert report_template(chosen, kind) == form


# --- contexts ---------------------------------------------------------------------------------
def test_missing_required_value_is_an_error(campaign: Campaign) -> None:
    nominee = sample.nominee(Kind.INDIVIDUAL, que_quan="")
    with pytest.raises(MissingValueError) as caught:
        report_context(campaign, nominee, campaign.level("thanh-pho"))
    assert "Quê quán" in caught.value.message


def test_context_values_are_nfc(campaign: Campaign) -> None:
    nominee = sample.nominee(Kind.INDIVIDUAL, ho_ten=unicodedata.normalize("NFD", "Nguyễn Văn An"))
    context = report_context(campaign, nominee, campaign.level("thanh-pho"))
    assert context["ho_ten"] == unicodedata.normalize("NFC", "Nguyễn Văn An")


def test_minutes_context_counts_and_percentages(campaign: Campaign) -> None:
    level = campaign.level("thanh-pho")
    context = minutes_context(campaign, sample.meeting(), [sample.selection(campaign)])
    (section,) = context["cac_cap"]
    rows = [
        (g["tieu_de"], r["stt"], plain(r["ten"]), r["so_phieu"], r["ty_le"])
        for g in section["nhom"]
        for r in g["muc"]
    ]
    assert rows == [
        ("TẬP THỂ", "1", "Ủy ban nhân dân phường Tiến Thành", "09/09", "100"),
        ("CÁ NHÂN", "1", "Trần Thị Bình", "08/09", "88,89"),
        ("CÁ NHÂN", "2", "Nguyễn Văn An", "07/09", "77,78"),
        ("CÁ NHÂN", "3", "Lê Văn Cường", "04/09", "44,44"),
    ]
    assert section["so_luong"] == "01 tập thể và 02 cá nhân"
    assert section["ten"] == level.label
    assert context["so"] == "     /BB\u2011HĐTĐKT"  # the ký hiệu never breaks at its hyphen


# --- rendered documents -----------------------------------------------------------------------
def _dossier(
    campaign: Campaign, selection: Selection | None = None
) -> dict[str, tuple[str, dict[str, Any]]]:
    level = campaign.level("thanh-pho")
    meeting = sample.meeting()
    chosen = selection or sample.selection(campaign)
    docs = {
        "bien-ban": ("bien-ban.docx", minutes_context(campaign, meeting, [chosen])),
        "to-trinh": ("to-trinh.docx", proposal_context(campaign, level, meeting, chosen)),
        "danh-sach": ("danh-sach.docx", list_context(campaign, level, meeting, chosen)),
    }
    for decision in chosen.decisions[:2]:
        kind = decision.nominee.kind
        docs[f"bao-cao-{kind}"] = (
            report_template(campaign, kind),
            report_context(campaign, decision, level),
        )
    return docs


def _render(campaign: Campaign, which: str) -> str:
    template, context = _dossier(campaign)[which]
    return text_of(render(template, context))


@pytest.mark.parametrize(
    ("which", "expected"),
    [
        ("to-trinh", ["ỦY BAN NHÂN DÂN", "PHƯỜNG TIẾN THÀNH", "Số:      /TTr-UBND", "TỜ TRÌNH",
                      "Tiến Thành, ngày     tháng     năm 2023",
                      "Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
                      "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài.",
                      "cho 01 tập thể và 02 cá nhân, gồm:", "- Bà Trần Thị Bình, Công chức Văn phòng - Thống kê, Khối Văn phòng;",
                      "(Có danh sách và báo cáo thành tích kèm theo)", "Nơi nhận:", "- Như trên;", "- Lưu: VT, HĐTĐKT.",
                      "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thanh Hoan", "quyết định./.",
                      "Căn cứ Biên bản số      /BB-HĐTĐKT ngày 05 tháng 12 năm 2023 của Hội đồng "
                      "Thi đua - Khen thưởng phường Tiến Thành."]),
        ("bien-ban", ["UBND PHƯỜNG TIẾN THÀNH", "HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG", "Số:      /BB-HĐTĐKT",
                      "BIÊN BẢN", "08 giờ 00 phút, ngày 05 tháng 12 năm 2023", "có 09 thành viên",
                      "có mặt 07 thành viên, vắng 02 thành viên", "Vắng: Trần Văn Em (lý do: đi công tác)",
                      "bỏ phiếu kín", "Đối với tập thể:", "Hoàn thành xuất sắc nhiệm vụ được giao năm 2023.",
                      "09/09", "100 %", "07/09", "77,78 %", "88,89 %", "trên 50 % tổng số thành viên Hội đồng",
                      "Nguyễn Văn An, Công chức Văn phòng - Thống kê, Khối Văn phòng (07/09 phiếu, đạt 77,78 %)",
                      "Lê Văn Cường", "Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 05 tháng 12 năm 2023./.",
                      "THƯ KÝ", "CHỦ TỌA", "Phạm Thị Dung"]),
        ("danh-sach", ["DANH SÁCH", "(Kèm theo Tờ trình số      /TTr-UBND ngày     tháng     năm 2023 của "
                       "Ủy ban nhân dân phường Tiến Thành)", "TẬP THỂ", "CÁ NHÂN", "Trần Thị Bình",
                       "Danh sách này có 01 tập thể và 02 cá nhân./."]),
        ("bao-cao-collective", ["BÁO CÁO THÀNH TÍCH",
                                "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG XOÀI",
                                "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "Phường có 8 khu phố.",
                                "Đảng bộ phường có 12 chi bộ trực thuộc.",
                                "Tập thể lao động tiên tiến", "Quyết định số 22/QĐ-UBND ngày 05 tháng 01 năm 2022",
                                "(Chưa có)", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thanh Hoan", "./."]),
        ("bao-cao-individual", ["I. SƠ LƯỢC LÝ LỊCH", "- Họ tên: Nguyễn Văn An", "15/08/1985; Giới tính: Nam",
                                "KHỐI VĂN PHÒNG", "- Trình độ chuyên môn, nghiệp vụ: Cử nhân Luật",
                                "Sáng kiến, giải pháp “Số hóa hồ sơ một cửa” được Hội đồng sáng kiến phường "
                                "công nhận tại Quyết định số 45/QĐ-UBND ngày 12 tháng 6 năm 2023.",
                                "NGƯỜI BÁO CÁO THÀNH TÍCH", "(Chưa có)", "XÁC NHẬN, ĐỀ NGHỊ",
                                "TM. ỦY BAN NHÂN DÂN", "Lê Thanh Hoan"]),
    ],
    ids=["to-trinh", "bien-ban", "danh-sach", "bao-cao-collective", "bao-cao-individual"],
)  # fmt: skip
def test_rendered_content(campaign: Campaign, which: str, expected: list[str]) -> None:
    text = _render(campaign, which)
    missing = [snippet for snippet in expected if snippet not in text]
    assert not missing, text


def test_not_proposed_are_absent_from_the_proposal(campaign: Campaign) -> None:
    assert "Lê Văn Cường" not in _render(campaign, "to-trinh")
    assert "Lê Văn Cường" not in _render(campaign, "danh-sach")


def test_results_table_rows(campaign: Campaign) -> None:
    template, context = _dossier(campaign)["bien-ban"]
    table = render(template, context).tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Tên tập thể / cá nhân", "Chức vụ, đơn vị", "Hình thức đề nghị",
                       "Số phiếu đồng ý / tổng số", "Tỷ lệ %"]  # fmt: skip
    assert rows[1] == ["I. TẬP THỂ"] * 6  # a merged group row
    # a collective's name spans the name and "Chức vụ, đơn vị" columns; "%" only in the title
    assert rows[2] == [
        "1",
        *["Ủy ban nhân dân phường Tiến\xa0Thành"] * 2,
        "Giấy khen",
        "09/09",
        "100",
    ]
    assert len(table.rows[2]._tr.tc_lst) == 5
    assert rows[3] == ["II. CÁ NHÂN"] * 6
    assert rows[5] == ["2", "Nguyễn Văn An", "Công chức Văn phòng - Thống kê, Khối Văn phòng",
                       "Giấy khen", "07/09", "77,78"]  # fmt: skip
    assert len(table.rows[5]._tr.tc_lst) == 6
    assert len(rows) == 7


def test_list_omits_an_empty_group(campaign: Campaign) -> None:
    selection = sample.selection(campaign)
    selection.decisions = [d for d in selection.decisions if d.nominee.kind is Kind.INDIVIDUAL]
    template, context = _dossier(campaign, selection)["danh-sach"]
    text = text_of(render(template, context))
    assert "TẬP THỂ" not in text
    assert "\nCÁ NHÂN" in text and "I\nCÁ NHÂN" not in text  # one group: not numbered
    assert "Danh sách này có 02 cá nhân./." in text


@pytest.mark.parametrize(
    "name",
    ['Tổ "Một cửa" & <CCHC>', "{{ x }} {% if %}"],
    ids=["xml-special", "jinja-syntax"],
)
def test_cell_text_prints_literally(campaign: Campaign, name: str) -> None:
    selection = sample.selection(campaign)
    selection.decisions[0].nominee.values["ten"] = name
    for which, (template, context) in _dossier(campaign, selection).items():
        if which in ("bao-cao-individual",):
            continue
        assert name in text_of(render(template, context)), which


def test_signature_and_header_format(campaign: Campaign) -> None:
    template, context = _dossier(campaign)["to-trinh"]
    doc = render(template, context)
    issuer = find(doc, "PHƯỜNG TIẾN THÀNH").runs[0]
    date = find(doc, "Tiến Thành, ngày     tháng     năm 2023").runs[0]
    noi_nhan = find(doc, "Nơi nhận:").runs[0]
    title = find(doc, "TỜ TRÌNH").runs[0]
    authority = find(doc, "TM. ỦY BAN NHÂN DÂN").runs[0]
    assert (issuer.bold, issuer.font.size.pt) == (True, 13)
    assert (date.italic, date.font.size.pt) == (True, 14)
    assert (noi_nhan.bold, noi_nhan.italic, noi_nhan.font.size.pt) == (True, True, 12)
    assert find(doc, "- Như trên;").runs[0].font.size.pt == 11
    assert title.bold and authority.bold


def _deputy(campaign: Campaign) -> Campaign:
    """The campaign with a vice-chairman signing every level, as the wizard writes him."""
    vice = Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Minh")
    levels = tuple(dataclasses.replace(lv, signer="pct") for lv in campaign.levels)
    return dataclasses.replace(campaign, signers={**campaign.signers, "pct": vice}, levels=levels)


@pytest.mark.parametrize("which", ["to-trinh", "bao-cao-collective", "bao-cao-individual"])
def test_a_vice_chairman_signs_the_committees_documents_under_its_collective_line(
    campaign: Campaign, tmp_path: Path, which: str
) -> None:
    """ND 30/2020 Điều 13, Phụ lục I: a deputy signing for a People's Committee (collective
    regime) prints TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, each line bold."""
    template, context = _dossier(_deputy(campaign))[which]
    doc = render(template, context)
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text_of(doc)
    assert all(find(doc, line).runs[0].bold for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"))
    path = tmp_path / f"{which}.docx"
    doc.save(str(path))
    assert check_docx(path) == []


@pytest.mark.parametrize(
    "which", ["to-trinh", "bien-ban", "danh-sach", "bao-cao-collective", "bao-cao-individual"]
)
def test_generated_documents_pass_the_format_check(
    campaign: Campaign, tmp_path: Path, which: str
) -> None:
    template, context = _dossier(campaign)[which]
    path = tmp_path / f"{which}.docx"
    render(template, context).save(str(path))
    assert check_docx(path) == []


@pytest.mark.parametrize(
    ("profile", "thematic"),
    [("nd91_2017", True), ("nd98_2023", False)],
    ids=["nd91-thematic", "nd98"],
)
def test_other_report_forms_render_and_pass(
    campaign: Campaign, tmp_path: Path, profile: str, thematic: bool
) -> None:
    chosen = dataclasses.replace(campaign, legal_profile=profile, thematic=thematic)
    level = chosen.level("thanh-pho")
    for decision in sample.selection(chosen).decisions[:2]:
        template = report_template(chosen, decision.nominee.kind)
        doc = render(template, report_context(chosen, decision, level))
        buffer = io.BytesIO()
        doc.save(buffer)
        path = tmp_path / template
        path.write_bytes(buffer.getvalue())
        assert check_docx(path) == []
        text = text_of(doc)
        assert decision.nominee.name in text
        if profile == "nd98_2023" and decision.nominee.kind is Kind.INDIVIDUAL:
            assert "Trình độ lý luận chính trị: Trung cấp" in text
        if thematic:
            assert "TRONG PHONG TRÀO THI ĐUA THEO CHUYÊN ĐỀ “CẢI CÁCH HÀNH CHÍNH NĂM 2023”" in text


@pytest.mark.parametrize(
    ("authority", "title", "lines"),
    [
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        ("TM. ỦY BAN NHÂN DÂN", "Phó Chủ tịch", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", ("", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
    ],
    ids=["kt-as-the-wizard-writes", "tm-with-a-deputys-title", "the-chairman"],
)  # fmt: skip
def test_a_committee_signer_gets_its_collective_and_authority_lines(
    campaign: Campaign, authority: str, title: str, lines: tuple[str, str, str]
) -> None:
    block = of_signer(campaign, Signer(authority, title, "Trần Văn Minh"))
    assert (block["tap_the"], block["tham_quyen"], block["chuc_vu"]) == lines
