"""System errors name a file or folder the clerk can find: never a hidden lock or temp file, the
folder of a read-only disk, and the file being written when the disk fills up."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.lock import LOCK_NAME
from docgen.oserror import describe, naming
from docgen.output.files import write_atomic
from tests.conftest import CAMPAIGN_FILE, MakeWorkbook

FULL, READ_ONLY, DENIED = errno.ENOSPC, errno.EROFS, errno.EACCES
CASES = [
    ("disk full, a file", FULL, "/ra/a.docx", "Không đọc/ghi được tệp (/ra/a.docx): ổ đĩa đã đầy."),
    ("disk full, a temp file", FULL, "/ra/.a.docx.k2j4h5g6.tmp",
     "Không đọc/ghi được thư mục (/ra): ổ đĩa đã đầy."),
    ("read-only, the lock file", READ_ONLY, f"/ra/output/{LOCK_NAME}",
     "Không đọc/ghi được thư mục (/ra/output): thư mục chỉ cho phép đọc, không ghi được."),
    ("read-only, a file", READ_ONLY, "/ra/output/a.docx",
     "Không đọc/ghi được thư mục (/ra/output): thư mục chỉ cho phép đọc, không ghi được."),
    ("denied, the lock file", DENIED, f"/ra/output/{LOCK_NAME}",
     "Không đọc/ghi được thư mục (/ra/output): không có quyền truy cập hoặc tệp đang được mở "
     "bằng chương trình khác."),
    ("denied, Excel's owner file", DENIED, "/ra/~$phieu.xlsx",
     "Không đọc/ghi được thư mục (/ra): không có quyền truy cập hoặc tệp đang được mở bằng "
     "chương trình khác."),
    ("no path", FULL, None, "Không đọc/ghi được tệp: ổ đĩa đã đầy."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("number", "path", "line"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_path_named_is_one_the_clerk_can_find(number: int, path: str | None, line: str) -> None:
    exc = OSError(number, os.strerror(number), path) if path else OSError(number, "x")
    assert describe(exc) == line


def test_a_folder_is_called_a_folder(tmp_path: Path) -> None:
    exc = OSError(READ_ONLY, "x", str(tmp_path))
    assert describe(exc).startswith(f"Không đọc/ghi được thư mục ({tmp_path}):")


def _filling(limit: int) -> Iterator[bytes]:
    """Pieces of a file until the disk is full: `write` fails with no file name, as it does."""
    yield b"x" * limit
    raise OSError(FULL, os.strerror(FULL))


def test_a_full_disk_names_the_file_being_written(tmp_path: Path) -> None:
    target = tmp_path / "phan-hoi" / "phan-hoi-van-phong.xlsx"
    with pytest.raises(OSError) as caught:
        write_atomic(target, _filling(10))
    assert describe(caught.value) == f"Không đọc/ghi được tệp ({target}): ổ đĩa đã đầy."
    assert list(target.parent.iterdir()) == []  # no temp file left behind


def test_naming_keeps_a_path_already_given(tmp_path: Path) -> None:
    with pytest.raises(OSError) as caught, naming(tmp_path / "b"):
        raise OSError(DENIED, "x", str(tmp_path / "a"))
    assert caught.value.filename == str(tmp_path / "a")


def test_read_only_output_names_the_output_folder(
    make_workbook: MakeWorkbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_workbook(individuals=[{"ho_ten": "Nguyễn Văn An"}]).parent
    opened = Path.open

    def read_only(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == LOCK_NAME:
            raise OSError(READ_ONLY, os.strerror(READ_ONLY), str(self))
        return opened(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", read_only)
    args = ["kiem-tra", "--thu-muc", str(tmp_path), "--chien-dich", str(CAMPAIGN_FILE)]
    result = CliRunner().invoke(main, [*args, "--phieu", str(folder)])
    assert result.exit_code == 2, result.output
    assert (
        f"Lỗi: Không đọc/ghi được thư mục ({tmp_path / 'output'}): thư mục chỉ cho phép đọc, "
        "không ghi được.\n"
    ) in result.output
    assert LOCK_NAME not in result.output
