"""`docgen chien-dich-moi`: the answers for plan 19/KH-UBND give the shipped campaign."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.campaign import Campaign, load_campaign
from docgen.campaign import defaults as guess
from docgen.cli import main

BASES = [
    "Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
    "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    "Kế hoạch số 04/KH-UBND ngày 20/01/2023 của Ủy ban nhân dân phường về công tác cải cách hành chính năm 2023",
    "Kế hoạch số 19/KH-UBND ngày 24/02/2023 của Ủy ban nhân dân phường về phát động phong trào thi đua cải cách hành chính năm 2023",
]
XEP_LOAI = "Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ"

# What the clerk types, question by question ("" = Enter, accepting the default in brackets).
ANSWERS_19 = [
    # plan
    "19/KH-UBND", "24/02/2023", "Phát động phong trào thi đua cải cách hành chính năm 2023",
    "", "kh19-2023-cchc", *BASES, "",
    # issuer and council
    "Ủy ban nhân dân phường Tiến Thành", "", "", "", "", "", "", "9",
    # period
    "", "20/12/2023", "",
    # forms and vote
    "", "", "", "", "",
    # signer
    "", "", "Lê Thanh Hoan",
    # subjects
    'Ủy ban nhân dân phường; Bộ phận "Một cửa" phường', "",
    "Hội đồng sáng kiến thành phố; Hội đồng sáng kiến phường",
    # levels
    "2",
    "Cấp thành phố", "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài", "", "",
    "", "Phòng Nội vụ thành phố Đồng Xoài", "1,3,4,5", "1", "2",
    "Như trên; Phòng Nội vụ thành phố; Thường trực Hội đồng TĐKT phường; Lưu: VT, HĐTĐKT",
    "Cấp phường", "Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành", "", "",
    "2,3,4,5", "1", "3", "Thường trực Hội đồng TĐKT phường; Lưu: VT, HĐTĐKT",
    # criteria, collectives
    "Hoàn thành xuất sắc nhiệm vụ được giao năm 2023.", "1",
    "Xếp loại thực hiện nhiệm vụ năm 2023", "xep_loai_nam", XEP_LOAI, "Hoàn thành xuất sắc nhiệm vụ",
    "Thực hiện tốt các nhiệm vụ được giao trong kế hoạch cải cách hành chính năm 2023 của thành phố và của cơ quan, đơn vị.", "",
    "Thực hiện tốt nhiệm vụ trong kế hoạch CCHC năm 2023", "thuc_hien_cchc", "Có; Không", "có",
    "Kết quả đánh giá, phân loại thực hiện nhiệm vụ cải cách hành chính năm 2023 của cơ quan, đơn vị xếp loại Tốt.", "",
    "Kết quả đánh giá, phân loại CCHC năm 2023", "xep_loai_cchc", "Tốt; Khá; Trung bình; Yếu", "Tốt",
    "Tập thể cán bộ, công chức, viên chức thực hiện nghiêm kỷ luật, kỷ cương hành chính.", "",
    "Vi phạm kỷ luật, kỷ cương hành chính", "vi_pham_ky_luat", "Có; Không", "Không",
    "",
    # criteria, individuals (columns already asked for are recognised by their header)
    "Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2023.", "",
    "Xếp loại thực hiện nhiệm vụ năm 2023", "Hoàn thành xuất sắc nhiệm vụ",
    "Chỉ đạo, tham mưu, triển khai thực hiện tốt các nhiệm vụ được giao trong kế hoạch cải cách hành chính năm 2023 của UBND thành phố và kế hoạch cải cách hành chính của phường.", "",
    "Thực hiện tốt nhiệm vụ trong kế hoạch CCHC năm 2023", "Có",
    "Có giải pháp trong công tác cải cách hành chính mang tính mới, tính thực tế, có thể nhân rộng, được Hội đồng sáng kiến của thành phố hoặc phường công nhận.", "2",
    "Thực hiện nghiêm kỷ luật, kỷ cương hành chính (không vi phạm kỷ luật, kỷ cương hành chính).", "",
    "Vi phạm kỷ luật, kỷ cương hành chính", "Không",
    "",
]  # fmt: skip


def _facts(c: Campaign) -> dict[str, object]:
    """What matters in a campaign; subject ids are the tool's, so levels list subject labels."""
    labels = {s.id: s.label for s in c.subjects}
    levels = [
        (lv.id, lv.label, lv.award, lv.decider, lv.kinh_gui, lv.via, lv.documents,
         tuple(labels[s] for s in lv.subjects), lv.quota, lv.noi_nhan,
         c.signers[lv.signer])
        for lv in c.levels
    ]  # fmt: skip
    return {
        "head": (c.id, c.title, c.legal_profile, c.thematic),
        "issuer": c.issuer,
        "council": c.council,
        "plan": c.plan,
        "period": c.period,
        "vote": c.vote,
        "subjects": [(s.kind, s.label) for s in c.subjects],
        "initiatives": c.initiative_bodies,
        "fields": c.fields,
        "criteria": c.criteria,
        "levels": levels,
    }


