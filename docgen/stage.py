"""Where a campaign stands: which steps of the clerk's workflow are done, and the next one.

Read from the workspace alone (files present, the manifest, the archive tree), never by
running a step, so any shell can show it on every screen at once. The validation of the
received workbooks is the one fact that costs a run: a shell that has a recent report passes
its error count; without one the step says the workbooks have not been checked yet.

Policy: the steps follow the README's workflow table; the next step is the first one not
done, except that errors found in the workbooks come before the meeting list. The steps after
filing (certificates, decisions in the award history, the wrap-up) are read from the dossier's
manifest, the certificate files, the ward's register and the wrap-up folder (`_end_steps`);
a step that does not apply to the campaign (certificates where the ward decides no Giấy khen)
is not among its steps.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from docgen.archive.store import Store
from docgen.campaign.model import Campaign, DocKind, Level
from docgen.output.manifest import Manifest, read_manifest
from docgen.validate.run import submission_files
from docgen.workspace import Workspace


class Step(StrEnum):
    """The clerk's steps, in workflow order (the value is what the clerk reads)."""

    RECEIVE = "Nhận phiếu"
    CHECK = "Kiểm tra phiếu"
    MEETING_LIST = "Tổng hợp danh sách họp"
    MEETING = "Ghi kết quả họp xét"
    DOSSIER = "Lập hồ sơ"
    PDF = "Chuyển PDF, trình ký"
    ARCHIVE = "Nộp lưu văn bản đã ký"
    REGISTERS = "In sổ văn bản đi, mục lục hồ sơ"
    CERTIFICATES = "In giấy khen"
    DECISIONS = "Ghi quyết định vào lịch sử khen thưởng"
    WRAP_UP = "Tổng kết, thông báo nêu gương"


@dataclass(frozen=True)
class Stage:
    """What is done and what comes next, with one sentence saying why."""

    done: dict[Step, str] = field(default_factory=dict)  # step → what shows it is done
    next: Step | None = None
    advice: str = ""
    steps: tuple[Step, ...] = tuple(Step)  # the steps that apply to this campaign


def campaign_stage(
    ws: Workspace, campaign: Campaign, errors: int | None = None, meeting_errors: int = 0
) -> Stage:
    """The campaign's stage; `errors`: the error count of a current check (None: not run);
    `meeting_errors`: problems found in the meeting workbook (a tie without its run-off…)."""
    campaign_id = campaign.id
    done: dict[Step, str] = {}
    received = len(submission_files(ws.submissions)) if ws.submissions.is_dir() else 0
    if received:
        done[Step.RECEIVE] = f"{received} phiếu trong thư mục phiếu"
    if errors == 0 and received:
        done[Step.CHECK] = "không có lỗi"
    out = ws.output(campaign_id)
    if (out / "tong-hop.xlsx").is_file():
        done[Step.MEETING_LIST] = "đã có bảng tổng hợp"
    if ws.meeting.is_file():
        done[Step.MEETING] = "đã có tệp họp xét"
    manifest = read_manifest(out)
    if manifest is not None and manifest.entries:
        done[Step.DOSSIER] = f"{len(manifest.entries)} văn bản"
        pdfs = sum((out / p).with_suffix(".pdf").is_file() for p in manifest.entries)
        if pdfs:
            done[Step.PDF] = f"{pdfs}/{len(manifest.entries)} văn bản có PDF"
    filed = _filed(ws, campaign_id)
    if filed:
        done[Step.ARCHIVE] = f"{len(filed)} tệp đã nộp lưu"
        if _books_after(out / "luu-tru", filed):
            done[Step.REGISTERS] = "đã in sau lần nộp lưu cuối"
    end = _end_steps(ws, campaign, manifest)
    done.update(end.done)
    steps = tuple(s for s in Step if s not in end.skipped)
    if meeting_errors:
        done.pop(Step.MEETING, None)
        advice = (
            f"Tệp họp xét còn {meeting_errors} lỗi (bằng phiếu chưa biểu quyết lại, số phiếu "
            "sai…): sửa tệp theo trang Họp xét rồi tải lên lại."
        )
        if not (received and errors):
            return Stage(done, Step.MEETING, advice, steps)
    return _next(done, received, errors, steps, end.advice)


