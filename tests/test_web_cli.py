"""The page is a second shell: the same steps through the page and through the CLI, on two
copies of one workspace, leave the same files (byte for byte where the CLI is byte-stable)."""

from __future__ import annotations

import hashlib
import html
import io
import re
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from docgen.campaign import load_campaign
from docgen.cli import main
from docgen.stage import Step, campaign_stage
from docgen.workspace import Workspace
from tools.webclient import serving

CAMPAIGN = "kh19-2023-cchc"


def cli(root: Path, *argv: str) -> int:
    result = CliRunner().invoke(main, [*argv, "--thu-muc", str(root)])
    return result.exit_code


def tree(root: Path, under: str) -> dict[str, str]:
    """Relative path → SHA-256 of every file under `root/under` (the lock file left out)."""
    base = root / under
    return {
        p.relative_to(base).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(base.rglob("*"))
        if p.is_file() and p.name != ".docgen-khoa"
    }


def test_check_meeting_list_and_dossier_give_the_same_files(
    example_workspace: Path, tmp_path: Path
) -> None:
    by_cli = tmp_path / "dòng lệnh"
    shutil.copytree(example_workspace, by_cli)
    assert cli(by_cli, "kiem-tra") == 1  # the example has a department with errors
    assert cli(by_cli, "tong-hop") == 0
    assert cli(by_cli, "ho-so") == 0

    with serving(example_workspace) as (_, client):
        client.login()
        assert "Đã kiểm tra 5 phiếu: 3 lỗi" in client.run("/kiem-tra")
        assert "Đã tạo bảng tổng hợp: " in client.run("/hop-xet/tong-hop")
        assert "Đã lập 14 văn bản" in client.run("/ho-so/lap")
        bundle = client.request("GET", "/ho-so/cap/thanh-pho")
        names = zipfile.ZipFile(io.BytesIO(bundle.body)).namelist()
        assert "thanh-pho/to-trinh.docx" in names and len(names) == 6
        assert all(n.startswith("thanh-pho/") for n in names)
        assert client.request("GET", "/ho-so/cap/..%2F..%2Finput").status == 404

    with serving(by_cli) as (_, client):  # a new page over the CLI's dossier, edited in Word
        client.login()
        edited = by_cli / "output" / CAMPAIGN / "thanh-pho" / "to-trinh.docx"
        edited.write_bytes(edited.read_bytes() + b"\0")
        listing = client.request("GET", "/ho-so").text
        assert listing.count("như lần lập") == 13 and listing.count("sửa tay sau khi lập") == 1
        edited.write_bytes(edited.read_bytes()[:-1])
    page, command = tree(example_workspace, "output"), tree(by_cli, "output")
    assert sorted(page) == sorted(command)
    feedback_and_list = [p for p in page if "phan-hoi/" in p or p.endswith("tong-hop.xlsx")]
    documents = [p for p in page if p.endswith((".docx", "manifest.json"))]
    assert feedback_and_list and len(documents) == 15
    for path in feedback_and_list + documents:
        assert page[path] == command[path], path


def test_the_stage_follows_the_steps(example_workspace: Path) -> None:
    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    stage = campaign_stage(ws, campaign)
    assert stage.next is Step.CHECK and Step.RECEIVE in stage.done
    assert "5 phiếu" in stage.done[Step.RECEIVE]
    assert campaign_stage(ws, campaign, errors=3).advice.startswith("Còn 3 lỗi trong phiếu")
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.next is Step.MEETING_LIST  # the meeting workbook is there, the list is not
    tie = campaign_stage(ws, campaign, errors=0, meeting_errors=1)
    assert tie.next is Step.MEETING and tie.advice.startswith("Tệp họp xét còn 1 lỗi")
    assert cli(example_workspace, "tong-hop") == 0
    assert cli(example_workspace, "ho-so") == 0
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.next is Step.PDF and stage.done[Step.DOSSIER] == "14 văn bản"
    shutil.rmtree(example_workspace / "input" / "phieu")
    assert campaign_stage(ws, campaign).next is Step.RECEIVE


