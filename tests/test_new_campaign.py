"""`docgen chien-dich-moi`: the answers for plan 19/KH-UBND give the shipped campaign."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from docgen.campaign import Campaign, load_campaign
from docgen.campaign import defaults as guess
from docgen.campaign.model import Signer
from docgen.cli import main
from docgen.errors import CampaignError

BASES = [
    "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
    "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    "Kế hoạch số 04/KH-UBND ngày 20/01/2023 của Ủy ban nhân dân phường về công tác cải cách hành chính năm 2023",
]  # the plan's own căn cứ; the plan itself is offered after them
XEP_LOAI = "Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ"
DEPARTMENTS = [
    ("Văn phòng HĐND - UBND phường", "vanphong.tienthanh@dongxoai.gov.vn"),
    ("Bộ phận Tiếp nhận và Trả kết quả (Một cửa)", "motcua.tienthanh@dongxoai.gov.vn"),
    ("Khối Kinh tế - Hạ tầng", "kinhte.tienthanh@dongxoai.gov.vn"),
    ("Khối Nội chính", "noichinh.tienthanh@dongxoai.gov.vn"),
    ("Khối Văn hóa - Xã hội", "vanhoa.tienthanh@dongxoai.gov.vn; vhxh.tienthanh@gmail.com"),
]


def _answers(
    plan: tuple[str, str, str],
    bases: list[str],
    profile: list[str],
    mail: list[str],
    upper: tuple[str, str],
    first_level: list[str],
) -> list[str]:
    """What the clerk types for the cải cách hành chính plan of one year, question by question
    ("" = Enter, accepting the default in brackets). `plan`: number, date, campaign id;
    `profile`: the answers from the profile to the province; `upper`: the tier above the ward
    ("thành phố", "tỉnh") and how the plan names its people's committee ("UBND thành phố")."""
    year = plan[1][-4:]
    where, ubnd = upper
    return [
        # plan and period
        plan[0], plan[1], f"Phát động phong trào thi đua cải cách hành chính năm {year}",
        "", plan[2], "", f"20/12/{year}", "",
        # profile, issuer (and the province when the profile prints it), council
        *profile, "", "", "9",
        # căn cứ as the plan lists them, then the plan itself (accepted as offered)
        *bases, "", "",
        # vote, signer (the chairman), mail
        "", "", "", "", "", "", "Lê Thanh Hoan", *mail,
        # subjects
        'Ủy ban nhân dân phường; Bộ phận "Một cửa" phường', "",
        f"Hội đồng sáng kiến {where}; Hội đồng sáng kiến phường",
        # levels: the one above the ward, then the ward's own (everything as offered)
        "", *first_level,
        "", "", "", "", "", "2,3,4,5", "1", "3", "",
        # the ward's own award: proposer, ký hiệu, the Tờ trình's signer, fund, Điều 3, Nơi nhận,
        # the decision's competence basis (the law on local government, as offered)
        "", "", "", "", "Nguyễn Văn An", "", "", "", "",
        # criteria, collectives
        f"Hoàn thành xuất sắc nhiệm vụ được giao năm {year}.", "1",
        f"Xếp loại thực hiện nhiệm vụ năm {year}", "xep_loai_nam", XEP_LOAI, "Hoàn thành xuất sắc nhiệm vụ",
        f"Thực hiện tốt các nhiệm vụ được giao trong kế hoạch cải cách hành chính năm {year} của {where} và của cơ quan, đơn vị.", "",
        f"Thực hiện tốt nhiệm vụ trong kế hoạch CCHC năm {year}", "thuc_hien_cchc", "Có; Không", "có",
        f"Kết quả đánh giá, phân loại thực hiện nhiệm vụ cải cách hành chính năm {year} của cơ quan, đơn vị xếp loại Tốt.", "",
        f"Kết quả đánh giá, phân loại CCHC năm {year}", "xep_loai_cchc", "Tốt; Khá; Trung bình; Yếu", "Tốt",
        "Tập thể cán bộ, công chức, viên chức thực hiện nghiêm kỷ luật, kỷ cương hành chính.", "",
        "Vi phạm kỷ luật, kỷ cương hành chính", "vi_pham_ky_luat", "Có; Không", "Không",
        "",
        # criteria, individuals (columns already asked for are recognised by their header)
        f"Hoàn thành xuất sắc nhiệm vụ được giao trong năm {year}.", "",
        f"Xếp loại thực hiện nhiệm vụ năm {year}", "Hoàn thành xuất sắc nhiệm vụ",
        f"Chỉ đạo, tham mưu, triển khai thực hiện tốt các nhiệm vụ được giao trong kế hoạch cải cách hành chính năm {year} của {ubnd} và kế hoạch cải cách hành chính của phường.", "",
        f"Thực hiện tốt nhiệm vụ trong kế hoạch CCHC năm {year}", "Có",
        f"Có giải pháp trong công tác cải cách hành chính mang tính mới, tính thực tế, có thể nhân rộng, được Hội đồng sáng kiến của {where} hoặc phường công nhận.", "2",
        "Thực hiện nghiêm kỷ luật, kỷ cương hành chính (không vi phạm kỷ luật, kỷ cương hành chính).", "",
        "Vi phạm kỷ luật, kỷ cương hành chính", "Không",
        "",
    ]  # fmt: skip


