"""The PDF beside a generated .docx: where it is, whether it is signed, whether it is current.

A PDF is the document only while it is not older than its .docx: a .docx rewritten (or edited
by hand) after its conversion leaves a PDF of the previous version, which no step may count,
offer or file as the current document.
"""

from __future__ import annotations

from pathlib import Path


def pdf_of(source: Path) -> Path:
    """Where the PDF of `source` goes: beside it, same name."""
    return source.with_suffix(".pdf")


def is_signed_pdf(path: Path) -> bool:
    """True when the PDF holds a signature dictionary (its byte range)."""
    try:
        return b"/ByteRange" in path.read_bytes()
    except OSError:
        return False


def is_current_pdf(source: Path) -> bool:
    """True when the PDF of `source` exists and is not older than it."""
    pdf = pdf_of(source)
    try:
        return pdf.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


def current_pdf(source: Path) -> Path | None:
    """The PDF of `source` when it is current (see `is_current_pdf`), else None."""
    return pdf_of(source) if is_current_pdf(source) else None
