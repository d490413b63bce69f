"""What the archive expects to receive: the current documents of a campaign's manifest.

The manifest is read through its one reader (`docgen.output.manifest.read_manifest`), which
checks it and reports damage by name. Each document's register fields (number, ký hiệu, date,
trích yếu, signer, recipients) are the ones the dossier run wrote beside it
(`docgen.dossier.register_fields`): the archive never works them out again from the campaign, so the
register and the dossier cannot disagree. A manifest of an earlier docgen that lacks them gives
empty fields (its title stands for the trích yếu); rerunning `docgen ho-so` fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from docgen.campaign import Campaign
from docgen.errors import DocgenError
from docgen.output.manifest import MANIFEST, ManifestEntry, read_manifest


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
    symbol: str = ""  # ký hiệu alone, known before the number: TTr-UBND
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


def _expected(campaign: Campaign, entry: ManifestEntry) -> Expected:
    head, _, subject = entry.title.strip().partition(" — ")
    return Expected(
        campaign=campaign.id,
        level=entry.level,
        path=entry.path,
        kind=entry.kind,
        sha256=entry.sha256,
        title=_with_summary(head, entry.summary.strip(), subject) or entry.title.strip(),
        number=printed_number(entry.number.strip(), entry.symbol.strip()),
        symbol=entry.symbol.strip(),
        issued=_date(entry.date.strip()),
        signer=entry.signer.strip(),
        recipients=tuple(map(str, entry.recipients)),
    )


def printed_number(number: str, symbol: str) -> str:
    """Số, ký hiệu as printed: "05" and "TTr-UBND" → "05/TTr-UBND"."""
    if "/" in number:  # already with its ký hiệu
        return number
    return f"{number}/{symbol}" if number and symbol else number


def _with_summary(head: str, summary: str, subject: str) -> str:
    """Tên loại và trích yếu: "Tờ trình" + "Về việc …" → "Tờ trình về việc …"; words the
    summary repeats from the name are said once ("Biên bản họp xét" + "Họp xét đề nghị …" →
    "Biên bản họp xét đề nghị …")."""
    if not (head and summary):
        return ""
    words = summary.split()
    named = [w.casefold() for w in head.split()]
    overlap = next(
        (n for n in range(min(len(named), len(words)), 0, -1)
         if named[-n:] == [w.casefold() for w in words[:n]]),
        0,
    )  # fmt: skip
    rest = " ".join(words[overlap:])
    text = f"{head} {rest[:1].lower()}{rest[1:]}".rstrip()
    return f"{text}: {subject}" if subject else text


def _date(text: str) -> date | None:
    """The manifest's ISO date (empty until the văn thư assigns one)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
