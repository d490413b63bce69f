"""The mail journal (input/thu-nhan.csv), with its reply rows, as a state file (issue 18 §4):
damaged, truncated, hand-edited or re-saved by Excel, it is read or reported by name and line,
kept beside, never reset in silence, never a traceback."""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.mail import journal as j
from tests.conftest import GOOD_UNIT, MakeWorkbook
from tools.fill.mail import message

KT = "kinhte.tienthanh@dongxoai.gov.vn"
JOURNAL = Path("input/thu-nhan.csv")


@pytest.fixture
def workspace(campaign_workspace: Path, make_workbook: MakeWorkbook) -> Path:
    """A workbook received by mail and a reply sent: a journal of message, file and reply rows."""
    root = campaign_workspace
    unit = {**GOOD_UNIT, "don_vi": "Khối Kinh tế - Hạ tầng"}
    data = make_workbook("x.xlsx", unit=unit, folder=root / "made").read_bytes()
    when = datetime(2023, 12, 10, 2, 30, tzinfo=UTC)
    mail = message(f"Khối Kinh tế <{KT}>", "Phiếu", [("phieu.xlsx", data)], when)
    (root / "thu").mkdir()
    (root / "thu" / "1.eml").write_bytes(mail.as_bytes())
    assert CliRunner().invoke(main, ["nhan-thu", "thu"]).exit_code == 0
    sent = "2023-12-11T08:00:00+07:00"
    reply = j.JournalEntry(
        sent, j.RowKind.REPLY, "tra-loi/a.eml", "<a@x>", "tdkt@x", "Khối Kinh tế - Hạ tầng", "Phản hồi",
        sent, "phan-hoi.xlsx", "a" * 64, "tra-loi/a.eml", j.Result.SENT, f"gửi tới {KT}",
    )  # fmt: skip
    j.append(root / JOURNAL, [reply])
    return root


def _cell(raw: bytes, line: int, column: int, value: str) -> bytes:
    lines = raw.decode("utf-8-sig").split("\r\n")
    cells = lines[line - 1].split(",")
    cells[column] = value
    lines[line - 1] = ",".join(cells)
    return codecs.BOM_UTF8 + "\r\n".join(lines).encode()


def _excel(raw: bytes) -> str:
    return raw.decode("utf-8-sig").replace(",", ";")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(raw: bytes) -> bytes:
    """As Excel saves "CSV" on a Vietnamese Windows: code page 1258, tone marks combining."""
    out = bytearray()
    for char in raw.decode("utf-8-sig"):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            tones = "".join(c for c in parts if c in _TONES)
            out += (base + tones).encode("cp1258")
    return bytes(out)


Damage = Callable[[bytes], bytes]
# (id, damage, line named in the message); the rows are: 1 header, 2 message, 3 file, 4 reply.
DAMAGED: list[tuple[str, Damage, int | None]] = [
    ("received hand-edited", lambda raw: _cell(raw, 3, 7, "10/12/2023 9:30"), 3),
    ("truncated mid-row", lambda raw: raw[: raw.rindex(b"\r\n", 0, len(raw) - 2) + 40], 4),
    ("reply result edited", lambda raw: _cell(raw, 4, 11, "sent"), 4),
    ("kind edited", lambda raw: _cell(raw, 2, 1, "thu"), 2),
    ("sha-256 cut", lambda raw: _cell(raw, 3, 9, "abc123"), 3),
    ("older header", lambda raw: raw.replace("Nhận lúc".encode(), b"Received"), 1),
    ("Windows-1258 with a letter lost", lambda raw: _cp1258(raw).replace(b"\xf0", b"?", 1), 1),
    ("garbage", lambda raw: b"\x00\xff\xfe garbage \x00" * 20, 1),
    ("a column too many", lambda raw: _cell(raw, 2, 12, "x,y"), 2),
    ("emptied", lambda raw: b"", None),
]  # fmt: skip
# Saved again by Excel or an editor: read as it is, rows unchanged.
RESAVED: list[tuple[str, Damage]] = [
    ("semicolons (Excel)", lambda raw: codecs.BOM_UTF8 + _excel(raw).encode()),
    ("no BOM", lambda raw: raw.removeprefix(codecs.BOM_UTF8)),
    ("UTF-16 (Unicode text)", lambda raw: _excel(raw).replace(";", "\t").encode("utf-16")),
    ("LF line ends", lambda raw: raw.replace(b"\r\n", b"\n")),
    ("code page 1258 (Excel's plain CSV)", lambda raw: _cp1258(raw)),
    ("blank rows at the end (Excel)", lambda raw: raw + b",,,,,,,,,,,,\r\n\r\n"),
]
COMMANDS = [
    ("kiem-tra", ["kiem-tra", "--khong-phan-hoi"]),
    ("nhan-thu", ["nhan-thu", "thu"]),
    ("tra-loi", ["tra-loi"]),
]