def _filed(ws: Workspace, campaign_id: str) -> list[Path]:
    store = Store.of(ws.ward)
    if not store.folder.is_dir():
        return []
    return [store.folder / f for f in store.files() if f"/{campaign_id}/" in f"/{f}"]


def _books_after(folder: Path, filed: list[Path]) -> bool:
    """Whether the Mục lục was written after the last filing (a filed file's ctime is when it
    entered the archive, whatever date the signed file carried)."""
    from docgen.archive.printed import INDEX

    books = list(folder.glob(f"{Path(INDEX).stem}*.xlsx")) if folder.is_dir() else []
    last = max((_changed(p) for p in filed), default=0.0)
    return any(_mtime(book) >= last for book in books)


ADVICE = {
    Step.RECEIVE: "Nhận phiếu các đơn vị gửi về (tải tệp lên hoặc đọc hộp thư).",
    Step.CHECK: "Kiểm tra phiếu; đơn vị có lỗi nhận tệp phản hồi để sửa và gửi lại.",
    Step.MEETING_LIST: "Tổng hợp danh sách đề nghị cho cuộc họp Hội đồng.",
    Step.MEETING: "Sau cuộc họp, tải lên tệp họp xét thư ký đã ghi số phiếu.",
    Step.DOSSIER: "Lập hồ sơ từ phiếu và kết quả họp xét.",
    Step.PDF: "Chuyển văn bản sang PDF để trình ký.",
    Step.ARCHIVE: "Nộp lưu các văn bản đã ký, rồi in sổ văn bản đi.",
    Step.REGISTERS: "Bấm “Lập sổ văn bản đi và mục lục” trên trang Lưu trữ (sau lần nộp lưu cuối).",
}
FINISHED = (
    "Đợt thi đua đã xong: đã có báo cáo kết quả và thông báo nêu gương; kiểm tra kho và in sổ "
    "văn bản đi khi cần."
)


def _next(
    done: dict[Step, str],
    received: int,
    errors: int | None,
    steps: tuple[Step, ...],
    end_advice: dict[Step, str],
) -> Stage:
    if received and errors:
        advice = f"Còn {errors} lỗi trong phiếu: gửi phản hồi để đơn vị sửa, rồi kiểm tra lại."
        return Stage(done, Step.CHECK, advice, steps)
    for step in steps:
        if step not in done:
            return Stage(done, step, end_advice.get(step) or ADVICE[step], steps)
    return Stage(done, None, FINISHED, steps)


@dataclass
class _End:
    """The steps after filing: what is done, the advice for those not done, those left out."""

    done: dict[Step, str] = field(default_factory=dict)
    advice: dict[Step, str] = field(default_factory=dict)
    skipped: set[Step] = field(default_factory=set)


def _end_steps(ws: Workspace, campaign: Campaign, manifest: Manifest | None) -> _End:
    """Certificates, decisions and wrap-up, from the manifest, the files and the register."""
    from docgen.award.history import recorded_decisions

    end = _End()
    proposed = _proposed_levels(campaign, manifest)
    own = [d for d in recorded_decisions(ws.ward) if d["campaign"] == campaign.id]
    _certificates(ws, campaign, manifest, proposed, end)
    _decisions(campaign, proposed, own, end)
    _wrap_up(ws, campaign, own, end)
    return end


def _proposed_levels(campaign: Campaign, manifest: Manifest | None) -> list[Level]:
    """The levels at which the dossier proposes someone (documents other than the minutes)."""
    if manifest is None:
        return []
    ids = {e.level for e in manifest.entries.values() if e.kind != DocKind.MINUTES}
    return [level for level in campaign.levels if level.id in ids]


