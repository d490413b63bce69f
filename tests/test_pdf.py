"""`docgen pdf`: real LibreOffice conversions, batched and in parallel; PDF/A; finding soffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.convert import OfficeMissingError, convert_to_pdf, find_soffice
from docgen.convert.office import convert_batch, usual_places
from docgen.convert.pdf import split
from tests.conftest import ROOT, soffice
from tools.sign import sign_pdf

OUT = Path("output") / "kh19-2023-cchc"


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory, pristine_example: Path) -> Path:
    """The shipped example's dossier, built once."""
    root = tmp_path_factory.mktemp("pdf") / "ws"
    shutil.copytree(pristine_example, root)
    assert CliRunner().invoke(main, ["ho-so", "--thu-muc", str(root)]).exit_code == 0
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    return root / OUT


def _copy(docs: Path, tmp_path: Path, *names: str) -> list[Path]:
    copied = []
    for name in names:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs / name, target)
        copied.append(target)
    return copied


def _info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout


def test_pdfa_batch_in_two_workers_embeds_fonts_and_marks_pdfa(docs: Path, tmp_path: Path) -> None:
    sources = _copy(
        docs, tmp_path, "thanh-pho/to-trinh.docx", "thanh-pho/bien-ban.docx", "phuong/bien-ban.docx"
    )  # same name in two folders: never overwrite each other
    seen: list[tuple[int, int]] = []
    result = convert_to_pdf(
        [tmp_path], pdfa=True, workers=2, progress=lambda d, t: seen.append((d, t))
    )
    assert result.workers == 2 and not result.failed
    assert sorted(result.written) == sorted(s.with_suffix(".pdf") for s in sources)
    assert seen[-1] == (3, 3)
    for pdf in result.written:
        data = pdf.read_bytes()
        assert b"<pdfaid:part>2</pdfaid:part>" in data
        assert b"<pdfaid:conformance>B</pdfaid:conformance>" in data
        assert b"/FontFile2" in data  # TrueType fonts embedded
    assert (
        "BIÊN BẢN"
        in subprocess.run(
            ["pdftotext", str(tmp_path / "phuong" / "bien-ban.pdf"), "-"],
            capture_output=True,
            text=True,
        ).stdout
    )


def test_plain_pdf_has_no_pdfa_mark(docs: Path, tmp_path: Path) -> None:
    (source,) = _copy(docs, tmp_path, "thanh-pho/danh-sach.docx")
    result = convert_to_pdf([source], workers=1)
    assert result.written == (source.with_suffix(".pdf"),)
    assert b"pdfaid:part" not in source.with_suffix(".pdf").read_bytes()


def test_newer_pdf_is_kept_older_is_redone_and_a_signed_one_never_replaced(
    docs: Path, tmp_path: Path
) -> None:
    fresh, stale, signed = _copy(
        docs,
        tmp_path,
        "thanh-pho/to-trinh.docx",
        "thanh-pho/danh-sach.docx",
        "phuong/bien-ban.docx",
    )
    first = convert_to_pdf([tmp_path], workers=1)
    assert len(first.written) == 3
    signed_pdf = sign_pdf(signed.with_suffix(".pdf").read_bytes())
    signed.with_suffix(".pdf").write_bytes(signed_pdf)
    for docx in (stale, signed):
        later = docx.with_suffix(".pdf").stat().st_mtime + 10
        os.utime(docx, (later, later))
    again = convert_to_pdf([tmp_path], workers=2)
    assert again.current == (fresh.with_suffix(".pdf"),)
    assert again.written == (stale.with_suffix(".pdf"),)
    assert again.signed == (signed.with_suffix(".pdf"),)
    assert signed.with_suffix(".pdf").read_bytes() == signed_pdf


def test_cli_converts_the_current_dossier(docs: Path) -> None:
    root = docs.parent.parent
    result = CliRunner().invoke(main, ["pdf", "--thu-muc", str(root), "--so-tien-trinh", "2"])
    assert result.exit_code == 0, result.output
    assert (
        "Đã chuyển 14 văn bản sang PDF (2 tiến trình LibreOffice); 0 PDF đã mới hơn văn bản, giữ nguyên."
        in result.output
    )
    again = CliRunner().invoke(main, ["pdf", "--thu-muc", str(root)])
    assert "Không có văn bản nào cần chuyển; 14 PDF đã mới hơn văn bản, giữ nguyên." in again.output


