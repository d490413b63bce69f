"""Where each line of a Giấy khen goes, in millimetres on an A4 landscape sheet.

Two designs share the variable lines' places:
- on a pre-printed blank (phôi): only the variable lines, at the blank's places shifted by the
  clerk's offset (printers differ: a test page shows the boxes, the clerk measures and writes
  the shift into `giay-khen.toml` in the ward folder);
- on plain paper: the same lines under the full design (Quốc hiệu, authority, "GIẤY KHEN",
  a border).

`giay-khen.toml` (all keys optional)::

    lech_ngang = 1.5   # mm to the right (negative: to the left)
    lech_doc = -2      # mm down (negative: up)
    [vi_tri.ten]       # one line's own place: x, y, rong (width), cao (height), co_chu (pt)
    y = 90
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from docgen.errors import DocgenError

SETTINGS_FILE = "giay-khen.toml"


@dataclass(frozen=True, kw_only=True)
class Spot:
    """One line's box: place, width, height (up to the next line's place), size (shrunk down
    to `smallest`, then wrapped within `lines` and the height)."""

    x: float
    y: float
    width: float
    height: float
    size: float
    smallest: float
    lines: int = 1
    bold: bool = False
    italic: bool = False
    align: str = "center"


SPOTS: dict[str, Spot] = {
    "ten": Spot(x=30, y=88, width=237, height=17, size=26, smallest=16, lines=2, bold=True),
    "don_vi": Spot(x=30, y=106, width=237, height=13, size=16, smallest=12, lines=2),
    "thanh_tich": Spot(
        x=30, y=120, width=237, height=24, size=16, smallest=12, lines=3, italic=True
    ),
    "ngay": Spot(x=160, y=146, width=120, height=7, size=14, smallest=11, italic=True),
    "tham_quyen": Spot(x=160, y=153, width=120, height=7, size=14, smallest=11, bold=True),
    "chuc_vu": Spot(x=160, y=160, width=120, height=7, size=14, smallest=11, bold=True),
    "nguoi_ky": Spot(x=160, y=186, width=120, height=7, size=14, smallest=11, bold=True),
    "quyet_dinh": Spot(x=22, y=186, width=125, height=7, size=12, smallest=10, align="left"),
}
"""The variable lines and their default places (a common A4 landscape blank)."""

LABELS = {
    "ten": "Họ và tên / tên tập thể",
    "don_vi": "Chức vụ, đơn vị",
    "thanh_tich": "Thành tích",
    "ngay": "Địa danh, ngày tháng năm",
    "tham_quyen": "Thẩm quyền ký (KT. CHỦ TỊCH)",
    "chuc_vu": "Chức vụ người ký",
    "nguoi_ky": "Họ và tên người ký",
    "quyet_dinh": "Số, ngày quyết định",
}


class SettingsError(DocgenError):
    """The ward's `giay-khen.toml` cannot be used."""

    def __init__(self, message: str) -> None:
        super().__init__("CERTIFICATE_SETTINGS", message)


@dataclass(frozen=True)
class Placement:
    """The spots in use and the shift applied to every one of them."""

    spots: dict[str, Spot]
    right: float = 0.0
    down: float = 0.0

    def spot(self, key: str) -> Spot:
        """The spot of line `key`, shifted."""
        base = self.spots[key]
        return replace(base, x=base.x + self.right, y=base.y + self.down)


def read_placement(ward: Path, right: float | None, down: float | None) -> Placement:
    """The ward's settings (if any), with the offsets given on the command line winning."""
    path = ward / SETTINGS_FILE
    data: dict[str, object] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(
                f"Tệp {path} không đọc được ({exc}); sửa lại hoặc xóa tệp."
            ) from None
    spots = dict(SPOTS)
    places = data.get("vi_tri", {})
    if not isinstance(places, dict):
        raise SettingsError(f"Tệp {path}: [vi_tri] phải là bảng, ví dụ [vi_tri.ten].")
    for key, given in places.items():
        spots[key] = _moved(path, key, given)
    return Placement(
        spots,
        right if right is not None else _number(path, "lech_ngang", data.get("lech_ngang", 0)),
        down if down is not None else _number(path, "lech_doc", data.get("lech_doc", 0)),
    )


def _moved(path: Path, key: str, given: object) -> Spot:
    if key not in SPOTS or not isinstance(given, dict):
        names = ", ".join(SPOTS)
        raise SettingsError(f"Tệp {path}: [vi_tri.{key}] không dùng được; các dòng: {names}.")
    unknown = set(given) - {"x", "y", "rong", "cao", "co_chu"}
    if unknown:
        raise SettingsError(f"Tệp {path}: [vi_tri.{key}] chỉ có x, y, rong, cao, co_chu.")
    base = SPOTS[key]

    def value(name: str, default: float) -> float:
        return _number(path, f"vi_tri.{key}.{name}", given.get(name, default))

    return replace(
        base,
        x=value("x", base.x),
        y=value("y", base.y),
        width=value("rong", base.width),
        height=value("cao", base.height),
        size=value("co_chu", base.size),
    )


def _number(path: Path, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingsError(f"Tệp {path}: {key} phải là một số (mm hoặc cỡ chữ), ví dụ 1.5.")
    return float(value)
