"""`docgen pdf`, `docgen luu-tru` and `docgen so-van-ban-di`: after the signature."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.common import (
    CAMPAIGN_OPTION,
    JSON_FILE_OPTION,
    WORKSPACE_OPTION,
    UsageProblem,
    aborts_cleanly,
    load_campaign,
    writes_workspace,
)
from docgen.cli.console import emit_json
from docgen.text import typed_day

# The archive reads signed PDFs with pyHanko and workbooks with openpyxl: each command imports
# what it needs when it runs, so `docgen --help` and the other commands start quickly.
if TYPE_CHECKING:
    from docgen.archive import Store, VerifyReport
    from docgen.archive.filing import FilingReport
    from docgen.archive.summary import Said
    from docgen.convert import PdfResult
    from docgen.workspace import Workspace

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def _existing(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageProblem(f"Không có tệp hoặc thư mục: {', '.join(missing)}.")
    return paths


@click.command("pdf")
@PATHS
@CAMPAIGN_OPTION
@WORKSPACE_OPTION
@click.option("--pdfa", is_flag=True, help="Xuất PDF/A-2b (để nộp lưu trữ).")
@click.option(
    "--so-tien-trinh",
    "workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Số tiến trình LibreOffice chạy song song (mặc định: số nhân CPU đang rảnh).",
)
@click.option("--ghi-de", "force", is_flag=True, help="Chuyển lại cả văn bản đã có PDF mới hơn.")
@aborts_cleanly
@writes_workspace("pdf")
def pdf(
    paths: tuple[Path, ...],
    campaign_path: Path,
    workspace: Workspace,
    pdfa: bool,
    workers: int | None,
    force: bool,
) -> None:
    """Chuyển văn bản Word (.docx) sang PDF bằng LibreOffice, đặt PDF cạnh tệp Word.

    Không ghi tệp nào: chuyển các văn bản hiện tại của hồ sơ (theo manifest.json). PDF đã mới hơn
    tệp Word thì giữ nguyên; PDF đã ký số không bao giờ bị ghi đè.

    \b
    Ví dụ:
      docgen pdf
      docgen pdf --pdfa output/kh19-2023-cchc/thanh-pho
      docgen pdf output/kh19-2023-cchc/thanh-pho/to-trinh.docx
    """
    from docgen.archive import dossier_files
    from docgen.convert import convert_to_pdf

    targets = _existing(paths) or dossier_files(load_campaign(campaign_path), workspace.root)
    with click.progressbar(length=1, label="Chuyển sang PDF", file=sys.stderr) as bar:

        def step(done: int, total: int) -> None:
            bar.length = total
            bar.update(1)

        result = convert_to_pdf(targets, pdfa=pdfa, workers=workers, force=force, progress=step)
    _print_pdf(result, pdfa)
    sys.exit(1 if result.failed else 0)


def _print_pdf(result: PdfResult, pdfa: bool) -> None:
    from docgen.convert.summary import pdf_lines

    lines, failed = pdf_lines(result, pdfa)
    for line in lines:
        click.echo(line)
    for line in failed:
        click.secho(line, fg="red")


@click.command("luu-tru")
@PATHS
@CAMPAIGN_OPTION
@WORKSPACE_OPTION
@click.option("--kiem-tra", "check", is_flag=True, help="Kiểm tra lại toàn bộ kho lưu trữ.")
@click.option(
    "--thay-the", "replace", is_flag=True, help="Tệp mới thay bản đã lưu (cả hai được giữ)."
)
@click.option("--nguoi-nop", "clerk", default="", help="Tên người nộp lưu (mặc định: tài khoản).")
@click.option(
    "--chung-thu-goc",
    "roots",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Chứng thư gốc tin cậy (.pem/.cer) để xác minh người ký; có thể ghi nhiều lần.",
)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON ra đầu ra chuẩn.")
@JSON_FILE_OPTION
@aborts_cleanly
@writes_workspace("luu-tru", when=lambda options: not options["check"])
def archive(
    paths: tuple[Path, ...],
    campaign_path: Path,
    workspace: Workspace,
    check: bool,
    replace: bool,
    clerk: str,
    roots: tuple[Path, ...],
    as_json: bool,
    json_file: Path | None,
) -> None:
    """Nộp lưu văn bản đã ký vào luu-tru/ và ghi sổ đăng ký; hoặc kiểm tra lại kho.

    Nhận tệp Word đã ký số, PDF đã ký số, hoặc PDF chụp bản giấy đã ký (tệp hay thư mục).
    Mỗi tệp được đối chiếu với danh mục văn bản đã lập (theo nội dung, số ký hiệu hoặc tên
    tệp); tệp không khớp chắc chắn thì không nhận. Tệp đã lưu chỉ đọc, không bị ghi đè.

    \b
    Ví dụ:
      docgen luu-tru da-ky/
      docgen luu-tru da-ky/to-trinh-da-ky.pdf --thay-the
      docgen luu-tru --kiem-tra
      docgen luu-tru --kiem-tra --json-ra kiem-tra-luu-tru.json
    """
    from docgen.archive import Store, file_signed, verify
    from docgen.archive.filing import Request

    if check:
        report = verify(workspace.root)
        if json_file is not None:
            emit_json(report.to_json(), json_file)
        if as_json:
            _print_json(report.to_json())
        else:
            _print_verify(report)
        sys.exit(1 if report.findings else 0)
    campaign = load_campaign(campaign_path)  # from the wrong folder: says where it looked
    if not paths:
        raise UsageProblem("Hãy ghi tệp hoặc thư mục văn bản đã ký cần nộp lưu (hoặc --kiem-tra).")
    request = Request(replace, clerk, tuple((str(p), p.read_bytes()) for p in _existing(roots)))
    result = file_signed(_existing(paths), campaign, workspace.root, request)
    if json_file is not None:
        emit_json(result.to_json(), json_file)
    if as_json:
        _print_json(result.to_json())
    else:
        _print_filing(result, Store.of(workspace.ward))
    sys.exit(1 if result.problems else 0)


def _print_json(data: dict[str, object]) -> None:
    emit_json(data)  # UTF-8 bytes whatever the console's code page


def _print_filing(report: FilingReport, store: Store) -> None:
    from docgen.archive.summary import filing_lines

    _print_lines(filing_lines(report, store))


def _print_verify(report: VerifyReport) -> None:
    from docgen.archive.summary import verify_lines

    _print_lines(verify_lines(report))


def _print_lines(lines: list[Said]) -> None:
    for line in lines:
        click.secho(line.text, fg="red" if line.problem else None)


def _day(text: str | None, default: date) -> date:
    if not text:
        return default
    day = typed_day(text)
    if day is None:
        raise UsageProblem(f"Ngày “{text}” không đúng dạng ngày/tháng/năm (dd/mm/yyyy).")
    return day


@click.command("so-van-ban-di")
@CAMPAIGN_OPTION
@WORKSPACE_OPTION
@click.option("--tu", "start", default=None, help="Từ ngày (dd/mm/yyyy); mặc định 01/01 năm đợt.")
@click.option("--den", "end", default=None, help="Đến ngày (dd/mm/yyyy); mặc định hôm nay.")
@click.option(
    "--ghi-de",
    "force",
    is_flag=True,
    help="Ghi đè cả sổ đã sửa tay (mặc định: sổ đã sửa thì ghi tệp -2…).",
)
@aborts_cleanly
@writes_workspace("so-van-ban-di")
def printed_books(
    campaign_path: Path, workspace: Workspace, start: str | None, end: str | None, force: bool
) -> None:
    """Lập sổ đăng ký văn bản đi (NĐ 30/2020, Phụ lục IV), Mục lục văn bản của hồ sơ (Phụ lục V)
    và tệp thông tin (Phụ lục VI) cho từng văn bản đã nộp lưu.

    \b
    Ví dụ:
      docgen so-van-ban-di
      docgen so-van-ban-di --tu 01/12/2023 --den 31/12/2023
    """
    from docgen.archive import Store
    from docgen.archive.printed import default_period, write_printed_books
    from docgen.archive.summary import books_lines

    campaign = load_campaign(campaign_path)
    usual_first, usual_last = default_period(campaign)
    first, last = _day(start, usual_first), _day(end, usual_last)
    out = workspace.output(campaign.id) / "luu-tru"
    result = write_printed_books(campaign, Store.of(workspace.ward), out, first, last, force)
    _print_lines(books_lines(result, out))
