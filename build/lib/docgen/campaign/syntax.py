"""The campaign file as a clerk saves it: encodings, and TOML mistakes explained in Vietnamese.

Notepad and Word may save with a UTF-8 byte-order mark (accepted) or as UTF-16 ("Unicode",
explained). tomllib's English message is replaced by what went wrong on which line, with the
line as written and the right form of the same line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

_DAY_FIRST = re.compile(r"^(\s*[\w.\"-]+\s*=\s*)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(#.*)?$")
_KEY_VALUE = re.compile(r"^(\s*[\w.\"-]+\s*=\s*)(.*?)\s*(#.*)?$")
_LINE = re.compile(r"at line (\d+)")
_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, name: str) -> str:
    """The text of a campaign file: UTF-8 with or without a BOM; UTF-16 is explained."""
    if data.startswith(_UTF16) or (len(data) > 1 and b"\x00" in data[:200]):
        raise ValueError(
            f"Tệp {name} được lưu dạng UTF-16 (Notepad gọi là “Unicode”), docgen cần UTF-8. "
            "Hãy mở tệp bằng Notepad, chọn Tệp › Lưu thành…, ở ô Mã hóa chọn “UTF-8” rồi lưu lại."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"Tệp {name} không phải chữ UTF-8 (byte thứ {exc.start + 1}). Hãy mở tệp bằng Notepad, "
            "chọn Tệp › Lưu thành…, ở ô Mã hóa chọn “UTF-8” rồi lưu lại."
        ) from None


def parse(text: str, name: str) -> dict[str, Any]:
    """Parse TOML, or raise ValueError saying in Vietnamese what is wrong and how to write it."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(explain(text, str(exc), name)) from None


def explain(text: str, message: str, name: str) -> str:
    """tomllib's `message` as a Vietnamese explanation with the line and its right form."""
    found = _LINE.search(message)
    if not found:
        return f"Tệp chiến dịch {name} sai cú pháp TOML ({message})."
    number = int(found.group(1))
    lines = text.splitlines()
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    head = f"Tệp chiến dịch {name} sai cú pháp ở dòng {number}: {line.strip()}"
    return f"{head}\n  {_advice(line, message)}"


def _advice(line: str, message: str) -> str:
    day_first = _DAY_FIRST.match(line)
    if day_first:
        key, day, month, year = day_first.group(1).strip(), *day_first.group(2, 3, 4)
        iso = f"{year}-{int(month):02d}-{int(day):02d}"
        return (
            "Ngày viết theo dạng năm-tháng-ngày, không có ngoặc kép "
            f"(hoặc trong ngoặc kép theo ngày/tháng/năm), ví dụ: {key} {iso}"
            f'  hoặc  {key} "{day.zfill(2)}/{month.zfill(2)}/{year}"'
        )
    pair = _KEY_VALUE.match(line)
    if pair and "=" in line:
        value = pair.group(2)
        if value and not value.startswith(('"', "'", "[", "{")) and not _is_bare_value(value):
            return f'Chữ phải đặt trong ngoặc kép, ví dụ: {pair.group(1).strip()} "{value}"'
        if value.startswith('"') and value.replace('\\"', "").count('"') != 2:
            return (
                'Thiếu dấu ngoặc kép đóng, hoặc trong chữ có dấu " thì viết thành \\", '
                'ví dụ: label = "Bộ phận \\"Một cửa\\" phường"'
            )
    if line.strip().startswith("[") and not line.strip().endswith("]"):
        return "Tên mục phải đóng bằng dấu ], ví dụ: [campaign]  hoặc  [[levels]]"
    if "=" not in line and line.strip():
        return 'Mỗi dòng ghi một khóa, dấu = và giá trị, ví dụ: title = "Phong trào thi đua …"'
    if "Cannot overwrite" in message or "Cannot declare" in message:
        return "Khóa hoặc mục này đã được ghi ở trên; mỗi khóa chỉ ghi một lần trong một mục."
    return (
        'Kiểm tra dòng này: chữ trong ngoặc kép ("…"), số và true/false không có ngoặc, '
        'danh sách trong [ ] cách nhau bởi dấu phẩy, ví dụ: noi_nhan = ["Như trên", "Lưu: VT"]'
    )


def _is_bare_value(value: str) -> bool:
    """A value TOML accepts without quotes: a number, true/false, an ISO date."""
    return bool(
        re.fullmatch(r"[+-]?\d[\d_]*(\.\d+)?|true|false|\d{4}-\d{2}-\d{2}([T ][\d:.]+)?", value)
    )


def read_campaign_text(path: Path) -> str:
    """The campaign file's text (UTF-8, BOM allowed); ValueError says what to do otherwise."""
    return decode(path.read_bytes(), path.name)
