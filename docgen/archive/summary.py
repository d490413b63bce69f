"""What `luu-tru`, `luu-tru --kiem-tra` and `so-van-ban-di` tell the clerk, for both shells.

The command prints the lines (a problem in red), the page lists them (a problem among the
job's problems): one wording, so the page says what the command says. Filing through the page
reads the dropped files from the server's own folder, whose paths mean nothing to the clerk:
there each file is named by its name alone (`whole_paths=False`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.archive.store import Store
from docgen.archive.verify import VerifyReport

if TYPE_CHECKING:
    from docgen.archive.filing import FilingOutcome, FilingReport
    from docgen.archive.printed import PrintedBooks


@dataclass(frozen=True)
class Said:
    """One line for the clerk; `problem` lines need the clerk's attention."""

    text: str
    problem: bool = False


def filing_lines(report: FilingReport, store: Store, whole_paths: bool = True) -> list[Said]:
    """Each file's outcome (where it is stored, its signature), then the count and the way on."""
    from docgen.archive.filing import Status

    lines = [Said(f"Hoàn tất lần nộp lưu bị ngắt: {path}") for path in report.recovered]
    for outcome in report.outcomes:
        lines += _outcome(outcome, whole_paths)
    filed = sum(1 for o in report.outcomes if o.status.ok)
    lines.append(Said(""))
    lines.append(Said(f"Đã lưu {filed}/{len(report.outcomes)} tệp vào {store.folder}; "
                      f"sổ đăng ký: {store.register_file}."))  # fmt: skip
    statuses = {o.status for o in report.outcomes}
    if statuses & {Status.UNMATCHED, Status.AMBIGUOUS}:
        lines.append(Said("Tệp không khớp: đặt đúng tên văn bản (ví dụ to-trinh-da-ky.pdf) rồi "
                          "nộp lại.", problem=True))  # fmt: skip
    if Status.CONTRADICTED in statuses:
        lines.append(Said("Tệp có nội dung khác văn bản cùng tên: kiểm tra đã chụp, ký đúng văn "
                          "bản chưa, đặt đúng tên văn bản rồi nộp lại.", problem=True))  # fmt: skip
    if Status.CONFLICT in statuses:
        lines.append(Said("Văn bản đã có bản lưu khác: nếu tệp mới thay bản cũ, thêm --thay-the.",
                          problem=True))  # fmt: skip
    return lines


def _outcome(outcome: FilingOutcome, whole_paths: bool) -> list[Said]:
    source = str(outcome.source) if whole_paths else Path(outcome.source).name
    line = f"{source}: {outcome.status}"
    if outcome.document is not None:
        line += f" — {outcome.document.path}"
    if outcome.stored and outcome.status.ok:
        line += f" → {outcome.stored}"
    if outcome.detail:
        line += f" ({outcome.detail})"
    lines = [Said(line, problem=not outcome.status.ok)]
    received = outcome.received
    if received is not None and received.signer and outcome.status.ok:
        lines.append(Said(
            f"  Chữ ký: {received.verdict}; người ký: {received.signer}; "
            f"thời điểm ký: {_moment(received.signed_at)}; chứng thư: {received.trust}."
        ))  # fmt: skip
    # The page lists problems apart from the files' lines: each note names its file.
    name = Path(outcome.source).name
    lines += [Said(f"  Lưu ý về {name}: {note}.", problem=True) for note in outcome.notes]
    return lines


def verify_lines(report: VerifyReport) -> list[Said]:
    """Recovery finished, each finding with the way to put it right, then the verdict."""
    lines = [Said(f"Hoàn tất lần nộp lưu bị ngắt: {path}") for path in report.recovered]
    for finding in report.findings:
        lines.append(Said(f"{finding.problem}: {finding.stored}", problem=True))
        lines.append(Said(f"  {finding.remedy()}", problem=True))
    verdict = "không có sai khác" if not report.findings else f"{len(report.findings)} sai khác"
    lines.append(
        Said(f"Đã kiểm tra {report.checked} tệp trong {report.folder.absolute()}: {verdict}.")
    )
    return lines


def books_lines(books: PrintedBooks, out: Path) -> list[Said]:
    """The outgoing register, the Mục lục (each with how many documents) and Phụ lục VI files."""
    path, _, count = books.outgoing
    lines = [Said(f"Sổ đăng ký văn bản đi: {path} ({count} văn bản).")]
    path, _, count = books.index
    lines.append(Said(f"Mục lục văn bản: {path} ({count} văn bản)."))
    where = out / "metadata"
    lines.append(Said(f"Thông tin văn bản (Phụ lục VI): {len(books.metadata)} tệp trong {where}."))
    return lines


def _moment(iso: str) -> str:
    """A signing time as the clerk reads it: Vietnam time, date first ("không rõ" if none)."""
    from docgen.text import format_moment

    try:
        return format_moment(datetime.fromisoformat(iso)) if iso else "không rõ"
    except ValueError:
        return iso
