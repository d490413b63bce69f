"""Which mailed version counts (issue 20): first arrivals, content keys, unconfirmed senders,
one department-facing reply per department."""

from __future__ import annotations

import itertools
import string
from dataclasses import replace
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from docgen.campaign import Campaign
from docgen.cli import main
from docgen.issues.codes import CLERK_ONLY, Code, make_issue
from docgen.issues.model import Place
from docgen.mail import journal as j
from docgen.mail.importer import import_messages
from docgen.mail.sources import read_paths
from docgen.validate.run import validate_folder
from tests.conftest import CAMPAIGN_FILE, GOOD_INDIVIDUAL, GOOD_UNIT, MakeWorkbook
from tools.fill.mail import message, outlook_msg

KT = "kinhte.tienthanh@dongxoai.gov.vn"
KINH_TE = f"Khối Kinh tế <{KT}>"
UNIT = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
NAME = "phieu-kinh-te.xlsx"
NOW = datetime(2023, 12, 15, 8, 0, tzinfo=UTC)
# Notes for the clerk that a department must never read in its feedback or reply.
CLERK_NOTES = (
    "Thường trực",
    "[[",
    "tệp chiến dịch",
    "thư mục phiếu",
    "docgen",
    "chạy lại",
    "input/",
    "templates_docx",
)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2023, 12, 14, hour - 7, minute, tzinfo=UTC)  # hour in Vietnam time


def versions(make_workbook: MakeWorkbook, tmp_path: Path) -> tuple[bytes, bytes]:
    """The 08:00 form (a wrong birth date) and its 10:00 correction."""
    wrong = {**GOOD_INDIVIDUAL, "ngay_sinh": "31/02/1985"}
    first = make_workbook("a.xlsx", unit=UNIT, individuals=[wrong], folder=tmp_path / "v1")
    fixed = make_workbook(
        "b.xlsx", unit=UNIT, individuals=[GOOD_INDIVIDUAL], folder=tmp_path / "v2"
    )
    return first.read_bytes(), fixed.read_bytes()


def save(path: Path, msg: EmailMessage) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(msg.as_bytes())
    return path


def kept_bytes(campaign: Campaign, folder: Path) -> list[bytes]:
    report = validate_folder(campaign, folder)
    return [s.path.read_bytes() for s in report.submissions]


