"""The steps after filing: the registers, the certificates, the decisions in the ward's award
history and the wrap-up — each read from files (the Mục lục and the archive, the manifest, the
certificates, tong-ket/) and the ward's register, never by running the step.

Certificates apply where the ward decides a level with a Giấy khen (`Level.decides`, as
`ho-so` decides to write the ward's Tờ trình and Quyết định) and, once the dossier is built,
someone is proposed there; otherwise the step is left out of the campaign's steps.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docgen.archive.schema import RegisterError
from docgen.campaign.model import Campaign, DocKind, Level
from docgen.output.manifest import Manifest
from docgen.stage.model import Step
from docgen.statefile import StateFileDamaged
from docgen.workspace import Workspace


@dataclass
class End:
    """The steps after filing: what is done, the advice for those not done, those left out."""

    done: dict[Step, str] = field(default_factory=dict)
    advice: dict[Step, str] = field(default_factory=dict)
    skipped: set[Step] = field(default_factory=set)


def after_filing(
    ws: Workspace, campaign: Campaign, manifest: Manifest | None, filed: list[Path]
) -> End:
    """Registers, certificates, decisions and wrap-up, from the manifest, the files and the
    register; `filed`: the campaign's files in the archive."""
    from docgen.award.history import recorded_decisions

    end = End()
    if filed and _books_after(ws.output(campaign.id) / "luu-tru", filed):
        end.done[Step.REGISTERS] = "đã in sau lần nộp lưu cuối"
    proposed = _proposed_levels(campaign, manifest)
    _certificates(ws, campaign, manifest, proposed, end)
    try:
        own = [d for d in recorded_decisions(ws.ward) if d["campaign"] == campaign.id]
    except (RegisterError, StateFileDamaged) as exc:  # said where the history is needed; the
        end.advice[Step.DECISIONS] = end.advice[Step.WRAP_UP] = str(exc)  # other pages work
        return end
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
    ws: Workspace, campaign: Campaign, manifest: Manifest | None, proposed: list[Level], end: End
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
    campaign: Campaign, proposed: list[Level], own: list[dict[str, object]], end: End
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


def _wrap_up(ws: Workspace, campaign: Campaign, own: list[dict[str, object]], end: End) -> None:
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


def _books_after(folder: Path, filed: list[Path]) -> bool:
    """Whether the Mục lục was written after the last filing (a filed file's ctime is when it
    entered the archive, whatever date the signed file carried)."""
    from docgen.archive.printed import INDEX

    books = list(folder.glob(f"{Path(INDEX).stem}*.xlsx")) if folder.is_dir() else []
    last = max((_changed(p) for p in filed), default=0.0)
    return any(_mtime(book) >= last for book in books)


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
