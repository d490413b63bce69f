"""The award history's workbooks, as plain sheets: the statistics (with a chart) and the
import sheet's template. docgen/workbook/tables.py lays them out for print."""

from __future__ import annotations

from collections.abc import Sequence

from docgen.award.stats import Statistics
from docgen.workbook.tables import Chart, GuideSheet, TableSheet, book_bytes

LINE_COLUMNS = (("Năm", 8), ("Đơn vị", 40), ("Hình thức khen thưởng", 40), ("Tập thể", 10),
                ("Cá nhân", 10), ("Tổng", 10))  # fmt: skip
KIND_CHOICES = ("Tập thể", "Cá nhân")
INPUT_ROWS = 500


def statistics_bytes(stats: Statistics) -> bytes:
    """The statistics workbook: lines by year × unit × form, and by year × form with a chart."""
    rows: list[Sequence[object]] = [
        (ln.year, ln.unit, ln.form, ln.collectives, ln.individuals, ln.total) for ln in stats.lines
    ]
    sums = [sum(int(str(r[i])) for r in rows) for i in (3, 4, 5)]
    rows.append(("Cộng", "", "", *sums))
    lines = TableSheet(
        "Thống kê",
        "THỐNG KÊ KHEN THƯỞNG THEO NĂM, ĐƠN VỊ VÀ HÌNH THỨC",
        LINE_COLUMNS,
        rows,
        total=True,
    )
    return book_bytes([lines, _by_year(stats)])


def _by_year(stats: Statistics) -> TableSheet:
    columns = (("Năm", 8), *((form, 24) for form in stats.forms), ("Tổng", 10))
    rows = [
        (year, *(stats.by_year.get((year, f), 0) for f in stats.forms),
         sum(stats.by_year.get((year, f), 0) for f in stats.forms))
        for year in stats.years
    ]  # fmt: skip
    chart = Chart("Số khen thưởng theo năm", "Năm", "Số lượng")
    return TableSheet(
        "Theo năm", "SỐ KHEN THƯỞNG THEO NĂM VÀ HÌNH THỨC", columns, rows, chart=chart
    )


def template_bytes(columns: Sequence[tuple[str, int]], guide: Sequence[str]) -> bytes:
    """The import sheet's template: a guide sheet, then the list to fill with its headers."""
    names = [name for name, _ in columns]
    sheet = TableSheet(
        "Khen thưởng",
        "DANH SÁCH KHEN THƯỞNG ĐÃ CÓ QUYẾT ĐỊNH",
        columns,
        note="Mỗi dòng một tập thể hoặc cá nhân được khen; các dòng cùng số, ngày và người "
        "quyết định là một quyết định.",
        inputs=INPUT_ROWS,
        choices={n: KIND_CHOICES for n in names if n.startswith("Loại")},
        dates=[n for n in names if n.startswith("Ngày")],
    )
    return book_bytes([GuideSheet("Hướng dẫn", guide), sheet], active=1)