ISSUER = ["Ủy ban nhân dân phường Tiến Thành", "", "", ""]  # full name; the rest as offered
CITY_LEVEL = [
    "", "Cấp thành phố", "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài", "", "",
    "", "Phòng Nội vụ thành phố Đồng Xoài", "1,3,4,5", "1", "2",
    "Như trên; Phòng Nội vụ thành phố; Thường trực Hội đồng TĐKT phường; Lưu: VT, HĐTĐKT",
]  # fmt: skip
PROVINCE_LEVEL = [
    "", "", "", "", "", "", "Sở Nội vụ tỉnh Đồng Nai", "1,3,4,5", "1", "2",
    "Như trên; Sở Nội vụ tỉnh; Thường trực Hội đồng TĐKT phường; Lưu: VT, HĐTĐKT",
]  # fmt: skip
MAIL_19 = [
    "thiduakhenthuong.tienthanh@dongxoai.gov.vn", "",
    *[answer for department in DEPARTMENTS for answer in department], "",
]  # fmt: skip

# The shipped 2023 campaign (ND 91/2017: the thematic question is asked, no province).
ANSWERS_19 = _answers(
    ("19/KH-UBND", "24/02/2023", "kh19-2023-cchc"),
    BASES,
    ["", "", *ISSUER, ""],
    MAIL_19,
    ("thành phố", "UBND thành phố"),
    CITY_LEVEL,
)
# The 2024 example (ND 98/2023: no thematic form, the province's name for the reports).
ANSWERS_98 = _answers(
    ("21/KH-UBND", "26/02/2024", "kh21-2024-cchc"),
    [
        "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "Kế hoạch số 05/KH-UBND ngày 22/01/2024 của Ủy ban nhân dân phường về công tác cải cách hành chính năm 2024",
    ],
    ["", *ISSUER, "Bình Phước", ""],
    ["", ""],
    ("thành phố", "UBND thành phố"),
    CITY_LEVEL,
)
# The 2026 example (ND 152/2025): a ward directly under its province, Bằng khen of the province.
BASES_152 = [
    "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
]
ND98 = "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"
ANSWERS_152 = _answers(
    ("12/KH-UBND", "25/02/2026", "kh12-2026-cchc"),
    [
        *BASES_152,
        "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ quy định biện pháp để tổ chức, hướng dẫn thi hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP",
        "Kế hoạch số 08/KH-UBND ngày 21/01/2026 của Ủy ban nhân dân phường về công tác cải cách hành chính năm 2026",
    ],
    ["", "", *ISSUER, "Đồng Nai", ""],
    ["", ""],
    ("tỉnh", "UBND tỉnh"),
    PROVINCE_LEVEL,
)  # fmt: skip
EXAMPLES = Path(__file__).resolve().parent.parent / "tools" / "example"


