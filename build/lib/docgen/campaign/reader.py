"""Typed access to a parsed TOML file that records each problem with its key and line."""

from __future__ import annotations

import re
from datetime import date
from typing import Any


class TomlReader:
    """Typed access to the parsed TOML that records problems instead of raising."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.problems: list[str] = []

    def where(self, path: str) -> str:
        """`khóa a.b (dòng N)`: the key and its line, or its section's line when it is absent."""
        line = self._line(path)
        return f"khóa `{path}` (dòng {line})" if line else f"khóa `{path}`"

    def line(self, path: str) -> int | None:
        """Line of `path` in the file, or of its section when the key is absent."""
        return self._line(path)

    def _line(self, path: str) -> int | None:
        """Line of `path` such as `plan.title` or `levels[1].quota`, searched in its section."""
        match = re.match(r"([\w]+)(?:\[(\d+)\])?\.?([\w.]*)", path)
        if not match:
            return None
        section, index, rest = match.group(1), int(match.group(2) or 0), match.group(3)
        start = self._section_start(section, index, array=match.group(2) is not None)
        if start is None:
            return None
        leaf = rest.rsplit(".", 1)[-1].split("[")[0] if rest else ""
        key = re.compile(rf"^\s*{re.escape(leaf)}\s*=") if leaf else None
        for number in range(start + 1, len(self.lines) + 1):
            text = self.lines[number - 1]
            if text.lstrip().startswith("["):
                break
            if key is not None and key.match(text):
                return number
        return start

    def _section_start(self, section: str, index: int, array: bool) -> int | None:
        header = re.compile(
            rf"^\s*\[\[\s*{section}\s*\]\]" if array else rf"^\s*\[\s*{section}[\].]"
        )
        seen = 0
        for number, text in enumerate(self.lines, start=1):
            if header.match(text):
                if seen == index:
                    return number
                seen += 1
        return None

    def fail(self, path: str, what: str) -> None:
        self.problems.append(f"{self.where(path)}: {what}")

    def get(
        self, table: dict[str, Any], key: str, path: str, kind: type, default: Any = None
    ) -> Any:
        """Value of `key` if present and of type `kind`; records a problem otherwise."""
        full = f"{path}.{key}" if path else key
        if key not in table:
            if default is None:
                self.fail(full, "thiếu giá trị bắt buộc.")
            return default
        value = table[key]
        if kind is date and isinstance(value, str):
            value = day_first(value) or value  # "24/02/2023", as a clerk writes a date
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(full, f"phải là {_TYPE_NAMES.get(kind, kind.__name__)}.")
            return default
        return value

    def text(self, table: dict[str, Any], key: str, path: str, allow_empty: bool = False) -> str:
        value = self.get(table, key, path, str, "" if allow_empty else None) or ""
        if not value.strip() and not allow_empty and key in table:
            self.fail(f"{path}.{key}", "không được để trống.")
        return str(value)

    def texts(self, table: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        values = self.get(table, key, path, list, None)
        if values is None:
            return ()
        if not all(isinstance(v, str) for v in values):
            self.fail(f"{path}.{key}", "phải là danh sách chuỗi văn bản.")
            return ()
        return tuple(values)

    def table(self, root: dict[str, Any], key: str) -> dict[str, Any]:
        value = root.get(key)
        if not isinstance(value, dict):
            self.problems.append(f"Thiếu mục [{key}].")
            return {}
        return value

    def array(self, root: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = root.get(key)
        if not isinstance(value, list) or not value:
            self.problems.append(f"Thiếu mục [[{key}]] (cần ít nhất một mục).")
            return []
        return [v for v in value if isinstance(v, dict)]


def day_first(text: str) -> date | None:
    """The date in "24/02/2023" (also 24-02-2023, 24.2.2023), or None."""
    found = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", text)
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


_TYPE_NAMES = {
    str: "chuỗi văn bản",
    int: "số nguyên",
    float: "số",
    bool: "true hoặc false",
    list: "danh sách",
    date: 'ngày (dạng 2023-02-24 hoặc "24/02/2023")',
    dict: "bảng",
}
