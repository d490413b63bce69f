"""The manifest: every current generated file with its hash and provenance, and the history.

`files` lists exactly the documents of the current decision; `history` lists every document
moved aside (`da-thay-the/…`) by a later run, with where it went and why. A rerun compares each
target with the hashes docgen itself wrote (manifest and journal, see `docgen.output.state`).
`read_manifest` is its one reader: it checks every record and reports damage by line
(`docgen.statefile`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from docgen.output.files import write_atomic
from docgen.statefile import Damage, StateFileDamaged, line_of, parse_json, read_text, set_aside

MANIFEST = "manifest.json"
REBUILD = (
    "Chạy lại “docgen ho-so”: danh mục được lập lại từ các văn bản trong thư mục (văn bản giống "
    "bản docgen lập được nhận lại; văn bản khác bản đó được giữ nguyên và báo ra, không bị ghi "
    "đè) và lịch sử văn bản đã thay thế được lập lại từ thư mục da-thay-the/."
)


@dataclass(frozen=True)
class ManifestEntry:
    """One generated file: where it is, its hash, what it was made from, and what it is.

    The register fields (number, symbol, date, summary, signer, recipients) are those the
    văn thư and the archive need: `number` and `date` stay empty until the văn thư assigns them.
    """

    path: str  # relative to the campaign's output folder, with forward slashes
    sha256: str
    kind: str
    template: str
    level: str = ""
    sources: tuple[dict[str, object], ...] = ()
    title: str = ""  # "Tờ trình", "Báo cáo thành tích — Nguyễn Văn An"
    number: str = ""  # "05"
    symbol: str = ""  # ký hiệu: "TTr-UBND"
    date: str = ""  # ISO date of the document, "" while not assigned
    summary: str = ""  # trích yếu
    signer: str = ""  # "CHỦ TỊCH Lê Thanh Hoan"
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retired:
    """A document moved out of the current dossier: from where, to where, when and why."""

    path: str
    sha256: str
    kind: str
    level: str
    title: str
    moved_to: str  # relative to the campaign's output folder ("" when it was already gone)
    reason: str
    edited: bool = False  # it had been edited by hand


_ENTRY_FIELDS = tuple(sorted(f.name for f in fields(ManifestEntry)))
_RETIRED_FIELDS = tuple(sorted(f.name for f in fields(Retired)))


@dataclass
class Manifest:
    """All current generated files of one campaign output folder, and the retired ones."""

    campaign: str
    campaign_sha256: str = ""
    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    history: list[Retired] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The manifest as JSON data: no timestamps, sorted, so a rerun gives the same bytes."""
        return {
            "campaign": self.campaign,
            "campaign_sha256": self.campaign_sha256,
            "files": [_plain(self.entries[p], _ENTRY_FIELDS) for p in sorted(self.entries)],
            "history": [_plain(h, _RETIRED_FIELDS) for h in self.history],
        }

    def save(self, folder: Path) -> None:
        """Write the manifest atomically and durably: the data of `to_json`, one record per
        line (grep-able), each encoded by json's C encoder and written as it is made (an
        indented dump of 20,000 records takes seconds and tens of MB)."""
        write_atomic(folder / MANIFEST, (line.encode("utf-8") for line in self._lines()))

    def _lines(self) -> Iterator[str]:
        yield "{\n"
        yield f'  "campaign": {_json(self.campaign)},\n'
        yield f'  "campaign_sha256": {_json(self.campaign_sha256)},\n'
        files = (_plain(self.entries[p], _ENTRY_FIELDS) for p in sorted(self.entries))
        yield from _records("files", files, ",")
        yield from _records("history", (_plain(h, _RETIRED_FIELDS) for h in self.history), "")
        yield "}\n"