def _facts(c: Campaign) -> dict[str, object]:
    """What matters in a campaign; subject ids are the tool's, so levels list subject labels."""
    labels = {s.id: s.label for s in c.subjects}
    levels = [
        (lv.id, lv.label, lv.award, lv.decider, lv.kinh_gui, lv.via, lv.documents,
         tuple(labels[s] for s in lv.subjects), lv.quota, lv.noi_nhan, lv.signer, lv.tier,
         lv.confirmer, lv.decides, lv.form)
        for lv in c.levels
    ]  # fmt: skip
    return {
        "head": (c.id, c.title, c.legal_profile, c.thematic),
        "issuer": c.issuer,
        "council": c.council,
        "plan": c.plan,
        "period": c.period,
        "vote": c.vote,
        "signers": c.signers,
        "contacts": c.contacts,
        "subjects": [(s.kind, s.label) for s in c.subjects],
        "initiatives": c.initiative_bodies,
        "fields": c.fields,
        "criteria": c.criteria,
        "levels": levels,
        "award": c.award,
    }


def _with_ids_of(new: Campaign, shipped: Campaign) -> Campaign:
    """`new` with the subject ids of `shipped` (the wizard makes its own ids from the labels)."""
    ids = {s.label: s.id for s in shipped.subjects}
    rename = {s.id: ids.get(s.label, s.id) for s in new.subjects}
    return replace(
        new,
        subjects=tuple(replace(s, id=rename[s.id]) for s in new.subjects),
        levels=tuple(
            replace(lv, subjects=tuple(rename[i] for i in lv.subjects)) for lv in new.levels
        ),
    )


