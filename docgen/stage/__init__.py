"""Where a campaign stands: which steps of the clerk's workflow are done, and the next one.

Read from the workspace alone (files present, the manifest, the archive tree), never by
running a step, so any shell can show it on every screen at once. The validation of the
received workbooks is the one fact that costs a run: a shell that has a recent report passes
its error count; without one the step says the workbooks have not been checked yet.

Policy: the steps follow the README's workflow table; the next step is the first one not
done, except that errors found in the workbooks come before the meeting list. The steps after
filing (the registers, the certificates, the decisions in the award history, the wrap-up) are
read from the Mục lục, the dossier's manifest, the certificate files, the ward's register and
the wrap-up folder (`stage.end`); a step that does not apply to the campaign (certificates
where the ward decides no Giấy khen) is not among its steps.
"""

from __future__ import annotations

from pathlib import Path

from docgen.archive.schema import RegisterError
from docgen.archive.source import printed_number
from docgen.archive.store import Store
from docgen.campaign.model import Campaign
from docgen.output.manifest import Manifest, read_manifest
from docgen.output.pdfs import is_current_pdf
from docgen.stage.end import after_filing
from docgen.stage.model import Stage, Step
from docgen.statefile import StateFileDamaged
from docgen.validate.run import submission_files
from docgen.workspace import Workspace

__all__ = ["FINISHED", "Stage", "Step", "campaign_stage"]

SHOWN = 4  # documents still to file named in the advice


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
    filed = _filed(ws, campaign_id)
    end = after_filing(ws, campaign, manifest, filed)
    if manifest is not None and manifest.entries:
        done[Step.DOSSIER] = f"{len(manifest.entries)} văn bản"
        have, problem = _filed_paths(ws, manifest) if filed else (set(), "")
        _converted(out, manifest, have, done, end.advice)
        if filed:
            _archived(manifest, have, problem, done, end.advice)
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


def _converted(
    out: Path, manifest: Manifest, filed: set[str], done: dict[Step, str], advice: dict[Step, str]
) -> None:
    """Converting is done when every document has a PDF of its current version (a PDF older
    than its .docx is of an earlier one) or its signed copy filed; until then the advice says
    how many have one."""
    total = len(manifest.entries)
    pdfs = sum(path in filed or is_current_pdf(out / path) for path in manifest.entries)
    if pdfs == total:
        done[Step.PDF] = f"{pdfs}/{total} văn bản có PDF"
    elif pdfs:
        advice[Step.PDF] = (
            f"Mới có {pdfs}/{total} văn bản có PDF của bản hiện hành (văn bản lập lại sau lần "
            "chuyển PDF trước cần chuyển lại): bấm “Chuyển sang PDF” trên trang Hồ sơ, rồi trình ký."
        )


def _archived(
    manifest: Manifest, have: set[str], problem: str, done: dict[Step, str], advice: dict[Step, str]
) -> None:
    """Filing is done when every document of the dossier has its signed copy in the archive
    (`have`); until then the advice names those still to file, or why the register cannot be
    read (`problem`, said on the page that files)."""
    if problem:
        advice[Step.ARCHIVE] = problem
        return
    total = len(manifest.entries)
    left = [e.title or e.path for path, e in sorted(manifest.entries.items()) if path not in have]
    if not left:
        done[Step.ARCHIVE] = f"{total}/{total} văn bản đã nộp lưu"
        return
    shown = "; ".join(left[:SHOWN]) + (
        f" và {len(left) - SHOWN} văn bản khác" if len(left) > SHOWN else ""
    )
    advice[Step.ARCHIVE] = (
        f"Đã nộp lưu {total - len(left)}/{total} văn bản của hồ sơ; còn: {shown}. Tải các văn "
        "bản đã ký còn lại lên trang Lưu trữ và bấm “Nộp lưu”."
    )


def _filed_paths(ws: Workspace, manifest: Manifest) -> tuple[set[str], str]:
    """The dossier's documents with a signed copy of their current version filed (one filed
    under a number the văn thư has since changed is a new document, not filed yet), and why
    the register cannot be read ("" when it can; the filing step says it)."""
    try:
        copies = Store.of(ws.ward).filed_copies(manifest.campaign)
    except (RegisterError, StateFileDamaged) as exc:
        return set(), str(exc)
    have = set()
    for copy in copies:
        entry = manifest.entries.get(copy.path)
        number = printed_number(entry.number, entry.symbol) if entry else ""
        if not (copy.number and number and number != copy.number):
            have.add(copy.path)
    return have, ""


def _filed(ws: Workspace, campaign_id: str) -> list[Path]:
    store = Store.of(ws.ward)
    if not store.folder.is_dir():
        return []
    return [store.folder / f for f in store.files() if f"/{campaign_id}/" in f"/{f}"]


ADVICE = {
    Step.RECEIVE: "Tải lên phiếu, thư các đơn vị gửi về (“Nhận các tệp này”) hoặc bấm “Đọc hộp thư”.",
    Step.CHECK: "Bấm “Kiểm tra phiếu” trên trang Đơn vị; đơn vị có lỗi nhận tệp phản hồi để sửa và gửi lại.",
    Step.MEETING_LIST: "Bấm “Tổng hợp danh sách họp” trên trang Họp xét: danh sách cho cuộc họp Hội đồng.",
    Step.MEETING: "Sau cuộc họp, tải lên tệp họp xét thư ký đã ghi số phiếu.",
    Step.DOSSIER: "Bấm “Lập hồ sơ” trên trang Hồ sơ: văn bản từ phiếu và kết quả họp xét.",
    Step.PDF: "Bấm “Chuyển sang PDF” trên trang Hồ sơ, rồi trình ký.",
    Step.ARCHIVE: "Tải các văn bản đã ký lên trang Lưu trữ và bấm “Nộp lưu”.",
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
