"""One function per document: the plain dict (str, lists, dicts; NFC) its template prints."""

from docgen.documents.minutes import minutes_context
from docgen.documents.proposal import list_context, proposal_context
from docgen.documents.report import report_context

__all__ = ["list_context", "minutes_context", "proposal_context", "report_context"]
