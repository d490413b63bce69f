"""Which dossier document a received file is: by content, by number, or by name — never guessed.

Content: the very generated file, a signed Word file whose body is the generated body, or a
signed PDF that begins with the PDF `docgen pdf` made (signing tools append to a PDF). Number:
the document's số, ký hiệu in the file name (or in the Word text). Name: the generated file's
name, with the usual "đã ký"/"scan" endings allowed, narrowed by the level folder it sits in.
A file that fits no document, or several, is left unmatched with the candidates named.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from docgen.archive.source import Expected
from docgen.digest import sha256
from docgen.output.pdfs import is_current_pdf
from docgen.text import ascii_slug

BY_CONTENT = "nội dung"
BY_NUMBER = "số, ký hiệu"
BY_NAME = "tên tệp"
BY_TEXT = "chữ trong tệp"  # by name or number, and the PDF's text layer agrees (textcheck.py)

# Endings clerks and scanners add to a signed copy's name.
_ENDINGS = re.compile(r"(-(da-ky|ky|signed|scan|chup|final))+$")
_TAG = re.compile(rb"<[^>]+>")


@dataclass(frozen=True)
class Match:
    """The document a file is, how it was recognised, or the candidates when ambiguous."""

    document: Expected | None
    how: str = ""
    candidates: tuple[Expected, ...] = field(default=())


def match(name: PurePath, data: bytes, expected: list[Expected], folder: Path) -> Match:
    """Recognise the file `name` (bytes `data`) among `expected` generated in `folder`."""
    for how, found in (
        (BY_CONTENT, _by_content(data, expected, folder)),
        (BY_NUMBER, _by_number(name, data, expected)),
        (BY_NAME, _by_name(name, expected)),
    ):
        if len(found) == 1 or (found and how == BY_CONTENT and _copies(found, name)):
            return Match(_copies(found, name)[0] if len(found) > 1 else found[0], how)
        if found:
            return Match(None, how, tuple(found))
    return Match(None)


def _copies(found: list[Expected], name: PurePath) -> list[Expected]:
    """Candidates that are copies of one generated file (the one Biên bản of a meeting is
    filed in each level's dossier): those in the received file's level folder first; [] when
    the candidates are different documents."""
    if len({e.sha256 for e in found}) != 1:
        return []
    return sorted(found, key=lambda e: e.level != name.parent.name)


def _by_content(data: bytes, expected: list[Expected], folder: Path) -> list[Expected]:
    digest = sha256(data)
    body = _body_digest(data)
    found = []
    for entry in expected:
        generated = folder / entry.path
        same_body = bool(body) and body == _file_body_digest(generated)
        if digest == entry.sha256 or same_body or _begins_with_pdf_of(data, generated):
            found.append(entry)
    return found


def _body_digest(data: bytes) -> str:
    """SHA-256 of a Word package's main document part ("" when not a Word package)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return sha256(package.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError):
        return ""


def _file_body_digest(path: Path) -> str:
    try:
        return _body_digest(path.read_bytes())
    except OSError:
        return ""


def _begins_with_pdf_of(data: bytes, generated: Path) -> bool:
    if not data.startswith(b"%PDF") or not is_current_pdf(generated):
        return False  # a PDF older than its .docx is of an earlier version: not this document
    try:
        pdf = generated.with_suffix(".pdf").read_bytes()
    except OSError:
        return False
    return len(pdf) > 0 and data.startswith(pdf)


def _by_number(name: PurePath, data: bytes, expected: list[Expected]) -> list[Expected]:
    slug = f"-{ascii_slug(name.stem, 200)}-"
    text = _word_text(data)
    return [
        e
        for e in expected
        if e.number and (f"-{ascii_slug(e.number, 200)}-" in slug or f"Số: {e.number}" in text)
    ]


def _word_text(data: bytes) -> str:
    return " ".join(word_lines(data))


def word_lines(data: bytes) -> list[str]:
    """The paragraphs of a Word package's body, as text ([] when not a Word package); Word's
    non-breaking hyphen (in every ký hiệu: TTr-UBND) reads as "-"."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        return []
    xml = xml.replace(b"<w:noBreakHyphen/>", b"-")
    xml = xml.replace(b"<w:tab/>", b" ").replace(b"<w:br/>", b" ")
    texts = (_TAG.sub(b"", part).decode("utf-8", "replace") for part in xml.split(b"</w:p>"))
    return [line for line in (" ".join(html.unescape(t).split()) for t in texts) if line]


def _by_name(name: PurePath, expected: list[Expected]) -> list[Expected]:
    stem = _ENDINGS.sub("", ascii_slug(name.stem, 200))
    found = [e for e in expected if e.stem == stem]
    in_level = [e for e in found if e.level == name.parent.name]
    return in_level or found
