"""The paragraphs of a .docx body as plain text: what a reader sees, for comparing documents.

Read with the standard library only (a .docx written by docgen or saved again by Word):
each `w:p` of `word/document.xml` is one paragraph, its `w:t` texts joined, a tab or a break
read as a space. Not a general Word reader: fields, text boxes' layout and numbering are
ignored, which is enough to find a document number, a date or a name.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

_PARAGRAPH_END = re.compile(rb"</w:p>")
# A text, a tab or break (read as a space), or Word's no-break hyphen (read as the "-" it
# prints: the ký hiệu "TTr-UBND" of a docgen document holds one).
_PIECE = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr|noBreakHyphen)\b[^>]*/>")
MAX_XML = 64 * 1024 * 1024  # a dossier document is far smaller; a larger part is not read


def docx_paragraphs(data: bytes) -> list[str]:
    """The body's paragraphs as text ([] when `data` is not a readable .docx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                return []
            xml = package.read(info)
    except (zipfile.BadZipFile, KeyError, OSError):
        return []
    paragraphs: list[str] = []
    for chunk in _PARAGRAPH_END.split(xml):
        pieces = [_piece(m) for m in _PIECE.finditer(chunk)]
        text = html.unescape(b"".join(pieces).decode("utf-8", "replace"))
        if text.strip():
            paragraphs.append(text)
    return paragraphs


def _piece(match: re.Match[bytes]) -> bytes:
    if match.group(1) is not None:
        return match.group(1)
    return b"-" if match.group(2) == b"noBreakHyphen" else b" "
