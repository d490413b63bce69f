"""Conversion of generated documents with LibreOffice (PDF, PDF/A-2b for the archive)."""

from docgen.convert.office import OfficeFailedError, OfficeMissingError, find_soffice
from docgen.convert.pdf import PdfResult, convert_to_pdf

__all__ = [
    "OfficeFailedError",
    "OfficeMissingError",
    "PdfResult",
    "convert_to_pdf",
    "find_soffice",
]
