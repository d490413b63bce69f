"""What the award-history steps say when done, in the same words from the CLI and the page:
a file written, an import, a decision recorded, a wrap-up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.award.model import Conferment
from docgen.campaign.model import Kind
from docgen.output.files import Written

if TYPE_CHECKING:
    from docgen.award import ImportResult
    from docgen.award.record import Recorded
    from docgen.award.stats import Statistics
    from docgen.award.wrapup import WrapUp

WRITTEN = {
    Written.CREATED: "Đã tạo",
    Written.OVERWRITTEN: "Đã ghi đè",
    Written.UNCHANGED: "Đã có, không thay đổi",
    Written.COPY: "Tệp đã có và khác bản mới nên được giữ nguyên; bản mới ghi vào",
}
RECORDED = {
    "new": "Đã ghi",
    "replaced": "Đã ghi (thay bản đã ghi trước)",
    "unchanged": "Đã có, không đổi",
}
PENDING = {
    True: "khi văn thư ghi số, ngày Quyết định vào input/hop-xet.xlsx, chạy docgen ho-so rồi "
    "chạy lại.",
    False: "khi quyết định về đến phường, ghi bằng docgen lich-su --ghi-cap … --so … --ngay … "
    "rồi chạy lại.",
}


def written_line(path: Path, status: Written) -> str:
    """ "Đã tạo: <path>" and the like."""
    return f"{WRITTEN[status]}: {path}"


def statistics_line(path: Path, status: Written, stats: Statistics) -> str:
    """The statistics workbook written, with what it counts."""
    return f"{written_line(path, status)} ({stats.total} khen thưởng, {len(stats.years)} năm)."


def import_problems(result: ImportResult) -> list[str]:
    """Each problem of an imported sheet, at its row and column (nothing was imported)."""
    sheet = result.sheet
    return [
        f"{sheet.file}, trang “Khen thưởng”, dòng {p.row}, cột {p.column} ({p.header}): {p.message}"
        for p in sheet.problems
    ]


def import_refused(result: ImportResult) -> str:
    """The line above the problems of a sheet that was not imported."""
    return f"Chưa nhập gì: tệp {result.sheet.file} còn {len(result.sheet.problems)} lỗi."


def import_line(result: ImportResult) -> str:
    """What importing a sheet without problems did."""
    sheet = result.sheet
    counts = {s: result.statuses.count(s) for s in ("new", "replaced", "unchanged")}
    lines = sum(len(d.conferments) for d in sheet.decisions)
    return (
        f"Đã nhập {len(sheet.decisions)} quyết định ({lines} dòng) từ {sheet.file}: "
        f"{counts['new']} mới, {counts['replaced']} thay bản cũ, {counts['unchanged']} đã có."
    )


def recipients(conferments: Sequence[Conferment]) -> str:
    """How many of each kind a decision awards: "1 tập thể, 3 cá nhân", "2 cá nhân"."""
    counts = Counter(c.recipient.kind for c in conferments)
    kinds = [kind for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL) if counts[kind]]
    return ", ".join(f"{counts[kind]} {kind.label}" for kind in kinds) or "không ai"


WARD_RECORDED = {"new": "đã ghi", "replaced": "đã ghi, thay bản trước", "unchanged": "đã có"}


def ward_recorded_line(done: Recorded) -> str:
    """The ward's own decision, numbered, in the ward's award history (`ho-so`)."""
    d = done.decision
    return (
        f"Lịch sử khen thưởng: Quyết định số {d.reference} ngày {d.date:%d/%m/%Y} "
        f"({recipients(d.conferments)}) — {WARD_RECORDED[done.status]}."
    )


def recorded_lines(done: Recorded) -> list[str]:
    """A higher level's decision recorded: the decision, then each recipient and form."""
    d = done.decision
    head = (
        f"{RECORDED[done.status]} Quyết định số {d.reference} ngày {d.date:%d/%m/%Y} "
        f"({recipients(d.conferments)}) vào lịch sử khen thưởng."
    )
    return [head, *(f"  - {c.recipient.name} — {c.form}" for c in d.conferments)]


def wrapup_lines(done: WrapUp) -> list[str]:
    """The wrap-up's files, the levels still without a decision (what to do, in the command's
    words: the page says them with its buttons, `docgen.web.advice`), and no announcement yet."""
    lines = [written_line(path, status) for path, status in done.files]
    for level in done.results.levels:
        if level.decision is None:
            lines.append(
                f"{level.level.label}: chưa có quyết định khen thưởng; {PENDING[level.level.decides]}"
            )
    if not done.results.awarded:
        lines.append("Chưa có quyết định nào được ghi nên chưa lập thông báo nêu gương.")
    return lines
