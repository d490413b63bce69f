"""`docgen tong-hop` and `docgen ket-qua` through the command line: files, messages, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from docgen.campaign.model import Campaign
from docgen.cli import main
from docgen.meeting.model import nominee_key
from docgen.validate.run import validate_folder
from tests.conftest import CAMPAIGN_FILE, GOOD_INDIVIDUAL
from tests.test_meeting import MEETING
from tools.fill.meeting import fill_meeting

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


@dataclass
class Workspace:
    folder: Path
    out: Path
    meeting: Path

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(
            main, [*args, "--chien-dich", str(CAMPAIGN_FILE), "--phieu", str(self.folder)]
        )

    def tong_hop(self, *args: str) -> Result:
        return self.run("tong-hop", "--ra", str(self.out), *args)

    def ket_qua(self, *args: str) -> Result:
        return self.run("ket-qua", "--hop-xet", str(self.meeting), *args)


@pytest.fixture
def ws(make_workbook: Callable[..., Path], tmp_path: Path) -> Workspace:
    """Three city-level individuals from one department."""
    rows = [
        {
            **GOOD_INDIVIDUAL,
            "ho_ten": name,
            "ngay_sinh": f"1{i}/08/1985",
            "cap_de_nghi": "Cấp thành phố",
        }
        for i, name in enumerate(NAMES)
    ]
    path = make_workbook("khoi-vhxh.xlsx", individuals=rows)
    return Workspace(path.parent, tmp_path / "out" / "tong-hop.xlsx", tmp_path / "hop-xet.xlsx")


def vote(ws: Workspace, campaign: Campaign, votes: list[object]) -> None:
    """The secretary's work: the meeting form and one vote per nominee, in list order."""
    report = validate_folder(campaign, ws.folder)
    keys = [nominee_key(n) for n in report.eligible()]
    fill_meeting(ws.out, ws.meeting, MEETING, dict(zip(keys, votes, strict=True)))


def test_tong_hop_writes_the_list_and_counts_per_level(ws: Workspace) -> None:
    result = ws.tong_hop()
    assert result.exit_code == 0, result.output
    meeting = Path.cwd() / "input" / "hop-xet.xlsx"  # the workspace is the current folder
    assert result.output.splitlines()[1:] == [
        f"Đã tạo bảng tổng hợp: {ws.out}",
        "  Cấp thành phố: 00 tập thể, 03 cá nhân",
        "  Cấp phường: 00 tập thể, 00 cá nhân",
        "Sau cuộc họp, thư ký ghi số phiếu và thông tin cuộc họp vào tệp này rồi lưu thành "
        f"{meeting}; sau đó chạy: docgen ket-qua",
    ]
    assert ws.out.exists()


def test_tong_hop_never_overwrites_a_filled_list(ws: Workspace, campaign: Campaign) -> None:
    assert ws.tong_hop().exit_code == 0
    assert "không thay đổi" in ws.tong_hop().output
    vote(ws, campaign, [9, 8, 7])
    fill_meeting(ws.meeting, ws.out, None, {})  # the secretary saved over the generated file
    filled = ws.out.read_bytes()
    again = ws.tong_hop()
    assert again.exit_code == 0
    assert again.output.splitlines()[1] == (
        f"Tệp {ws.out} đã có và khác bản mới (có thể thư ký đã ghi phiếu vào đó), nên được giữ "
        f"nguyên; bản mới được ghi vào {ws.out.with_name('tong-hop-2.xlsx')}. Dùng --ghi-de để "
        "ghi đè."
    )
    assert ws.out.read_bytes() == filled
    forced = ws.tong_hop("--ghi-de")
    assert forced.output.splitlines()[1] == f"Đã ghi đè bảng tổng hợp: {ws.out}"
    assert ws.out.read_bytes() != filled


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--sap-xep", "ten"], 0), (["--sap-xep", "tuoi"], 2)],
    ids=["by-name", "bad-order"],
)
def test_sort_option(ws: Workspace, args: list[str], code: int) -> None:
    assert ws.tong_hop(*args).exit_code == code


def test_ket_qua_without_meeting_file_is_a_usage_error(ws: Workspace) -> None:
    result = ws.ket_qua()
    assert result.exit_code == 2
    assert result.output.splitlines()[1:] == [
        f"Lỗi: Chưa có tệp họp xét {ws.meeting}. Hãy chạy “docgen tong-hop”, để thư ký ghi phiếu "
        f"bầu và thông tin cuộc họp vào tệp đó, rồi lưu thành {ws.meeting}.",
        f"Thư mục làm việc đang dùng: {Path.cwd()}",
        "Hãy chạy lệnh trong thư mục làm việc của đợt (thư mục có input/campaign.toml),",
        'hoặc chỉ rõ thư mục đó: docgen ket-qua --thu-muc "<đường dẫn thư mục làm việc>"',
        "(hoặc đặt biến môi trường DOCGEN_THU_MUC một lần cho mọi lệnh).",
    ]