def _certificates(
    ws: Workspace, campaign: Campaign, manifest: Manifest | None, proposed: list[Level], end: _End
) -> None:
    """Done when every level the ward decides with a Giấy khen has its certificates, printed
    after the decision was numbered and after the meeting workbook (where the number is
    written) last changed."""
    from docgen.award.printing import certificate_paths

    deciding = [lv for lv in campaign.levels if lv.decides and lv.form == "giay-khen"]
    wanted = [lv for lv in deciding if lv in proposed] if manifest is not None else deciding
    if not wanted:
        end.skipped.add(Step.CERTIFICATES)
        return
    numbered = manifest is not None and all(_numbered(manifest, lv) for lv in wanted)
    since = _mtime(ws.meeting)
    printed = [
        lv
        for lv in wanted
        if any(_mtime(p) >= since for p in certificate_paths(ws, campaign, lv.id))
    ]
    if numbered and len(printed) == len(wanted):
        end.done[Step.CERTIFICATES] = f"{len(printed)} cấp đã in giấy khen"
    elif not numbered:
        end.advice[Step.CERTIFICATES] = (
            "Sau khi Chủ tịch ký Quyết định khen thưởng, văn thư ghi số, ngày vào trang “Số văn "
            "bản” của tệp họp xét; bấm “Lập hồ sơ” rồi “In giấy khen” trên trang Hồ sơ."
        )
    else:
        end.advice[Step.CERTIFICATES] = (
            "Quyết định đã có số, ngày: bấm “In giấy khen” trên trang Hồ sơ (giấy trắng hoặc "
            "trên phôi)."
        )


def _numbered(manifest: Manifest, level: Level) -> bool:
    return any(
        e.level == level.id and e.kind == DocKind.DECISION and e.number and e.date
        for e in manifest.entries.values()
    )


def _decisions(
    campaign: Campaign, proposed: list[Level], own: list[dict[str, object]], end: _End
) -> None:
    """Done when every level proposing someone has its decision in the ward's history (the
    ward's own filed under the level's id, a higher level's under its tier)."""
    missing = [lv for lv in proposed if not _recorded(lv, own)]
    if proposed and not missing:
        refs = ", ".join(_reference(d) for d in own)
        end.done[Step.DECISIONS] = f"{len(proposed)} cấp có quyết định: {refs}"
        return
    first = missing[0] if missing else None
    if first is not None and first.decides:
        end.advice[Step.DECISIONS] = (
            f"{first.label}: văn thư ghi số, ngày Quyết định khen thưởng vào trang “Số văn bản” "
            "của tệp họp xét, rồi bấm “Lập hồ sơ” trên trang Hồ sơ: quyết định tự vào lịch sử "
            "khen thưởng."
        )
    elif first is not None:
        end.advice[Step.DECISIONS] = (
            f"{first.label}: khi quyết định của {first.decider} về đến phường, bấm “Ghi quyết "
            "định” trên trang Lịch sử khen thưởng (số, ngày, người không có trong quyết định)."
        )
    else:
        end.advice[Step.DECISIONS] = "Lập hồ sơ trước: chưa biết cấp nào có người được đề nghị."


def _recorded(level: Level, own: list[dict[str, object]]) -> bool:
    return any(d["level"] in {level.id, level.tier or level.id} for d in own)


def _reference(row: dict[str, object]) -> str:
    return f"{row['number']}/{row['symbol']}" if row["symbol"] else str(row["number"])


def _wrap_up(ws: Workspace, campaign: Campaign, own: list[dict[str, object]], end: _End) -> None:
    """Done when the results report (and, with a decision recorded, the announcement) was
    written after the last decision of the campaign went into the history."""
    from docgen.award.wrapup import wrapup_files

    report, notice = wrapup_files(ws, campaign)
    last = max((_stamp(str(d["recorded_at"])) for d in own), default=0.0)
    if report.is_file() and _mtime(report) >= last and (not own or notice.is_file()):
        end.done[Step.WRAP_UP] = "đã có báo cáo kết quả" + (" và thông báo" if own else "")
        return
    again = " lại" if report.is_file() else ""
    end.advice[Step.WRAP_UP] = (
        f"Bấm “Tổng kết” trên trang Lịch sử khen thưởng{again}: báo cáo kết quả thực hiện và "
        "thông báo nêu gương từ các quyết định đã ghi."
    )


def _mtime(path: Path) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0


def _changed(path: Path) -> float:
    try:
        return os.stat(path).st_ctime
    except OSError:
        return 0.0


def _stamp(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return 0.0
