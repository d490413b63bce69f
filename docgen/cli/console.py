"""Console output that never crashes on a Windows code page, and JSON that is always UTF-8.

How a command uses it:

- Text: `click.echo` / `click.secho` as usual. `prepare_streams()` (run by the `docgen` group
  before anything is printed) re-opens stdout and stderr so that a letter the console's code
  page cannot show degrades instead of raising: on cp1258 Vietnamese is written the way that
  code page spells it (base letter + tone mark), elsewhere without diacritics ("Tệp" → "Tep"),
  and typographic marks become ASCII (“ ” → ", → → ->); anything else becomes "?".
- Data: `emit_json(data)` writes UTF-8 bytes to the binary stdout, so
  `docgen kiem-tra --json > f.json` gives a UTF-8 file under any code page.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

# Tone marks; cp1258 writes them as combining characters after a precomposed vowel.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ASCII = {
    "đ": "d",
    "Đ": "D",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
    "→": "->",
    "←": "<-",
    "…": "...",
    "≤": "<=",
    "≥": ">=",
    "›": ">",
    "×": "x",
    "\u00a0": " ",
}


def degrade(char: str, encoding: str) -> str:
    """`char` as `encoding` can write it: decomposed, without marks, in ASCII, or "?"."""
    decomposed = unicodedata.normalize("NFD", char)
    marks = [c for c in decomposed if unicodedata.combining(c)]
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    toned = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in _TONES))
    candidates = (
        decomposed,
        toned + "".join(m for m in marks if m in _TONES),  # cp1258's own spelling
        _ASCII.get(char, base),
        _ASCII.get(base, "?"),
    )
    for candidate in candidates:
        try:
            candidate.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            continue
        return candidate
    return "?"


def _handler(encoding: str) -> Callable[[UnicodeError], tuple[str, int]]:
    def handle(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        bad = exc.object[exc.start : exc.end]
        return "".join(degrade(c, encoding) for c in bad), exc.end

    return handle


def error_handler(encoding: str) -> str:
    """The name of the registered codec error handler that degrades text for `encoding`."""
    name = f"docgen-degrade-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, _handler(encoding))
    return name


def prepare_streams() -> None:
    """Let stdout and stderr degrade unwritable letters instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding:
            encoding = codecs.lookup(stream.encoding).name
            if encoding not in ("utf-8", "utf-16", "utf-32"):
                stream.reconfigure(errors=error_handler(encoding))


def emit_json(data: Any, path: Path | None = None) -> None:
    """Write `data` as indented JSON, UTF-8 encoded whatever the console's code page: to the
    file `path` when given (`--json-ra`: PowerShell 5.1's `>` would write UTF-16), else stdout."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if path is None:
        click.echo(text.encode("utf-8"), nl=False)
        return
    from docgen.output.files import write_atomic

    write_atomic(path, text.encode("utf-8"))
    click.echo(f"Đã ghi kết quả dạng JSON (UTF-8) vào {path.absolute()}", err=True)
