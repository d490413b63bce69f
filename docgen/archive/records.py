"""Register rows turned into what the registers print: sổ đi rows, Mục lục rows, metadata.

Only current filings count (a replaced file stays in the archive and in the register, not in
the printed registers); a document still without its number or date says so in Ghi chú.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import date

from docgen.archive.received import FORM_LABELS, SCAN_PDF
from docgen.campaign import Campaign
from docgen.campaign.model import DocKind
from docgen.workbook.table import TableSheet

OUTGOING_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Số, ký hiệu văn bản", 16),
    ("Ngày tháng văn bản", 12),
    ("Tên loại và trích yếu nội dung văn bản", 42),
    ("Người ký", 16),
    ("Nơi nhận văn bản", 26),
    ("Đơn vị, người nhận bản lưu", 16),
    ("Số lượng bản", 8),
    ("Ngày chuyển", 11),
    ("Ký nhận", 11),
    ("Ghi chú", 22),
)
INDEX_COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 6),
    ("Số, ký hiệu văn bản", 16),
    ("Ngày tháng văn bản", 12),
    ("Tên loại và trích yếu nội dung văn bản", 48),
    ("Tác giả văn bản", 24),
    ("Tờ số", 8),
    ("Ghi chú", 26),
)
# Issued under a number of their own; the others are annexes. The ward's own award: the
# proposer's Tờ trình and the chairman's Quyết định (its Danh sách is the decision's annex).
OUTGOING_KINDS = (DocKind.PROPOSAL, DocKind.MINUTES, DocKind.AWARD_PROPOSAL, DocKind.DECISION)
# The hồ sơ's order follows the citation chain: each document after the one it cites — the
# Biên bản, then the Tờ trình citing it, the Danh sách "kèm theo Tờ trình", then the Báo cáo
# thành tích the Tờ trình sends "kèm theo"; the ward's own award after them: the proposer's
# Tờ trình, the Quyết định citing it, the Danh sách "kèm theo Quyết định".
KIND_ORDER = {
    DocKind.MINUTES: 0,
    DocKind.PROPOSAL: 1,
    DocKind.LIST: 2,
    DocKind.REPORT: 3,
    DocKind.AWARD_PROPOSAL: 4,
    DocKind.DECISION: 5,
    DocKind.DECISION_LIST: 6,
}
NO_NUMBER = "Chưa có số, ký hiệu trong danh mục văn bản"


def current(rows: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """Filings that no later filing replaced."""
    return [r for r in rows if r["replaced_by"] is None]


def day(row: sqlite3.Row) -> date:
    """The document's date, or the filing date when the văn thư's date is not known yet."""
    return date.fromisoformat(row["issued"] or row["filed_at"][:10])


def outgoing_book(rows: Sequence[sqlite3.Row], start: date, end: date, issuer: str) -> TableSheet:
    """Sổ đăng ký văn bản đi for documents dated `start`..`end` (both included)."""
    chosen = [
        r
        for r in current(rows)
        if (r["number"] or r["kind"] in OUTGOING_KINDS) and start <= day(r) <= end
    ]
    chosen.sort(key=lambda r: (day(r), r["number"], r["path"]))
    return TableSheet(
        "Sổ văn bản đi",
        f"SỔ ĐĂNG KÝ VĂN BẢN ĐI — {issuer.upper()}",
        f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
        OUTGOING_COLUMNS,
        [_outgoing_row(r) for r in chosen],
    )


def _outgoing_row(row: sqlite3.Row) -> list[object]:
    recipients = [line for line in row["recipients"].splitlines() if line]
    kept = [line.split(":", 1)[1].strip(" .") for line in recipients if line.startswith("Lưu:")]
    sent = [line for line in recipients if not line.startswith("Lưu:")]
    notes = [] if row["number"] else [NO_NUMBER]
    notes.append(f"Bản lưu: {row['stored']}")
    return [
        row["number"],
        _date(row["issued"]),
        row["title"],
        row["signer"],
        "; ".join(sent),
        "; ".join(kept),
        None,
        None,
        None,
        "; ".join(notes),
    ]


def index_book(
    rows: Sequence[sqlite3.Row], campaign: Campaign, pages: dict[str, int]
) -> TableSheet:
    """Mục lục văn bản of the campaign's hồ sơ, in dossier order, with sheet numbers."""
    chosen = sorted(current(rows), key=dossier_order(campaign))
    body, sheet = [], 1
    for stt, row in enumerate(chosen, start=1):
        count = pages.get(row["stored"], 0)
        where = "" if sheet == 0 or count == 0 else _sheets(sheet, count)
        sheet = sheet + count if sheet and count else 0  # unknown count: later numbers unknown
        body.append(
            [
                stt,
                row["number"],
                _date(row["issued"]),
                row["title"],
                author(row, campaign),
                where,
                note(row),
            ]
        )
    return TableSheet(
        "Mục lục văn bản",
        "MỤC LỤC VĂN BẢN",
        f"Hồ sơ: {campaign.title} ({campaign.id})",
        INDEX_COLUMNS,
        body,
    )


