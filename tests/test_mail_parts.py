"""Attachments as they really come (issue 20 items 4–6): names, facts in the journal, odd parts."""

from __future__ import annotations

import hashlib
import io
import mailbox
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from docgen.mail import journal as j
from docgen.mail.attachments import INLINE_IMAGE, TOO_LARGE, WINMAIL
from docgen.mail.importer import DAMAGED, DAMAGED_READ, ImportResult, import_messages
from docgen.mail.names import store_name
from docgen.mail.sources import EMPTY, read_paths
from docgen.workbook.safety import MAX_FILE_BYTES, MB
from tests.conftest import GOOD_UNIT, MakeWorkbook
from tools.fill.mail import message

KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"
NOW = datetime(2023, 12, 11, 8, 0, tzinfo=UTC)
EMPTY_SHA = hashlib.sha256(b"").hexdigest()


@pytest.fixture
def workbook(make_workbook: MakeWorkbook, tmp_path: Path) -> bytes:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    return make_workbook("x.xlsx", unit=unit, folder=tmp_path / "made").read_bytes()


def run(tmp_path: Path, *raws: bytes) -> ImportResult:
    box = tmp_path / "thu"
    box.mkdir(exist_ok=True)
    for number, raw in enumerate(raws):
        (box / f"{number}.eml").write_bytes(raw)
    folder = tmp_path / "input" / "phieu"
    return import_messages(read_paths([box]), folder, j.journal_for(folder), {}, NOW)


def files(result: ImportResult) -> list[j.JournalEntry]:
    return [e for e in result.entries if e.kind == j.RowKind.FILE]


def stored(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "input" / "phieu").iterdir())


NAMES = [
    ("Windows device name", "CON.xlsx", "CON_.xlsx", "CON.xlsx"),
    ("device name, any case and suffixes", "lpt1.bang.xlsx", "lpt1_.bang.xlsx", "lpt1.bang.xlsx"),
    ("DEL and ANSI escapes", "Phi\x7feu \x1b[31mđỏ\x1b[0m.xlsx", "Phi eu đỏ.xlsx", "Phi eu đỏ.xlsx"),
    ("a slash in the name", "Phiếu đề nghị 12/2023 - Tổ dân phố 1.xlsx",
     "Phiếu đề nghị 12-2023 - Tổ dân phố 1.xlsx", "Phiếu đề nghị 12/2023 - Tổ dân phố 1.xlsx"),
    ("bidi override", "phieu\u202eslx.xlsx", "phieu slx.xlsx", "phieu slx.xlsx"),
    ("dots and spaces", " phieu. .xlsx. ", "phieu.xlsx", "phieu. .xlsx."),
    ("nothing left but the suffix", "\x1b[31m.xlsx", "tep.xlsx", ".xlsx"),
    ("device name with a space", "COM1 .xlsx", "COM1_.xlsx", "COM1 .xlsx"),
    ("reserved characters", 'a<b>:c"d|e?f*.xlsx', "a_b__c_d_e_f_.xlsx", 'a<b>:c"d|e?f*.xlsx'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "safe", "original"), [c[1:] for c in NAMES], ids=[c[0] for c in NAMES]
)
def test_names_are_safe_on_windows_and_linux_and_the_original_is_kept(
    tmp_path: Path, workbook: bytes, name: str, safe: str, original: str
) -> None:
    result = run(tmp_path, message(KINH_TE, "Phiếu", [(name, workbook)]).as_bytes())
    (row,) = files(result)
    assert (row.result, row.stored, row.original) == (j.Result.IMPORTED, safe, original)
    assert stored(tmp_path) == [safe]


def test_a_long_vietnamese_name_fits_a_file_system() -> None:
    name = store_name("Ạ" * 200 + ".xlsx")
    assert name.endswith(".xlsx") and len(name.encode()) <= 210


def test_every_part_has_its_original_name_and_sha256(tmp_path: Path, workbook: bytes) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.txt", b"x")
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("long.zip", inner.getvalue())
        archive.writestr("phieu.xlsx", workbook)
    parts = [(".DS_Store", b"\0\0\0\1Bud1"), ("rong.xlsx", b""), ("nen.zip", outer.getvalue())]
    result = run(tmp_path, message(KINH_TE, "Phiếu", parts).as_bytes())
    rows = {e.original: e for e in files(result)}
    assert set(rows) == {".DS_Store", "rong.xlsx", "nen.zip › long.zip", "nen.zip › phieu.xlsx"}
    assert rows[".DS_Store"].sha256 == hashlib.sha256(b"\0\0\0\1Bud1").hexdigest()
    assert rows["rong.xlsx"].sha256 == EMPTY_SHA
    assert rows["nen.zip › long.zip"].sha256 == hashlib.sha256(inner.getvalue()).hexdigest()
    assert rows["nen.zip › phieu.xlsx"].result == j.Result.IMPORTED


def test_a_path_traversal_zip_is_refused_for_what_it_is(tmp_path: Path, workbook: bytes) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("../../etc/phieu.xlsx", workbook)
    result = run(tmp_path, message(KINH_TE, "P", [("phieu.zip", archive.getvalue())]).as_bytes())
    (row,) = files(result)
    assert row.result == j.Result.REFUSED
    assert "trỏ ra ngoài thư mục (“../../etc/phieu.xlsx”)" in row.reason
    assert "hỏng" not in row.reason
    assert row.sha256 == hashlib.sha256(archive.getvalue()).hexdigest()