def _run(workspace: Path, answers: list[str], *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["chien-dich-moi", "--thu-muc", str(workspace), *extra],
        input="\n".join(answers) + "\n",
    )
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("answers", "shipped", "title"),
    [
        (ANSWERS_19, EXAMPLES / "campaign.toml", "Phong trào thi đua cải cách hành chính năm 2023 (Kế hoạch số 19/KH-UBND)"),
        (ANSWERS_98, EXAMPLES / "campaigns" / "nd98-2024.toml", "Phong trào thi đua cải cách hành chính năm 2024 (Kế hoạch số 21/KH-UBND)"),
        (ANSWERS_152, EXAMPLES / "campaigns" / "nd152-2026.toml", "Phong trào thi đua cải cách hành chính năm 2026 (Kế hoạch số 12/KH-UBND)"),
    ],
    ids=["nd91_2017", "nd98_2023", "nd152_2025"],
)  # fmt: skip
def test_answers_give_the_shipped_campaign_of_each_profile(
    example_workspace: Path, answers: list[str], shipped: Path, title: str
) -> None:
    """The wizard under each profile: the written file passes kiem-tra-chien-dich and reads
    back to the shipped campaign (subject ids aside: the wizard makes its own)."""
    (example_workspace / "input" / "campaign.toml").unlink()
    code, output = _run(example_workspace, answers)
    assert code == 0, output
    written = example_workspace / "input" / "campaign.toml"
    assert f"Đã lập tệp chiến dịch: {written}" in output
    new, expected = load_campaign(written), load_campaign(shipped)
    for key, value in _facts(expected).items():
        assert _facts(new)[key] == value, key
    assert _with_ids_of(new, expected) == expected
    check = CliRunner().invoke(main, ["kiem-tra-chien-dich", "--thu-muc", str(example_workspace)])
    assert check.exit_code == 0, check.output
    assert check.stdout.splitlines()[0] == f"Tệp chiến dịch hợp lệ: {title}."
    law = re.findall(r"\[(LAW_\w+)\]", check.output)
    assert set(law) <= {"LAW_FORMS_UNVERIFIED"}, check.output  # profile, căn cứ and tiers agree
    assert not (example_workspace / "input" / "campaign.tra-loi.json").exists()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The new campaign's folder, inside a ward folder of the test's own (the wizard makes the
    folder above a campaign a ward; the test's temporary folder must not become one for all)."""
    return tmp_path / "Phường Tiến Thành" / "dot-moi"


def test_a_2026_plan_is_offered_every_profile_and_defaults_to_nd152(folder: Path) -> None:
    code, output = _run(folder, ANSWERS_152[:14])
    assert code == 1
    assert (
        "Bộ biểu mẫu: 1 = Nghị định số 91/2017/NĐ-CP (hồ sơ lập từ 31/07/2017 đến 31/12/2023); "
        "2 = Nghị định số 98/2023/NĐ-CP (hồ sơ lập từ 01/01/2024 đến 30/06/2025); "
        "3 = Nghị định số 152/2025/NĐ-CP (hồ sơ lập từ 01/07/2025) [3]"
    ) in output
    assert "Tên tỉnh (bộ nd152_2025 ghi ở dòng địa danh của báo cáo thành tích" in output


def test_the_levels_follow_the_profile(folder: Path) -> None:
    code, output = _run(folder, ANSWERS_152[: ANSWERS_152.index("Sở Nội vụ tỉnh Đồng Nai")])
    assert code == 1
    assert "Bộ nd152_2025: người quyết định khen thưởng thuộc cấp tỉnh, cấp xã." in output
    assert "Người quyết định khen thưởng thuộc: 1 = cấp tỉnh; 2 = cấp xã [1]" in output
    assert "Tên cấp [Cấp tỉnh]" in output
    assert "[Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai]" in output
    assert "thành phố" not in output


def test_a_vice_chairman_signs_on_the_chairmans_behalf(example_workspace: Path) -> None:
    (example_workspace / "input" / "campaign.toml").unlink()
    at = ANSWERS_152.index("Lê Thanh Hoan")
    answers = [*ANSWERS_152[: at - 3], "2", "", "", "Nguyễn Văn An", *ANSWERS_152[at + 1 :]]
    code, output = _run(example_workspace, answers)
    assert code == 0, output
    assert (
        "2 = Phó Chủ tịch ký thay (văn bản của Ủy ban: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / "
        "PHÓ CHỦ TỊCH; quyết định của Chủ tịch: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"
    ) in output
    new = load_campaign(example_workspace / "input" / "campaign.toml")
    assert new.signers["pho_chu_tich"] == Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert {lv.signer for lv in new.levels} == {"pho_chu_tich"}
    assert set(new.signers) == {"pho_chu_tich", "thuong_truc_hd"}  # and the council's Tờ trình


def test_without_a_name_the_meeting_chair_signs_the_councils_proposal(
    example_workspace: Path,
) -> None:
    (example_workspace / "input" / "campaign.toml").unlink()
    at = ANSWERS_19.index("Nguyễn Văn An")
    code, output = _run(example_workspace, [*ANSWERS_19[:at], "", *ANSWERS_19[at + 1 :]])
    assert code == 0, output
    assert "Họ và tên người ký tờ trình (Enter: chủ tọa cuộc họp ký)" in output
    new = load_campaign(example_workspace / "input" / "campaign.toml")
    assert new.award is not None and new.award.signer == ""
    assert "thuong_truc_hd" not in new.signers


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("noichinh.tienthanh", "Lỗi: “noichinh.tienthanh” không phải địa chỉ thư"),
        ("VanPhong.TienThanh@dongxoai.gov.vn", "Lỗi: “vanphong.tienthanh@dongxoai.gov.vn” đã là địa chỉ của “Văn phòng HĐND - UBND phường”."),
        (";", "Lỗi: hãy gõ ít nhất một địa chỉ thư."),
    ],
    ids=["not-an-address", "another-departments", "none"],
)  # fmt: skip
def test_a_wrong_address_is_asked_again(folder: Path, typed: str, said: str) -> None:
    at = ANSWERS_19.index("noichinh.tienthanh@dongxoai.gov.vn")
    code, output = _run(folder, [*ANSWERS_19[:at], typed, *ANSWERS_19[at:]])
    assert code == 0, output
    assert said in output