def dossier_order(campaign: Campaign) -> Callable[[sqlite3.Row], tuple[int, int, int, str]]:
    """Sort key of the hồ sơ, the citation chain (`KIND_ORDER`): the meeting's one Biên bản
    first (every level's Tờ trình cites it, whichever level it was filed under), then each
    level in campaign order with its Tờ trình, Danh sách, Báo cáo."""
    levels = {level.id: n for n, level in enumerate(campaign.levels)}

    def key(row: sqlite3.Row) -> tuple[int, int, int, str]:
        kind = KIND_ORDER.get(row["kind"], 9)
        first = 0 if kind == KIND_ORDER[DocKind.MINUTES] else 1
        return (first, levels.get(row["level"], 99), kind, row["path"])

    return key


def _sheets(first: int, count: int) -> str:
    return f"{first:02d}" if count == 1 else f"{first:02d}-{first + count - 1:02d}"


def author(row: sqlite3.Row, campaign: Campaign) -> str:
    """Who issued the document: the council for its Biên bản, the body for its own papers."""
    if row["kind"] == DocKind.MINUTES:
        return campaign.council.name
    if row["kind"] in (DocKind.PROPOSAL, DocKind.LIST):
        return campaign.issuer.full_name
    if row["kind"] == "to-trinh-khen-thuong" and campaign.award:
        return campaign.award.proposer
    if row["kind"] in (DocKind.DECISION, DocKind.DECISION_LIST):
        return f"Chủ tịch {campaign.issuer.full_name}"
    return ""


def metadata(row: sqlite3.Row, campaign: Campaign, stt: int, pages: int) -> dict[str, object]:
    """The Phụ lục VI fields that apply to one filed document, plus its proof of integrity."""
    number, _, symbol = row["number"].partition("/")
    return {
        "Mã hồ sơ": campaign.id,
        "Số thứ tự văn bản trong hồ sơ": stt,
        "Số của văn bản": number,
        "Ký hiệu của văn bản": symbol,
        "Ngày, tháng, năm văn bản": row["issued"],
        "Tên loại văn bản": _kind_name(row["kind"]),
        "Trích yếu nội dung": row["title"],
        "Tác giả văn bản": author(row, campaign),
        "Người ký": row["signer_name"] or row["signer"],
        "Ngôn ngữ": "Tiếng Việt",
        "Số lượng trang của văn bản": pages or None,
        "Mức độ tin cậy": "Số hóa" if row["form"] == SCAN_PDF else "Gốc điện tử",
        "Chữ ký số": row["signature"],
        "Xác minh chứng thư": row["trust"],
        "Thời điểm ký": row["signed_at"],
        "Định dạng": FORM_LABELS.get(row["form"], row["form"]),
        "Ghi chú": "; ".join(row["notes"].splitlines()),
        "Tệp lưu trữ": row["stored"],
        "SHA-256 tệp lưu trữ": row["sha256"],
        "SHA-256 tệp đã lập": row["generated_sha256"],
        "Người nộp lưu": row["filed_by"],
        "Thời điểm nộp lưu": row["filed_at"],
    }


def note(row: sqlite3.Row) -> str:
    """Ghi chú of a filed document: its form, and what the clerk was warned of when filing it
    (a match by name only, another signer)."""
    said = [FORM_LABELS.get(row["form"], row["form"]), *row["notes"].splitlines()]
    return "; ".join(s for s in said if s)


def _kind_name(kind: str) -> str:
    names: dict[str, str] = {
        DocKind.PROPOSAL: "Tờ trình",
        DocKind.LIST: "Danh sách",
        DocKind.MINUTES: "Biên bản",
        DocKind.REPORT: "Báo cáo",
        DocKind.AWARD_PROPOSAL: "Tờ trình",
        DocKind.DECISION: "Quyết định",
        DocKind.DECISION_LIST: "Danh sách",
    }
    return names.get(kind, kind)


def _date(iso: str) -> str:
    return f"{date.fromisoformat(iso):%d/%m/%Y}" if iso else ""
