"""The page is a second shell (issue 23): receiving, the meeting result, PDF and the archive done
through the page and through the CLI on two copies of one workspace leave the same files and
say the same things (byte for byte where the CLI is byte-stable; times left out)."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.text import format_percent
from docgen.web.advice import on_page
from tests.conftest import soffice
from tests.test_web_browser import filled_meeting
from tools.fill.mail import message, outlook_msg
from tools.webclient import Client, serving

CAMPAIGN = "kh19-2023-cchc"
PHIEU = Path("input", "phieu")
JOURNAL = Path("input", "thu-nhan.csv")
KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"
NOI_CHINH = "noichinh.tienthanh@dongxoai.gov.vn"


def cli(root: Path, *argv: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*argv, "--thu-muc", str(root)])
    return result.exit_code, result.stdout


def cli_err(root: Path, *argv: str) -> tuple[int, str]:
    """The exit code and what the command wrote to stderr."""
    result = CliRunner().invoke(main, [*argv, "--thu-muc", str(root)])
    return result.exit_code, result.stderr


def pair(example: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The workspace the page works on, and a copy of it for the CLI."""
    by_cli = tmp_path / "dòng lệnh"
    shutil.copytree(example, by_cli)
    return example, by_cli


def files(folder: Path) -> dict[str, tuple[str, int]]:
    """Name → (SHA-256, modification second) of every file in `folder`."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), int(p.stat().st_mtime))
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def journal(root: Path) -> list[dict[str, str]]:
    with (root / JOURNAL).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def without(rows: list[dict[str, str]], *columns: str) -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k not in columns} for row in rows]


# --- Nhận phiếu --------------------------------------------------------------------------------


def test_saved_mails_dropped_on_the_page_are_nhan_thu(
    example_workspace: Path, tmp_path: Path
) -> None:
    """A saved .eml and an Outlook .msg: the same files in input/phieu (names, bytes, times),
    the same journal rows but the time written, and the page's rows name a saved copy of the
    mail that `nhan-thu --khoi-phuc` reads again, as it reads the clerk's own saved mails."""
    page, by_cli = pair(example_workspace, tmp_path)
    kinh_te, noi_chinh = (page / PHIEU / n for n in ("khoi-kinh-te.xlsx", "khoi-noi-chinh.xlsx"))
    attached = [("Phiếu Kinh tế.xlsx", kinh_te.read_bytes())]
    mails = tmp_path / "thư đã lưu"
    mails.mkdir()
    eml = mails / "kinh-te.eml"
    eml.write_bytes(message(KINH_TE, "Phiếu đề nghị", attached).as_bytes())
    when = datetime(2023, 12, 11, 8, 0, tzinfo=UTC)
    msg = outlook_msg(mails / "noi-chinh.msg", NOI_CHINH, "Khối Nội chính", "Phiếu",
                      [(noi_chinh.name, noi_chinh.read_bytes())], when)  # fmt: skip
    for root in (page, by_cli):
        for name in (kinh_te.name, noi_chinh.name):
            (root / PHIEU / name).unlink()

    code, out = cli(by_cli, "nhan-thu", str(eml), str(msg))
    assert code == 0 and "Đã nhập 2 phiếu" in out and "Phiếu Kinh tế.xlsx" in out
    dropped = [("tep", p.name, p.read_bytes()) for p in (eml, msg)]
    with serving(page) as (_, client):
        client.login()
        panel = client.run("/nhan-phieu/tai-len", {}, dropped)
        assert lines_of(panel) == printed(out, by_cli, page)
        again = client.run("/nhan-phieu/tai-len", {}, dropped)  # the same mails dropped again
    code, out = cli(by_cli, "nhan-thu", str(eml), str(msg))
    assert code == 0 and "Đã đọc 0 thư mới (2 thư đã nhận từ trước)." in out
    assert lines_of(again) == printed(out, by_cli, page)
    assert len(list((page / "input" / "tai-len").iterdir())) == 2  # kept once each

    assert files(page / PHIEU) == files(by_cli / PHIEU)
    rows, expected = journal(page), journal(by_cli)
    assert without(rows, "Ghi lúc", "Nguồn") == without(expected, "Ghi lúc", "Nguồn")
    assert len(rows) == 4  # a message row and a file row for each mail
    for row, theirs in zip(rows, expected, strict=True):
        kept = Path(row["Nguồn"])
        assert kept.is_file() and kept.read_bytes() == Path(theirs["Nguồn"]).read_bytes()
        assert kept.is_relative_to(page)  # in the workspace, not in a folder since deleted

    (page / PHIEU / "Phiếu Kinh tế.xlsx").unlink()  # deleted by mistake: put back from the mail
    assert cli(page, "nhan-thu", "--khoi-phuc")[0] == 0
    assert files(page / PHIEU) == files(by_cli / PHIEU)