def test_work_is_shared_by_size() -> None:
    files = sorted((ROOT / "templates_docx").glob("*.docx"))
    shares = split(files, 2)
    assert sorted(p for share in shares for p in share) == files
    sizes = [sum(p.stat().st_size for p in share) for share in shares]
    assert max(sizes) - min(sizes) <= max(p.stat().st_size for p in files)


def test_missing_libreoffice_is_a_clear_vietnamese_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("docgen.convert.office.usual_places", lambda: ("/khong/co/soffice",))
    with pytest.raises(OfficeMissingError, match="Không tìm thấy LibreOffice"):
        find_soffice({"PATH": str(tmp_path)})
    monkeypatch.setenv("PATH", str(tmp_path))
    source = tmp_path / "a.docx"
    shutil.copy(ROOT / "templates_docx" / "to-trinh.docx", source)
    result = CliRunner().invoke(main, ["pdf", str(source)])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith(
        "Lỗi: Không tìm thấy LibreOffice (soffice) để chuyển sang PDF. Đã tìm trong PATH và: "
        "/khong/co/soffice. Hãy cài LibreOffice"
    )


def test_a_file_that_is_not_a_word_document_is_never_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice would print any file's bytes as a PDF: a named non-.docx is refused, a
    damaged .docx is a failure, and neither gets a PDF (nor starts LibreOffice)."""
    monkeypatch.setattr("docgen.convert.pdf.find_soffice", lambda: pytest.fail("started"))
    sheet = tmp_path / "bảng tính.xlsx"
    sheet.write_bytes(b"PK\x05\x06" + bytes(18))
    result = CliRunner().invoke(main, ["pdf", str(sheet)])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"Lỗi: Không phải văn bản Word (.docx): {sheet}. Lệnh này chỉ chuyển tệp .docx sang PDF "
        "(tệp .doc cũ: mở bằng Word, chọn Lưu thành… dạng “Word Document (.docx)”)."
    )
    damaged = tmp_path / "to-trinh.docx"
    damaged.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(main, ["pdf", str(damaged)])
    assert result.exit_code == 1
    assert f"Không chuyển được: {damaged} — mở tệp bằng Word kiểm tra lại." in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bảng tính.xlsx", "to-trinh.docx"]


def test_libreoffice_is_found_from_the_environment_and_windows_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = tmp_path / "soffice.exe"
    binary.write_bytes(b"")
    assert find_soffice({"DOCGEN_SOFFICE": str(binary), "PATH": ""}) == binary
    monkeypatch.setattr(sys, "platform", "win32")
    assert r"C:\Program Files\LibreOffice\program\soffice.exe" in usual_places()


@pytest.mark.skipif(sys.platform == "win32", reason="the silent wrapper is a POSIX shell script")
def test_progress_moves_per_document_even_when_libreoffice_says_nothing(
    docs: Path, tmp_path: Path
) -> None:
    """soffice.exe on Windows writes nothing to a console: progress must not wait for the end."""
    binary = find_soffice()
    silent = tmp_path / "soffice-silent"
    silent.write_text(f'#!/bin/sh\nexec "{binary}" "$@" >/dev/null 2>&1\n', encoding="utf-8")
    silent.chmod(0o755)
    names = [
        "thanh-pho/to-trinh.docx",
        "thanh-pho/danh-sach.docx",
        "thanh-pho/bien-ban.docx",
        "phuong/bao-cao-thanh-tich-ly-thi-mai.docx",
    ]
    sources = _copy(docs, tmp_path / "src", *names)
    outdir = tmp_path / "out"
    finished_then: list[int] = []  # how many outputs existed when each file was reported

    def on_done(source: Path) -> None:
        finished_then.append(len(list(outdir.glob("*.pdf"))))

    convert_batch(silent, sources, outdir, "pdf", on_done=on_done)
    assert len(finished_then) == len(sources)  # each file reported once
    assert finished_then[0] < len(sources)  # the first before the batch was done
    assert sorted(p.name for p in outdir.glob("*.pdf")) == sorted(
        Path(n).with_suffix(".pdf").name for n in names
    )
