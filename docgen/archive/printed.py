"""Writing the printed registers of a campaign: sổ văn bản đi, Mục lục, metadata per document."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docgen.archive.records import current, dossier_order, index_book, metadata, outgoing_book
from docgen.archive.register import register_rows
from docgen.archive.store import Store
from docgen.campaign import Campaign
from docgen.output.files import Written, write_beside, write_replacing_own
from docgen.workbook.table import table_bytes

OUTGOING = "so-van-ban-di"
INDEX = "muc-luc-van-ban.xlsx"
METADATA = "metadata"


@dataclass(frozen=True)
class PrintedBooks:
    """The files written (with their write status) and how many documents each lists."""

    outgoing: tuple[Path, Written, int]
    index: tuple[Path, Written, int]
    metadata: list[Path]


def default_period(campaign: Campaign, today: date | None = None) -> tuple[date, date]:
    """The outgoing register's period when none is given: 01/01 of the campaign's year to the
    end of that year, or to today when today is later."""
    year = campaign.period.year
    return date(year, 1, 1), max(today or date.today(), date(year, 12, 31))


def write_printed_books(
    campaign: Campaign, store: Store, out: Path, start: date, end: date, force: bool = False
) -> PrintedBooks:
    """Write the sổ đi for `start`..`end`, the campaign's Mục lục and its metadata files."""
    db, _ = store.open()
    try:
        rows = register_rows(db, campaign.id)
    finally:
        db.close()
    pages = _pages(store, [r["stored"] for r in current(rows)])
    sent = outgoing_book(rows, start, end, campaign.issuer.full_name)
    index = index_book(rows, campaign, pages)
    name = f"{OUTGOING}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    outgoing_path, outgoing_status = write_replacing_own(out / name, table_bytes(sent), force)
    index_path, index_status = write_replacing_own(out / INDEX, table_bytes(index), force)
    written = _write_metadata(
        campaign, out / METADATA, sorted(current(rows), key=dossier_order(campaign)), pages
    )
    return PrintedBooks(
        (outgoing_path, outgoing_status, len(sent.rows)),
        (index_path, index_status, len(index.rows)),
        written,
    )


def _pages(store: Store, stored: list[str]) -> dict[str, int]:
    pdfs = [s for s in stored if s.endswith(".pdf")]
    if not pdfs:
        return {}
    from docgen.archive.signatures import page_count  # pyHanko: only when PDFs were filed

    return {s: page_count(store.path(s).read_bytes()) for s in pdfs}


def _write_metadata(
    campaign: Campaign, folder: Path, rows: list[sqlite3.Row], pages: dict[str, int]
) -> list[Path]:
    written = []
    for stt, row in enumerate(rows, start=1):
        data = metadata(row, campaign, stt, pages.get(row["stored"], 0))
        path = folder / f"{row['level']}-{Path(row['stored']).stem}.json"
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_beside(path, text.encode("utf-8"), force=True)
        written.append(path)
    return written
