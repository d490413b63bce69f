"""`docgen luu-tru`: real signed files filed, matched, refused, re-filed and verified."""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from docgen.archive import Store, file_signed, verify
from docgen.archive.filing import Request, Status
from docgen.archive.register import register_rows
from docgen.archive.schema import LATEST, RegisterError, open_register
from docgen.archive.source import expected_documents
from docgen.archive.store import STAGING, recover
from docgen.archive.summary import filing_lines
from docgen.campaign import Campaign
from docgen.cli import main
from docgen.convert import convert_to_pdf
from docgen.output.manifest import Manifest, ManifestEntry
from tests.conftest import ROOT, soffice
from tools.sign import (
    SIGNED_AT,
    SIGNER_NAME,
    identity,
    modify_after_signing,
    ocr_scan_pdf,
    one_page_pdf,
    scan_pdf,
    sign_docx,
    sign_pdf,
)

OUT = Path("output") / "kh19-2023-cchc"


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory, pristine_example: Path) -> Path:
    """The shipped example built once, with the city level's Tờ trình converted to PDF."""
    root = tmp_path_factory.mktemp("dossier") / "ws"
    shutil.copytree(pristine_example, root)
    result = CliRunner().invoke(main, ["ho-so", "--thu-muc", str(root)])
    assert result.exit_code == 0, result.output
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    pdfs = convert_to_pdf([root / OUT / "thanh-pho" / "to-trinh.docx"], workers=1)
    assert not pdfs.failed
    return root


@pytest.fixture
def ws(dossier: Path, tmp_path: Path) -> Path:
    """A private copy of the built workspace."""
    shutil.copytree(dossier, tmp_path / "ws")
    return tmp_path / "ws"


def _put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _file(ws: Path, campaign: Campaign, *paths: Path, replace: bool = False) -> list[Status]:
    report = file_signed(paths, campaign, ws, Request(replace=replace, clerk="Văn thư Hà"))
    return [o.status for o in report.outcomes]


def _rows(ws: Path) -> list[sqlite3.Row]:
    db = open_register(Store.of(ws).register_file)
    try:
        return register_rows(db)
    finally:
        db.close()


