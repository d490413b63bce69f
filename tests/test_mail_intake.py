"""`nhan-thu` from saved messages and mailbox exports: every source, names, duplicates, hostile parts."""

from __future__ import annotations

import io
import mailbox
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.mail import journal as j
from docgen.mail.importer import ImportResult, import_messages
from docgen.mail.sources import read_paths
from tests.conftest import GOOD_UNIT, MakeWorkbook, after_announce
from tools.fill.mail import message, outlook_msg, rfc2047_message

KINH_TE = "Khối Kinh tế <kinhte.tienthanh@dongxoai.gov.vn>"
BOOK = {"kinhte.tienthanh@dongxoai.gov.vn": "Khối Kinh tế - Hạ tầng"}
NOW = datetime(2023, 12, 11, 8, 0, tzinfo=UTC)
NAME = "Phiếu đề nghị Khối Kinh tế - Hạ tầng.xlsx"


@pytest.fixture
def workbook(make_workbook: MakeWorkbook, tmp_path: Path) -> bytes:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    return make_workbook("x.xlsx", unit=unit, folder=tmp_path / "made").read_bytes()


def run(sources: list[Path], tmp_path: Path) -> ImportResult:
    folder = tmp_path / "input" / "phieu"
    return import_messages(read_paths(sources), folder, j.journal_for(folder), BOOK, NOW)


