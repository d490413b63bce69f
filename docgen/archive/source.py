"""What the archive expects to receive: the current documents of a campaign's manifest.

The manifest is read through its one reader (`docgen.output.manifest.read_manifest`), which
checks it and reports damage by name. Fields the manifest does not carry yet (number, date, trích yếu,
signer, recipients) are taken from the campaign where it says them, else left empty — never
invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from docgen.campaign import Campaign
from docgen.errors import DocgenError
from docgen.output.manifest import MANIFEST, Entry, read_manifest


class ManifestMissingError(DocgenError):
    """No manifest: nothing to match signed files against."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            "MANIFEST_MISSING",
            f"Chưa có danh mục văn bản {folder / MANIFEST}. "
            "Hãy lập hồ sơ trước (make dossiers hoặc docgen ho-so) rồi chạy lại.",
        )


@dataclass(frozen=True)
class Expected:
    """One current document of the dossier, as the archive files and registers it."""

    campaign: str
    level: str
    path: str  # the manifest's path, relative to the campaign's output folder
    kind: str
    sha256: str  # of the generated file
    title: str  # tên loại và trích yếu
    number: str = ""  # số, ký hiệu: 12/TTr-UBND
    issued: date | None = None
    signer: str = ""
    recipients: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        """The generated file's name without extension (to-trinh)."""
        return PurePosixPath(self.path).stem


def expected_documents(campaign: Campaign, folder: Path) -> list[Expected]:
    """The current documents listed in `folder`/manifest.json, in the manifest's order."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise ManifestMissingError(folder)
    return [_expected(campaign, entry) for entry in manifest.entries.values()]


def _expected(campaign: Campaign, entry: Entry) -> Expected:
    kind, level = entry.kind, entry.level
    head, _, subject = entry.title.strip().partition(" — ")
    summary = entry.summary.strip()
    return Expected(
        campaign=campaign.id,
        level=level,
        path=entry.path,
        kind=kind,
        sha256=entry.sha256,
        title=_with_summary(head, summary, subject) or _title(campaign, kind, level, subject),
        number=_number(entry.number.strip(), entry.symbol.strip()),
        issued=_date(entry.date.strip()),
        signer=entry.signer.strip() or _signer(campaign, kind, level),
        recipients=tuple(map(str, entry.recipients))
        if entry.recipients
        else _recipients(campaign, kind, level),
    )


def _number(number: str, symbol: str) -> str:
    """Số, ký hiệu as printed: "05" and "TTr-UBND" → "05/TTr-UBND"."""
    if "/" in number:  # already with its ký hiệu
        return number
    return f"{number}/{symbol}" if number and symbol else number


def _with_summary(head: str, summary: str, subject: str) -> str:
    """Tên loại và trích yếu: "Tờ trình" + "Về việc …" → "Tờ trình về việc …"."""
    if not (head and summary):
        return ""
    text = f"{head} {summary[0].lower()}{summary[1:]}"
    return f"{text}: {subject}" if subject else text


def _date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _level_award(campaign: Campaign, level: str) -> str:
    known = {lv.id: lv for lv in campaign.levels}
    return known[level].award if level in known else ""


def _title(campaign: Campaign, kind: str, level: str, subject: str) -> str:
    award = _level_award(campaign, level)
    if campaign.thematic:  # as the documents' trích yếu name it
        award += f" trong {campaign.movement}"
    titles = {
        "to-trinh": f"Tờ trình về việc đề nghị tặng {award}",
        "danh-sach": f"Danh sách đề nghị tặng {award} (kèm theo Tờ trình)",
        "bien-ban": f"Biên bản họp xét đề nghị khen thưởng {campaign.movement}",
        "bao-cao": f"Báo cáo thành tích đề nghị tặng {award}",
    }
    title = titles.get(kind, kind)
    return f"{title}: {subject}" if subject else title


def _signer(campaign: Campaign, kind: str, level: str) -> str:
    """The level's signer for the documents the campaign has them sign (Tờ trình, Danh sách)."""
    known = {lv.id: lv for lv in campaign.levels}
    if kind not in ("to-trinh", "danh-sach") or level not in known:
        return ""
    signer = campaign.signers.get(known[level].signer)
    return signer.name if signer else ""


def _recipients(campaign: Campaign, kind: str, level: str) -> tuple[str, ...]:
    known = {lv.id: lv for lv in campaign.levels}
    return known[level].noi_nhan if kind == "to-trinh" and level in known else ()