@pytest.mark.parametrize("command", [c[1] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize(("damage", "line"), [d[1:] for d in DAMAGED], ids=[d[0] for d in DAMAGED])
def test_a_damaged_journal_is_named_kept_and_never_reset(
    workspace: Path, damage: Damage, line: int | None, command: list[str]
) -> None:
    damaged = damage((workspace / JOURNAL).read_bytes())
    (workspace / JOURNAL).write_bytes(damaged)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    where = f" ở dòng {line}" if line else ""
    assert (workspace / JOURNAL).read_bytes() == damaged  # never reset, never rewritten
    (kept,) = (workspace / "input").glob("thu-nhan.csv.hong-*")
    assert kept.read_bytes() == damaged
    (error,) = [text for text in result.stderr.splitlines() if text.startswith("Lỗi: ")]
    assert error.startswith(f"Lỗi: Nhật ký thư {JOURNAL} bị hỏng{where}: ")
    assert error.endswith(
        f". Bản hỏng được giữ lại, không xóa: {kept.name} (cùng thư mục). Cách sửa: mở "
        "thu-nhan.csv bằng Notepad (không mở bằng Excel), sửa dòng hỏng theo các dòng khác rồi "
        "chạy lại lệnh; hoặc để docgen ghi lại nhật ký: chuyển thu-nhan.csv ra khỏi thư mục rồi "
        "chạy “docgen nhan-thu” với tất cả thư đã nhận (phiếu đã có không bị nhập lại, giờ nhận "
        "được ghi lại theo thư)."
    )
    again = CliRunner().invoke(main, command)
    assert again.exit_code == 2
    assert len(list((workspace / "input").glob("thu-nhan.csv.hong-*"))) == 1


@pytest.mark.parametrize("resave", [r[1] for r in RESAVED], ids=[r[0] for r in RESAVED])
def test_a_journal_saved_again_reads_the_same(workspace: Path, resave: Damage) -> None:
    rows = j.read_journal(workspace / JOURNAL)
    assert [e.kind for e in rows] == [j.RowKind.MESSAGE, j.RowKind.FILE, j.RowKind.REPLY]
    (workspace / JOURNAL).write_bytes(resave((workspace / JOURNAL).read_bytes()))
    assert j.read_journal(workspace / JOURNAL) == rows
    rerun = CliRunner().invoke(main, ["nhan-thu", "thu"])
    assert rerun.exit_code == 0, rerun.output
    assert "(1 thư đã nhận từ trước)" in rerun.stdout  # not every mail new again
    checked = CliRunner().invoke(main, ["kiem-tra", "--khong-phan-hoi"])
    assert checked.exit_code == 0, checked.output


def test_appending_to_a_journal_excel_saved_writes_docgen_s_form(workspace: Path) -> None:
    journal = workspace / JOURNAL
    rows = j.read_journal(journal)
    excel = codecs.BOM_UTF8 + _excel(journal.read_bytes()).encode()
    journal.write_bytes(excel)
    extra = j.JournalEntry(*rows[0].__dict__.values())
    j.append(journal, [extra])
    assert j.read_journal(journal) == [*rows, extra]
    assert journal.read_bytes().startswith(codecs.BOM_UTF8 + "Ghi lúc,Loại,".encode())
    (kept,) = (workspace / "input").glob("thu-nhan.csv.hong-*")
    assert kept.read_bytes() == excel


def test_no_control_character_reaches_the_journal(tmp_path: Path) -> None:
    journal = tmp_path / "thu-nhan.csv"
    now = "2023-12-10T09:30:00+07:00"
    entry = j.JournalEntry(
        now, j.RowKind.MESSAGE, "a.eml", "<a@x>", "a@x", "", "Phiếu\x00 gửi\x1b[31m lại", now, "", "",
        "", j.Result.SKIPPED, "",
    )  # fmt: skip
    j.append(journal, [entry])
    assert b"\x00" not in journal.read_bytes() and b"\x1b" not in journal.read_bytes()
    (row,) = j.read_journal(journal)
    assert row.subject == "Phiếu  gửi [31m lại"


def test_a_time_typed_without_its_offset_is_vietnam_time(workspace: Path) -> None:
    journal = workspace / JOURNAL
    journal.write_bytes(_cell(journal.read_bytes(), 3, 7, "2023-12-10 09:30"))
    (receipt,) = j.receipts(journal).values()
    assert receipt.received == datetime(2023, 12, 10, 2, 30, tzinfo=UTC)
    checked = CliRunner().invoke(main, ["kiem-tra", "--khong-phan-hoi"])
    assert checked.exit_code == 0, checked.output


def test_the_journal_holds_the_clerk_s_words_and_the_code_its_members(workspace: Path) -> None:
    """Rows say "thư", "tệp", "phản hồi", "đã nhập", "đã gửi" (journals of every version read
    alike); what is read back are members, never the words."""
    text = (workspace / JOURNAL).read_text(encoding="utf-8-sig")
    kinds_results = [(r[1], r[11]) for r in (line.split(",") for line in text.splitlines()[1:])]
    assert kinds_results == [("thư", "đã nhập"), ("tệp", "đã nhập"), ("phản hồi", "đã gửi")]
    rows = j.read_journal(workspace / JOURNAL)
    assert [(r.kind, r.result) for r in rows] == [
        (j.RowKind.MESSAGE, j.Result.IMPORTED),
        (j.RowKind.FILE, j.Result.IMPORTED),
        (j.RowKind.REPLY, j.Result.SENT),
    ]
    assert all(type(r.kind) is j.RowKind and type(r.result) is j.Result for r in rows)
