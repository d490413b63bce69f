"""The human summary of a build: who is proposed per level, who is not and why."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docgen.archive.register import FiledCopy
from docgen.archive.store import ARCHIVE
from docgen.award.decision import decision_line
from docgen.dossier.agree import NOMINEE, Disagreement
from docgen.dossier.filed import Frozen
from docgen.errors import DocgenError
from docgen.issues.model import Severity, ValidationIssue
from docgen.meeting.model import Decision, Selection
from docgen.output.files import write_atomic
from docgen.output.manifest import WriteOutcome
from docgen.output.state import RETIRED_DIR
from docgen.text import format_count, format_date_short, format_moment, format_percent

if TYPE_CHECKING:
    from docgen.dossier.run import BuildResult

SUMMARY = "tom-tat.txt"

OUTCOME_WORDS = {
    WriteOutcome.WRITTEN: "đã ghi",
    WriteOutcome.UNCHANGED: "không đổi",
    WriteOutcome.KEPT_EDITED: "GIỮ NGUYÊN — đã được sửa tay sau lần lập trước (dùng --ghi-de để lập lại)",
    WriteOutcome.KEPT_UNKNOWN: "GIỮ NGUYÊN — tệp không do docgen lập (dùng --ghi-de để thay)",
    WriteOutcome.FORCED: "đã lập lại; bản sửa tay cũ chuyển vào da-thay-the/",
}


def summary_lines(result: BuildResult, disagreements: bool = True) -> list[str]:
    """The summary as lines of Vietnamese text (the disagreements left out when the caller
    shows them on their own)."""
    campaign = result.report.campaign
    lines = [
        f"KẾT QUẢ LẬP HỒ SƠ — {campaign.title.upper()}",
        f"Theo Kế hoạch số {campaign.plan.number}.",
        "",
    ]
    for selection in result.selections:
        level = selection.level
        lines += [f"{level.label.upper()} — {level.award}", "  Được đề nghị:"]
        lines += [
            f"    {i}. {_who(d)} — {_votes(d)}" for i, d in enumerate(selection.proposed(), 1)
        ] or ["    (không có)"]
        lines += ["  Không được đề nghị:"]
        lines += [f"    - {_who(d)} — {d.reason}" for d in selection.not_proposed()] or [
            "    (không có)"
        ]
        lines += [line for line in (_decision(result, selection),) if line] + [""]
    lines += _not_eligible(result) + ["Văn bản:"]
    lines += [f"  {path}: {OUTCOME_WORDS[outcome]}" for path, outcome in result.files]
    lines += [f"  {m.path}: {m.problem} — CHƯA LẬP" for m in result.missing]
    lines += [""] + disagreement_lines(result) if disagreements and result.disagreements else []
    return lines + renumbered_lines(result) + retired_lines(result) + cleaned_lines(result)


def renumbered_lines(result: BuildResult) -> list[str]:
    """The signed, filed documents written again under the new number the văn thư gave."""
    if not result.renumbered:
        return []
    lines = [
        "",
        "VĂN BẢN MỚI THAY VĂN BẢN ĐÃ KÝ (văn thư cấp số mới; bản đã ký vẫn trong lưu trữ):",
    ]
    for item in result.renumbered:
        lines.append(
            f"  - {item.filed.path}: số {item.number} thay số {item.filed.number} (bản đã ký lưu "
            f"tại {ARCHIVE}/{item.filed.stored}) — chuyển PDF, trình ký rồi nộp lưu bản mới: "
            "docgen luu-tru <tệp đã ký> --thay-the."
        )
    return lines


def disagreement_lines(result: BuildResult) -> list[str]:
    """Each kept hand edit that contradicts the dossier: both places, what each says, the ways out."""
    if not result.disagreements:
        return []
    lines = [
        "HỒ SƠ KHÔNG KHỚP: văn bản sửa tay được giữ nguyên ghi khác các văn bản còn lại "
        f"({len(result.disagreements)} chỗ):"
    ]
    for d in result.disagreements:
        says = f"ghi “{d.says}”" if d.says else "không có dòng đó"
        lines.append(
            f"  - {d.path} (bản sửa tay) {says}, còn {d.other} ghi “{d.other_says}” ({d.what})."
        )
    paths = ", ".join(dict.fromkeys(d.path for d in result.disagreements))
    fixes = "; ".join(fix_words(result.disagreements))
    lines += [
        "  Chọn một trong hai cách:",
        f"  1. Lập lại văn bản đó: docgen ho-so --ghi-de (bản sửa tay chuyển vào {RETIRED_DIR}/, không mất).",
        f"  2. Mở {paths} bằng Word, sửa cho khớp ({fixes}), lưu rồi chạy lại docgen ho-so.",
    ]
    if any(d.what != NOMINEE for d in result.disagreements):
        lines.append(
            "  Số, ngày do văn thư cấp mà docgen chưa biết (văn bản sửa tay ghi đúng): ghi vào trang "
            "“Số văn bản” của input/hop-xet.xlsx rồi chạy lại docgen ho-so."
        )
    return lines


def fix_words(found: list[Disagreement]) -> list[str]:
    """What to apply by hand, fact by fact: the value to write, and for the nominees who to
    take out and who to put in ("người được đề nghị: bỏ Nguyễn Thị Hoa, thêm Võ Minh Khang")."""
    words = [f"{d.what}: {d.fix}" for d in found if d.fix and d.what != NOMINEE]
    out = [d.fix for d in found if d.what == NOMINEE and d.says.startswith("có tên")]
    into = [d.fix for d in found if d.what == NOMINEE and not d.says.startswith("có tên")]
    who = [f"bỏ {', '.join(out)}"] * bool(out) + [f"thêm {', '.join(into)}"] * bool(into)
    return words + ([f"{NOMINEE}: {', '.join(who)}"] if who else [])


def frozen_lines(result: BuildResult) -> list[str]:
    """The filed documents the run would have changed, what would change, and the ways out."""
    if not result.frozen:
        return []
    lines = [
        "VĂN BẢN ĐÃ KÝ VÀ ĐÃ NỘP LƯU SẼ BỊ THAY ĐỔI — chưa ghi gì: thư mục hồ sơ và lịch sử "
        f"khen thưởng giữ nguyên ({len(result.frozen)} văn bản):"
    ]
    for frozen in result.frozen:
        lines += [f"  - {frozen.filed.path}: {_filed(frozen.filed)}", f"    {_change(frozen)}"]
    return lines + [
        "  Chọn một trong ba cách:",
        "  1. Văn bản đã ký cần sửa thì lập văn bản mới: xin văn thư số, ngày mới cho văn bản "
        "sửa, ghi vào trang “Số văn bản” của input/hop-xet.xlsx rồi chạy lại docgen ho-so (bản "
        "đã ký vẫn nằm trong lưu trữ).",
        "  2. Không định sửa văn bản đã ký: trả input/hop-xet.xlsx và phiếu nhập về như lúc "
        "văn bản được ký rồi chạy lại docgen ho-so.",
        "  3. Chắc chắn lập lại với cùng số: docgen ho-so --thay-ban-da-ky (bản lập trước chuyển "
        f"vào {RETIRED_DIR}/, bản đã ký trong lưu trữ giữ nguyên, lịch sử khen thưởng theo bản mới).",
    ]


def _filed(copy: FiledCopy) -> str:
    number = f" số {copy.number}" if copy.number else ""
    issued = f" ngày {format_date_short(dt.date.fromisoformat(copy.issued))}" if copy.issued else ""
    when = format_moment(dt.datetime.fromisoformat(copy.filed_at))
    return (
        f"{copy.title}{number}{issued}, bản đã ký lưu tại {ARCHIVE}/{copy.stored} (nộp lưu {when})."
    )


def _change(frozen: Frozen) -> str:
    if frozen.leaves:
        return "Lần chạy này sẽ đưa văn bản đó ra khỏi hồ sơ."
    if not frozen.changes:
        return "Lần chạy này sẽ ghi văn bản đó với nội dung khác bản đã ký."
    said = []
    for d in frozen.changes:
        if d.what != NOMINEE:
            said.append(f"{d.what}: “{d.says}” thành “{d.fix}”")
    said += [w for w in fix_words(frozen.changes) if w.startswith(NOMINEE)]
    return f"Lần chạy này sẽ đổi: {'; '.join(said)}."


def _decision(result: BuildResult, selection: Selection) -> str:
    """The level's own decision and bonus, when the ward decides it ("" otherwise, or when its
    data is missing: the documents' own messages say why)."""
    meeting = result.meeting.meeting
    if meeting is None:
        return ""
    try:
        return decision_line(result.report.campaign, meeting, selection)
    except DocgenError:
        return ""


