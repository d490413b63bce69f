"""The write journal: what a run is about to do, recorded before it does it.

A run appends one line per file *before* renaming it into place (`write`) and one line per
file it moves aside *before* moving it (`retire`), and forces the journal to disk before the
renames of each batch. The manifest is written only at the end of a run; a run stopped in
between (Ctrl+C, kill -9, power loss) leaves the journal, and the next run reads it: a file
whose hash the journal recorded is docgen's own, not a hand edit, and a retirement it recorded
enters the manifest's history. The journal is deleted once the manifest holds everything.

Only the last line may be torn (a stop in the middle of an append, which never ends in a line
break); any other line that is not a step docgen wrote is damage: the journal is moved aside
and the run stops with `StateFileDamaged` (see `docgen.statefile`).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from docgen.statefile import Damage, StateFileDamaged, decode, set_aside

JOURNAL = ".docgen-nhat-ky.jsonl"
OPS = ("write", "retire")
REBUILD = (
    "Chạy lại “docgen ho-so”: hồ sơ được lập lại từ các văn bản trong thư mục. Văn bản do lần "
    "chạy bị dừng ghi mà docgen không còn nhận ra được giữ nguyên và báo là sửa tay; xem lại, "
    "rồi chạy “docgen ho-so --ghi-de” nếu muốn lập lại (bản cũ chuyển sang da-thay-the/, không xóa)."
)


@dataclass(frozen=True)
class Line:
    """One intended step: `write` of `path` with `sha256`, or `retire` of `path` to `moved_to`."""

    op: str
    path: str
    sha256: str
    moved_to: str = ""
    reason: str = ""
    edited: bool = False


class Journal:
    """Append-only record of a run's intended writes and retirements in one output folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL

    def read(self) -> list[Line]:
        """Every complete line left by earlier runs (a torn last line is ignored); a damaged
        journal is moved aside and reported (`StateFileDamaged`)."""
        data = self.path.read_bytes() if self.path.is_file() else b""
        if not data:  # absent, or created by a run stopped before its first line
            return []
        try:
            return _lines(decode(data))
        except Damage as damage:
            kept = set_aside(self.path)
            raise StateFileDamaged("Nhật ký ghi tệp", self.path, damage, kept, REBUILD) from None

    def append(self, lines: list[Line]) -> None:
        """Record `lines` and force them to disk before the caller acts on them."""
        if not lines:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = "".join(json.dumps(asdict(line), ensure_ascii=False) + "\n" for line in lines)
        with open(self.path, "ab") as handle:
            handle.write(payload.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())

    def clear(self) -> None:
        """Forget everything: the manifest now holds it."""
        self.path.unlink(missing_ok=True)


_TYPES = {f.name: bool if f.name == "edited" else str for f in fields(Line)}


def _lines(text: str) -> list[Line]:
    raws = text.splitlines()
    lines = [_line(raw, number) for number, raw in enumerate(raws[:-1], start=1)]
    try:
        lines.append(_line(raws[-1], len(raws)))
    except Damage:
        if text.endswith("\n"):
            raise
        # torn by a stop in the middle of an append (no line break yet): never acted on
    return lines


def _line(raw: str, number: int) -> Line:
    """One journal line, checked: a JSON object with an op, a path and a hash."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise Damage("dòng không phải JSON hợp lệ", number) from None
    if not isinstance(data, dict) or set(data) - set(_TYPES) or data.get("op") not in OPS:
        raise Damage("dòng không phải một bước docgen đã ghi (write/retire)", number)
    for name, kind in _TYPES.items():
        if name in data and not isinstance(data[name], kind):
            raise Damage(f"trường “{name}” có giá trị sai kiểu", number)
    if not (data.get("path") and data.get("sha256")):
        raise Damage("dòng thiếu đường dẫn hoặc mã băm", number)
    return Line(**data)