def test_a_plan_without_criteria_is_asked_for_one_at_once(folder: Path) -> None:
    """Enter at the first criterion of both kinds is told at once, not after the last
    question in the campaign file's terms."""
    first = ANSWERS_152.index("Hoàn thành xuất sắc nhiệm vụ được giao năm 2026.")
    code, output = _run(folder, [*ANSWERS_152[:first], "", "", *ANSWERS_152[first:]])
    assert code == 0, output
    assert (
        output.count(
            "Kế hoạch cần ít nhất một tiêu chí xét khen thưởng (docgen xét từng đề nghị theo tiêu "
            "chí): hãy gõ tiêu chí cho tập thể hoặc cho cá nhân."
        )
        == 1
    )
    assert len(load_campaign(folder / "input" / "campaign.toml").criteria) == 8


def test_answers_are_kept_and_the_wizard_resumes(folder: Path) -> None:
    code, output = _run(folder, ANSWERS_152[:40])
    saved = folder / "input" / "campaign.tra-loi.json"
    assert code == 1
    again = f'docgen chien-dich-moi "{folder.absolute()}" --tiep-tuc'
    assert f"Các câu trả lời đã gõ vẫn được giữ ở {saved}. Chạy lại {again} " in output
    assert not (folder / "input" / "campaign.toml").exists()
    argv = shlex.split(again)[1:]  # the advice as printed, followed literally
    result = CliRunner().invoke(main, argv, input="\n".join(ANSWERS_152[40:]) + "\n")
    code, output = result.exit_code, result.output
    assert code == 0, output
    assert "Số kế hoạch (ví dụ 12/KH-UBND): 12/KH-UBND" in output  # replayed, shown
    assert load_campaign(folder / "input" / "campaign.toml").plan.number == "12/KH-UBND"
    assert not saved.exists()


def test_without_a_folder_the_answers_wait_in_the_ward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The campaign's folder is named from the answers: until then they wait in the ward."""
    ward = tmp_path / "Phường Tiến Thành"
    monkeypatch.setenv("DOCGEN_PHUONG", str(ward))
    monkeypatch.delenv("DOCGEN_THU_MUC", raising=False)
    run = CliRunner().invoke(main, ["chien-dich-moi"], input="\n".join(ANSWERS_152[:40]) + "\n")
    saved = ward / "chien-dich-moi.tra-loi.json"
    assert run.exit_code == 1
    assert f"vẫn được giữ ở {saved}." in run.output
    typed = "\n".join(ANSWERS_152[40:]) + "\n"
    run = CliRunner().invoke(main, ["chien-dich-moi", "--tiep-tuc"], input=typed)
    assert run.exit_code == 0, run.output
    assert load_campaign(ward / "kh12-2026-cchc" / "input" / "campaign.toml").issuer.province == (
        "Đồng Nai"
    )
    assert not saved.exists()


def test_a_saved_interview_is_offered_without_the_option(folder: Path) -> None:
    _run(folder, ANSWERS_152[:40])
    code, output = _run(folder, ["", *ANSWERS_152[40:]])
    assert code == 0, output
    assert "Có 40 câu trả lời đã lưu từ lần trước" in output