OUTCOMES = [
    (
        [8, 7, 6],
        0,
        ["Nguyễn Văn An", "Trần Thị Bình"],
        "Vượt số lượng: xếp thứ 3, chỉ tiêu 02 cá nhân",
    ),
    ([8, 7, 7], 1, ["Nguyễn Văn An"], "TIE_AT_QUOTA"),
    (
        [8, 8, 4],
        0,
        ["Nguyễn Văn An", "Trần Thị Bình"],
        "Không đạt tỷ lệ phiếu: 04/09 thành viên (44,44 %), cần trên 50 %",
    ),
    ([8, 8, "x"], 1, ["Nguyễn Văn An", "Trần Thị Bình"], "VOTES_INVALID"),
    ([8, 8, None], 1, ["Nguyễn Văn An", "Trần Thị Bình"], "VOTES_MISSING"),
]


@pytest.mark.parametrize(
    ("votes", "code", "proposed", "text"),
    OUTCOMES,
    ids=["quota", "tie", "threshold", "bad-vote", "no-vote"],
)
def test_ket_qua(
    ws: Workspace,
    campaign: Campaign,
    votes: list[object],
    code: int,
    proposed: list[str],
    text: str,
) -> None:
    assert ws.tong_hop().exit_code == 0
    vote(ws, campaign, votes)
    result = ws.ket_qua()
    assert result.exit_code == code, result.output
    assert text in result.output
    data = json.loads(ws.ket_qua("--json").stdout)
    city = data["levels"][0]
    assert [d["name"] for d in city["proposed"]] == proposed
    assert data["meeting"]["present"] == 8


def test_every_command_has_help_with_an_example() -> None:
    for command in ("tong-hop", "ket-qua"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert (
            result.exit_code == 0
            and "Ví dụ" in result.output
            and f"docgen {command}" in result.output
        )


def test_the_lines_the_clerk_reads(ws: Workspace, campaign: Campaign) -> None:
    listed = ws.tong_hop()
    assert listed.stdout.splitlines() == [
        f"Đã tạo bảng tổng hợp: {ws.out}",
        "  Cấp thành phố: 00 tập thể, 03 cá nhân",
        "  Cấp phường: 00 tập thể, 00 cá nhân",
        "Sau cuộc họp, thư ký ghi số phiếu và thông tin cuộc họp vào tệp này rồi lưu thành "
        f"{Path.cwd() / 'input' / 'hop-xet.xlsx'}; sau đó chạy: docgen ket-qua",
    ]
    vote(ws, campaign, [8, 7, 7])
    result = ws.ket_qua()
    assert result.exit_code == 1
    who = "(cá nhân, Khối Văn hóa - Xã hội)"
    tie = "Bằng phiếu ở vị trí cuối chỉ tiêu: 2 cá nhân cùng 07 phiếu tranh 01 suất; chờ Hội đồng quyết định"
    assert result.stdout.splitlines() == [
        "Cuộc họp ngày 22/12/2023: 8/9 thành viên có mặt, biểu quyết.",
        "Văn thư chưa ghi số, ngày văn bản (trang “Số văn bản” của tệp họp xét): văn bản để "
        "trống đúng khuôn.",
        "Cấp thành phố — Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
        "  Đề nghị:",
        f"    1. Nguyễn Văn An {who} — 08/09 (88,89 %)",
        f"  Không đề nghị: Trần Thị Bình {who} — 07/09 (77,78 %): {tie}",
        f"  Không đề nghị: Lê Văn Cường {who} — 07/09 (77,78 %): {tie}",
        "Cấp phường — Giấy khen của Chủ tịch Ủy ban nhân dân phường Tiến Thành",
        "  Đề nghị: không có",
    ]
    announced, *findings = result.stderr.splitlines()
    assert (
        announced
        == f"Thư mục làm việc: {Path.cwd()} — chiến dịch “kh19-2023-cchc” ({CAMPAIGN_FILE})"
    )
    assert findings == [
        "Bằng phiếu ở vị trí cuối chỉ tiêu [TIE_AT_QUOTA] — hop-xet.xlsx › Cấp thành phố: "
        "Cấp thành phố: 2 cá nhân cùng 07 phiếu đồng ý (Trần Thị Bình (Khối Văn hóa - Xã hội), "
        "Lê Văn Cường (Khối Văn hóa - Xã hội)) tranh 01 suất còn lại trong chỉ tiêu 02 cá nhân; "
        "chưa ai trong số này được đề nghị. Hội đồng biểu quyết lại giữa những người bằng phiếu; "
        "thư ký ghi số phiếu biểu quyết lại vào trang “Cấp thành phố”, cột H “Số phiếu biểu quyết "
        "lại (chỉ khi bằng phiếu)”, dòng 7 và 8 (không sửa số phiếu vòng đầu).",
        "    → Hội đồng biểu quyết lại giữa những người bằng phiếu; ghi số phiếu biểu quyết lại vào "
        "cột “Số phiếu biểu quyết lại” (không sửa số phiếu vòng đầu) rồi chạy lại.",
    ]