def test_mail_server_fields_the_command_refuses_are_refused_on_the_page(
    example_workspace: Path,
) -> None:
    """A first day that is no date: `nhan-thu --tu-ngay` stops (exit 2) before connecting, and
    so does the page (it read the whole mailbox); a port that is no number: the page says so
    (it failed with a server error)."""
    code, out = cli(example_workspace, "nhan-thu", "--imap", "127.0.0.1", "--cong", "9",
                    "--tai-khoan", "tdkt", "--tu-ngay", "31/02/2023")  # fmt: skip
    assert code == 2
    server = {"may_chu": "127.0.0.1", "cong": "9", "tai_khoan": "tdkt", "mat_khau": "bí mật"}
    with serving(example_workspace) as (_, client):
        client.login()
        said = html.unescape(client.run("/nhan-phieu/hop-thu", {**server, "tu_ngay": "31/02/2023"}))
        assert "“31/02/2023” không phải ngày dạng ngày/tháng/năm, ví dụ 01/12/2023." in said
        said = html.unescape(client.run("/nhan-phieu/hop-thu", {**server, "cong": "99x"}))
        assert "Cổng “99x” không phải số: để trống hoặc ghi số cổng, ví dụ 993." in said
        reply = {**server, "cong": "5x", "gui": "co", "xac_nhan": "co"}
        said = html.unescape(client.run("/nhan-phieu/tra-loi", reply))
        assert "Cổng “5x” không phải số: để trống hoặc ghi số cổng, ví dụ 587." in said
    assert not (example_workspace / JOURNAL).exists()


def mail_parts(path: Path) -> list[tuple[str, str, bytes]]:
    """A saved mail as (header or part, value or file name, bytes): Date, Message-ID and the
    MIME boundary, which differ at every writing, left out."""
    from email import message_from_bytes, policy

    mail = message_from_bytes(path.read_bytes(), policy=policy.default)
    heads = [(k, str(v), b"") for k, v in mail.items() if k not in ("Date", "Message-ID")]
    heads = [h for h in heads if h[0] != "Content-Type"]
    parts = [(p.get_content_type(), p.get_filename() or "", p.get_payload(decode=True) or b"")
             for p in mail.walk() if not p.is_multipart()]  # fmt: skip
    return heads + parts


def test_replies_drafted_on_the_page_are_tra_loi(example_workspace: Path, tmp_path: Path) -> None:
    """`Soạn thư phản hồi` is `tra-loi` without --gui: the same lines, the same feedback files
    and the same drafts (headers, text, attachments), nothing sent."""
    page, by_cli = pair(example_workspace, tmp_path)
    code, out = cli(by_cli, "tra-loi")
    assert code == 0 and "Đã soạn 5 thư phản hồi" in out
    with serving(page) as (_, client):
        client.login()
        said = client.run("/nhan-phieu/tra-loi", {"gui": "khong"})
    assert lines_of(said) == printed(out, by_cli, page)
    feedback = Path("output", CAMPAIGN, "phan-hoi").as_posix()
    assert tree(page, feedback) == tree(by_cli, feedback)
    drafts = Path("output", CAMPAIGN, "tra-loi")
    names = sorted(p.name for p in (by_cli / drafts).iterdir())
    assert len(names) == 5 and sorted(p.name for p in (page / drafts).iterdir()) == names
    for name in names:
        assert mail_parts(page / drafts / name) == mail_parts(by_cli / drafts / name), name
    assert not (page / JOURNAL).exists() and not (by_cli / JOURNAL).exists()


