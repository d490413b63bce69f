"""The door every state file docgen keeps is read through: it validates, or says what is damaged.

A state file is docgen's own record of what it did (the manifest, the build journal, the
archive register). It is an input like any other: a file may be truncated by a crash or a full
disk, edited by hand, re-saved by Notepad or Excel, or written by another version of docgen.

Policy:
- Never a silent reset, never a traceback: damage raises `StateFileDamaged`, one Vietnamese
  message naming the file, the line (where a text file has lines), what is wrong and what to do.
- Nothing is lost: the damaged file is kept beside, as `<name>.hong-<date>-<time>`. A state a
  command can rebuild from the files on disk (the manifest, the build journal) is moved aside,
  so that running that command again rebuilds it; a state nothing can rebuild (the archive
  register) stays where it is and only a copy is made, for the clerk to restore a backup.
- What a re-save changes without changing the content is read as it is: a UTF-8 byte order
  mark (Notepad) and CRLF line ends (Windows). UTF-16 (Excel's and Notepad's "Unicode") and
  bytes that are not UTF-8 are damage: docgen writes UTF-8 only and appends to some files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from docgen.errors import DocgenError
from docgen.text import now_in_vietnam

DAMAGED_SUFFIX = ".hong-"
_BOM_UTF8 = b"\xef\xbb\xbf"
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")


class Damage(ValueError):
    """What is wrong with a state file's content, and on which line (raised by its reader)."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


class StateFileDamaged(DocgenError):
    """A state file is damaged: where, what, where the damaged file was kept, what to do."""

    def __init__(self, what: str, path: Path, damage: Damage, kept: Path, remedy: str) -> None:
        where = f" ở dòng {damage.line}" if damage.line else ""
        super().__init__(
            "STATE_FILE_DAMAGED",
            f"{what} {path} bị hỏng{where}: {damage.problem}. "
            f"Bản hỏng được giữ lại, không xóa: {kept.name} (cùng thư mục). {remedy}",
        )
        self.path = path
        self.line = damage.line
        self.kept = kept


def read_text(path: Path) -> str:
    """The text of a state file: UTF-8, with or without a byte order mark, any line ends."""
    return decode(path.read_bytes())


def decode(data: bytes) -> str:
    """`data` as UTF-8 text (a leading byte order mark dropped); `Damage` when it is not."""
    if not data.strip():
        raise Damage("tệp rỗng (có thể bị cắt cụt khi máy tắt đột ngột hoặc ổ đĩa đầy)")
    if data.startswith(_BOMS_UTF16) or data.count(0) * 3 > len(data):
        raise Damage(
            "tệp đã bị lưu lại dạng Unicode (UTF-16) bằng Excel hoặc Notepad, docgen chỉ đọc UTF-8",
            1,
        )
    data = data.removeprefix(_BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise Damage(
            "có byte không phải chữ UTF-8 (tệp bị ghi đè hoặc lưu sai bảng mã)", line
        ) from exc


def parse_json(text: str) -> Any:
    """One JSON document; `Damage` with the line where the syntax breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            problem = "có nội dung lạ sau phần cuối của tệp"
        elif exc.pos >= len(text.rstrip()) or not text.rstrip().endswith(("}", "]")):
            problem = "tệp bị cắt cụt giữa chừng"
        else:
            problem = f"sai cú pháp JSON (cột {exc.colno})"
        raise Damage(problem, exc.lineno) from exc


def line_of(text: str, offset: int) -> int:
    """The 1-based line of character `offset` in `text`."""
    return text.count("\n", 0, offset) + 1


def set_aside(path: Path) -> Path:
    """Move the damaged `path` to a free `<name>.hong-<date>-<time>` beside it; the new path."""
    kept = _free_name(path)
    path.replace(kept)
    return kept


def keep_copy(path: Path) -> Path:
    """Copy the damaged `path` beside it (`<name>.hong-…`), unless an identical copy is there."""
    data = path.read_bytes()
    for earlier in sorted(path.parent.glob(f"{path.name}{DAMAGED_SUFFIX}*")):
        if earlier.is_file() and earlier.read_bytes() == data:
            return earlier
    kept = _free_name(path)
    shutil.copy2(path, kept)
    return kept


def _free_name(path: Path) -> Path:
    stamp = now_in_vietnam().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}{DAMAGED_SUFFIX}{stamp}")
    n = 2
    while kept.exists():
        kept = path.with_name(f"{path.name}{DAMAGED_SUFFIX}{stamp}-{n}")
        n += 1
    return kept