def retired_lines(result: BuildResult) -> list[str]:
    """The documents this run moved out of the dossier, where to, and why."""
    if not result.retired:
        return []
    lines = ["", "VĂN BẢN KHÔNG CÒN TRONG HỒ SƠ (đã chuyển sang thư mục da-thay-the/, không xóa):"]
    for retired in result.retired:
        edited = " (bản đã sửa tay)" if retired.edited else ""
        lines += [
            f"  - {retired.path}{edited} → {retired.moved_to}",
            f"    Lý do: {retired.reason}.",
        ]
    return lines


def cleaned_lines(result: BuildResult) -> list[str]:
    """The temp files an interrupted earlier run had left, now removed."""
    if not result.cleaned:
        return []
    return [
        "",
        f"Đã xóa {len(result.cleaned)} tệp tạm do lần chạy trước bị ngắt giữa chừng để lại:",
        *(f"  - {path}" for path in result.cleaned),
    ]


def _who(decision: Decision) -> str:
    n = decision.nominee
    return f"{n.name} ({n.department})"


def _votes(decision: Decision) -> str:
    return f"{format_count(decision.votes)}/{format_count(decision.base)} phiếu ({format_percent(decision.share)})"


def _not_eligible(result: BuildResult) -> list[str]:
    """Nominations left out before the meeting because their intake rows have errors."""
    report = result.report
    eligible = {id(n) for n in report.eligible()}
    errors: dict[tuple[str, str], list[ValidationIssue]] = {}  # by file and sheet, once
    for issue in report.issues:
        if issue.severity is Severity.ERROR:
            errors.setdefault((issue.place.file, issue.place.sheet), []).append(issue)
    lines = []
    for nominee in report.nominees:
        if id(nominee) in eligible:
            continue
        where = nominee.source
        reasons = [
            i.message
            for i in errors.get((where.file, where.sheet), ())
            if i.place.row in (where.row, None)
        ]
        lines.append(
            f"  - {nominee.name or '(không tên)'} ({where.file}, {where.sheet}, dòng {where.row}): {'; '.join(reasons)}"
        )
    if not lines:
        return []
    return ["KHÔNG ĐỦ ĐIỀU KIỆN XÉT (phiếu nhập có lỗi, xem tệp phản hồi của đơn vị):", *lines, ""]


def write_summary(result: BuildResult) -> None:
    """Write the summary next to the dossiers."""
    lines = summary_lines(result)
    write_atomic(result.folder / SUMMARY, (f"{line}\n".encode() for line in lines))
