"""Why an earlier document is no longer part of the dossier, in a sentence for the clerk."""

from __future__ import annotations

from docgen.campaign.model import DocKind
from docgen.meeting.model import Decision, Selection
from docgen.output.manifest import ManifestEntry


def retire_reason(entry: ManifestEntry, selections: list[Selection], unbuilt: set[str]) -> str:
    """The reason printed in tom-tat.txt and kept in the manifest's history.

    `unbuilt`: paths of planned documents that could not be built this run (missing data).
    """
    by_level = {s.level.id: s for s in selections}
    selection = by_level.get(entry.level)
    what = entry.title or entry.path
    if entry.path in unbuilt:
        return f"{what}: chưa lập lại được vì thiếu dữ liệu (xem thông báo của lần chạy này); bản cũ không còn đúng"
    if selection is None:
        return f"{what}: cấp khen thưởng “{entry.level}” không còn trong kế hoạch"
    if entry.kind == DocKind.REPORT:
        return _report_reason(entry, selection)
    if not selection.proposed():
        return f"{what}: {selection.level.label} không còn ai được đề nghị"
    return f"{what}: kế hoạch không còn yêu cầu văn bản này ở {selection.level.label}"


def _report_reason(entry: ManifestEntry, selection: Selection) -> str:
    decision = _decision_of(entry, selection)
    what = entry.title or entry.path
    if decision is None:
        return (
            f"{what}: đề nghị không còn trong danh sách xét (đơn vị đã rút hoặc phiếu nhập có lỗi)"
        )
    if not decision.proposed:
        return f"{what}: không còn được đề nghị — {decision.reason}"
    return f"{what}: thay bằng báo cáo mới (tên tệp đổi theo tên đã sửa trong phiếu nhập)"


def _decision_of(entry: ManifestEntry, selection: Selection) -> Decision | None:
    for source in entry.sources:
        for decision in selection.decisions:
            where = decision.nominee.source
            if (where.file, where.sheet, where.row) == (
                source.get("file"),
                source.get("sheet"),
                source.get("row"),
            ):
                return decision
    return None
