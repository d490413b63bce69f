"""Operating-system errors said in Vietnamese: what happened, to which path, and what to do.

The system's own text (`strerror`) is English on most machines and says nothing a clerk
can act on; each error number gets its own sentence and advice instead.

The path named is one the clerk can find: a hidden file (docgen's lock, a temp file being
written, Excel's `~$` owner file) is named by its folder, and so is any file of a read-only
disk, since the folder is what must move. A write to an open file fails without a path
(`ENOSPC` from `write`): `naming` gives it the file being written.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# errno → (what happened, what to do). Windows maps its sharing violations (a file open in
# Excel or Word) to EACCES, so the advice for EACCES mentions closing the file.
_WHAT: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (
        "ổ đĩa đã đầy",
        "Giải phóng dung lượng ổ đĩa (xóa bớt tệp không cần) rồi chạy lại.",
    ),
    errno.EROFS: (
        "thư mục chỉ cho phép đọc, không ghi được",
        "Chép thư mục làm việc sang ổ đĩa ghi được (không dùng ổ CD, thẻ nhớ khóa ghi) rồi chạy lại.",
    ),
    errno.EACCES: (
        "không có quyền truy cập hoặc tệp đang được mở bằng chương trình khác",
        "Đóng tệp nếu đang mở bằng Excel/Word, kiểm tra quyền đọc/ghi thư mục rồi chạy lại.",
    ),
    errno.EPERM: (
        "hệ điều hành không cho phép thao tác này",
        "Kiểm tra quyền của tài khoản với thư mục (hoặc bỏ thuộc tính chỉ đọc) rồi chạy lại.",
    ),
    errno.ENOENT: (
        "không tìm thấy tệp hoặc thư mục",
        "Kiểm tra lại đường dẫn (tệp có thể đã bị xóa hoặc đổi tên) rồi chạy lại.",
    ),
    errno.EISDIR: ("đây là thư mục, không phải tệp", "Chỉ ra đúng tệp cần dùng rồi chạy lại."),
    errno.ENOTDIR: (
        "một phần của đường dẫn là tệp, không phải thư mục",
        "Kiểm tra lại đường dẫn rồi chạy lại.",
    ),
    errno.ENAMETOOLONG: (
        "tên tệp hoặc đường dẫn quá dài",
        "Chuyển thư mục làm việc lên gần gốc ổ đĩa hoặc đặt tên ngắn hơn rồi chạy lại.",
    ),
    errno.EMFILE: ("mở quá nhiều tệp cùng lúc", "Đóng bớt chương trình đang chạy rồi chạy lại."),
    errno.EIO: (
        "lỗi đọc/ghi thiết bị (ổ đĩa hoặc thẻ nhớ có thể bị hỏng hay đã bị rút ra)",
        "Kiểm tra ổ đĩa, chép thư mục làm việc sang ổ khác rồi chạy lại.",
    ),
    errno.EBUSY: (
        "tệp hoặc thư mục đang bị chương trình khác giữ",
        "Đóng chương trình đang dùng tệp (Excel, Word, trình diệt virus) rồi chạy lại.",
    ),
    errno.EEXIST: ("tệp đã có", "Đổi tên hoặc chuyển tệp đang có sang chỗ khác rồi chạy lại."),
    errno.EXDEV: (
        "không chuyển được tệp sang ổ đĩa khác",
        "Để thư mục làm việc trên cùng một ổ đĩa rồi chạy lại.",
    ),
}
_QUOTA = getattr(errno, "EDQUOT", None)
if _QUOTA is not None:
    _WHAT[_QUOTA] = ("đã dùng hết hạn mức dung lượng được cấp", _WHAT[errno.ENOSPC][1])
_DEFAULT = (
    "hệ điều hành báo lỗi khi đọc/ghi tệp",
    "Kiểm tra ổ đĩa và quyền đọc/ghi thư mục, đóng tệp nếu đang mở bằng Excel/Word, rồi chạy lại.",
)


def describe(exc: OSError) -> str:
    """One Vietnamese line: what failed, on which file or folder (when known), and the number."""
    what, _ = _WHAT.get(exc.errno or 0, _DEFAULT)
    places = [_place(str(p), exc.errno) for p in (exc.filename, exc.filename2) if p]
    noun = places[0][0] if places else "tệp"
    where = f" ({' → '.join(p for _, p in places)})" if places else ""
    code = f" [mã lỗi {exc.errno}]" if exc.errno and exc.errno not in _WHAT else ""
    return f"Không đọc/ghi được {noun}{where}: {what}{code}."


_HIDDEN = (".", "~$")  # names Explorer and Finder hide, or that only Office and docgen write
_FOLDER_WIDE = frozenset({errno.EROFS})  # the whole disk refuses: the folder is what must move


def _place(path: str, number: int | None) -> tuple[str, str]:
    """("tệp" or "thư mục", the path to name) for `path` in an error numbered `number`."""
    target = Path(path)
    if target.name.startswith(_HIDDEN) or (number in _FOLDER_WIDE and not target.is_dir()):
        return "thư mục", str(target.parent)
    return ("thư mục" if target.is_dir() else "tệp"), path


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """Give `path` to an OSError raised without one in the block (a write to an open file)."""
    try:
        yield
    except OSError as exc:
        if not exc.filename:
            exc.filename = str(path)
        raise


def advice(exc: OSError) -> str:
    """What the clerk should do about `exc`."""
    return _WHAT.get(exc.errno or 0, _DEFAULT)[1]