def test_no_nul_from_a_subject_reaches_the_journal(tmp_path: Path) -> None:
    raw = b"From: a@x.vn\r\nSubject: Phi\x00eu\r\nMessage-ID: <n@x>\r\n\r\nx\r\n"
    run(tmp_path, raw)
    journal = (tmp_path / "input" / "thu-nhan.csv").read_bytes()
    assert b"\x00" not in journal
    (row,) = j.read_journal(tmp_path / "input" / "thu-nhan.csv")
    assert row.subject == "Phi eu"


def test_winmail_dat_says_how_to_resend(tmp_path: Path) -> None:
    tnef = b"\x78\x9f\x3e\x22" + b"\0" * 40
    result = run(
        tmp_path,
        message(KINH_TE, "P", [("winmail.dat", tnef)]).as_bytes(),
        message(KINH_TE, "Q", [("ATT00001.bin", tnef)]).as_bytes(),
    )
    assert [(e.result, e.reason) for e in files(result)] == [(j.Result.REFUSED, WINMAIL)] * 2
    assert "gửi lại thư ở dạng HTML" in WINMAIL


def test_an_inline_image_has_its_own_reason(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = KINH_TE
    msg["Subject"] = "Phiếu"
    msg.set_content("Xem ảnh", subtype="html")
    msg.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image", "png", cid="<logo@x>")
    result = run(tmp_path, msg.as_bytes())
    (row,) = files(result)
    assert (row.result, row.reason) == (j.Result.SKIPPED, INLINE_IMAGE)


def test_an_empty_eml_is_not_a_message_without_a_workbook(tmp_path: Path) -> None:
    result = run(tmp_path, b"")
    (row,) = result.entries
    assert (row.kind, row.result, row.reason) == (j.RowKind.MESSAGE, j.Result.REFUSED, EMPTY)


def _broken(raw: bytes) -> bytes:
    """The header's boundary no longer the one the body uses (a mailer's or a gateway's fault)."""
    head, body = raw.split(b"\n\n", 1)
    boundary = head.split(b'boundary="')[1].split(b'"')[0]
    return head.replace(boundary, b"not-the-boundary") + b"\n\n" + body


def _no_boundary(raw: bytes) -> bytes:
    """The boundary parameter lost from the header altogether."""
    head, body = raw.split(b"\n\n", 1)
    boundary = head.split(b'boundary="')[1].split(b'"')[0]
    return head.replace(b'; boundary="' + boundary + b'"', b"") + b"\n\n" + body


@pytest.mark.parametrize("breakage", [_broken, _no_boundary], ids=["another boundary", "none"])
def test_a_broken_boundary_that_carries_a_workbook_is_read(
    tmp_path: Path, workbook: bytes, breakage: Callable[[bytes], bytes]
) -> None:
    raw = breakage(message(KINH_TE, "Phiếu", [("phieu.xlsx", workbook)]).as_bytes())
    result = run(tmp_path, raw)
    (msg,) = result.messages
    assert (msg.result, msg.reason) == (j.Result.IMPORTED, DAMAGED_READ)
    assert stored(tmp_path) == ["phieu.xlsx"]
    assert (tmp_path / "input" / "phieu" / "phieu.xlsx").read_bytes() == workbook


def test_a_broken_message_with_nothing_readable_says_so(tmp_path: Path) -> None:
    raw = (
        b"From: a@x.vn\r\nSubject: P\r\nMessage-ID: <b@x>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="abc"\r\n\r\nUEsDBBQAAAAIA\r\n'
    )
    result = run(tmp_path, raw)
    (msg,) = result.messages
    assert (msg.result, msg.reason) == (j.Result.REFUSED, DAMAGED)


@pytest.mark.parametrize(
    ("maintype", "subtype"),
    [
        ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("application", "octet-stream"),
    ],
    ids=["xlsx type", "octet-stream, sniffed"],
)
def test_a_workbook_without_a_file_name_is_imported_under_a_generated_name(
    tmp_path: Path, workbook: bytes, maintype: str, subtype: str
) -> None:
    msg = message(KINH_TE, "Phiếu")
    msg.add_attachment(workbook, maintype=maintype, subtype=subtype)
    result = run(tmp_path, msg.as_bytes())
    (row,) = files(result)
    name = f"phieu-khong-ten-{hashlib.sha256(workbook).hexdigest()[:8]}.xlsx"
    assert (row.result, row.original, row.stored) == (j.Result.IMPORTED, "(không có tên)", name)
    assert stored(tmp_path) == [name]


def test_the_mail_limit_and_the_workbook_limit_are_explained() -> None:
    assert "trên 25 MB" in TOO_LARGE and f"giới hạn {MAX_FILE_BYTES // MB} MB" in TOO_LARGE


def test_an_empty_message_in_a_maildir_is_said_to_be_empty(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Maildir")
    box.add(b"")
    folder = tmp_path / "input" / "phieu"
    paths = [tmp_path / "Maildir"]
    result = import_messages(read_paths(paths), folder, j.journal_for(folder), {}, NOW)
    (row,) = result.entries
    assert (row.result, row.reason) == (j.Result.REFUSED, EMPTY)
