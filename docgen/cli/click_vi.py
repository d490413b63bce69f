"""click's own words in Vietnamese ("Usage:", "Options", "Error: …", "Did you mean …").

click marks every string it prints with gettext (`_` and `ngettext`, imported by name into each
of its modules at import time). A gettext catalogue would need compiled .mo files and a locale
environment that Windows consoles do not set, so `vietnamese()` rebinds those two names in
click's modules to a lookup in the table below while the `docgen` group runs, and gives the
originals back afterwards: importing docgen changes nothing in click (a page server or a test
importing the library keeps click as it was). The few strings click computes when an option is
declared (a path type's name, the version option's help) are translated by the group when it
adds a command (`name_path_types`) or given explicitly. Strings click adds in a later version fall back to
English until they are added here; a test lists every marked string of the installed click and
fails on any that has no translation.

Placeholders follow click's `str.format` names; a translation may drop `!r` so that a path is
printed as typed rather than as a Python literal (doubled backslashes on Windows).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

SINGULAR: dict[str, str] = {
    # help pages
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Các lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tính khi chạy)",
    "deprecated": "không còn dùng",
    "required": "bắt buộc",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Choice({choices})": "Chọn({choices})",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    # errors
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ “{command} {option}” để xem hướng dẫn.",
    "No such command {name!r}.": "Không có lệnh “{name}”.",
    "No such option {name!r}.": "Không có tùy chọn “{name}”.",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "Không mở được tệp “{filename}”: {message}",
    "Aborted!": "Đã dừng.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Option {name!r} does not take a value.": "Tùy chọn “{name}” không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số “{name}” nhận {nargs} giá trị.",
    "Invalid start character for option ({option})": "Tùy chọn bắt đầu bằng ký tự không hợp lệ ({option})",
    "{name} {filename!r} does not exist.": "{name} “{filename}” không tồn tại.",
    "{name} {filename!r} is a file.": "{name} “{filename}” là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": "{name} “{filename}” là một thư mục, không phải tệp.",
    "{name} {filename!r} is not readable.": "Không có quyền đọc {name} “{filename}”.",
    "{name} {filename!r} is not writable.": "Không có quyền ghi {name} “{filename}”.",
    "{name} {filename!r} is not executable.": "Không có quyền chạy {name} “{filename}”.",
    "{value!r} is not a valid {number_type}.": "“{value}” không phải là {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}” không phải giá trị có/không. Các giá trị được nhận: {states}",
    "{value!r} is not a valid UUID.": "“{value}” không phải là UUID hợp lệ.",
    "Windows error: {error}": "Lỗi Windows: {error}",
    "Unknown standard stream '{name}'": "Không có luồng chuẩn “{name}”",
    "Unknown color {colour!r}": "Không có màu “{colour}”",
    # prompts
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Đồng ý luôn, không hỏi lại.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không giống nhau.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Press any key to continue...": "Bấm một phím bất kỳ để tiếp tục...",
    "{editor}: Editing failed": "{editor}: sửa không thành công",
    "{editor}: Editing failed: {e}": "{editor}: sửa không thành công: {e}",
    "d": "k",  # the single-key answer for "default" in a pager prompt
    # messages for the developer of a command (shown only when a command is declared wrong)
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "Cảnh báo: lệnh “{name}” không còn dùng.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "Cảnh báo: {param_type} “{name}” không còn dùng.{extra_message}",
    "Could not determine name for option with declarations {decls!r}": "Không xác định được tên tùy chọn từ khai báo {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you mean to pass '--{name}'?": "Không khai báo tùy chọn nào nhưng có tên ({name}). Có phải muốn khai báo một đối số, hay “--{name}”?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "Đối số chỉ nhận đúng một khai báo, nhận được {length}: {decls}.",
    "Name '{name}' defined twice": "Tên “{name}” được khai báo hai lần",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "Tùy chọn có/không {decl!r} không thể dùng cùng một cờ cho cả hai giá trị.",
    "Couldn't detect Bash version, shell completion is not supported.": "Không xác định được phiên bản Bash, không hỗ trợ tự hoàn thành lệnh.",
    "Shell completion is not supported for Bash versions older than 4.4.": "Không hỗ trợ tự hoàn thành lệnh với Bash cũ hơn 4.4.",
}

# ngettext(singular, plural, n): Vietnamese has one form, but click's two strings differ in shape.
PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Có phải là {possibility}?",
        "(Có phải là một trong: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Thừa đối số ({args})",
        "Thừa các đối số ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Cần {nargs} giá trị nhưng chỉ có 1.",
        "Cần {nargs} giá trị nhưng có {len}.",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Tùy chọn “{name}” cần một giá trị.",
        "Tùy chọn “{name}” cần {nargs} giá trị.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "“{value}” không phải là {choice}.",
        "“{value}” không thuộc các giá trị {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "“{value}” không đúng dạng {format}.",
        "“{value}” không đúng các dạng {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "Cần {len_type} giá trị, nhưng có {len_value}.",
        "Cần {len_type} giá trị, nhưng có {len_value}.",
    ),
}

# click's modules that bind `_` / `ngettext` by name.
MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
    *(("click._winconsole",) if sys.platform == "win32" else ()),  # asserts win32 on import
)


def gettext(message: str) -> str:
    """The Vietnamese of one of click's strings (the string itself when unknown)."""
    return SINGULAR.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The Vietnamese of one of click's singular/plural pairs."""
    forms = PLURAL.get((singular, plural), (singular, plural))
    return forms[0] if n == 1 else forms[1]


@contextmanager
def vietnamese() -> Iterator[None]:
    """Every string click prints inside the block is Vietnamese; click is as before after it."""
    saved: list[tuple[Any, str, Any]] = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a module a later click renamed; its strings stay English
            continue
        for attr, lookup in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, lookup)
    try:
        yield
    finally:
        for module, attr, original in reversed(saved):
            setattr(module, attr, original)


def name_path_types(command: click.Command) -> None:
    """Give path types the Vietnamese name click computed in English when they were declared."""
    for param in command.params:
        if isinstance(param.type, click.Path):
            param.type.name = gettext(param.type.name)