def _sheet_text(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def test_a_workbook_dropped_on_the_page_is_a_copy_into_input_phieu(
    example_workspace: Path, tmp_path: Path
) -> None:
    """A workbook handed over by hand: dropped on the page (department chosen) or copied into
    input/phieu, the same file and the same check; the page also journals the arrival, and the
    department's feedback says it was received directly, not "by mail"."""
    page, by_cli = pair(example_workspace, tmp_path)
    handed = tmp_path / "USB" / "khoi-kinh-te.xlsx"
    handed.parent.mkdir()
    shutil.move(page / PHIEU / handed.name, handed)
    shutil.copy(handed, by_cli / PHIEU / handed.name)  # the CLI's way: copy, then kiem-tra
    assert cli(by_cli, "kiem-tra")[0] == 1  # the example's planted errors
    with serving(page) as (_, client):
        client.login()
        fields = {"don_vi": "Khối Kinh tế - Hạ tầng"}
        panel = client.run(
            "/nhan-phieu/tai-len", fields, [("tep", handed.name, handed.read_bytes())]
        )
        assert "Đã nhận 1 tệp tải lên trên trang." in panel and "thư mới" not in panel
        assert "Đã nhập 1 phiếu" in panel
        assert "khoi-kinh-te.xlsx ← tải lên trên trang (Khối Kinh tế - Hạ tầng), nhận lúc" in panel
        assert "Đã kiểm tra 5 phiếu: 3 lỗi, 2 cảnh báo" in client.run("/kiem-tra")

    mine, theirs = files(page / PHIEU), files(by_cli / PHIEU)
    assert {n: h for n, (h, _) in mine.items()} == {n: h for n, (h, _) in theirs.items()}
    (row,) = [r for r in journal(page) if r["Loại"] == "tệp"]
    assert (row["Đơn vị"], row["Tệp gốc"], row["Lưu vào"]) == ("Khối Kinh tế - Hạ tầng",) + (
        handed.name,
    ) * 2
    assert not (by_cli / JOURNAL).exists()  # copying by hand leaves no journal row

    assert _json(page, "kiem-tra") == _json(by_cli, "kiem-tra")
    feedback = Path("output", CAMPAIGN, "phan-hoi")
    made, expected = files(page / feedback), files(by_cli / feedback)
    own = [n for n in made if n.startswith("phan-hoi-khoi-kinh-te")]
    assert len(made) == 5 and len(own) == 1
    for name in made.keys() - own:
        assert made[name][0] == expected[name][0], name
    (theirs_own,) = [n for n in expected if n.startswith("phan-hoi-khoi-kinh-te")]
    page_rows = _sheet_text(page / feedback / own[0])
    cli_rows = _sheet_text(by_cli / feedback / theirs_own)
    differ = [(a, b) for a, b in zip(page_rows, cli_rows, strict=True) if a != b]
    assert len(differ) == 1, differ  # the arrival line, nothing else
    said = str(differ[0][0][0])
    assert said.startswith("Tệp đã kiểm tra: khoi-kinh-te.xlsx (nhận trực tiếp lúc "), said
    assert "chép vào thư mục" in str(differ[0][1][0])

    before = files(page / PHIEU)
    (page / PHIEU / handed.name).unlink()  # deleted by mistake: the page kept what it was given
    gone = [i for i in _json(page, "kiem-tra")["issues"] if i["code"] == "FORM_GONE"]
    assert gone[0]["message"].startswith(
        "Phiếu của đơn vị “Khối Kinh tế - Hạ tầng” nhận trực tiếp lúc"
    )
    code, out = cli(page, "nhan-thu", "--khoi-phuc")
    assert code == 0 and "Đã chép lại 1 phiếu" in out, out
    assert files(page / PHIEU) == before  # same name, bytes and time (the drop's)


def _json(root: Path, command: str) -> Any:
    code, out = cli(root, command, "--json")
    assert code in (0, 1), out
    return json.loads(out)


# --- Họp xét -----------------------------------------------------------------------------------

ROW = re.compile(
    r'<tr(?: class="ok")?><th scope="row">(.*?)</th><td>(.*?)</td><td class="num">(.*?)</td>'
    r'<td class="num">(.*?)</td><td>(.*?)</td></tr>'
)


def shown_result(client: Client) -> dict[str, object]:
    """The page's result: per level its rows, its ties, and the problems listed."""
    text = client.request("GET", "/hop-xet").text
    section = text.split("<h2>3. Kết quả</h2>", 1)[1]
    levels = {}
    for part in section.split("<h3>")[1:]:
        title = html.unescape(part.split("</h3>", 1)[0])
        if title == "Cần xử lý trong tệp họp xét":
            continue
        rows = [tuple(html.unescape(c) for c in row) for row in ROW.findall(part)]
        ties = [
            html.unescape(t)
            for t in re.findall(r"Bằng phiếu ở vị trí cuối chỉ tiêu: (.*?)\.</p>", part)
        ]
        levels[title] = {"rows": rows, "ties": ties}
    problems = (
        [
            html.unescape(re.sub("<[^>]+>", "", p))
            for p in re.findall(r"<li>(.*?)</li>", section.split('class="problems"', 1)[-1])
        ]
        if 'class="problems"' in section
        else []
    )
    return {"levels": levels, "problems": problems}


def expected_result(data: dict, campaign_levels: dict[str, str]) -> dict[str, object]:
    """What the page should show, from `ket-qua --json`."""
    levels = {}
    for level in data["levels"]:
        rows = []
        for key, outcome in (("proposed", None), ("not_proposed", "Không đề nghị: ")):
            for d in level[key]:
                votes, share = f"{d['votes']}/{d['base']}", format_percent(d["share"])
                if d["runoff"] is not None and outcome is None:
                    votes += f" (biểu quyết lại: {d['runoff']})"
                if not d["rank"]:  # no valid votes: `ket-qua` shows none, nor does the page
                    votes = share = "—"
                rows.append((d["name"], d["department"], votes, share,
                             "Đề nghị" if outcome is None else outcome + d["reason"]))  # fmt: skip
        title = f"{level['label']} — {campaign_levels[level['id']]}"
        levels[title] = {"rows": rows, "ties": [", ".join(t) for t in level["ties"]]}
    return {"levels": levels}


def without_votes(filled: Path, out: Path) -> Path:
    """`filled` with the first nomination of the ward's sheet left without its votes."""
    from openpyxl import load_workbook

    from docgen.meeting.layout import COLUMN, FIRST_ROW
    from tools.fill.meeting import fill_meeting

    book = load_workbook(filled, read_only=True)
    sheet = next(ws for ws in book.worksheets if ws.title == "Cấp phường")
    keys = sheet.iter_rows(min_row=FIRST_ROW, min_col=COLUMN["ma_de_nghi"], values_only=True)
    key = next(row[0] for row in keys if row[0])  # group rows ("I. TẬP THỂ") hold none
    book.close()
    return fill_meeting(filled, out, None, {str(key): None})


def test_the_meeting_result_on_the_page_is_ket_qua_tie_and_run_off(
    example_workspace: Path, tmp_path: Path
) -> None:
    """The filled meeting workbook uploaded on the page, or copied to input/hop-xet.xlsx for
    `ket-qua --json`: the same file placed and the same result shown, for a tie at the city's
    last seat (exit 1, the tie and where to record the run-off), for its run-off, and with a
    nomination left without votes (no count shown for it, on the page as in `ket-qua`)."""
    page, by_cli = pair(example_workspace, tmp_path)
    assert cli(by_cli, "tong-hop")[0] == 0
    blank = by_cli / "output" / CAMPAIGN / "tong-hop.xlsx"
    levels = {"thanh-pho": "", "phuong": ""}
    with serving(page) as (_, client):
        client.login()
        client.run("/hop-xet/tong-hop")
        tied = filled_meeting(by_cli, blank, tmp_path / "hop-xet-vong-1.xlsx", False)
        settled = filled_meeting(by_cli, blank, tmp_path / "hop-xet.xlsx", True)
        unvoted = without_votes(settled, tmp_path / "hop-xet-thieu.xlsx")
        for filled, code in ((tied, 1), (settled, 0), (unvoted, 1)):
            shutil.copy(filled, by_cli / "input" / "hop-xet.xlsx")
            got, out = cli(by_cli, "ket-qua", "--json")
            assert got == code, out
            data = json.loads(out)
            client.run("/hop-xet/tai-len", {}, [("tep", "hop-xet.xlsx", filled.read_bytes())])
            shown = shown_result(client)
            awards = {
                lv: t.split(" — ", 1)[1] for lv, t in zip(levels, shown["levels"], strict=True)
            }
            wanted = expected_result(data, awards)["levels"]
            assert list(shown["levels"]) == list(wanted)
            for title, level in wanted.items():
                assert shown["levels"][title]["ties"] == level["ties"]
                for row, expected in zip(
                    shown["levels"][title]["rows"], level["rows"], strict=True
                ):
                    assert row == expected
            assert len(shown["problems"]) == len(data["issues"])
            for item, issue in zip(shown["problems"], data["issues"], strict=True):
                assert on_page(issue["message"]) in item and on_page(issue["hint"]) in item
            assert (page / "input" / "hop-xet.xlsx").read_bytes() == filled.read_bytes()
            out = cli(by_cli, "ket-qua")[1]  # in words: the meeting, the văn thư's numbers
            said = html.unescape(client.request("GET", "/hop-xet").text)
            for line in out.splitlines()[:2]:
                assert f"<p>{line}</p>" in said
            if filled == settled:
                assert "Số văn bản văn thư đã ghi: 05/BB-HĐTĐKT ngày 15/12/2023." in out
                assert "Trần Thị Bích Ngọc (cá nhân, " in out
                assert "(77,78 %); biểu quyết lại: 06\n" in out  # as the page shows the run-off
    (row,) = [r for lv in shown["levels"].values() for r in lv["rows"] if "—" in r]
    assert row[2:] == ("—", "—", "Không đề nghị: Chưa có số phiếu hợp lệ")


# --- PDF and Lưu trữ ---------------------------------------------------------------------------

TO_TRINH = Path("output", CAMPAIGN, "thanh-pho", "to-trinh.docx")


def pdf_facts(pdf: Path) -> tuple[int, str]:
    """Page count and text (pdftotext) of a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    return pages, text


def lines_of(panel: str) -> list[str]:
    """The lines a job's panel lists (what the command would print)."""
    listed = panel.split('<ul class="lines">', 1)[1].split("</ul>", 1)[0]
    return [html.unescape(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", listed)]


def printed(out: str, root: Path, page: Path) -> list[str]:
    """A command's lines as the page lists them: its paths the page's workspace, its commands
    the page's buttons, an indented line a sub-item without its indent and dash."""
    lines = [str(on_page(line)) for line in out.replace(str(root), str(page)).splitlines()]
    return [line.strip().removeprefix("- ") if line.startswith("  ") else line for line in lines]


def tree(root: Path, under: str, leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    """Relative path → SHA-256 of every file under `root/under` (the lock file left out)."""
    base = root / under
    return {
        p.relative_to(base).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(base.rglob("*"))
        if p.is_file()
        and p.name != ".docgen-khoa"
        and not p.name.startswith(leave_out)
        and not p.parent.name.startswith(leave_out)
    }


def metadata(books: Path) -> dict[str, dict[str, object]]:
    """Each filed document's Phụ lục VI fields (metadata/*.json) but the time it was filed."""
    found = {}
    for path in sorted((books / "metadata").glob("*.json")):
        fields = json.loads(path.read_text(encoding="utf-8"))
        assert fields.pop("Thời điểm nộp lưu")
        found[path.name] = fields
    assert found
    return found


def register(root: Path) -> list[dict[str, object]]:
    """The archive register's filings, the times of filing and the file handed in left out, and
    how the file was recognised: the PDF signed is the page's own, its content there, its text
    in the command's workspace (whose PDF of the same document has other bytes)."""
    from docgen.archive import Store
    from docgen.archive.register import register_rows
    from docgen.archive.schema import open_register

    db = open_register(Store.of(root).register_file)
    try:
        rows = [dict(r) for r in register_rows(db)]
    finally:
        db.close()
    return [
        {k: v for k, v in r.items() if k not in ("filed_at", "source_path", "matched_by")}
        for r in rows
    ]


def repairs(root: Path) -> list[tuple[object, ...]]:
    """The register's repairs (what was found, the file handed in, by whom), times left out."""
    import sqlite3

    from docgen.archive import Store

    db = sqlite3.connect(Store.of(root).register_file)
    try:
        query = "SELECT filing_id, found, found_sha256, source_name, repaired_by FROM repairs"
        return list(db.execute(query))
    finally:
        db.close()


def test_pdf_filing_verification_and_registers_through_the_page_are_the_commands(
    example_workspace: Path, tmp_path: Path
) -> None:
    """One dossier, two shells: the Tờ trình to PDF (every other document's PDF already newer),
    the signed PDF filed, the registers, the archive verified after a copy was altered, and the
    copy repaired by filing the original again."""
    from tools.sign import identity, sign_pdf

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    assert cli(example_workspace, "ho-so")[0] == 0
    danh_sach = example_workspace / "output" / CAMPAIGN / "thanh-pho" / "danh-sach.pdf"
    for docx in (example_workspace / "output" / CAMPAIGN).rglob("*.docx"):
        if docx != example_workspace / TO_TRINH:  # converted before: kept by both shells
            docx.with_suffix(".pdf").write_bytes(b"%PDF-1.4\n")
            os.utime(docx.with_suffix(".pdf"), (docx.stat().st_mtime + 60,) * 2)
    danh_sach.write_bytes(b"%PDF-1.4\n/ByteRange [0 1 2 3]\n")  # signed, older: kept too
    os.utime(danh_sach, (danh_sach.with_suffix(".docx").stat().st_mtime - 60,) * 2)
    page, by_cli = pair(example_workspace, tmp_path)
    code, out = cli(by_cli, "pdf", "--pdfa")  # for the archive: PDF/A-2b, ticked on the page
    assert (
        code == 0 and "Đã chuyển 1 văn bản sang PDF/A-2b (1 tiến trình LibreOffice); 12 PDF" in out
    )
    signed = tmp_path / "đã ký" / "to-trinh-da-ky.pdf"
    signed.parent.mkdir()
    clerk = {"nguoi_nop": "Văn thư Hà"}
    with serving(page) as (_, client):
        client.login()
        said = client.run("/ho-so/pdf", {"pdfa": "co"})
        assert lines_of(said) == printed(out, by_cli, page)
        assert "Giữ nguyên PDF đã ký số: " in out
        made = (page / TO_TRINH).with_suffix(".pdf")
        assert pdf_facts(made) == pdf_facts((by_cli / TO_TRINH).with_suffix(".pdf"))
        assert b"pdfaid:part" in made.read_bytes()
        assert tree(page, "output", ("to-trinh.pdf",)) == tree(by_cli, "output", ("to-trinh.pdf",))

        signed.write_bytes(sign_pdf(made.read_bytes()))
        not_root = tmp_path / "goc-hong.pem"  # a wrong file as the trusted root: nothing filed
        not_root.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
        code, err = cli_err(by_cli, "luu-tru", str(signed), "--chung-thu-goc", str(not_root))
        assert code == 2 and f"Tệp chứng thư gốc {not_root} không phải chứng thư số" in err
        said = client.run("/luu-tru/nop", clerk, [("tep", signed.name, signed.read_bytes()),
                                                  ("chung_thu_goc", not_root.name, b"AAAA")])  # fmt: skip
        assert "Tệp chứng thư gốc goc-hong.pem không phải chứng thư số" in html.unescape(said)
        assert not register(page) and not register(by_cli)

        root = tmp_path / "goc.pem"
        root.write_bytes(identity().cert_pem)
        code, out = cli(by_cli, "luu-tru", str(signed), "--nguoi-nop", clerk["nguoi_nop"],
                        "--chung-thu-goc", str(root))  # fmt: skip
        assert code == 0, out
        said = client.run("/luu-tru/nop", clerk, [("tep", signed.name, signed.read_bytes()),
                                                  ("chung_thu_goc", root.name, root.read_bytes())])  # fmt: skip
        assert "to-trinh-da-ky.pdf: đã lưu — thanh-pho/to-trinh.docx → 2023/" in said
        assert "Chữ ký: chữ ký hợp lệ; người ký: Lê Thanh Hoan; thời điểm ký: " in said
        assert "; chứng thư: tin cậy." in said and "; chứng thư: tin cậy." in out
        assert "Đã lưu 1/1 tệp vào " in said and "docgen-da-ky-" not in said
        assert register(page) == register(by_cli) and len(register(page)) == 1
        assert tree(page, "luu-tru", ("so-dang-ky",)) == tree(by_cli, "luu-tru", ("so-dang-ky",))

        said = html.unescape(client.run("/luu-tru/so", {"tu": "1/12"}))
        assert "Ngày “1/12” không đúng dạng ngày/tháng/năm (dd/mm/yyyy)." in said
        period = {"tu": "01/01/2023", "den": "31/12/2099"}
        code, out = cli(by_cli, "so-van-ban-di", "--tu", period["tu"], "--den", period["den"])
        assert code == 0 and "so-van-ban-di-20230101-20991231.xlsx (1 văn bản)." in out
        said = client.run("/luu-tru/so", period)
        assert lines_of(said) == printed(out, by_cli, page)
        books = Path("output", CAMPAIGN, "luu-tru")
        workbooks = [tree(root, books.as_posix(), ("metadata",)) for root in (page, by_cli)]
        assert (
            workbooks[0] == workbooks[1] and len(workbooks[0]) == 3
        )  # and the record of what was written
        assert metadata(page / books) == metadata(by_cli / books)
        offered = re.findall(r'<a href="(/tai/[^"]+)">[^<]*\(([^)<]+\.xlsx)\)</a>', said)
        assert len(offered) == 2  # the outgoing register and the Mục lục
        for link, name in offered:
            got = client.request("GET", link).body
            assert got == (by_cli / books / name).read_bytes(), name

        for root in (page, by_cli):  # a copy altered in the archive
            stored = root / "luu-tru" / "2023" / CAMPAIGN / "thanh-pho" / "to-trinh.pdf"
            stored.chmod(0o644)
            stored.write_bytes(stored.read_bytes() + b"\n")
        code, out = cli(by_cli, "luu-tru", "--kiem-tra", "--json")
        assert code == 1
        (finding,) = json.loads(out)["findings"]
        said = html.unescape(client.run("/luu-tru/kiem-tra"))
        assert f"{finding['message']}: {finding['stored']}" in said
        assert f"Đã kiểm tra 1 tệp trong {(page / 'luu-tru').absolute()}: 1 sai khác." in said
        # The command's way back names the file handed in; the page's names its own button
        # (the file was a temporary copy: no path to type on the page):
        assert f'docgen luu-tru "{signed}"' in finding["remedy"]
        assert (
            "Cách sửa: nộp lại bản gốc đã ký “to-trinh-da-ky.pdf”: chọn tệp đã ký, bấm “Nộp lưu” "
            "trên trang Lưu trữ — docgen so mã SHA-256 với sổ, chép lại bản lưu (chỉ đọc) và ghi "
            "lần sửa vào sổ.</li>"
        ) in said
        assert "docgen luu-tru" not in said and "docgen-da-ky-" not in said

        assert cli(by_cli, "luu-tru", str(signed), "--nguoi-nop", clerk["nguoi_nop"])[0] == 0
        client.run("/luu-tru/nop", clerk, [("tep", signed.name, signed.read_bytes())])
        said = client.run("/luu-tru/kiem-tra")
    assert "Đã kiểm tra 1 tệp trong " in said and ": không có sai khác." in said
    assert cli(by_cli, "luu-tru", "--kiem-tra")[0] == 0  # the original put back on both
    assert repairs(page) == repairs(by_cli) and len(repairs(page)) == 1
    assert tree(page, "luu-tru", ("so-dang-ky",)) == tree(by_cli, "luu-tru", ("so-dang-ky",))


def test_a_form_from_a_unit_not_in_the_campaign_file_is_taken_in_on_the_page(
    example_workspace: Path,
) -> None:
    """As the clerk copies any form into input/phieu, the page takes in a form from a unit the
    campaign file does not list, under the name typed; with neither a unit chosen nor typed it
    says how to go on and takes nothing."""
    handed = example_workspace / PHIEU / "khoi-noi-chinh.xlsx"
    data = handed.read_bytes()
    handed.unlink()
    with serving(example_workspace) as (_, client):
        client.login()
        panel = html.unescape(client.run("/nhan-phieu/tai-len", {}, [("tep", "doan.xlsx", data)]))
        assert (
            "Hãy chọn đơn vị gửi các phiếu tải lên, hoặc ghi tên đơn vị nếu đơn vị không" in panel
        )
        assert not (example_workspace / PHIEU / "doan.xlsx").exists()
        fields = {"don_vi_khac": "Đoàn Thanh niên phường"}
        panel = html.unescape(
            client.run("/nhan-phieu/tai-len", fields, [("tep", "doan.xlsx", data)])
        )
        assert "doan.xlsx ← tải lên trên trang (Đoàn Thanh niên phường), nhận lúc" in panel
    assert (example_workspace / PHIEU / "doan.xlsx").read_bytes() == data


def test_the_campaign_check_on_the_page_is_kiem_tra_chien_dich(example_workspace: Path) -> None:
    """Tổng quan's “Kiểm tra tệp chiến dịch” says what `kiem-tra-chien-dich` prints: the levels,
    the ward's own award and the law's warnings, with their fixes."""
    code, out = cli(example_workspace, "kiem-tra-chien-dich")
    assert code == 0 and out.startswith("Tệp chiến dịch hợp lệ: ")
    with serving(example_workspace) as (_, client):
        client.login()
        said = client.run("/kiem-tra-chien-dich")
    assert "Kiểm tra tệp chiến dịch: xong" in said
    assert lines_of(said) == [line for line in printed(out, example_workspace, example_workspace)
                              if line.strip()]  # fmt: skip


def test_a_campaign_on_a_profile_not_in_force_is_said_on_the_page_as_by_the_command(
    example_workspace: Path,
) -> None:
    campaign = example_workspace / "input" / "campaign.toml"
    text = campaign.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^legal_profile = ".*"$', 'legal_profile = "nd98_2023"', text)
    campaign.write_text(text.replace("[issuer]\n", '[issuer]\nprovince = "Bình Phước"\n'), "utf-8")
    code, out = cli(example_workspace, "kiem-tra-chien-dich")
    assert code == 2 and out.startswith("Tệp chiến dịch có lỗi về căn cứ pháp lý: ")
    with serving(example_workspace) as (_, client):
        client.login()
        said = html.unescape(client.run("/kiem-tra-chien-dich"))
    assert (
        "Kiểm tra tệp chiến dịch: xong, có vấn đề" in said
        and "lỗi về căn cứ pháp lý: xem ở trên" in said
    )
    assert lines_of(said)[-1] == (
        "Chưa lập được hồ sơ (nút “Lập hồ sơ” trên trang Hồ sơ) cho đến khi sửa các lỗi trên."
    )
