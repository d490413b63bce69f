"""A file handed in for filing: its bytes, its kind, and what its signatures say."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docgen.digest import sha256

SIGNED_PDF, SCAN_PDF, SIGNED_DOCX = "signed-pdf", "scan-pdf", "signed-docx"
FORM_LABELS = {
    SIGNED_PDF: "PDF có chữ ký số",
    SCAN_PDF: "PDF bản chụp (không có chữ ký số)",
    SIGNED_DOCX: "Word có chữ ký số",
}
ACCEPTED = (".pdf", ".docx")


@dataclass(frozen=True)
class Received:
    """One file to file, read once."""

    path: Path
    data: bytes
    form: str
    signer: str = ""
    signed_at: str = ""
    verdict: str = ""
    trust: str = ""
    intact: bool = True
    modified_after: bool = False
    signers: tuple[str, ...] = ()  # each signature's signer (`signer` says them in one line)

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the file."""
        return sha256(self.data)


class NotFileable(ValueError):
    """The file is not something the archive takes (the message says why, in Vietnamese)."""


def collect(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the .pdf/.docx files inside the folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [p for p in sorted(path.rglob("*")) if p.suffix.lower() in ACCEPTED]
        else:
            found.append(path)
    return [p for p in dict.fromkeys(found) if not p.name.startswith(("~$", "."))]


def receive(path: Path, roots: Sequence[bytes] = ()) -> Received:
    """Read and classify `path`; NotFileable when the archive cannot take it."""
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED:
        raise NotFileable("chỉ nhận tệp .pdf (có chữ ký số hoặc bản chụp) và .docx đã ký số")
    data = path.read_bytes()
    if suffix == ".pdf":
        return _pdf(path, data, roots)
    # signxml and pyHanko load only when a file is handed in: checking the archive or printing
    # its registers needs neither (a second less to wait).
    from docgen.archive.docxsig import docx_signatures

    signatures = docx_signatures(data)
    if not signatures:
        raise NotFileable(
            "tệp Word chưa có chữ ký số; hãy nộp bản đã ký số, hoặc bản giấy đã ký chụp thành PDF"
        )
    first = signatures[0]
    return Received(
        path,
        data,
        SIGNED_DOCX,
        first.signer,
        first.signed_at,
        first.verdict,
        first.trust,
        intact=all(s.intact for s in signatures),
        signers=tuple(dict.fromkeys(s.signer for s in signatures)),
    )


def _pdf(path: Path, data: bytes, roots: Sequence[bytes]) -> Received:
    from docgen.archive.signatures import PdfUnreadableError, pdf_signatures

    try:
        signatures = pdf_signatures(data, roots)
    except PdfUnreadableError as exc:
        raise NotFileable("không đọc được tệp PDF (tệp hỏng hoặc không phải PDF)") from exc
    if not signatures:
        return Received(path, data, SCAN_PDF)
    worst = next((s for s in signatures if not s.intact), None) or next(
        (s for s in signatures if s.modified_after), signatures[-1]
    )
    signers = tuple(dict.fromkeys(s.signer for s in signatures))
    return Received(
        path,
        data,
        SIGNED_PDF,
        ", ".join(signers),
        _when(signatures[-1].signed_at),
        worst.verdict,
        worst.trust,
        intact=all(s.intact for s in signatures),
        modified_after=any(s.modified_after for s in signatures),
        signers=signers,
    )


def _when(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""