def _records(key: str, records: Iterable[dict[str, Any]], after: str) -> Iterator[str]:
    """`"key": [`, one record a line, `]`, then `after` (a comma between two lists)."""
    yield f'  "{key}": ['
    first, separator = "\n    ", ",\n    "
    lead = first
    for record in records:
        yield f"{lead}{_json(record)}"
        lead = separator
    yield ("]" if lead is first else "\n  ]") + after + "\n"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _plain(record: ManifestEntry | Retired, names: tuple[str, ...]) -> dict[str, Any]:
    """A record as JSON data (a shallow `asdict`: its values are plain already)."""
    return {name: getattr(record, name) for name in names}


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in `folder`, checked; None when there is none.

    The one reader of manifest.json (the dossier run and the archive both ask it). A damaged
    manifest is moved aside (`manifest.json.hong-…`) and `StateFileDamaged` says how to
    rebuild it. A manifest of an earlier docgen (indented, no history, fewer fields) reads as
    it is; fields this version does not know are left out.
    """
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        return _manifest(read_text(path))
    except Damage as damage:
        raise StateFileDamaged("Danh mục văn bản", path, damage, set_aside(path), REBUILD) from None


def _manifest(text: str) -> Manifest:
    data = parse_json(text)
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise Damage("không có danh sách văn bản (mục “files”)", 1)
    history = data.get("history", [])  # docgen before the history had none
    if not isinstance(history, list):
        raise Damage("mục “history” không phải danh sách", _key_line(text, "history"))
    campaign, digest = data.get("campaign", ""), data.get("campaign_sha256", "")
    if not isinstance(campaign, str) or not isinstance(digest, str):
        raise Damage("mã chiến dịch không phải chuỗi chữ", _key_line(text, "campaign"))
    entries = [_entry(r) for r in _read_records(text, "files", data["files"], _ENTRY_SPEC)]
    retired = [Retired(**r) for r in _read_records(text, "history", history, _RETIRED_SPEC)]
    return Manifest(campaign, digest, {e.path: e for e in entries}, retired)


def _read_records(text: str, key: str, records: list[object], spec: _Spec) -> list[dict[str, Any]]:
    """Each record's known fields, checked; `Damage` on the line of the first bad record."""
    checked = []
    for n, record in enumerate(records):
        try:
            checked.append(_checked(record, spec))
        except Damage as damage:
            raise Damage(damage.problem, _record_line(text, key, n)) from None
    return checked


# field → (type, required). Fields not listed (from another docgen version) are ignored.
_Spec = dict[str, tuple[type, bool]]
_TEXT_FIELDS = ("level", "title", "number", "symbol", "date", "summary", "signer")
_ENTRY_SPEC: _Spec = {
    **{name: (str, True) for name in ("path", "sha256", "kind", "template")},
    **{name: (str, False) for name in _TEXT_FIELDS},
    "sources": (list, False),
    "recipients": (list, False),
}
_RETIRED_SPEC: _Spec = {
    **{name: (str, True) for name in ("path", "sha256", "kind", "level", "title", "moved_to")},
    "reason": (str, True),
    "edited": (bool, False),
}


def _checked(record: object, spec: _Spec) -> dict[str, Any]:
    """The record's known fields, each of its type (`Damage` otherwise)."""
    if not isinstance(record, dict):
        raise Damage("một bản ghi không phải đối tượng JSON {…}")
    for name, (kind, required) in spec.items():
        if name not in record:
            if required:
                raise Damage(f"bản ghi thiếu trường “{name}”")
        elif not isinstance(record[name], kind):
            raise Damage(f"trường “{name}” có giá trị sai kiểu: {record[name]!r}")
    if not _SHA256.fullmatch(record["sha256"]):
        raise Damage(f"mã băm “{record['sha256']}” không phải SHA-256")
    return {k: v for k, v in record.items() if k in spec}


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _record_line(text: str, key: str, index: int) -> int:
    """The line where record `index` of the list `key` starts (any indentation)."""
    found = re.search(rf'"{key}"\s*:\s*\[', text)
    if found is None:
        return 1
    decoder, pos = json.JSONDecoder(), found.end()
    for _ in range(index + 1):
        pos = _skip(text, pos)
        start = pos
        _, pos = decoder.raw_decode(text, pos)
    return line_of(text, start)


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n,":
        pos += 1
    return pos


def _key_line(text: str, key: str) -> int:
    found = text.find(f'"{key}"')
    return line_of(text, found) if found >= 0 else 1


def _entry(values: dict[str, Any]) -> ManifestEntry:
    values = dict(values)
    values["sources"] = tuple(values.get("sources", ()))
    values["recipients"] = tuple(values.get("recipients", ()))
    return ManifestEntry(**values)


class WriteOutcome(StrEnum):
    """What happened to one planned document on this run."""

    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept-edited"  # edited by hand since generation: kept, not overwritten
    KEPT_UNKNOWN = "kept-unknown"  # a file docgen did not make: kept
    FORCED = "forced"  # overwritten on request; the old file moved to da-thay-the/
