"""`docgen lich-su`: the ward's award history — search, statistics, import, decisions recorded."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.award.model import YEARS
from docgen.cli.common import (
    CAMPAIGN_OPTION,
    FORCE_OPTION,
    JSON_FILE_OPTION,
    WORKSPACE_OPTION,
    UsageProblem,
    aborts_cleanly,
    load_campaign,
    out_option,
    writes_workspace,
)
from docgen.cli.console import emit_json

if TYPE_CHECKING:
    from docgen.award import ImportResult
    from docgen.award.history import Award
    from docgen.workspace import Workspace


def _writes(options: dict[str, object]) -> bool:  # --chua-ro and the search only read
    return bool(
        options["statistics"] or options["template"] or options["sheet"] or options["level"]
    )


@click.command("lich-su")
@WORKSPACE_OPTION
@CAMPAIGN_OPTION
@click.option("--ten", "name", default="", metavar="TÊN", help="Tìm theo tên tập thể, cá nhân.")
@click.option("--don-vi", "unit", default="", metavar="ĐƠN_VỊ", help="Tìm theo đơn vị.")
@click.option("--nam", "year", type=click.IntRange(*YEARS), default=None, help="Tìm theo năm.")
@click.option(
    "--hinh-thuc", "form", default="", metavar="HÌNH_THỨC", help="Tìm theo hình thức khen thưởng."
)
@click.option("--json", "as_json", is_flag=True, help="In kết quả tìm kiếm dạng JSON.")
@click.option(
    "--chua-ro",
    "unsure",
    is_flag=True,
    help="Liệt kê các cặp khen thưởng có thể của cùng một người mà chưa chắc (thiếu ngày sinh, khác đơn vị).",
)
@click.option(
    "--thong-ke",
    "statistics",
    is_flag=True,
    help="Lập bảng thống kê Excel (năm × đơn vị × hình thức, có biểu đồ).",
)
@click.option(
    "--mau-nhap", "template", is_flag=True, help="Tạo mẫu Excel để nhập khen thưởng các năm trước."
)
@click.option(
    "--nhap",
    "sheet",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    metavar="TỆP",
    help="Nhập khen thưởng các năm trước từ tệp Excel theo mẫu.",
)
@click.option(
    "--ghi-cap",
    "level",
    default="",
    metavar="CẤP",
    help="Ghi quyết định khen thưởng của cấp trên (mã cấp trong tệp chiến dịch) khi về đến phường.",
)
@click.option(
    "--so",
    "reference",
    default="",
    metavar="SỐ",
    help="Số, ký hiệu quyết định (với --ghi-cap), ví dụ 123/QĐ-UBND.",
)
@click.option(
    "--ngay", "day", default="", metavar="NGÀY", help="Ngày quyết định dd/mm/yyyy (với --ghi-cap)."
)
@click.option(
    "--co-quan",
    "authority",
    default="",
    metavar="TÊN",
    help="Người, cơ quan quyết định (mặc định: theo tệp chiến dịch).",
)
@click.option(
    "--tru",
    "left_out",
    multiple=True,
    metavar="TÊN",
    help="Người, tập thể được đề nghị nhưng không có trong quyết định; ghi nhiều lần được.",
)
@JSON_FILE_OPTION
@out_option("Tệp cần tạo (với --thong-ke, --mau-nhap; mặc định trong output/lich-su/).")
@FORCE_OPTION
@aborts_cleanly
@writes_workspace("lich-su", when=_writes)
def history(
    workspace: Workspace,
    campaign_path: Path,
    name: str,
    unit: str,
    year: int | None,
    form: str,
    as_json: bool,
    unsure: bool,
    statistics: bool,
    template: bool,
    sheet: Path | None,
    level: str,
    reference: str,
    day: str,
    authority: str,
    left_out: tuple[str, ...],
    json_file: Path | None,
    out: Path | None,
    force: bool,
) -> None:
    """Lịch sử khen thưởng của phường: tìm kiếm, thống kê, nhập các năm trước, ghi quyết định.

    Lịch sử nằm trong sổ đăng ký của phường (luu-tru/so-dang-ky.sqlite), dùng chung cho mọi
    đợt thi đua; báo cáo thành tích của đợt sau lấy khen thưởng đã nhận từ đây.

    \b
    Ví dụ:
      docgen lich-su --ten "Nguyễn Văn An"
      docgen lich-su --nam 2023 --hinh-thuc "Giấy khen" --json
      docgen lich-su --chua-ro
      docgen lich-su --thong-ke
      docgen lich-su --mau-nhap
      docgen lich-su --nhap khen-thuong-cac-nam-truoc.xlsx
      docgen lich-su --ghi-cap thanh-pho --so 123/QĐ-UBND --ngay 15/01/2024
    """
    from docgen.award import STATISTICS_FILE, TEMPLATE_FILE

    modes = [m for m in (statistics, template, sheet, level, unsure) if m]
    if len(modes) > 1:
        raise UsageProblem(
            "Chỉ dùng một trong --thong-ke, --mau-nhap, --nhap, --ghi-cap, --chua-ro mỗi lần."
        )
    if not level and (reference or day or authority or left_out):
        raise UsageProblem("--so, --ngay, --co-quan, --tru chỉ dùng cùng --ghi-cap CẤP.")
    _in_a_ward(workspace, campaign_path)
    folder = workspace.history_output
    if statistics:
        _statistics(workspace.ward, out or folder / STATISTICS_FILE, force)
    elif template:
        _template(out or folder / TEMPLATE_FILE, force)
    elif sheet is not None:
        _import(workspace.ward, sheet)
    elif level:
        _record(workspace, campaign_path, level, reference, day, authority, left_out)
    elif unsure:
        _unsure(workspace.ward, as_json)
    else:
        _search(workspace.ward, (name, unit, year, form), as_json, json_file)


def _in_a_ward(workspace: Workspace, campaign_path: Path) -> None:
    """Say whose history this is; from a folder that is neither a campaign's nor a ward's,
    stop as every command does (where it looked, how to point at the workspace)."""
    from docgen.award.history import register_path
    from docgen.workspace import ward_of

    if not workspace.campaign.is_file() and ward_of(workspace.root) is None:
        load_campaign(campaign_path)  # raises: the campaign file is not there
    click.echo(f"Lịch sử khen thưởng của phường: {register_path(workspace.ward)}", err=True)


def _search(
    ward: Path, parts: tuple[str, str, int | None, str], as_json: bool, json_file: Path | None
) -> None:
    from docgen.award import find_awards
    from docgen.award.search import Query, to_json

    found = find_awards(ward, Query(*parts))
    if json_file is not None:
        emit_json(to_json(found), json_file)
    if as_json:
        emit_json(to_json(found))
        return
    _print_table(found)


def _print_table(found: list[Award]) -> None:
    from docgen.award.search import COLUMNS, table_rows

    if not found:
        click.echo("Không tìm thấy khen thưởng nào trong lịch sử khen thưởng của phường.")
        return
    rows = [COLUMNS, *table_rows(found)]
    widths = [min(WIDEST, max(len(r[i]) for r in rows)) for i in range(len(COLUMNS))]
    for row in rows:
        cells = (_cut(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True))
        click.echo("  ".join(cells).rstrip())
    click.echo(f"Cộng: {len(found)} khen thưởng.")


WIDEST = 36  # characters of a console column; longer text is cut with "…" (JSON has it all)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _unsure(ward: Path, as_json: bool) -> None:
    from docgen.award import maybe_same
    from docgen.award.search import to_json

    pairs = maybe_same(ward)
    if as_json:
        emit_json([to_json(pair) for pair in pairs])
        return
    if not pairs:
        click.echo("Không có cặp khen thưởng nào chưa rõ là của cùng một người.")
        return
    for n, pair in enumerate(pairs, start=1):
        click.echo(f"{n}. Có thể là cùng một người (chưa gộp):")
        for award in pair:
            r = award.recipient
            born = f"sinh {r.birth:%d/%m/%Y}" if r.birth else "không ghi ngày sinh"
            click.echo(
                f"   - {r.name} ({born}, {r.unit or 'không ghi đơn vị'}): {award.form} năm "
                f"{award.year}, Quyết định số {award.reference}"
            )
    click.echo(
        f"Cộng: {len(pairs)} cặp. Nếu đúng là một người, sửa tệp đã nhập cho khớp (họ tên, ngày "
        "sinh, đơn vị) rồi nhập lại (docgen lich-su --nhap …); quyết định cũ được thay."
    )


def _statistics(ward: Path, target: Path, force: bool) -> None:
    from docgen.award import write_statistics
    from docgen.award.said import statistics_line

    click.echo(statistics_line(*write_statistics(ward, target, force)))


def _template(target: Path, force: bool) -> None:
    from docgen.award import write_import_template
    from docgen.award.said import written_line

    click.echo(written_line(*write_import_template(target, force)))


def _import(ward: Path, sheet: Path) -> None:
    from docgen.award import import_sheet

    _print_import(import_sheet(ward, sheet))


def _print_import(result: ImportResult) -> None:
    from docgen.award.said import import_line, import_problems, import_refused

    if result.sheet.problems:
        click.secho(import_refused(result), fg="red")
        for line in import_problems(result):
            click.echo(f"  - {line}")
        sys.exit(1)
    click.echo(import_line(result))


def _record(
    workspace: Workspace,
    campaign_path: Path,
    level: str,
    reference: str,
    day: str,
    authority: str,
    left_out: tuple[str, ...],
) -> None:
    from docgen.award.record import record_level
    from docgen.award.said import recorded_lines

    if not reference.strip() or "/" not in reference:
        raise UsageProblem("Cần --so với số và ký hiệu quyết định, ví dụ --so 123/QĐ-UBND.")
    campaign = load_campaign(campaign_path)
    done = record_level(campaign, workspace, level, reference, _date(day), authority, left_out)
    for line in recorded_lines(done):
        click.echo(line)


def _date(text: str) -> date:
    from docgen.text import parse_date

    try:
        return parse_date(text.strip())
    except ValueError:
        raise UsageProblem(
            f"--ngay “{text}” không phải ngày; ghi dd/mm/yyyy, ví dụ 15/01/2024."
        ) from None