def test_a_reply_re_attaching_old_bytes_never_overturns_the_correction(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    """08:00 form, 10:00 correction, 14:10 reply re-attaching the 08:00 bytes: in every order
    of reading, the correction is the version used."""
    old, fixed = versions(make_workbook, tmp_path)
    mails = [
        save(tmp_path / "thu" / "1.eml", message(KINH_TE, "Phiếu", [(NAME, old)], at(8))),
        save(tmp_path / "thu" / "2.eml", message(KINH_TE, "Sửa", [(NAME, fixed)], at(10))),
        save(tmp_path / "thu" / "3.eml", message(KINH_TE, "Re: Phiếu", [(NAME, old)], at(14, 10))),
    ]
    for number, order in enumerate(itertools.permutations(mails)):
        folder = tmp_path / f"lan-{number}" / "input" / "phieu"
        book = campaign.contacts.book()
        import_messages(read_paths(list(order)), folder, j.journal_for(folder), book, NOW)
        assert kept_bytes(campaign, folder) == [fixed], [p.name for p in order]
        old_file = j.receipts(j.journal_for(folder))
        first = {r.received for r in old_file.values()}
        assert first == {at(8), at(10)}  # the old bytes keep their first arrival
        mtimes = {p.stat().st_mtime for p in folder.iterdir()}
        assert mtimes == {at(8).timestamp(), at(10).timestamp()}  # for a hand copy, too


def test_two_msg_files_without_message_id_of_the_same_name_are_both_read(
    make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    old, fixed = versions(make_workbook, tmp_path)
    paths = []
    for folder, data in (("a", old), ("b", fixed)):
        (tmp_path / folder).mkdir()
        paths.append(
            outlook_msg(
                tmp_path / folder / "Phieu.msg", KT, "Khối Kinh tế", "Phiếu",
                [(NAME, data)], at(9), message_id="",
            )
        )  # fmt: skip
    folder = tmp_path / "input" / "phieu"
    result = import_messages(read_paths(paths), folder, j.journal_for(folder), {}, NOW)
    assert result.known == 0
    assert len(result.messages) == 2
    assert sorted(p.read_bytes() for p in folder.iterdir()) == sorted([old, fixed])
    again = import_messages(read_paths(paths), folder, j.journal_for(folder), {}, NOW)
    assert (again.known, again.entries) == (2, [])


def test_an_unconfirmed_sender_never_wins_until_confirmed(
    campaign: Campaign, make_workbook: MakeWorkbook, tmp_path: Path
) -> None:
    old, fixed = versions(make_workbook, tmp_path)
    stranger = "Khối Kinh tế - Hạ tầng <kinhte.hatang@gmail.com>"
    mails = [
        save(tmp_path / "thu" / "1.eml", message(KINH_TE, "Phiếu", [(NAME, fixed)], at(8))),
        save(tmp_path / "thu" / "2.eml", message(stranger, "Phiếu", [(NAME, old)], at(15))),
    ]
    folder = tmp_path / "input" / "phieu"
    book = campaign.contacts.book()
    import_messages(read_paths(mails), folder, j.journal_for(folder), book, NOW)
    report = validate_folder(campaign, folder)
    assert [s.path.read_bytes() for s in report.submissions] == [fixed]
    (held,) = [i for i in report.issues if i.code == "SENDER_UNKNOWN"]
    assert held.severity == "error"
    assert held.message.startswith("Thư gửi từ kinhte.hatang@gmail.com: ")
    assert "FILE_SUPERSEDED" not in {i.code for i in report.issues}

    # The clerk confirms the address: the later file now wins, as any re-submission would.
    departments = tuple(
        replace(d, emails=(*d.emails, "kinhte.hatang@gmail.com"))
        if d.name == "Khối Kinh tế - Hạ tầng"
        else d
        for d in campaign.contacts.departments
    )
    confirmed = replace(campaign, contacts=replace(campaign.contacts, departments=departments))
    assert kept_bytes(confirmed, folder) == [old]


def test_kiem_tra_fails_while_a_sender_is_unconfirmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_workbook: MakeWorkbook
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "campaign.toml").write_bytes(CAMPAIGN_FILE.read_bytes())
    _, clean = versions(make_workbook, tmp_path)
    save(tmp_path / "thu" / "1.eml", message("Ai đó <ai.do@gmail.com>", "P", [(NAME, clean)]))
    assert CliRunner().invoke(main, ["nhan-thu", "thu"]).exit_code == 0
    result = CliRunner().invoke(main, ["kiem-tra", "--khong-phan-hoi"])
    assert result.exit_code == 1, result.output
    assert "1 tệp, 1 lỗi, 4 cảnh báo" in result.stdout and "SENDER_UNKNOWN" in result.stdout


def _department_text(code: Code) -> str:
    texts = (code.value.message, code.value.detail, code.value.reply_message)
    fields = {f for t in texts for _, f, _, _ in string.Formatter().parse(t) if f}
    details = {f: "x" for f in fields - {"value", "header"}}
    issue = make_issue(code, Place("phieu.xlsx", "Cá nhân", 5), "v", **details).to_department()
    return f"{issue.message} {issue.hint}"


@pytest.mark.parametrize(
    "code", [c for c in Code if c.name not in CLERK_ONLY], ids=lambda c: c.name
)
def test_every_finding_reads_right_to_a_department(code: Code) -> None:
    text = _department_text(code)
    assert not [note for note in CLERK_NOTES if note in text], text


def test_a_submission_tie_gets_one_department_facing_reply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_workbook: MakeWorkbook
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "campaign.toml").write_bytes(CAMPAIGN_FILE.read_bytes())
    old, fixed = versions(make_workbook, tmp_path)
    both = message(KINH_TE, "Phiếu", [("ban-1.xlsx", old), ("ban-2.xlsx", fixed)], at(9))
    save(tmp_path / "thu" / "1.eml", both)
    assert CliRunner().invoke(main, ["nhan-thu", "thu"]).exit_code == 0
    result = CliRunner().invoke(main, ["tra-loi"])
    drafts = list((tmp_path / "output/kh19-2023-cchc/tra-loi").glob("*.eml"))
    assert len(drafts) == 1, result.output
    msg = BytesParser(policy=policy.default).parsebytes(drafts[0].read_bytes())
    assert isinstance(msg, EmailMessage)
    assert len(list(msg.iter_attachments())) == 2
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Đề nghị đơn vị gửi lại một bản duy nhất là bản đúng." in text
    assert text.count("chưa xác định được bản nào") == 1
    for note in ("Thường trực chọn", "[[", "thư mục phiếu", "chạy lại"):
        assert note not in text
    feedback = tmp_path / "output/kh19-2023-cchc/phan-hoi"
    for path in feedback.glob("*.xlsx"):
        cells = " ".join(
            str(c.value) for ws in load_workbook(path).worksheets for row in ws for c in row
        )
        assert "Thường trực chọn" not in cells and "[[" not in cells
