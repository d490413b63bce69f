"""Lịch sử khen thưởng on the page is `docgen lich-su` and `docgen tong-ket`: the same steps
through the page and through the CLI, on two copies of one workspace, leave the same files
and the same history; wrong input gets the command's checks, and nothing is imported from a
sheet with a wrong row."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from docgen.award import find_awards
from docgen.award.history import load_history
from docgen.award.search import Query, to_json
from docgen.campaign import load_campaign
from docgen.cli import main
from docgen.web.advice import on_page
from docgen.workspace import Workspace
from tests.test_dossier_state import set_votes
from tests.test_history_books import ROW
from tests.test_history_e2e import number_the_decision
from tests.test_web_cli import tree
from tools.example.data import VOTES
from tools.fill.history import fill_awards_sheet
from tools.webclient import Client, serving

CAMPAIGN = "kh19-2023-cchc"
DECISION = {"cap": "thanh-pho", "so": "1234/QĐ-UBND", "ngay": "10/01/2024", "co_quan": "",
            "tru": "Nguyễn Văn An\n"}  # fmt: skip


def cli(root: Path, *argv: str, code: int = 0, stream: str = "stdout") -> list[str]:
    result = CliRunner().invoke(main, [*argv, "--thu-muc", str(root)])
    assert result.exit_code == code, result.output
    return str(getattr(result, stream)).splitlines()


def _said(panel: str) -> str:
    return html.unescape(panel)


def _downloads(client: Client, panel: str) -> dict[str, bytes]:
    """Each file a job panel offers, fetched by its id: file name → bytes."""
    found = {}
    for file_id, name in re.findall(r'href="/tai/([^"]+)">[^<]*\(([^)]+)\)</a>', panel):
        answer = client.request("GET", f"/tai/{file_id}")
        assert answer.status == 200, name
        found[name] = answer.body
    return found


def test_recording_statistics_template_and_wrap_up_are_the_commands(
    example_workspace: Path, tmp_path: Path
) -> None:
    number_the_decision(example_workspace)
    by_cli = tmp_path / "dòng lệnh"
    shutil.copytree(example_workspace, by_cli)
    built = cli(by_cli, "ho-so")  # the ward's own decision goes into the history, on both
    with serving(example_workspace) as (_, client):
        client.login()
        said = _said(client.run("/ho-so/lap"))
    line = "Lịch sử khen thưởng: Quyết định số 15/QĐ-UBND ngày 28/12/2023 (1 tập thể, 3 cá nhân) — đã ghi."
    assert line in built and line in said
    argv = [f"--{k}" for k in ("ghi-cap", "so", "ngay", "tru")]
    recorded = cli(by_cli, "lich-su", *[x for pair in zip(argv, ["thanh-pho", "1234/QĐ-UBND",
                   "10/01/2024", "Nguyễn Văn An"], strict=True) for x in pair])  # fmt: skip
    statistics = cli(by_cli, "lich-su", "--thong-ke")
    template = cli(by_cli, "lich-su", "--mau-nhap")
    wrapped = cli(by_cli, "tong-ket")

    with serving(example_workspace) as (_, client):
        client.login()
        assert "Ghi quyết định vào lịch sử khen thưởng" in client.request("GET", "/").text
        said = _said(client.run("/lich-su/ghi-cap", DECISION))
        assert all(line.strip().removeprefix("- ") in said for line in recorded), said
        assert "Đã ghi Quyết định số 1234/QĐ-UBND ngày 10/01/2024 (1 tập thể, 1 cá nhân)" in said
        said = _said(client.run("/lich-su/thong-ke"))
        assert statistics[0].replace(str(by_cli), str(example_workspace)) in said
        assert "Đã tạo: " in _said(client.run("/lich-su/mau-nhap")) and template
        panel = client.run("/lich-su/tong-ket")
        said = _said(panel)
        for line in wrapped:
            assert line.replace(str(by_cli), str(example_workspace)) in said, line
        offered = _downloads(client, panel)
        assert sorted(offered) == ["bao-cao-ket-qua.docx", "thong-bao.html", "thong-bao.txt"]
        folder = by_cli / "output" / CAMPAIGN / "tong-ket"
        assert all(data == (folder / name).read_bytes() for name, data in offered.items())
        search = _said(client.request("GET", "/lich-su?nam=2023&hinh_thuc=giay+khen").text)
        assert "Tìm thấy 6 khen thưởng" in search
        assert search.count("<td>1234/QĐ-UBND ngày 10/01/2024</td>") == 2
        overview = _said(client.request("GET", "/").text)
        assert "xong (2 cấp có quyết định: 15/QĐ-UBND, 1234/QĐ-UBND)" in overview
        assert "xong (đã có báo cáo kết quả và thông báo)" in overview

    for under in ("output/lich-su", f"output/{CAMPAIGN}/tong-ket"):
        assert tree(example_workspace, under) == tree(by_cli, under), under
    assert to_json(find_awards(example_workspace, Query())) == to_json(find_awards(by_cli, Query()))


def test_wrong_decisions_and_sheets_are_refused_as_by_the_command(
    example_workspace: Path, tmp_path: Path
) -> None:
    before = load_history(example_workspace)
    with serving(example_workspace) as (_, client):
        client.login()
        refused = _said(client.run("/lich-su/ghi-cap", {**DECISION, "so": "1234"}))
        assert "Cần ghi số và ký hiệu quyết định, ví dụ 123/QĐ-UBND." in refused
        refused = _said(client.run("/lich-su/ghi-cap", {**DECISION, "ngay": "31/02/2024"}))
        assert "Ngày quyết định “31/02/2024” không phải ngày; ghi dd/mm/yyyy" in refused
        refused = _said(client.run("/lich-su/ghi-cap", {**DECISION, "tru": "Trần Văn Lạ"}))
        assert "“Trần Văn Lạ” không có trong danh sách đề nghị Cấp thành phố" in refused
        refused = _said(client.run("/lich-su/ghi-cap", {**DECISION, "cap": "phuong", "tru": ""}))
        assert "Cấp phường do phường tự quyết định" in refused
        # a tie at the quota without its run-off: the same refusal as `docgen tong-ket`
        campaign = load_campaign(example_workspace / "input" / "campaign.toml")
        tied = {**VOTES, "Hoàng Văn Hòa": 6}  # three at 6 votes for the last two seats
        set_votes(campaign, Workspace(example_workspace), tied, tmp_path)
        refused = _said(client.run("/lich-su/tong-ket"))
        said = cli(example_workspace, "tong-ket", code=1, stream="output")
        assert "Kết quả họp xét còn lỗi, chưa tổng kết được" in refused
        shown = [str(on_page(line.removeprefix("Lỗi: ").strip(" -"))) for line in said[1:]]
        assert all(line in refused for line in shown), said  # the page's words for commands
        refused = _said(client.run("/lich-su/ghi-cap", DECISION))
        assert "Kết quả họp xét còn lỗi, chưa ghi quyết định được" in refused
        assert not (example_workspace / "output" / CAMPAIGN / "tong-ket").exists()

        blank = _downloads(client, client.run("/lich-su/mau-nhap"))
        template = tmp_path / "mau.xlsx"
        template.write_bytes(blank["mau-nhap-lich-su-khen-thuong.xlsx"])
        bad = fill_awards_sheet(
            template, [ROW, [*ROW[:2], "31/02/2021", *ROW[3:]]], tmp_path / "loi.xlsx"
        )
        said = _said(client.run("/lich-su/nhap", files=[("tep", "loi.xlsx", bad.read_bytes())]))
        assert "Chưa nhập gì: tệp loi.xlsx còn 1 lỗi." in said
        assert (
            "loi.xlsx, trang “Khen thưởng”, dòng 5, cột C (Ngày quyết định): “31/02/2021” "
            "không phải ngày" in said
        )
        assert load_history(example_workspace) == before
        cli_said = cli(example_workspace, "lich-su", "--nhap", str(bad), code=1)
        assert all(line.strip(" -") in said for line in cli_said[1:])
        not_a_workbook = client.run("/lich-su/nhap", files=[("tep", "x.xlsx", b"khong")])
        assert "Hãy lưu tệp bằng Excel dạng .xlsx" in _said(not_a_workbook)
        good = fill_awards_sheet(template, [ROW], tmp_path / "cu.xlsx")
        said = _said(client.run("/lich-su/nhap", files=[("tep", "cu.xlsx", good.read_bytes())]))
        assert "Đã nhập 1 quyết định (1 dòng) từ cu.xlsx: 1 mới, 0 thay bản cũ, 0 đã có." in said
        assert "Tìm thấy 1 khen thưởng" in client.request("GET", "/lich-su?nam=2021").text
        older = [2019, "3/QĐ-UBND", "10/12/2019", *ROW[3:]]
        cli(
            example_workspace,
            "lich-su",
            "--nhap",
            str(fill_awards_sheet(template, [older], tmp_path / "x.xlsx")),
        )
        found = _said(client.request("GET", "/lich-su?nam=2019").text)  # written by the command
        assert "Tìm thấy 1 khen thưởng" in found and "3/QĐ-UBND ngày 10/12/2019" in found
        search = _said(client.request("GET", "/lich-su?nam=1900").text)
        assert "Năm “1900” không hợp lệ" in search
        unsure = [2022, "7/QĐ-UBND", "15/12/2022", *ROW[3:7], None, *ROW[8:]]  # no birth date
        maybe = fill_awards_sheet(template, [unsure], tmp_path / "chua-ro.xlsx")
        said = _said(
            client.run("/lich-su/nhap", files=[("tep", "chua-ro.xlsx", maybe.read_bytes())])
        )
        assert "Đã nhập 1 quyết định" in said, said
        page = _said(client.request("GET", "/lich-su?ten=nguyen+van+an&don_vi=khoi+kinh").text)
        assert "Tìm thấy 3 khen thưởng" in page  # 2019, 2021 and the one without a birth date
        pairs = cli(example_workspace, "lich-su", "--chua-ro")
        assert pairs[3] == "2. Có thể là cùng một người (chưa gộp):" and len(pairs) == 7
        assert page.count("Có thể là cùng một người (chưa gộp):") == 2  # 2019 and 2021 each
        for line in pairs[1:3] + pairs[4:6]:  # each record of each pair, as the command says
            assert line.strip().removeprefix("- ") in page, line