def test_the_page_never_writes_while_a_command_does(example_workspace: Path) -> None:
    from docgen.lock import workspace_lock

    with serving(example_workspace) as (_, client):
        client.login()
        with workspace_lock(example_workspace / "output", "ho-so"):
            panel = client.run("/kiem-tra")
        assert "không chạy được" in panel and "lệnh “ho-so”" in panel
        assert not (example_workspace / "output" / CAMPAIGN / "phan-hoi").exists()
        assert "Đã kiểm tra 5 phiếu" in client.run("/kiem-tra")  # the lock is free again


def test_an_unexpected_failure_ends_the_job_with_a_message(example_workspace: Path) -> None:
    from docgen.web.jobs import UNEXPECTED, Job, Jobs, State

    def broken(_job: Job) -> None:
        raise KeyError("thiếu")

    job = Jobs(example_workspace / "output").run_now("Thử", "/", broken)
    assert job.state is State.FAILED and job.problems[0].startswith(UNEXPECTED)
    assert "KeyError" in job.trace


def test_a_broken_campaign_file_is_said_on_every_page(example_workspace: Path) -> None:
    campaign = example_workspace / "input" / "campaign.toml"
    with serving(example_workspace) as (_, client):
        client.login()
        assert "Bước tiếp theo" in client.request("GET", "/ho-so").text
        campaign.write_text(campaign.read_text(encoding="utf-8") + "\nname = Lê Thanh Hoan\n")
        for path in ("/", "/don-vi", "/ho-so"):
            answer = client.request("GET", path)
            assert answer.status == 200 and "tệp chiến dịch có lỗi" in answer.text
            assert "ngoặc kép" in answer.text and "Traceback" not in answer.text


def test_a_meeting_upload_that_is_not_a_workbook_changes_nothing(example_workspace: Path) -> None:
    meeting = example_workspace / "input" / "hop-xet.xlsx"
    before = meeting.read_bytes()
    with serving(example_workspace) as (_, client):
        client.login()
        panel = client.run("/hop-xet/tai-len", {}, [("tep", "hop-xet.xlsx", b"<html>not</html>")])
        assert "không phải bảng tính Excel" in panel and "Hãy lưu tệp bằng Excel" in panel
        assert "Đọc kết quả họp xét: chưa làm được" in panel  # refused: not "xong"
        form = example_workspace / "input" / "phieu" / "khoi-noi-chinh.xlsx"  # a mistaken file
        panel = html.unescape(
            client.run("/hop-xet/tai-len", {}, [("tep", "phieu.xlsx", form.read_bytes())])
        )
        assert (
            "phieu.xlsx: Tệp không phải bảng tổng hợp do nút “Tổng hợp danh sách họp” trên trang "
            "Họp xét tạo ra (thiếu dấu nhận diện). Tệp họp xét đang dùng giữ nguyên." in panel
        )
        panel = client.run("/hop-xet/tai-len", {}, [("tep", "hop-xet.xlsx", before)])
        assert "Kết quả họp xét đã đọc." in panel and "giữ lại" not in panel  # same bytes
    assert meeting.read_bytes() == before
    assert not list(meeting.parent.glob("hop-xet.truoc-*"))


def test_certificates_through_the_page_are_the_commands(
    example_workspace: Path, tmp_path: Path
) -> None:
    """`In giấy khen` is `docgen giay-khen`: the same Word file, its PDF beside it."""
    by_cli = tmp_path / "dòng lệnh"
    shutil.copytree(example_workspace, by_cli)
    assert cli(by_cli, "giay-khen", "--khong-pdf") == 0
    with serving(example_workspace) as (_, client):
        client.login()
        said = client.run("/ho-so/giay-khen")
        assert "Cấp phường: 4 giấy khen (giay-khen.docx)." in said
        assert "Quyết định chưa có số, ngày" in said  # the example's decision is not numbered
    made = Path("output", CAMPAIGN, "phuong", "giay-khen", "giay-khen.docx")
    # the same bytes: the command wrote the campaign's own spelling of the department
    assert (example_workspace / made).read_bytes() == (by_cli / made).read_bytes()
    assert (example_workspace / made).with_suffix(".pdf").stat().st_size > 0