def test_signed_pdf_is_validated_filed_read_only_and_registered(
    ws: Path, campaign: Campaign
) -> None:
    signed = sign_pdf((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes())
    report = file_signed(
        [_put(ws / "da-ky", "to-trinh-da-ky.pdf", signed)], campaign, ws, Request(clerk="Hà")
    )
    (outcome,) = report.outcomes
    assert outcome.status is Status.FILED
    assert outcome.stored == "2023/kh19-2023-cchc/thanh-pho/to-trinh.pdf"
    stored = ws / "luu-tru" / outcome.stored
    assert stored.read_bytes() == signed
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    (row,) = _rows(ws)
    manifest = json.loads((ws / OUT / "manifest.json").read_text(encoding="utf-8"))
    generated = next(f for f in manifest["files"] if f["path"] == "thanh-pho/to-trinh.docx")
    assert (row["campaign"], row["level"], row["kind"]) == (
        "kh19-2023-cchc",
        "thanh-pho",
        "to-trinh",
    )
    assert row["title"].startswith("Tờ trình về việc đề nghị tặng Giấy khen")
    assert row["signer"] == "Lê Thanh Hoan"
    assert row["recipients"].splitlines()[0] == "Như trên"
    assert row["generated_sha256"] == generated["sha256"]
    assert row["form"] == "signed-pdf" and row["signature"] == "chữ ký hợp lệ"
    assert (row["signer_name"], row["trust"], row["filed_by"]) == (
        SIGNER_NAME,
        "chưa xác minh",
        "Hà",
    )
    assert row["signed_at"] and row["filed_at"]
    # the PDF `docgen pdf` made, then signed: the content decides, nothing to warn of
    assert (row["matched_by"], row["notes"], outcome.notes) == ("nội dung", "", ())


def test_the_archive_takes_each_document_s_register_fields_from_the_manifest(
    tmp_path: Path, campaign: Campaign
) -> None:
    """The Biên bản is signed by the chair (as the dossier run wrote), not by nobody; a
    manifest without register fields (earlier docgen) gives empty fields, never invented."""
    minutes = ManifestEntry(
        "bien-ban.docx", "a" * 64, "bien-ban", "templates_docx/bien-ban.docx",
        title="Biên bản họp xét", number="03", symbol="BB-HĐTĐKT", date="2023-12-05",
        summary="Họp xét đề nghị khen thưởng phong trào", signer="Nguyễn Văn Chủ Tọa",
        recipients=("Thường trực Hội đồng TĐKT phường",),
    )  # fmt: skip
    older = ManifestEntry("thanh-pho/to-trinh.docx", "b" * 64, "to-trinh", "t.docx", "thanh-pho",
                  title="Tờ trình")  # fmt: skip
    Manifest(campaign.id, entries={e.path: e for e in (minutes, older)}).save(tmp_path)
    first, second = expected_documents(campaign, tmp_path)
    assert (first.title, first.number, first.signer, first.recipients) == (
        "Biên bản họp xét đề nghị khen thưởng phong trào",
        "03/BB-HĐTĐKT",
        "Nguyễn Văn Chủ Tọa",
        ("Thường trực Hội đồng TĐKT phường",),
    )
    assert first.issued == dt.date(2023, 12, 5)
    assert (second.title, second.number, second.signer, second.recipients) == (
        "Tờ trình", "", "", ()
    )  # fmt: skip
    assert second.issued is None


def test_trust_is_decided_only_against_configured_roots(ws: Path, campaign: Campaign) -> None:
    signed = sign_pdf((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes())
    path = _put(ws, "to-trinh.pdf", signed)
    roots = (("goc.pem", identity().cert_pem),)
    report = file_signed([path], campaign, ws, Request(roots=roots))
    (outcome,) = report.outcomes
    assert outcome.received is not None and outcome.received.trust == "tin cậy"
    assert _rows(ws)[0]["trust"] == "tin cậy"


def test_pdf_modified_after_signing_is_filed_and_reported_as_such(
    ws: Path, campaign: Campaign
) -> None:
    signed = modify_after_signing(sign_pdf((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes()))
    report = file_signed([_put(ws, "to-trinh.pdf", signed)], campaign, ws, Request())
    (outcome,) = report.outcomes
    assert outcome.status is Status.FILED
    assert outcome.received is not None and outcome.received.modified_after
    assert _rows(ws)[0]["signature"] == "chữ ký hợp lệ nhưng tệp đã bị sửa sau khi ký"


def test_pdf_whose_signed_bytes_changed_is_refused(ws: Path, campaign: Campaign) -> None:
    signed = bytearray(sign_pdf((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes()))
    at = signed.index(b"/Producer")
    signed[at + 1 : at + 2] = b"p"  # one byte inside the signed range
    report = file_signed([_put(ws, "to-trinh.pdf", bytes(signed))], campaign, ws, Request())
    (outcome,) = report.outcomes
    assert outcome.status is Status.REFUSED
    assert outcome.detail == "chữ ký không hợp lệ (nội dung đã ký bị thay đổi)"
    assert _rows(ws) == []


def test_signed_docx_is_recognised_by_its_signature_part_and_matched_by_content(
    ws: Path, campaign: Campaign
) -> None:
    signed = sign_docx((ws / OUT / "phuong" / "bien-ban.docx").read_bytes())
    report = file_signed([_put(ws / "nhan", "van-ban-1.docx", signed)], campaign, ws, Request())
    (outcome,) = report.outcomes
    assert outcome.status is Status.FILED
    # the one Biên bản of the meeting is the same file in both dossiers: either copy is it
    assert outcome.document is not None and outcome.document.kind == "bien-ban"
    (row,) = _rows(ws)
    assert (row["form"], row["signer_name"], row["signed_at"]) == (
        "signed-docx",
        SIGNER_NAME,
        SIGNED_AT,
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("phuong/bien-ban-scan.pdf", Status.FILED),
        ("bao-cao-thanh-tich-ly-thi-mai-da-ky.pdf", Status.FILED),
        ("bien-ban.pdf", Status.AMBIGUOUS),  # both levels have one: never guessed
        ("khong-ro-la-gi.pdf", Status.UNMATCHED),
    ],
    ids=["name-in-level-folder", "name-with-ending", "ambiguous-name", "unmatched"],
)
def test_scans_are_matched_by_name_only_when_certain(
    ws: Path, campaign: Campaign, name: str, expected: Status
) -> None:
    assert _file(ws, campaign, _put(ws / "scan", name, scan_pdf(name))) == [expected]


def test_unsigned_files_are_refused(ws: Path, campaign: Campaign) -> None:
    word = _put(ws, "to-trinh.docx", (ws / OUT / "thanh-pho" / "to-trinh.docx").read_bytes())
    own_pdf = _put(ws, "x/to-trinh.pdf", (ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes())
    report = file_signed([word, own_pdf], campaign, ws, Request())
    assert [o.status for o in report.outcomes] == [Status.REFUSED, Status.REFUSED]
    assert "chưa có chữ ký số" in report.outcomes[0].detail
    assert "chưa có chữ ký" in report.outcomes[1].detail


def test_matching_by_number_from_the_manifest(ws: Path, campaign: Campaign) -> None:
    manifest_path = ws / OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == "thanh-pho/to-trinh.docx":
            entry.update(number="12", symbol="TTr-UBND", date="2023-12-15")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    scan = _put(ws / "scan", "So 12-TTr-UBND.pdf", scan_pdf("12/TTr-UBND"))
    report = file_signed([scan], campaign, ws, Request())
    (outcome,) = report.outcomes
    assert outcome.status is Status.FILED
    assert outcome.document is not None and outcome.document.path == "thanh-pho/to-trinh.docx"
    (row,) = _rows(ws)
    assert (row["number"], row["issued"], row["form"]) == ("12/TTr-UBND", "2023-12-15", "scan-pdf")


def test_refiling_is_a_no_op_and_a_conflict_needs_replace(ws: Path, campaign: Campaign) -> None:
    first = _put(ws / "a", "phuong/bien-ban.pdf", scan_pdf("lan 1"))
    second = _put(ws / "b", "phuong/bien-ban.pdf", scan_pdf("lan 2"))
    assert _file(ws, campaign, first) == [Status.FILED]
    assert _file(ws, campaign, first) == [Status.ALREADY]
    assert _file(ws, campaign, second) == [Status.CONFLICT]
    assert len(_rows(ws)) == 1
    assert _file(ws, campaign, second, replace=True) == [Status.REPLACED]
    old, new = _rows(ws)
    assert old["replaced_by"] == new["stored"] == "2023/kh19-2023-cchc/phuong/bien-ban-2.pdf"
    assert (ws / "luu-tru" / old["stored"]).read_bytes() == scan_pdf("lan 1")
    assert (ws / "luu-tru" / new["stored"]).read_bytes() == scan_pdf("lan 2")
    assert verify(ws).findings == []


def test_cli_files_and_reports_unmatched_with_exit_1(ws: Path) -> None:
    folder = ws / "nop"
    _put(folder, "phuong/bien-ban.pdf", scan_pdf("bb"))
    _put(folder, "khong-ro.pdf", scan_pdf("?"))
    result = CliRunner().invoke(main, ["luu-tru", "--thu-muc", str(ws), str(folder)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{folder / 'khong-ro.pdf'}: không khớp văn bản nào" in lines
    assert (
        f"{folder / 'phuong' / 'bien-ban.pdf'}: đã lưu — phuong/bien-ban.docx"
        " → 2023/kh19-2023-cchc/phuong/bien-ban.pdf"
    ) in lines
    assert (
        f"Đã lưu 1/2 tệp vào {ws / 'luu-tru'}; sổ đăng ký: {ws / 'luu-tru' / 'so-dang-ky.sqlite'}."
        in lines
    )


def test_kiem_tra_finds_altered_deleted_and_extra_files(ws: Path, campaign: Campaign) -> None:
    names = ["phuong/bien-ban.pdf", "thanh-pho/bien-ban.pdf", "thanh-pho/danh-sach.pdf"]
    _file(ws, campaign, *(_put(ws / "nop", n, scan_pdf(n)) for n in names))
    tree = ws / "luu-tru" / "2023" / "kh19-2023-cchc"
    altered = tree / "phuong" / "bien-ban.pdf"
    altered.chmod(0o644)
    altered.write_bytes(altered.read_bytes() + b"%")
    (tree / "thanh-pho" / "bien-ban.pdf").unlink()
    (tree / "thanh-pho" / "la.pdf").write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(main, ["luu-tru", "--kiem-tra", "--thu-muc", str(ws)])
    assert result.exit_code == 1
    refile = "docgen so mã SHA-256 với sổ, chép lại bản lưu (chỉ đọc) và ghi lần sửa vào sổ."
    assert result.output.splitlines() == [
        "tệp bị thay đổi: 2023/kh19-2023-cchc/phuong/bien-ban.pdf",
        "  Cách sửa: nộp lại bản gốc đã ký “bien-ban.pdf”: docgen luu-tru "
        f'"{ws / "nop" / "phuong" / "bien-ban.pdf"}" — {refile}',
        "mất tệp: 2023/kh19-2023-cchc/thanh-pho/bien-ban.pdf",
        "  Cách sửa: nộp lại bản gốc đã ký “bien-ban.pdf”: docgen luu-tru "
        f'"{ws / "nop" / "thanh-pho" / "bien-ban.pdf"}" — {refile}',
        "tệp không có trong sổ đăng ký: 2023/kh19-2023-cchc/thanh-pho/la.pdf",
        "  Tệp không do docgen lưu: chuyển nó ra khỏi luu-tru/, hoặc nộp lưu đúng cách bằng "
        "“docgen luu-tru <tệp>”.",
        f"Đã kiểm tra 3 tệp trong {ws / 'luu-tru'}: 3 sai khác.",
    ]
    data = json.loads(
        CliRunner().invoke(main, ["luu-tru", "--kiem-tra", "--json", "--thu-muc", str(ws)]).stdout
    )
    assert [(f["problem"], f["stored"]) for f in data["findings"]] == [
        ("altered", "2023/kh19-2023-cchc/phuong/bien-ban.pdf"),
        ("missing", "2023/kh19-2023-cchc/thanh-pho/bien-ban.pdf"),
        ("unregistered", "2023/kh19-2023-cchc/thanh-pho/la.pdf"),
    ]


# The child files as `docgen luu-tru` does, but stops for good at the named crash point of the
# n-th file and says so in a marker file (the staged path): the parent then kills it there.
PAUSE_AT = r"""
import sys, time
from pathlib import Path
from docgen.archive import store

marker, point, nth = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
real = getattr(store.Store, point)
calls = []

def paused(self, *args):
    result = real(self, *args) if point == "stage" else None  # place: before the rename
    calls.append(1)
    if len(calls) == nth:
        staged = result if point == "stage" else args[0]
        marker.write_text(str(staged), encoding="utf-8")
        time.sleep(600)
    return result if point == "stage" else real(self, *args)

setattr(store.Store, point, paused)
from docgen.cli import main
main(sys.argv[4:], prog_name="docgen")
"""


def _kill_at(command: list[str], marker: Path, point: str, nth: int) -> Path:
    """Run the filing, kill it (SIGKILL) once it reached `point` of its `nth` file; the staged
    path it was at. Fails when the crash point was never reached."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = [sys.executable, "-c", PAUSE_AT, str(marker), point, str(nth), *command]
    process = subprocess.Popen(child, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    reached = marker.exists()
    process.kill()
    process.wait()
    assert reached, f"the filing never reached {point} of file {nth}"
    staged = Path(marker.read_text(encoding="utf-8"))
    marker.unlink()
    assert staged.name.endswith(STAGING) and staged.exists()  # killed with the file staged
    return staged


@pytest.mark.parametrize(
    ("point", "nth", "committed"),
    [("stage", 1, False), ("stage", 3, False), ("place", 2, True)],
    ids=["staged-first-file", "staged-third-file", "committed-not-yet-placed"],
)
def test_kill_during_filing_leaves_old_or_new_state(
    ws: Path, point: str, nth: int, committed: bool
) -> None:
    """A real kill (SIGKILL) while a file is staged, before or after its register row is
    committed: --kiem-tra then finds the archive equal to its register, the killed file in place
    exactly when its row was committed, and a last run files the rest."""
    manifest = json.loads((ws / OUT / "manifest.json").read_text(encoding="utf-8"))
    folder = ws / "nop"
    for entry in manifest["files"]:
        _put(folder, entry["path"].replace(".docx", ".pdf"), scan_pdf(entry["path"]))
    command = ["luu-tru", "--thu-muc", str(ws), str(folder)]
    staged = _kill_at(command, ws / "dung-o-day.txt", point, nth)
    final = staged.with_name(staged.name.removesuffix(STAGING))
    stored = final.relative_to(ws / "luu-tru").as_posix()
    check = CliRunner().invoke(main, ["luu-tru", "--kiem-tra", "--thu-muc", str(ws)])
    assert check.exit_code == 0, check.output
    assert check.output.splitlines()[-1].endswith(": không có sai khác.")
    assert not staged.exists()  # recovery: placed or dropped, never left staged
    assert final.exists() is committed
    assert (stored in {r["stored"] for r in _rows(ws)}) is committed
    assert len(_rows(ws)) == nth - 1 + committed
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "docgen", *command], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(_rows(ws)) == len(manifest["files"])
    assert verify(ws).findings == []


@pytest.mark.parametrize(
    ("registered", "placed"),
    [(True, True), (False, False)],
    ids=["committed-row-finishes-the-move", "uncommitted-file-is-dropped"],
)
def test_recovery_brings_the_tree_back_to_the_register(
    tmp_path: Path, registered: bool, placed: bool
) -> None:
    store = Store(tmp_path / "luu-tru")
    staged = store.stage("2023/c/phuong/bien-ban.pdf", b"%PDF-1.4 signed")
    registry = {"2023/c/phuong/bien-ban.pdf": "x"} if registered else {}
    assert recover(store, registry) == ["2023/c/phuong/bien-ban.pdf"]
    assert not staged.exists()
    assert store.path("2023/c/phuong/bien-ban.pdf").exists() is placed


def test_register_schema_is_versioned_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_register(tmp_path / "so.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO filings (document_id, sha256, size, form, stored, original_name,"
            " filed_by, filed_at) VALUES (99, 'x', 1, 'scan-pdf', 'a', 'a', 'b', 'c')"
        )
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    with pytest.raises(RegisterError, match="mới hơn phiên bản docgen này"):
        open_register(tmp_path / "so.sqlite")


def test_registers_print_the_decree_columns_on_a4_landscape(ws: Path, campaign: Campaign) -> None:
    manifest_path = ws / OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == "thanh-pho/to-trinh.docx":
            entry.update(number="12", symbol="TTr-UBND", date="2023-12-15")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    _file(
        ws,
        campaign,
        _put(ws / "nop", "12-TTr-UBND.pdf", scan_pdf("tt")),
        _put(ws / "nop", "phuong/bien-ban.pdf", scan_pdf("bb")),
    )
    result = CliRunner().invoke(
        main, ["so-van-ban-di", "--thu-muc", str(ws), "--tu", "01/12/2023", "--den", "31/12/2023"]
    )
    assert result.exit_code == 0, result.output
    out = ws / OUT / "luu-tru"
    assert result.stdout.splitlines()[0] == (
        f"Sổ đăng ký văn bản đi: {out / 'so-van-ban-di-20231201-20231231.xlsx'} (1 văn bản)."
    )
    sent = load_workbook(out / "so-van-ban-di-20231201-20231231.xlsx").active
    assert [c.value for c in sent[4]] == [
        "Số, ký hiệu văn bản",
        "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản",
        "Người ký",
        "Nơi nhận văn bản",
        "Đơn vị, người nhận bản lưu",
        "Số lượng bản",
        "Ngày chuyển",
        "Ký nhận",
        "Ghi chú",
    ]
    row = [c.value for c in sent[5]]
    assert row[:4] == [
        "12/TTr-UBND",
        "15/12/2023",
        "Tờ trình về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
        "Lê Thanh Hoan",
    ]
    assert row[5] == "VT, HĐTĐKT"
    index = load_workbook(out / "muc-luc-van-ban.xlsx").active
    assert [c.value for c in index[4]] == [
        "STT",
        "Số, ký hiệu văn bản",
        "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản",
        "Tác giả văn bản",
        "Tờ số",
        "Ghi chú",
    ]
    assert [index.cell(r, 6).value for r in (5, 6)] == ["01", "02"]  # one page each
    assert [index.cell(r, 5).value for r in (5, 6)] == [  # the Biên bản the Tờ trình cites
        "Hội đồng Thi đua - Khen thưởng phường Tiến Thành",
        "Ủy ban nhân dân phường Tiến Thành",
    ]
    # the Tờ trình's trích yếu wraps to two lines, its Ghi chú (a scan's note) to three
    assert index.row_dimensions[6].height == 45
    assert [index.cell(r, 7).value for r in (5, 6)] == [  # scans with no text to check
        "PDF bản chụp (không có chữ ký số); khớp theo tên tệp, chưa đối chiếu nội dung",
        "PDF bản chụp (không có chữ ký số); khớp theo số, ký hiệu, chưa đối chiếu nội dung",
    ]
    for sheet in (sent, index):
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$4:$4"
    meta = json.loads((out / "metadata" / "thanh-pho-to-trinh.json").read_text(encoding="utf-8"))
    assert (meta["Số của văn bản"], meta["Ký hiệu của văn bản"]) == ("12", "TTr-UBND")
    assert meta["Mức độ tin cậy"] == "Số hóa"
    assert meta["Ghi chú"] == "khớp theo số, ký hiệu, chưa đối chiếu nội dung"


def _walkthrough() -> list[list[str]]:
    """The commands of the README's archive walk-through, as argument lists."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("#### Thử nộp lưu với chữ ký thử (chỉ để kiểm thử)", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0].replace("\\\n", " ")
    commands = []
    for line in block.splitlines():
        words = shlex.split(line.split("#", 1)[0])
        if words[0] == "docgen":
            words = [sys.executable, "-m", "docgen", *words[1:]]
        elif words[0] == ".venv/bin/python":
            words[0] = sys.executable
        commands.append(words)
    return commands


def test_readme_archive_walkthrough_runs_as_written(ws: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    commands = _walkthrough()
    assert [c[3] if c[1] == "-m" and c[2] == "docgen" else c[2] for c in commands] == [
        "pdf",
        "tools.sign",
        "luu-tru",
        "so-van-ban-di",
        "luu-tru",
    ]
    for command in commands:
        done = subprocess.run(command, cwd=ws, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    assert done.stdout.endswith("luu-tru: không có sai khác.\n")
    assert {r["path"] for r in _rows(ws)} == {"thanh-pho/to-trinh.docx", "phuong/bien-ban.docx"}


def test_refiling_the_original_repairs_an_altered_or_lost_copy(
    ws: Path, campaign: Campaign
) -> None:
    names = ["phuong/bien-ban.pdf", "thanh-pho/bien-ban.pdf"]
    originals = [_put(ws / "nop", n, scan_pdf(n)) for n in names]
    assert _file(ws, campaign, *originals) == [Status.FILED, Status.FILED]
    tree = ws / "luu-tru" / "2023" / "kh19-2023-cchc"
    altered, lost = tree / "phuong" / "bien-ban.pdf", tree / "thanh-pho" / "bien-ban.pdf"
    altered.chmod(0o644)
    altered.write_bytes(b"%PDF-1.4 sua")  # tampered, left writable
    lost.chmod(0o644)
    lost.unlink()

    assert _file(ws, campaign, *originals) == [Status.REPAIRED, Status.REPAIRED]

    for path, original in zip((altered, lost), originals, strict=True):
        assert path.read_bytes() == original.read_bytes()
        assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert verify(ws).findings == []
    db = open_register(Store.of(ws).register_file)
    try:
        repairs = [tuple(r) for r in db.execute(
            "SELECT f.stored, r.found, r.found_sha256 != '', r.source_name, r.repaired_by "
            "FROM repairs r JOIN filings f ON f.id = r.filing_id ORDER BY r.id"
        )]  # fmt: skip
    finally:
        db.close()
    assert repairs == [
        ("2023/kh19-2023-cchc/phuong/bien-ban.pdf", "altered", 1, "bien-ban.pdf", "Văn thư Hà"),
        ("2023/kh19-2023-cchc/thanh-pho/bien-ban.pdf", "missing", 0, "bien-ban.pdf", "Văn thư Hà"),
    ]
    assert len(_rows(ws)) == 2  # a repair is no new filing
    assert _file(ws, campaign, *originals) == [Status.ALREADY, Status.ALREADY]


def test_a_version_1_register_is_migrated_with_its_filings(tmp_path: Path) -> None:
    from docgen.archive.schema import MIGRATIONS

    path = tmp_path / "so-dang-ky.sqlite"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0][1])
    old.execute(
        "INSERT INTO documents (campaign, level, path, kind, title, generated_sha256) "
        "VALUES ('c', 'phuong', 'phuong/bien-ban.docx', 'bien-ban', 'Biên bản', 'x')"
    )
    old.execute(
        "INSERT INTO filings (document_id, sha256, size, form, stored, original_name, filed_by, "
        "filed_at) VALUES (1, 'y', 1, 'scan-pdf', 'a/b.pdf', 'b.pdf', 'Hà', '2023-12-20')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    db = open_register(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 4
        row = db.execute("SELECT stored, source_path, matched_by, notes FROM filings").fetchone()
        assert tuple(row) == ("a/b.pdf", "", "", "")  # how it was matched: not known then
        assert db.execute("SELECT count(*) FROM repairs").fetchone()[0] == 0
    finally:
        db.close()


def test_the_index_follows_the_citation_chain_and_names_each_kind_once(
    ws: Path, campaign: Campaign
) -> None:
    # the meeting's one Biên bản, filed under the ward level, heads the city level's papers
    names = ["thanh-pho/to-trinh.pdf", "phuong/bien-ban.pdf", "thanh-pho/danh-sach.pdf"]
    _file(ws, campaign, *(_put(ws / "nop", n, scan_pdf(n)) for n in names))
    result = CliRunner().invoke(main, ["so-van-ban-di", "--thu-muc", str(ws)])
    assert result.exit_code == 0, result.output
    index = load_workbook(ws / OUT / "luu-tru" / "muc-luc-van-ban.xlsx").active
    titles = [index.cell(r, 4).value for r in (5, 6, 7)]
    assert titles[0].startswith("Biên bản họp xét đề nghị khen thưởng phong trào thi đua")
    assert titles[1].startswith("Tờ trình về việc đề nghị tặng Giấy khen")  # cites the Biên bản
    assert titles[2].startswith("Danh sách")  # kèm theo the Tờ trình
    sent = load_workbook(next((ws / OUT / "luu-tru").glob("so-van-ban-di-*.xlsx"))).active
    texts = [str(c.value).casefold() for row in sent.iter_rows() for c in row if c.value]
    texts += [str(t).casefold() for t in titles]
    assert not [t for t in texts if "họp xét họp xét" in t]


def test_the_clerk_s_part_of_the_readme_needs_nothing_outside_docgen() -> None:
    """tools/ is not installed for the clerk: the test signer lives in the engineers' part."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    clerk = readme.split("## Dành cho kỹ sư", 1)[0]
    assert "tools.sign" not in clerk and "tools/sign" not in clerk
    section = clerk.split("## Sau khi ký: PDF, nộp lưu, sổ văn bản đi", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[0] for line in block.splitlines()] == ["docgen"] * 4


def test_the_signing_time_reads_in_vietnam_time_date_first(ws: Path) -> None:
    signed = sign_docx((ws / OUT / "phuong" / "bien-ban.docx").read_bytes())
    _put(ws / "da-ky", "bien-ban-da-ky.docx", signed)
    result = CliRunner().invoke(main, ["luu-tru", "--thu-muc", str(ws), str(ws / "da-ky")])
    assert result.exit_code == 0, result.output
    assert "thời điểm ký: 15/12/2023 15:30:00;" in result.output  # SIGNED_AT is 08:30 UTC
    assert SIGNED_AT not in result.output


def test_a_conflict_says_when_in_the_clerk_s_date_and_only_its_own_way_out(ws: Path) -> None:
    _put(ws / "a", "phuong/bien-ban.pdf", scan_pdf("lan 1"))
    _put(ws / "b", "phuong/bien-ban.pdf", scan_pdf("lan 2"))
    assert CliRunner().invoke(main, ["luu-tru", "--thu-muc", str(ws), str(ws / "a")]).exit_code == 0
    result = CliRunner().invoke(main, ["luu-tru", "--thu-muc", str(ws), str(ws / "b")])
    assert result.exit_code == 1
    today = time.strftime("%d/%m/%Y")
    assert f"(đã lưu 2023/kh19-2023-cchc/phuong/bien-ban.pdf ngày {today})" in result.output
    assert "Tệp không khớp" not in result.output  # it matched: the way out is --thay-the
    assert "Văn bản đã có bản lưu khác: nếu tệp mới thay bản cũ, thêm --thay-the." in result.output


def test_the_text_layer_is_read_line_by_line_as_the_page_shows_it(ws: Path) -> None:
    from docgen.archive.pdftext import pdf_lines

    # LibreOffice draws the Vietnamese capitals from a second font subset over gaps of the first
    lines = pdf_lines((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes())
    assert lines[:4] == [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHƯỜNG TIẾN THÀNH Độc lập - Tự do - Hạnh phúc",
        "Số: /TTr-UBND Tiến Thành, ngày tháng năm 2023",
        "TỜ TRÌNH",
    ]
    ocr = ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN PHÚ", "Số: 04/TTr-HĐTĐKT", "TỜ TRÌNH"]
    assert pdf_lines(ocr_scan_pdf(ocr)) == ocr  # an OCR layer: codes are Unicode values
    assert pdf_lines(scan_pdf("12/TTr-UBND")) == ["12/TTr-UBND"]  # a standard font, no map
    assert pdf_lines(ocr_scan_pdf([])) == []  # the image alone
    assert pdf_lines(b"%PDF-1.4 not really") == []
    helvetica = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    inline = b"BT /F1 12 Tf 72 720 Td (TO TRINH) Tj ET BI /W 1 /H 1 /BPC 8 ID \x80 EI"
    fonts = b"/Font << /F1 5 0 R >>"
    assert pdf_lines(one_page_pdf(inline, fonts, helvetica)) == ["TO TRINH"]  # read up to it
    broken = b"BT /F1 12 Tf ] ) ( >> << Tj ET"
    assert pdf_lines(one_page_pdf(broken, fonts, helvetica)) == []  # no traceback


def _set_manifest(ws: Path, path: str, **fields: str) -> None:
    manifest_path = ws / OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    next(e for e in manifest["files"] if e["path"] == path).update(fields)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def _rescanned(pdf: bytes) -> bytes:
    """The same pages in other bytes (a PDF printed, signed and scanned keeps its text layer,
    not its bytes): one byte of the binary comment under the header changed."""
    at = pdf.index(b"\n") + 2
    return pdf[:at] + bytes([pdf[at] ^ 1]) + pdf[at + 1 :]


HEAD = ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG TIẾN THÀNH"]


@pytest.mark.parametrize(
    ("lines", "number", "said"),
    [
        (
            [*HEAD, "Số: /QĐ-UBND Tiến Thành, ngày tháng năm 2023", "QUYẾT ĐỊNH"],
            "",
            "tệp là QUYẾT ĐỊNH, còn văn bản là TỜ TRÌNH; tệp ghi số, ký hiệu …/QĐ-UBND, còn "
            "văn bản là …/TTr-UBND",
        ),
        (
            ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN PHÚ", "Số: 04/TTr-UBND", "TỜ TRÌNH"],
            "",
            "tệp ghi PHƯỜNG TÂN PHÚ, còn văn bản là của phường Tiến Thành",
        ),
        (
            [*HEAD, "Số: 15/TTr-UBND", "TỜ TRÌNH", "Về việc đề nghị tặng Giấy khen"],
            "12",
            "tệp ghi số, ký hiệu 15/TTr-UBND, còn văn bản là 12/TTr-UBND",
        ),
        (
            [*HEAD, "Số: 12/TTr-UBND Tiến Thành, ngày 03 tháng 01 năm 2026", "TỜ TRÌNH"],
            "12",
            "tệp đề năm 2026, còn văn bản đề ngày 15/12/2023",
        ),
        (
            [*HEAD, "Số: /TTr-UBND Tiến Thành, ngày tháng năm 2026", "TỜ TRÌNH"],
            "",  # no number, no date yet: the campaign's year (2023, or early 2024)
            "tệp đề năm 2026, còn văn bản thuộc đợt thi đua năm 2023",
        ),
    ],
    ids=["another-type", "another-ward", "another-number", "another-year", "another-campaign"],
)
def test_a_scan_whose_text_contradicts_the_document_named_is_refused(
    ws: Path, campaign: Campaign, lines: list[str], number: str, said: str
) -> None:
    date = "2023-12-15" if number else ""  # numbered and dated together, as the văn thư does
    _set_manifest(ws, "thanh-pho/to-trinh.docx", number=number, date=date)
    scan = _put(ws / "scan", "thanh-pho/to-trinh-scan.pdf", ocr_scan_pdf(lines))
    (outcome,) = file_signed([scan], campaign, ws, Request()).outcomes
    assert (outcome.status, outcome.detail) == (Status.CONTRADICTED, said)
    assert _rows(ws) == [] and not (ws / "luu-tru" / "2023").exists()


def test_another_document_s_pdf_named_as_this_one_is_refused_with_exit_1(ws: Path) -> None:
    """The reviewer's case: an unsigned PDF of another document (LibreOffice's text layer)
    under the name of this one's scan."""
    other = _rescanned((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes())
    scan = _put(ws / "nop", "phuong/bien-ban-scan.pdf", other)
    result = CliRunner().invoke(main, ["luu-tru", "--thu-muc", str(ws), str(scan)])
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        f"{scan}: không nhận: nội dung tệp khác văn bản — phuong/bien-ban.docx (tệp là TỜ "
        "TRÌNH, còn văn bản là BIÊN BẢN; tệp ghi số, ký hiệu …/TTr-UBND, còn văn bản là "
        "…/BB-HĐTĐKT)"
    )
    assert "Tệp có nội dung khác văn bản cùng tên" in result.output
    assert _rows(ws) == []


def test_a_scan_whose_text_agrees_is_filed_as_checked_and_an_image_only_one_by_name_only(
    ws: Path,
) -> None:
    agreeing = [*HEAD, "Số: 12/TTr-UBND Tiến Thành, ngày 15 tháng 12 năm 2023", "TỜ TRÌNH"]
    _set_manifest(ws, "thanh-pho/to-trinh.docx", number="12", symbol="TTr-UBND")
    folder = ws / "nop"
    _put(folder, "thanh-pho/to-trinh-scan.pdf", ocr_scan_pdf(agreeing))
    _put(folder, "phuong/bien-ban-scan.pdf", ocr_scan_pdf([]))
    result = CliRunner().invoke(main, ["luu-tru", "--thu-muc", str(ws), str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(
        f"{folder / 'phuong' / 'bien-ban-scan.pdf'}: đã lưu — phuong/bien-ban.docx → "
        "2023/kh19-2023-cchc/phuong/bien-ban.pdf"
    )
    assert (
        lines[at + 1] == "  Lưu ý về bien-ban-scan.pdf: khớp theo tên tệp, chưa đối chiếu nội dung."
    )
    assert lines[at + 2].startswith(str(folder / "thanh-pho"))  # nothing to say of the other
    rows = {row["path"]: row for row in _rows(ws)}
    minutes, proposal = rows["phuong/bien-ban.docx"], rows["thanh-pho/to-trinh.docx"]
    assert (minutes["matched_by"], minutes["notes"]) == (
        "tên tệp",
        "khớp theo tên tệp, chưa đối chiếu nội dung",
    )
    assert (proposal["matched_by"], proposal["notes"]) == ("chữ trong tệp", "")


def test_a_signature_by_another_person_than_the_document_names_is_filed_with_a_warning(
    ws: Path, campaign: Campaign
) -> None:
    """The register keeps both names; the same person spelt otherwise is no warning (the
    name table below; the signed PDF of the first test names the same signer)."""
    named = "Trần Văn Minh"
    notes = ("người ký số (Lê Thanh Hoan) khác người ký ghi trong văn bản (Trần Văn Minh)",)
    _set_manifest(ws, "thanh-pho/to-trinh.docx", signer=named)
    signed = sign_pdf((ws / OUT / "thanh-pho" / "to-trinh.pdf").read_bytes())
    report = file_signed([_put(ws / "da-ky", "to-trinh-da-ky.pdf", signed)], campaign, ws,
                         Request())  # fmt: skip
    (outcome,) = report.outcomes
    assert (outcome.status, outcome.notes) == (Status.FILED, notes)
    (row,) = _rows(ws)
    assert (row["signer"], row["signer_name"], row["notes"]) == (
        named,
        SIGNER_NAME,
        "\n".join(notes),
    )
    (data,) = report.to_json()["files"]  # type: ignore[misc]
    assert (data["matched_by"], data["notes"]) == ("nội dung", list(notes))
    said = [line.text for line in filing_lines(report, Store.of(ws)) if line.problem]
    assert said == [f"  Lưu ý về to-trinh-da-ky.pdf: {note}." for note in notes]  # as the page


def test_a_word_file_signed_by_another_person_is_filed_with_the_same_warning(
    ws: Path, campaign: Campaign
) -> None:
    _set_manifest(ws, "thanh-pho/to-trinh.docx", signer="Trần Văn Minh")
    signed = sign_docx((ws / OUT / "thanh-pho" / "to-trinh.docx").read_bytes())
    report = file_signed([_put(ws / "da-ky", "to-trinh.docx", signed)], campaign, ws, Request())
    (outcome,) = report.outcomes
    assert (outcome.status, outcome.matched_by, outcome.notes) == (
        Status.FILED,
        "nội dung",
        ("người ký số (Lê Thanh Hoan) khác người ký ghi trong văn bản (Trần Văn Minh)",),
    )


@pytest.mark.parametrize(
    ("named", "certificate", "same"),
    [
        ("Lê Thanh Hoan", "Lê Thanh Hoan", True),
        ("Lê Thanh Hoan", "LE THANH HOAN", True),
        ("Lê Thanh Hoan", "Lê Thanh Hoan - Chủ tịch UBND phường Tiến Thành", True),
        ("Lê  Thanh Hoàn", "Lê Thanh Hoan", True),  # spacing and tone marks aside
        ("Lê Thanh Hoan", "Lê Thanh", False),
        ("Lê Thanh", "Lê Thanh Hoan", False),  # word for word: not a prefix of a longer name
        ("Trần Văn Minh", "Lê Thanh Hoan", False),
    ],
    ids=["same", "capitals-no-marks", "with-title", "spacing-marks", "shorter", "prefix", "other"],
)
def test_the_signer_is_the_same_person_word_for_word_case_and_marks_aside(
    named: str, certificate: str, same: bool
) -> None:
    from docgen.archive.vetting import same_person

    assert same_person(named, certificate) is same


def _edited(docx: bytes, old: bytes, new: bytes) -> bytes:
    """The Word file with its body edited by hand (its body no longer the generated one)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert old in body
                body = body.replace(old, new, 1)
            target.writestr(item, body)
    return out.getvalue()


def test_a_signed_word_file_edited_by_hand_is_read_back_like_a_scan(
    ws: Path, campaign: Campaign
) -> None:
    """The number typed in by hand: found by it (Word's non-breaking hyphen read as "-") and
    confirmed by the text; a Biên bản under the Tờ trình's name: refused."""
    _set_manifest(ws, "thanh-pho/to-trinh.docx", number="12", symbol="TTr-UBND")
    proposal = (ws / OUT / "thanh-pho" / "to-trinh.docx").read_bytes()
    numbered = sign_docx(_edited(proposal, "Số:      /TTr".encode(), "Số: 12/TTr".encode()))
    minutes = (ws / OUT / "thanh-pho" / "bien-ban.docx").read_bytes()
    other = sign_docx(_edited(minutes, "BIÊN BẢN".encode(), "BIÊN BẢN ".encode()))
    report = file_signed(
        [_put(ws / "a", "to-trinh-da-ky.docx", numbered),
         _put(ws / "b", "thanh-pho/to-trinh-da-ky.docx", other)],
        campaign, ws, Request(),
    )  # fmt: skip
    filed, refused = report.outcomes
    assert (filed.status, filed.matched_by, filed.notes) == (Status.FILED, "chữ trong tệp", ())
    assert (refused.status, refused.detail) == (
        Status.CONTRADICTED,
        "tệp là BIÊN BẢN, còn văn bản là TỜ TRÌNH; tệp ghi số, ký hiệu …/BB-HĐTĐKT, còn văn bản "
        "là 12/TTr-UBND",
    )


@pytest.mark.parametrize(
    ("lines", "agreement"),
    [
        ([], "unread"),  # image only
        (["Trang 1", "Khu phố 3"], "unread"),  # text, but nothing to tell the document by
        ([*HEAD, "TỜ TRÌNH"], "confirmed"),  # its Số line not recognised: nothing contradicts
        ([*HEAD, "Số: 12/TTr‑UBND", "TỜ TRÌNH"], "confirmed"),  # a non-breaking hyphen
        ([*HEAD, "Căn cứ Quyết định số 15/QĐ-UBND", "TỜ TRÌNH"], "confirmed"),  # a citation
        ([*HEAD, "Số: 012/TTr-UBND", "TO TRINH"], "confirmed"),  # OCR without the marks
        ([*HEAD, "Số: 12/TTr-UBND", "BIÊN BẢN"], "contradicted"),
    ],
    ids=["image", "no-title", "no-number-line", "nb-hyphen", "citation", "ocr-plain", "type"],
)
def test_what_the_text_says_is_read_against_the_document(lines: list[str], agreement: str) -> None:
    from docgen.archive.source import Expected
    from docgen.archive.textcheck import check_text

    doc = Expected("c", "thanh-pho", "thanh-pho/to-trinh.docx", "to-trinh", "", "Tờ trình",
                   number="12/TTr-UBND", symbol="TTr-UBND")  # fmt: skip
    issuer = ("phường Tiến Thành", "PHƯỜNG TIẾN THÀNH")
    assert check_text(lines, doc, issuer).agreement == agreement


def test_registers_printed_again_replace_their_own_untouched_copy(
    ws: Path, campaign: Campaign
) -> None:
    """After each filing the văn thư prints the registers again: the file docgen wrote, not
    edited since, is replaced (no pile of -2, -3 copies with the stale one first); a register
    the văn thư edited keeps its place and the new one goes beside it."""
    argv = ["so-van-ban-di", "--thu-muc", str(ws), "--tu", "01/12/2023", "--den", "31/12/2023"]
    out = ws / OUT / "luu-tru"
    index = out / "muc-luc-van-ban.xlsx"
    _file(ws, campaign, _put(ws / "nop", "phuong/bien-ban.pdf", scan_pdf("bb")))
    assert CliRunner().invoke(main, argv).exit_code == 0
    first = index.read_bytes()
    _file(ws, campaign, _put(ws / "nop", "thanh-pho/bien-ban.pdf", scan_pdf("bb2")))
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 0, result.output
    assert f"Mục lục văn bản: {index} (2 văn bản)." in result.stdout.splitlines()
    assert index.read_bytes() != first and sorted(p.name for p in out.glob("*.xlsx")) == [
        "muc-luc-van-ban.xlsx", "so-van-ban-di-20231201-20231231.xlsx"
    ]  # fmt: skip
    index.write_bytes(index.read_bytes() + b"\0")  # the văn thư's own edit
    _file(ws, campaign, _put(ws / "nop", "thanh-pho/to-trinh.pdf", scan_pdf("tt")))
    result = CliRunner().invoke(main, argv)
    assert f"Mục lục văn bản: {out / 'muc-luc-van-ban-2.xlsx'} (3 văn bản)." in result.stdout


def test_the_page_lists_each_archived_file_with_the_notes_it_was_filed_with(ws: Path) -> None:
    """Dropped on the page: the job says it, and the Lưu trữ page keeps saying it beside the
    file (a match by name only), as the register does."""
    import html

    from tools.webclient import serving

    scan = [("tep", "to-trinh.pdf", ocr_scan_pdf([]))]
    with serving(ws) as (_, client):
        client.login()
        said = html.unescape(client.run("/luu-tru/nop", {}, scan))
        page = html.unescape(client.request("GET", "/luu-tru").text)
    # among the job's problems, apart from the file's line: the note names the file
    assert (
        '<li class="sub">Lưu ý về to-trinh.pdf: khớp theo tên tệp, chưa đối chiếu nội dung.' in said
    )
    assert (
        "<tr><td>2023/kh19-2023-cchc/thanh-pho/to-trinh.pdf</td>"
        "<td>khớp theo tên tệp, chưa đối chiếu nội dung</td></tr>"
    ) in page


def test_a_signed_pdf_older_than_its_document_is_not_recognised_by_content(
    ws: Path, campaign: Campaign
) -> None:
    """The PDF beside a .docx rewritten after its conversion is of the previous version: a
    signed copy of it is not this document (no name to go by either: left unmatched)."""
    docx = ws / OUT / "thanh-pho" / "to-trinh.docx"
    signed = sign_pdf(docx.with_suffix(".pdf").read_bytes())
    later = docx.with_suffix(".pdf").stat().st_mtime_ns + 10**9
    os.utime(docx, ns=(later, later))  # the .docx changed after the conversion
    assert _file(ws, campaign, _put(ws / "nop", "ban-ky-1.pdf", signed)) == [Status.UNMATCHED]
    os.utime(docx.with_suffix(".pdf"), ns=(later, later))  # converted again: current
    assert _file(ws, campaign, _put(ws / "nop", "ban-ky-1.pdf", signed)) == [Status.FILED]