def stored(tmp_path: Path) -> dict[str, bytes]:
    folder = tmp_path / "input" / "phieu"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def save_eml(path: Path, raw: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return path


def sources(kind: str, tmp_path: Path, workbook: bytes) -> list[Path]:
    """The same message saved as `kind`."""
    msg = message(KINH_TE, "Gửi phiếu đề nghị khen thưởng", [(NAME, workbook)])
    when = datetime(2023, 12, 10, 2, 30, tzinfo=UTC)
    box = tmp_path / "src"
    box.mkdir()
    if kind == "eml":
        return [save_eml(box / "thu.eml", msg.as_bytes())]
    if kind == "msg":
        sender = "kinhte.tienthanh@dongxoai.gov.vn"
        return [
            outlook_msg(
                box / "thu.msg", sender, "Khối Kinh tế", "Gửi phiếu", [(NAME, workbook)], when
            )
        ]
    if kind == "folder":
        save_eml(box / "a.eml", msg.as_bytes())
        return [box]
    if kind == "mbox":
        mb = mailbox.mbox(box / "Inbox.mbox")
        mb.add(msg)
        mb.close()
        return [box / "Inbox.mbox"]
    md = mailbox.Maildir(box / "Maildir")
    md.add(msg)
    return [box / "Maildir"]


@pytest.mark.parametrize("kind", ["eml", "msg", "folder", "mbox", "maildir"])
def test_every_source_imports_the_workbook_unchanged(
    kind: str, tmp_path: Path, workbook: bytes
) -> None:
    result = run(sources(kind, tmp_path, workbook), tmp_path)
    assert stored(tmp_path) == {NAME: workbook}
    (row,) = result.files(j.Result.IMPORTED)
    assert (row.sender, row.department, row.original, row.stored) == (
        "kinhte.tienthanh@dongxoai.gov.vn",
        "Khối Kinh tế - Hạ tầng",
        NAME,
        NAME,
    )
    assert row.received == "2023-12-10T16:30:00+07:00" if kind != "msg" else row.received
    assert j.read_journal(j.journal_for(tmp_path / "input" / "phieu")) == result.entries
    assert [e.kind for e in result.entries] == [j.RowKind.MESSAGE, j.RowKind.FILE]


def test_stored_file_time_is_the_received_time(tmp_path: Path, workbook: bytes) -> None:
    run(sources("eml", tmp_path, workbook), tmp_path)
    path = tmp_path / "input" / "phieu" / NAME
    assert path.stat().st_mtime == datetime(2023, 12, 10, 9, 30, tzinfo=UTC).timestamp()


ENCODED = [
    ("RFC 2231", False),
    ("RFC 2047 (Outlook)", True),
]


@pytest.mark.parametrize("rfc2047", [c[1] for c in ENCODED], ids=[c[0] for c in ENCODED])
def test_encoded_vietnamese_names_and_subject(
    tmp_path: Path, workbook: bytes, rfc2047: bool
) -> None:
    subject = "Phiếu đề nghị khen thưởng năm 2023 – Khối Kinh tế - Hạ tầng (bản sửa lần 2)"
    if rfc2047:
        raw = rfc2047_message(KINH_TE, subject, [(NAME, workbook)])
        assert b'filename="=?utf-8?b?' in raw
    else:
        raw = message(KINH_TE, subject, [(NAME, workbook)]).as_bytes()
        assert b"filename*" in raw
    result = run([save_eml(tmp_path / "t.eml", raw)], tmp_path)
    assert list(stored(tmp_path)) == [NAME]
    assert result.entries[0].subject == subject


def test_nfd_name_is_stored_nfc(tmp_path: Path, workbook: bytes) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", NAME)
    run(
        [save_eml(tmp_path / "t.eml", message(KINH_TE, "x", [(nfd, workbook)]).as_bytes())],
        tmp_path,
    )
    assert list(stored(tmp_path)) == [NAME]


def test_raw_utf8_name_and_subject(tmp_path: Path, workbook: bytes) -> None:
    """Some mailers put UTF-8 straight into the headers (RFC 6532)."""
    raw = message(KINH_TE, "x", [("a.xlsx", workbook)]).as_bytes()
    raw = raw.replace(b"Subject: x", "Subject: Gửi phiếu".encode())
    raw = raw.replace(b'filename="a.xlsx"', f'filename="{NAME}"'.encode())
    result = run([save_eml(tmp_path / "t.eml", raw)], tmp_path)
    assert list(stored(tmp_path)) == [NAME]
    assert result.entries[0].subject == "Gửi phiếu"


def test_same_attachment_twice_is_imported_once(tmp_path: Path, workbook: bytes) -> None:
    first = message(KINH_TE, "Gửi phiếu", [(NAME, workbook)])
    again = message(KINH_TE, "Gửi lại phiếu", [("phieu-gui-lai.xlsx", workbook)])
    box = tmp_path / "src"
    save_eml(box / "1.eml", first.as_bytes())
    save_eml(box / "2.eml", again.as_bytes())
    result = run([box], tmp_path)
    assert list(stored(tmp_path)) == [NAME]
    (dup,) = result.files(j.Result.DUPLICATE)
    assert (dup.original, dup.stored, dup.reason) == (
        "phieu-gui-lai.xlsx",
        NAME,
        f"Trùng nội dung với {NAME}, đã có trong thư mục phiếu.",
    )
    # Reading the same messages again adds nothing: they are in the journal already.
    rerun = run([box], tmp_path)
    assert (rerun.known, rerun.entries) == (2, [])


def test_a_resent_corrected_file_of_the_same_name_is_kept_beside(
    tmp_path: Path, workbook: bytes, make_workbook: MakeWorkbook
) -> None:
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng", "nguoi_lien_he": "Lê Văn Sửa"}
    corrected = make_workbook("y.xlsx", unit=unit, folder=tmp_path / "made2").read_bytes()
    box = tmp_path / "src"
    save_eml(box / "1.eml", message(KINH_TE, "Gửi phiếu", [(NAME, workbook)]).as_bytes())
    save_eml(box / "2.eml", message(KINH_TE, "Gửi lại", [(NAME, corrected)]).as_bytes())
    run([box], tmp_path)
    assert stored(tmp_path) == {
        "Phiếu đề nghị Khối Kinh tế - Hạ tầng-2.xlsx": corrected,
        NAME: workbook,
    }


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_attachment_is_unpacked_safely(tmp_path: Path, workbook: bytes) -> None:
    archive = _zip(
        {
            "Phiếu gửi/Phiếu KT.xlsx": workbook,
            "ghi-chu.txt": b"x",
            "trong/long.zip": b"PK\x05\x06" + b"\0" * 18,
        }
    )
    msg = message(KINH_TE, "Phiếu nén", [("phieu.zip", archive)])
    result = run([save_eml(tmp_path / "t.eml", msg.as_bytes())], tmp_path)
    assert stored(tmp_path) == {"Phiếu KT.xlsx": workbook}
    rows = [(e.original, e.result) for e in result.entries if e.kind == j.RowKind.FILE]
    assert rows == [
        ("phieu.zip › Phiếu gửi/Phiếu KT.xlsx", j.Result.IMPORTED),
        ("phieu.zip › ghi-chu.txt", j.Result.SKIPPED),
        ("phieu.zip › trong/long.zip", j.Result.REFUSED),
    ]


def test_zip_with_path_tricks_is_refused_whole(tmp_path: Path, workbook: bytes) -> None:
    msg = message(KINH_TE, "Phiếu nén", [("phieu.zip", _zip({"../../etc/phieu.xlsx": workbook}))])
    result = run([save_eml(tmp_path / "t.eml", msg.as_bytes())], tmp_path)
    assert stored(tmp_path) == {}
    (refused,) = result.problems
    assert refused.reason.startswith("Tệp nén bị từ chối: ")


def _bomb() -> bytes:
    return _zip({"xl/worksheets/sheet1.xml": b"\0" * (20 * 1024 * 1024)})


HOSTILE = [
    ("zip bomb as workbook", "phieu.xlsx", _bomb, "Tệp có cấu trúc nén bất thường"),
    ("zip bomb as zip", "phieu.zip", _bomb, "Tệp nén bị từ chối: Tệp có cấu trúc nén bất thường"),
    ("huge", "phieu.xlsx", lambda: b"PK\x03\x04" + b"\0" * (26 * 1024 * 1024), "Tệp quá lớn (trên 25 MB, giới hạn đính kèm của các dịch vụ thư); nếu đúng là phiếu, hãy chép tệp vào thư mục phiếu (giới hạn 100 MB)."),
    ("pdf named xlsx", "phieu.xlsx", lambda: b"%PDF-1.7\n...", "Đuôi tệp là .xlsx nhưng nội dung không phải bảng tính Excel."),
    ("exe named xls", "phieu.xls", lambda: b"MZ\x90\x00" + b"\0" * 60, "Đuôi tệp là .xls nhưng nội dung không phải bảng tính Excel."),
    ("empty", "phieu.xlsx", lambda: b"", "Tệp rỗng."),
    ("csv", "phieu.csv", lambda: b"Ho ten;Ngay sinh\n", "Tệp CSV chỉ giữ một trang, không phải phiếu"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "reason"), [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE]
)
def test_hostile_attachments_are_refused(
    tmp_path: Path, name: str, data: object, reason: str
) -> None:
    assert callable(data)
    msg = message(KINH_TE, "Phiếu", [(name, data())])
    result = run([save_eml(tmp_path / "t.eml", msg.as_bytes())], tmp_path)
    assert stored(tmp_path) == {}
    (refused,) = result.problems
    assert refused.reason.startswith(reason), refused.reason
    assert result.entries[0].result == j.Result.SKIPPED  # the message: nothing imported


def test_nested_message_is_refused_unopened(tmp_path: Path, workbook: bytes) -> None:
    inner = message(KINH_TE, "Thư gốc", [(NAME, workbook)])
    outer = message(KINH_TE, "Chuyển tiếp", nested=inner)
    result = run([save_eml(tmp_path / "t.eml", outer.as_bytes())], tmp_path)
    assert stored(tmp_path) == {}
    (refused,) = result.problems
    assert refused.reason == (
        "Thư lồng trong thư không được mở; đề nghị đơn vị gửi trực tiếp tệp Excel."
    )


def test_sender_name_with_a_comma(tmp_path: Path, workbook: bytes) -> None:
    sender = '"Khối Kinh tế, Hạ tầng" <KinhTe.TienThanh@dongxoai.gov.vn>'
    msg = message(sender, "x", [(NAME, workbook)])
    result = run([save_eml(tmp_path / "t.eml", msg.as_bytes())], tmp_path)
    assert result.entries[0].sender == "kinhte.tienthanh@dongxoai.gov.vn"


def test_unknown_sender_is_imported_and_listed(tmp_path: Path, workbook: bytes) -> None:
    msg = message("Ai đó <ai.do@gmail.com>", "Phiếu", [(NAME, workbook)])
    result = run([save_eml(tmp_path / "t.eml", msg.as_bytes())], tmp_path)
    assert list(stored(tmp_path)) == [NAME]
    assert [e.sender for e in result.unknown_senders] == ["ai.do@gmail.com"]


@pytest.fixture
def workspace(campaign_workspace: Path) -> Path:
    return campaign_workspace


def test_cli_nhan_thu_then_kiem_tra(workspace: Path, workbook: bytes) -> None:
    box = workspace / "thu"
    save_eml(
        box / "1.eml",
        message(KINH_TE, "Gửi phiếu", [(NAME, workbook), ("logo.png", b"\x89PNG")]).as_bytes(),
    )
    save_eml(box / "2.eml", message("Ai đó <ai.do@gmail.com>", "Hỏi", []).as_bytes())
    (box / "ghi-chu.txt").write_text("x")
    (box / "phieu-chep-tay.xlsx").write_bytes(workbook)  # a workbook is no mail: where it goes
    result = CliRunner().invoke(main, ["nhan-thu", "thu"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Đã đọc 2 thư mới.",
        "Đã nhập 1 phiếu vào input/phieu:",
        f"  - {NAME} ← kinhte.tienthanh@dongxoai.gov.vn (Khối Kinh tế - Hạ tầng), nhận lúc 10/12/2023 16:30:00",
        "Bỏ qua (không phải phiếu Excel): 1",
        "  - logo.png (thư “Gửi phiếu” từ kinhte.tienthanh@dongxoai.gov.vn): Không phải phiếu Excel.",
        "Bỏ qua (không phải thư): 2",
        "  - thu/ghi-chu.txt: Không phải thư đã lưu (.eml, .msg) hay hộp thư mbox.",
        "  - thu/phieu-chep-tay.xlsx: Đây là phiếu Excel, không phải thư: chép tệp vào thư mục "
        "phiếu (input/phieu/) rồi kiểm tra phiếu, hoặc kéo thả tệp vào ô “Phiếu Excel” trên "
        "trang Nhận phiếu.",
        "Thư không có phiếu: 1",
        "  - thu/2.eml (“Hỏi” từ ai.do@gmail.com): Thư không có phiếu Excel đính kèm.",
        "Cần xác nhận, người gửi chưa có trong danh sách (phiếu của các thư này chưa được dùng "
        "cho tới khi thêm địa chỉ vào [[departments]] của tệp chiến dịch): 1",
        "  - ai.do@gmail.com — “Hỏi”, nhận lúc 10/12/2023 16:30:00",
        "Nhật ký: input/thu-nhan.csv. Tiếp theo: docgen kiem-tra",
    ]
    checked = CliRunner().invoke(main, ["kiem-tra"])
    assert checked.exit_code == 0, checked.output
    assert "Chiến dịch kh19-2023-cchc: 1 tệp, 0 lỗi, 4 cảnh báo." in checked.stdout


def test_cli_needs_a_source(workspace: Path) -> None:
    result = CliRunner().invoke(main, ["nhan-thu"])
    assert result.exit_code == 2
    assert (
        after_announce(result.stderr)
        == "Lỗi: Hãy ghi các tệp/thư mục thư cần đọc, hoặc --imap MÁY_CHỦ (một trong hai).\n"
    )