def test_a_campaign_error_says_the_answers_are_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise CampaignError("Tệp chiến dịch campaign.toml có lỗi:", ["khóa issuer.province: …"])

    monkeypatch.setattr("docgen.cli.interview.campaign_from_text", refuse)
    code, output = _run(folder, ANSWERS_152)
    saved = folder / "input" / "campaign.tra-loi.json"
    assert code == 2, output
    assert output.endswith(
        "  - khóa issuer.province: …\n"
        f"Các câu trả lời đã gõ vẫn được giữ ở {saved}. Chạy lại docgen chien-dich-moi "
        f'"{folder.absolute()}" --tiep-tuc để tiếp tục từ đó (muốn sửa một câu thì sửa câu đó '
        "trong tệp bằng Notepad trước).\n"
    )
    assert len(json.loads(saved.read_text(encoding="utf-8"))["cau_tra_loi"]) == len(ANSWERS_152)
    assert list(folder.parent.iterdir()) == [folder]  # no campaign folder made: resume is free
    assert list(folder.iterdir()) == [folder / "input"]


def test_a_fixed_answer_is_used_on_resume(folder: Path) -> None:
    """The clerk corrects one saved answer with Notepad; the rest is replayed as saved."""
    _run(folder, ANSWERS_152[:30])
    saved = folder / "input" / "campaign.tra-loi.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    province = next(a for a in data["cau_tra_loi"] if a["hoi"].startswith("Tên tỉnh"))
    province["tra_loi"] = "Bình Phước"
    saved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, output = _run(folder, ANSWERS_152[30:], "--tiep-tuc")
    assert code == 0, output
    assert load_campaign(folder / "input" / "campaign.toml").issuer.province == "Bình Phước"


def test_resuming_without_saved_answers_says_so(folder: Path) -> None:
    code, output = _run(folder, [], "--tiep-tuc")
    assert code == 2
    saved = folder / "input" / "campaign.tra-loi.json"
    assert f"Lỗi: Không có câu trả lời đã lưu ở {saved} để tiếp tục." in output


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{", "ở dòng 1: tệp bị cắt cụt giữa chừng."),
        ('{"tep": "docgen chien-dich-moi"}', "thiếu mục 'cau_tra_loi'."),
        ('{"cau_tra_loi": [{"hoi": 1}]}', 'không có danh sách "cau_tra_loi" gồm các cặp'),
    ],
    ids=["truncated", "no-answers", "wrong-shape"],
)
def test_a_damaged_answers_file_is_named(folder: Path, content: str, problem: str) -> None:
    saved = folder / "input" / "campaign.tra-loi.json"
    saved.parent.mkdir(parents=True)
    saved.write_text(content, encoding="utf-8")
    code, output = _run(folder, ANSWERS_152, "--tiep-tuc")
    assert code == 2
    assert f"Lỗi: Tệp câu trả lời {saved} bị hỏng" in output
    assert problem in output
    assert "Sửa tệp bằng Notepad (lưu dạng UTF-8) rồi chạy lại với --tiep-tuc" in output
    assert saved.read_text(encoding="utf-8") == content  # left in place, a copy kept beside
    assert [p.read_text(encoding="utf-8") for p in saved.parent.glob("*.hong-*")] == [content]


def test_a_folder_that_holds_a_campaign_is_refused_before_any_question(folder: Path) -> None:
    existing = folder / "input" / "campaign.toml"
    existing.parent.mkdir(parents=True)
    existing.write_text("# của thường trực\n", encoding="utf-8")
    code, output = _run(folder, ANSWERS_19)
    assert code == 2, output
    assert existing.read_text(encoding="utf-8") == "# của thường trực\n"
    assert list(existing.parent.iterdir()) == [existing]
    assert output.startswith(f"Lỗi: Thư mục {folder.absolute()} đã có tệp chiến dịch ({existing}).")
    assert "Kế hoạch phát động phong trào" not in output  # no question was asked


