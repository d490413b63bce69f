"""What `nhan-thu` tells the clerk: what came in, what was left out and why, what to check."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from docgen.mail import journal as j
from docgen.mail.importer import NO_WORKBOOK, ImportResult
from docgen.mail.reply import Draft
from docgen.mail.restore import FROM_MAIL, FROM_PAGE, came_from
from docgen.mail.senders import UNKNOWN_SENDER
from docgen.mail.uploads import is_dropped
from docgen.text import format_moment

DROPPED = "tải lên trên trang"  # the sender of a workbook dropped on the page


def import_lines(result: ImportResult, folder: Path, journal: Path) -> list[str]:
    """The summary of one import, in Vietnamese (the page says its commands with its buttons:
    `docgen.web.advice`)."""
    new = [e for e in result.messages if e.message_id]
    mails = [e for e in new if not is_dropped(e.message_id)]
    dropped = len(new) - len(mails)  # workbooks dropped on the page: no mail was read
    lines = []
    if mails or result.known or not dropped:
        lines.append(
            f"Đã đọc {len(mails)} thư mới"
            + (f" ({result.known} thư đã nhận từ trước)." if result.known else ".")
        )
    if dropped:
        lines.append(f"Đã nhận {dropped} tệp tải lên trên trang.")
    imported = result.files(j.Result.IMPORTED)
    lines.append(f"Đã nhập {len(imported)} phiếu vào {folder}" + (":" if imported else "."))
    lines += [f"  - {e.stored} ← {_who(e)}, {_when(e)}" for e in imported]
    sections = [
        (result.files(j.Result.DUPLICATE), "Trùng, không nhập lại"),
        (result.files(j.Result.REFUSED), "Từ chối"),
        ([e for e in result.messages if e.result == j.Result.REFUSED], "Không đọc được"),
        (result.files(j.Result.SKIPPED), "Bỏ qua (không phải phiếu Excel)"),
        (_not_messages(result), "Bỏ qua (không phải thư)"),
        (_no_workbook(result), "Thư không có phiếu"),
    ]
    for entries, title in sections:
        if entries:
            lines.append(f"{title}: {len(entries)}")
            lines += [f"  - {_what(e)}: {e.reason}" for e in entries]
    unknown = result.unknown_senders
    if unknown:
        lines.append(
            f"Cần xác nhận, {UNKNOWN_SENDER} (phiếu của các thư này chưa được dùng cho tới khi "
            f"thêm địa chỉ vào [[departments]] của tệp chiến dịch): {len(unknown)}"
        )
        lines += [f"  - {e.sender} — “{e.subject}”, {_when(e)}" for e in unknown]
    lines += restore_lines(result)
    lines.append(f"Nhật ký: {journal}. Tiếp theo: docgen kiem-tra")
    return lines


def restore_lines(result: ImportResult) -> list[str]:
    """Files written back from their messages, and received files still gone from the folder."""
    restored = result.files(j.Result.RESTORED)
    lines = [f"Đã chép lại {len(restored)} phiếu từ {came_from(restored)}:"] if restored else []
    lines += [f"  - {e.stored} ← {_who(e)}, {_when(e)}" for e in restored]
    back = {e.sha256 for e in restored}
    lost = [e for e in result.lost if e.sha256 not in back]
    if not lost:
        return lines
    lines.append(f"Phiếu đã nhận không còn trong thư mục phiếu: {len(lost)}")
    lines += [f"  - {e.stored} ← {_who(e)}, {_when(e)} (thư đọc từ {e.source})" for e in lost]
    return lines + [_way_back(lost, bool(restored or result.restoring))]


def _way_back(lost: list[j.JournalEntry], tried: bool) -> str:
    """How to write the lost files back, by where they came in (mails, dropped files, both)."""
    mails = any(not is_dropped(e.message_id) for e in lost)
    if tried:
        where = came_from(lost, " hay ").replace(FROM_MAIL, "thư").replace(FROM_PAGE, "tệp tải lên")
        return (
            f"  Không tìm thấy {where} chứa các tệp trên trong các nguồn đã ghi: chạy lại "
            "“docgen nhan-thu --khoi-phuc” với đúng thư đã lưu hoặc hộp thư IMAP đã nhận."
            if mails
            else f"  Không tìm thấy {where} chứa các tệp trên: bản giữ trong thư mục tải lên đã "
            "bị xóa hoặc sửa; hãy tải lại đúng tệp đơn vị đã gửi."
        )
    if not mails:
        return f"  Chép lại từ {FROM_PAGE} (bản giữ trong thư mục tải lên): docgen nhan-thu --khoi-phuc."
    return (
        f"  Chép lại từ {came_from(lost, ' hoặc ')}: docgen nhan-thu --khoi-phuc (thư đã lưu vẫn "
        "còn ở chỗ cũ), hoặc thêm --imap MÁY_CHỦ --tai-khoan TÊN như lần nhận."
    )


def _not_messages(result: ImportResult) -> list[j.JournalEntry]:
    return [e for e in result.messages if e.result == j.Result.SKIPPED and not e.message_id]


def _no_workbook(result: ImportResult) -> list[j.JournalEntry]:
    return [e for e in result.messages if e.result == j.Result.SKIPPED and e.reason == NO_WORKBOOK]


def _who(e: j.JournalEntry) -> str:
    sender = e.sender or (DROPPED if is_dropped(e.message_id) else "")
    return f"{sender} ({e.department})" if e.department else f"{sender} ({UNKNOWN_SENDER})"


def _what(e: j.JournalEntry) -> str:
    if e.kind == j.RowKind.MESSAGE:
        return f"{e.source}" + (f" (“{e.subject}” từ {e.sender})" if e.sender else "")
    return f"{e.original} (thư “{e.subject}” từ {e.sender})"


def _when(e: j.JournalEntry) -> str:
    received = e.received_at
    return f"nhận lúc {format_moment(received)}" if received else "không rõ thời gian nhận"


class _Reply(Protocol):
    file: str
    draft: Draft
    path: Path | None
    status: str
    reason: str


class _Replies(Protocol):
    folder: Path

    @property
    def replies(self) -> Sequence[_Reply]: ...


def reply_lines(replies: _Replies, sent: bool) -> tuple[list[str], int]:
    """What `tra-loi` tells the clerk, and how many replies need the clerk's attention."""
    drafted = [r for r in replies.replies if r.path is not None]
    lines = [
        f"Đã soạn {len(drafted)} thư phản hồi vào {replies.folder}" + (":" if drafted else ".")
    ]
    for r in drafted:
        state = f" — {r.status}" + (f": {r.reason}" if r.reason else "") if sent else ""
        lines.append(
            f"  - {r.draft.department} → {', '.join(r.draft.to)}: {r.path.name if r.path else ''}{state}"
        )
    missing = [r for r in replies.replies if r.path is None]
    if missing:
        lines.append(
            f"Chưa có địa chỉ để gửi (thêm vào [[departments]] của tệp chiến dịch): {len(missing)}"
        )
        lines += [f"  - {r.draft.department} (tệp {r.file})" for r in missing]
    failed = [r for r in replies.replies if r.reason]
    if not sent:
        lines.append(
            "Chưa gửi thư nào: mở tệp .eml để xem rồi gửi, hoặc chạy lại với --gui --smtp MÁY_CHỦ."
        )
    return lines, len(missing) + len(failed)