def test_the_form_to_send_a_department_is_mau_nhap(example_workspace: Path, tmp_path: Path) -> None:
    """`Tạo phiếu nhập` is `docgen mau-nhap --don-vi`: the same workbook, offered to download;
    a department the campaign does not list is refused by both with the list of its own."""
    by_cli = tmp_path / "dòng lệnh"
    shutil.copytree(example_workspace, by_cli)
    result = CliRunner().invoke(
        main, ["mau-nhap", "--don-vi", "khoi van hoa - xa hoi", "--thu-muc", str(by_cli)]
    )
    assert result.exit_code == 0, result.output
    made = Path("output", CAMPAIGN, "mau-nhap", "phieu-de-nghi-khoi-van-hoa-xa-hoi.xlsx")
    assert result.stdout == f"Đã tạo phiếu nhập: {by_cli / made}\n"
    wrong = CliRunner().invoke(
        main, ["mau-nhap", "--don-vi", "Khối Tài chính", "--thu-muc", str(by_cli)]
    )
    refusal = (
        "Đơn vị “Khối Tài chính” không có trong danh sách đơn vị của tệp chiến dịch "
        "([[departments]]): Văn phòng HĐND - UBND phường; Bộ phận Tiếp nhận và Trả kết quả "
        "(Một cửa); Khối Kinh tế - Hạ tầng; Khối Nội chính; Khối Văn hóa - Xã hội. Hãy ghi đúng "
        "tên một đơn vị trên, hoặc thêm đơn vị mới vào tệp chiến dịch rồi làm lại."
    )
    assert wrong.exit_code == 2 and wrong.stderr.splitlines()[-1] == f"Lỗi: {refusal}"
    with serving(example_workspace) as (_, client):
        client.login()
        assert "<option>Khối Văn hóa - Xã hội</option>" in client.request("GET", "/don-vi").text
        said = client.run("/don-vi/mau-nhap", {"don_vi": "Khối Văn hóa - Xã hội"})
        assert f"Đã tạo phiếu nhập: {example_workspace / made}" in said
        link = re.search(r'<a href="(/tai/[^"]+)">Phiếu nhập — Khối Văn hóa - Xã hội', said)
        assert link is not None, said
        assert client.request("GET", link.group(1)).body == (by_cli / made).read_bytes()
        said = html.unescape(client.run("/don-vi/mau-nhap", {"don_vi": "Khối Tài chính"}))
        assert refusal in said
    # the same bytes: the command wrote the campaign's own spelling of the department
    assert (example_workspace / made).read_bytes() == (by_cli / made).read_bytes()


def test_the_blanks_test_page_and_offsets_through_the_page_are_the_commands(
    example_workspace: Path, tmp_path: Path
) -> None:
    """`giay-khen --trang-thu --lech-ngang 1.5`: the same test page from the page's boxes; an
    offset that is no number is said, and nothing is printed."""
    from docgen.award.printing import FOLDER, TEST_FILE

    by_cli = tmp_path / "dòng lệnh"
    shutil.copytree(example_workspace, by_cli)
    assert cli(by_cli, "giay-khen", "--trang-thu", "--lech-ngang", "1.5", "--khong-pdf") == 0
    made = Path("output", CAMPAIGN, FOLDER, TEST_FILE)
    with serving(example_workspace) as (_, client):
        client.login()
        said = html.unescape(
            client.run("/ho-so/giay-khen", {"trang_thu": "co", "lech_ngang": "1x"})
        )
        assert "Lệch ngang “1x” không phải số mi-li-mét, ví dụ 1,5 hoặc -2." in said
        assert not (example_workspace / made).exists()
        said = client.run("/ho-so/giay-khen", {"trang_thu": "co", "lech_ngang": "1,5"})
        assert f"Trang thử cân lề phôi — Đã tạo: {example_workspace / made}" in html.unescape(said)
    assert (example_workspace / made).read_bytes() == (by_cli / made).read_bytes()