def test_a_wrong_date_is_asked_again(folder: Path) -> None:
    answers = [ANSWERS_19[0], "24/13/2023", *ANSWERS_19[1:]]
    code, output = _run(folder, answers)
    assert code == 0, output
    today = date.today().strftime("%d/%m/%Y")
    assert f"Lỗi: “24/13/2023” không phải ngày; hãy gõ ngày/tháng/năm, ví dụ {today}." in output


def test_answers_running_out_stop_without_a_campaign_file(folder: Path) -> None:
    code, output = _run(folder, ANSWERS_19[:10])
    assert code == 1
    assert "\nĐã dừng.\n" in output
    assert not (folder / "input" / "campaign.toml").exists()
    assert (folder / "input" / "campaign.tra-loi.json").is_file()


@pytest.mark.parametrize(
    ("function", "argument", "expected"),
    [
        (guess.slug, "Cấp thành phố", "cap-thanh-pho"),
        (guess.level_id, "Cấp thành phố", "thanh-pho"),
        (guess.campaign_id, ("19/KH-UBND", 2023), "kh19-2023"),
        (guess.movement_title, "Phát động phong trào thi đua năm 2024", "Phong trào thi đua năm 2024"),
        (guess.name_lines, "Ủy ban nhân dân xã Tân Lập", "ỦY BAN NHÂN DÂN|XÃ TÂN LẬP"),
        (guess.place, "Ủy ban nhân dân thị trấn Tân Phú", "Tân Phú"),
        (guess.place, "Ủy ban nhân dân phường Tiến Thành", "Tiến Thành"),
        (guess.symbol, "05/KH-UBND", "UBND"),
        (guess.decider, "Giấy khen của Chủ tịch Ủy ban nhân dân phường A", "Chủ tịch Ủy ban nhân dân phường A"),
        (guess.unit, "Ủy ban nhân dân phường Tiến Thành", "phường"),
        (guess.body, ("Ủy ban nhân dân phường Tiến Thành", "Tiến Thành"), "Ủy ban nhân dân phường"),
        (guess.province, "Ủy ban nhân dân tỉnh Đồng Nai", "Đồng Nai"),
        (guess.cites, (("Kế hoạch số 112/KH-UBND ngày 01/02/2026",), "12/KH-UBND"), False),
        (guess.level_label, ("xa", "phường"), "Cấp phường"),
        (guess.award, ("tinh", "Ủy ban nhân dân phường A", "Đồng Nai"), "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"),
    ],
    ids=["slug", "level-id", "campaign-id", "movement", "name-lines", "place-thi-tran",
         "place-phuong", "symbol", "decider", "unit", "body", "province", "cites-not-112",
         "level-label", "award-province"],
)  # fmt: skip
def test_defaults_from_earlier_answers(
    function: object, argument: object, expected: object
) -> None:
    args = argument if isinstance(argument, tuple) else (argument,)
    assert function(*args) == expected  # type: ignore[operator]


