"""What is checked of a recognised file before it is filed, beyond its signature's integrity.

- A file recognised by its name or number alone: its text (a PDF's text layer, a signed Word
  file's paragraphs) must not contradict the document (textcheck.py) — a contradiction
  refuses it; when nothing in it could be read against the document (an image-only scan), it
  is filed and the register says the match is by name only.
- A digitally signed file: the signer's certificate should name the signer the document
  names; when it does not, the file is filed (a deputy may sign in the chairman's place) and
  the clerk is warned, the register keeping both names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.archive.match import BY_CONTENT, BY_TEXT, Match, word_lines
from docgen.archive.received import Received
from docgen.archive.source import Expected
from docgen.archive.textcheck import Agreement, check_text
from docgen.text import fold


@dataclass(frozen=True)
class Vetting:
    """How the file was recognised, what to warn of, and why it is refused ("" if it is not)."""

    matched_by: str
    notes: tuple[str, ...] = ()
    refusal: str = ""


def vet(received: Received, found: Match, issuer: Sequence[str], year: int = 0) -> Vetting:
    """Check the file `received`, recognised as `found.document` of a campaign of `year` whose
    documents name their issuer `issuer`, before filing it."""
    doc = found.document
    assert doc is not None
    matched_by, notes = found.how, []
    if found.how != BY_CONTENT:
        checked = check_text(_lines(received), doc, issuer, year)
        if checked.agreement is Agreement.CONTRADICTED:
            said = "; ".join(checked.contradictions)
            return Vetting(found.how, refusal=said)
        if checked.agreement is Agreement.CONFIRMED:
            matched_by = BY_TEXT
    if matched_by not in (BY_CONTENT, BY_TEXT):
        notes.append(f"khớp theo {found.how}, chưa đối chiếu nội dung")
    notes += _signer_notes(received, doc)
    return Vetting(matched_by, tuple(notes))


def _lines(received: Received) -> list[str]:
    """The text of the file: a PDF's text layer, a Word file's paragraphs."""
    if received.path.suffix.lower() != ".pdf":
        return word_lines(received.data)
    from docgen.archive.pdftext import pdf_lines  # pyHanko: only for a PDF to read back

    return pdf_lines(received.data)


def _signer_notes(received: Received, doc: Expected) -> list[str]:
    if not (received.signers and doc.signer):
        return []
    if any(same_person(doc.signer, signer) for signer in received.signers):
        return []
    return [f"người ký số ({received.signer}) khác người ký ghi trong văn bản ({doc.signer})"]


def same_person(named: str, certificate: str) -> bool:
    """True when a part of the certificate's name (split at " - ", commas, brackets) is the
    name the document prints, case, spacing and diacritics aside: "LE THANH HOAN - CHU TICH"
    is "Lê Thanh Hoan"; "Lê Thanh Hoan" is not "Lê Thanh"."""
    wanted = re.findall(r"\w+", fold(named))
    parts = re.split(r"\s[-–]\s|[,;()/]", fold(certificate))
    return bool(wanted) and any(re.findall(r"\w+", part) == wanted for part in parts)
