"""Confirming a sender: its address added to a department's `emails` in the campaign file.

What the README tells the clerk to do by hand after checking with the department, done in
place: the file keeps its comments and layout, only the one array gains the address (or the
department gains an `emails` line). The result is read back with the campaign loader; when it
does not load, the file is put back as it was and the loader's message is raised.
"""

from __future__ import annotations

import re
from pathlib import Path

from docgen.campaign.load import load_campaign
from docgen.errors import CampaignError
from docgen.output.files import write_atomic
from docgen.text import fold

_BLOCK = re.compile(r"^\[\[departments\]\][^\n]*\n(?P<body>(?:(?!\[)[^\n]*\n?)*)", re.M)
_NAME = re.compile(r'^name\s*=\s*"(?P<name>[^"]*)"', re.M)
_EMAILS = re.compile(r"^emails\s*=\s*\[(?P<items>[^\]]*)\]", re.M)


def add_sender(path: Path, department: str, address: str) -> bool:
    """Add `address` to `department`'s addresses in the campaign file at `path`; False when it
    is already there. Raises CampaignError when the department is not in the file."""
    original = path.read_bytes()
    text = original.decode("utf-8-sig")
    block = next((b for b in _BLOCK.finditer(text) if _named(b.group("body"), department)), None)
    if block is None:
        raise CampaignError(
            f"Tệp chiến dịch {path} không có đơn vị “{department}” trong [[departments]]: hãy "
            "thêm đơn vị (name, emails) rồi xác nhận lại."
        )
    body = block.group("body")
    emails = _EMAILS.search(body)
    if emails is not None and f'"{address.lower()}"' in emails.group("items").lower():
        return False
    if emails is None:
        name = _NAME.search(body)
        assert name is not None  # _named found it
        body = f'{body[: name.end()]}\nemails = ["{address}"]{body[name.end() :]}'
    else:
        items = emails.group("items").rstrip()
        joined = f'{items}, "{address}"' if items.strip() else f'"{address}"'
        body = f"{body[: emails.start('items')]}{joined}{body[emails.end('items') :]}"
    _replace(path, original, text[: block.start("body")] + body + text[block.end("body") :])
    return True


def _named(body: str, department: str) -> bool:
    name = _NAME.search(body)
    return name is not None and fold(name.group("name")) == fold(department)


def _replace(path: Path, original: bytes, new: str) -> None:
    write_atomic(path, new.encode("utf-8"))
    try:
        load_campaign(path)
    except CampaignError:
        write_atomic(path, original)
        raise