def test_the_profiles_law_and_decree_and_the_chairmans_competence_are_offered(
    folder: Path,
) -> None:
    """Enter takes the profile's law and decree as the first căn cứ; a repealed decree is asked
    again; "-" leaves the decision without its competence basis, which the check then warns."""
    law, decree = ANSWERS_152.index(BASES_152[0]), ANSWERS_152.index(BASES_152[1])
    answers = [*ANSWERS_152[:law], "", "", ND98, *ANSWERS_152[decree + 1 :]]
    competence = answers.index("Nguyễn Văn An") + 4
    answers[competence] = "-"
    code, output = _run(folder, answers)
    assert code == 0, output
    assert f"  Căn cứ 1 [{BASES_152[0]}]: " in output
    assert f"  Căn cứ 2 [{BASES_152[1]}]: " in output
    assert (
        "Lỗi: Nghị định số 98/2023/NĐ-CP không có hiệu lực ngày lập hồ sơ 19/12/2026; hãy gõ văn "
        "bản đang có hiệu lực."
    ) in output
    assert (
        "Căn cứ thẩm quyền của quyết định, in trước căn cứ của kế hoạch (gõ - nếu không ghi) "
        "[Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025]: -"
    ) in output
    new = load_campaign(folder / "input" / "campaign.toml")
    shipped = load_campaign(EXAMPLES / "campaigns" / "nd152-2026.toml")
    assert new.plan.bases == shipped.plan.bases
    assert new.plan.bases[-1] == (  # typed as the plan lists them, the wizard adds the plan itself
        "Kế hoạch số 12/KH-UBND ngày 25/02/2026 của Ủy ban nhân dân phường về phát động "
        "phong trào thi đua cải cách hành chính năm 2026"
    )
    assert new.award is not None and new.award.bases == ()
    check = CliRunner().invoke(main, ["kiem-tra-chien-dich", "--thu-muc", str(folder)])
    assert check.exit_code == 0, check.output
    assert (
        "  - Quyết định thiếu căn cứ thẩm quyền [LAW_DECISION_NO_COMPETENCE] — campaign.toml › "
        "khóa award.decision_bases › dòng "
    ) in check.output
    assert (
        "Quyết định khen thưởng của Cấp phường không có căn cứ thẩm quyền của Chủ tịch "
        "(decision_bases): quyết định thường mở đầu bằng “Căn cứ Luật Tổ chức chính quyền địa "
        "phương ngày 16 tháng 6 năm 2025;”."
    ) in check.output


def test_an_empty_first_basis_saved_by_an_older_docgen_is_no_basis() -> None:
    """Before the offers, Enter at "Căn cứ 1" ended the list: replayed, it adds no empty căn cứ."""
    from docgen.campaign.model import Issuer, Period
    from docgen.campaign.profiles import PROFILES
    from docgen.cli.bases import plan_bases
    from docgen.cli.prompts import Answers, Prompter

    own = "Kế hoạch số 12/KH-UBND ngày 25/02/2026 của Ủy ban nhân dân phường về phát động"
    saved = [("  Căn cứ 1", ""), ("  Căn cứ 1", "-"), ("  Căn cứ 1", ""),
             ("  Căn cứ là chính kế hoạch phát động này", own)]  # fmt: skip
    issuer = Issuer("", ("ỦY BAN NHÂN DÂN", "PHƯỜNG A"), "Ủy ban nhân dân phường A", "A", "UBND")
    period = Period(date(2026, 3, 1), date(2026, 12, 20), 2026)
    plan = ("12/KH-UBND", date(2026, 2, 25), "Phát động")
    ask = Prompter(Answers(replay=saved))
    assert plan_bases(ask, PROFILES["nd152_2025"], plan, issuer, period) == (own,)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Thông tư số 01/2024/TT-BNV ngày 15/01/2024", "Thông tư số 01/2024/TT-BNV không thuộc bộ nd152_2025: tờ trình, quyết định sẽ viện dẫn hai chế độ pháp lý."),
        ("Nghị định số 91/2017/NĐ-CP", "Nghị định số 91/2017/NĐ-CP không có hiệu lực ngày lập hồ sơ 15/07/2025"),
        ("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", ""),
        ("Kế hoạch số 08/KH-UBND ngày 21/01/2026", ""),
        ("-", ""),
    ],
    ids=["other-regime-in-force", "repealed", "local-government", "no-law", "skip"],
)  # fmt: skip
def test_a_typed_basis_must_fit_the_profile_on_the_dossier_day(typed: str, said: str) -> None:
    from docgen.campaign.profiles import PROFILES
    from docgen.cli.bases import _fits

    check = partial(_fits, profile=PROFILES["nd152_2025"], day=date(2025, 7, 15))
    if not said:
        assert check(typed) == typed
        return
    with pytest.raises(click.BadParameter) as caught:
        check(typed)
    assert said in caught.value.message