def _run(workspace: Path, answers: list[str], *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["chien-dich-moi", "--thu-muc", str(workspace), *extra],
        input="\n".join(answers) + "\n",
    )
    return result.exit_code, result.output


def test_answers_for_plan_19_give_the_shipped_campaign(
    example_workspace: Path, campaign: Campaign
) -> None:
    tmp_path = example_workspace  # its templates, without its campaign file
    (tmp_path / "input" / "campaign.toml").unlink()
    code, output = _run(tmp_path, ANSWERS_19)
    assert code == 0, output
    written = tmp_path / "input" / "campaign.toml"
    assert f"Đã lập tệp chiến dịch: {written}" in output
    new = load_campaign(written)
    for key, value in _facts(campaign).items():
        assert _facts(new)[key] == value, key
    check = CliRunner().invoke(main, ["kiem-tra-chien-dich", "--thu-muc", str(tmp_path)])
    assert check.exit_code == 0, check.output
    assert check.stdout.splitlines()[0] == (
        "Tệp chiến dịch hợp lệ: Phong trào thi đua cải cách hành chính năm 2023 "
        "(Kế hoạch số 19/KH-UBND)."
    )
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Chiến dịch: Kế hoạch số 19/KH-UBND ngày 24/02/2023")
    assert "# tỷ lệ phiếu đồng ý" in text


def test_a_folder_that_holds_a_campaign_is_refused_before_any_question(tmp_path: Path) -> None:
    existing = tmp_path / "input" / "campaign.toml"
    existing.parent.mkdir()
    existing.write_text("# của thường trực\n", encoding="utf-8")
    code, output = _run(tmp_path, ANSWERS_19)
    assert code == 2, output
    assert existing.read_text(encoding="utf-8") == "# của thường trực\n"
    assert list(existing.parent.iterdir()) == [existing]
    assert output.startswith(
        f"Lỗi: Thư mục {tmp_path.absolute()} đã có tệp chiến dịch ({existing})."
    )
    assert "Kế hoạch phát động phong trào" not in output  # no question was asked


def test_a_wrong_date_is_asked_again(tmp_path: Path) -> None:
    answers = [ANSWERS_19[0], "24/13/2023", *ANSWERS_19[1:]]
    code, output = _run(tmp_path, answers)
    assert code == 0, output
    assert "Lỗi: “24/13/2023” không phải ngày; hãy gõ ngày/tháng/năm, ví dụ 24/02/2023." in output


def test_answers_running_out_stop_without_a_file(tmp_path: Path) -> None:
    code, output = _run(tmp_path, ANSWERS_19[:10])
    assert code == 1
    assert "\nĐã dừng.\n" in output
    assert not (tmp_path / "input").exists()


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
        (guess.profile_for, date(2024, 3, 1), "nd98_2023"),
    ],
    ids=["slug", "level-id", "campaign-id", "movement", "name-lines", "place-thi-tran",
         "place-phuong", "symbol", "decider", "profile-2024"],
)  # fmt: skip
def test_defaults_from_earlier_answers(function: object, argument: object, expected: str) -> None:
    args = argument if isinstance(argument, tuple) else (argument,)
    assert function(*args) == expected  # type: ignore[operator]
