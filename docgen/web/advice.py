"""What the page calls each command: the library's advice said with the page's buttons.

The library words its advice for the terminal ("chạy lại “docgen tong-hop”", "docgen ho-so
--ghi-de", "docgen luu-tru <tệp>"), and the CLI prints it as it is. A clerk on the page has no
terminal, so every text a page shows passes through `on_page` (the templates' `finalize`,
`docgen.web.views`): each command phrase becomes the page's button on its page, with the box
to tick or the file to choose first.

Two tables, one concept:
- `ACTIONS`: a command with its options (their values left out) → the page's action; the verb
  before it ("chạy", "chạy lại", "bằng", none) decides how it is said: "bấm “Lập hồ sơ” trên
  trang Hồ sơ", "bấm lại …", "bằng nút …", "nút …".
- `PHRASES`: the few sentences where that rule reads badly or an option is named without its
  command (“dùng --ghi-de”), replaced whole, before the rule.
A phrase neither table knows is left as it is; `tests/test_web_advice.py` reads the library's
messages and fails on any command phrase that reaches the page untranslated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar, cast

from docgen.award.said import PENDING

T = TypeVar("T")  # what a template shows: plain text is said in the page's words


@dataclass(frozen=True)
class Action:
    """Where the page does what a command does: its button(s), on which page, and what the
    clerk ticks or chooses first."""

    buttons: tuple[str, ...]
    page: str  # the menu's name of the page
    tick: str = ""  # the label of a box to tick first
    choose: str = ""  # what to choose first ("tệp đã ký")

    def named(self) -> str:
        """The button(s): “A” hoặc “B”."""
        return " hoặc ".join(f"“{b}”" for b in self.buttons)

    def press(self, verb: str) -> str:
        """Said as a step: "bấm “B” trên trang P", after ticking or choosing what it needs."""
        first = f"đánh dấu ô “{self.tick}”, " if self.tick else ""
        first += f"{self.choose}, " if self.choose else ""
        return f"{first}{verb} {self.named()} trên trang {self.page}"

    def noun(self) -> str:
        """Said as a thing: "nút “B” trên trang P với ô “T” được đánh dấu"."""
        tick = f" với ô “{self.tick}” được đánh dấu" if self.tick else ""
        return f"nút {self.named()} trên trang {self.page}{tick}"


RECEIVE = "Nhận phiếu"
RESTORE = "Khôi phục phiếu đã nhận"
REBUILD = "Lập lại cả văn bản đã sửa tay"
REPLACE_SIGNED = "Lập lại cả văn bản đã ký, đã nộp lưu"
HISTORY = "Lịch sử khen thưởng"
ACTIONS: dict[tuple[str, frozenset[str]], Action] = {
    ("nhan-thu", frozenset()): Action(("Nhận các tệp này", "Đọc hộp thư"), RECEIVE),
    ("nhan-thu", frozenset({"--khoi-phuc"})): Action((RESTORE,), RECEIVE),
    ("nhan-thu", frozenset({"--khoi-phuc", "--imap"})): Action(("Đọc hộp thư",), RECEIVE, RESTORE),
    ("kiem-tra", frozenset()): Action(("Kiểm tra phiếu",), "Đơn vị"),
    ("tong-hop", frozenset()): Action(("Tổng hợp danh sách họp",), "Họp xét"),
    ("ket-qua", frozenset()): Action(("Đọc lại kết quả",), "Họp xét"),
    ("ho-so", frozenset()): Action(("Lập hồ sơ",), "Hồ sơ"),
    ("ho-so", frozenset({"--ghi-de"})): Action(("Lập hồ sơ",), "Hồ sơ", REBUILD),
    ("ho-so", frozenset({"--thay-ban-da-ky"})): Action(("Lập hồ sơ",), "Hồ sơ", REPLACE_SIGNED),
    ("luu-tru", frozenset()): Action(("Nộp lưu",), "Lưu trữ", choose="chọn tệp đã ký"),
    ("luu-tru", frozenset({"--thay-the"})): Action(
        ("Nộp lưu",), "Lưu trữ", "Tệp mới thay bản đã lưu (cả hai được giữ)", "chọn tệp đã ký"
    ),
    ("luu-tru", frozenset({"--kiem-tra"})): Action(("Kiểm tra kho",), "Lưu trữ"),
    ("lich-su", frozenset({"--ghi-cap", "--so", "--ngay"})): Action(("Ghi quyết định",), HISTORY),
    ("lich-su", frozenset({"--mau-nhap"})): Action(
        ("Tạo mẫu nhập khen thưởng các năm trước",), HISTORY
    ),
    ("lich-su", frozenset({"--nhap"})): Action(("Nhập",), HISTORY, choose="chọn tệp"),
}
MAKE = {"make dossiers": "ho-so"}  # the Makefile's targets, as the command they run

_BUILD_TICKED = f"đánh dấu ô “{REBUILD}” rồi bấm “Lập hồ sơ”"
PHRASES = {
    # the page chooses the file: there is no path to type
    " (ghi đường dẫn tới tệp đó trên máy)": "",
    "Xem “docgen ket-qua”,": "Xem kết quả trên trang Họp xét,",
    "(docgen ket-qua liệt kê người được đề nghị)": "(trang Họp xét liệt kê người được đề nghị)",
    "(make dossiers hoặc docgen ho-so)": "(bấm “Lập hồ sơ” trên trang Hồ sơ)",
    "dùng --ghi-de để lập lại": f"{_BUILD_TICKED} để lập lại",
    "dùng --ghi-de để thay": f"{_BUILD_TICKED} để thay",
    "theo yêu cầu (--ghi-de)": f"theo yêu cầu (ô “{REBUILD}”)",
    "theo yêu cầu (--thay-ban-da-ky)": f"theo yêu cầu (ô “{REPLACE_SIGNED}”)",
    # the meeting list: the page has no overwrite, it offers the new copy to download
    "Dùng --ghi-de để ghi đè.": "Tải bản mới ở danh sách tệp bên dưới.",
    "thêm --thay-the.": "đánh dấu ô “Tệp mới thay bản đã lưu (cả hai được giữ)” rồi bấm lại "
    "“Nộp lưu”.",
    "--tru đã loại hết": "ô “Không có trong quyết định” đã loại hết",
    "chạy lại với --gui --smtp MÁY_CHỦ.": "ghi máy chủ SMTP, đánh dấu ô “Tôi đã xem các thư "
    "trên và muốn gửi” rồi bấm “Gửi thư phản hồi” trên trang Nhận phiếu.",
    "thêm --imap MÁY_CHỦ --tai-khoan TÊN như lần nhận.": "ghi máy chủ, tên đăng nhập và mật "
    f"khẩu như lần nhận ở mục “Đọc hộp thư”, đánh dấu ô “{RESTORE}” rồi bấm “Đọc hộp thư”.",
    "với đúng thư đã lưu hoặc hộp thư IMAP đã nhận.": "(thư đã lưu phải còn ở chỗ cũ), hoặc "
    f"đọc lại đúng hộp thư IMAP đã nhận với ô “{RESTORE}” được đánh dấu.",
    "(lệnh này báo": "(việc kiểm tra này báo",
    "Lệnh: docgen lich-su --nhap khen-thuong-cac-nam-truoc.xlsx": "Trên trang Lịch sử khen "
    "thưởng: chọn tệp rồi bấm “Nhập”.",
    # the wrap-up's levels without a decision: the step that brings it, then “Tổng kết” again
    PENDING[True]: "khi văn thư ghi số, ngày Quyết định vào trang “Số văn bản” của tệp họp xét, "
    "bấm “Lập hồ sơ” trên trang Hồ sơ rồi bấm lại “Tổng kết”.",
    PENDING[False]: "khi quyết định về đến phường, ghi bằng nút “Ghi quyết định” trên trang Lịch "
    "sử khen thưởng rồi bấm lại “Tổng kết”.",
}

_COMMAND = re.compile(
    r"(?:(?P<verb>[Cc]hạy lại|[Cc]hạy|bằng) )?(?P<open>[“\"]?)"
    r"(?:docgen (?P<name>[a-z][a-z-]*[a-z])(?![\w-])|(?P<make>make dossiers)"
    r"|(?:(?<=chạy )|(?<=chạy lại ))(?P<bare>[a-z]+-[a-z-]*[a-z])(?![\w-]))"
)
_TOKEN = re.compile(r" (--[a-z][a-z-]*[a-z]|\"[^\"\n]*\"|<[^>\n]*>|…|[^\s,;:()“”\"]+)")
# "run it again" with no command named: on the page, the step just done is done again
_AGAIN = re.compile(r"chạy lại(?: lệnh)?(?=[.,;:)]|$)")
_CLOSE = {"“": "”", '"': '"'}
_VERBS = {"chạy lại": "bấm lại", "chạy": "bấm", "bằng": "bằng"}
_MARKS = ("docgen ", "--", "make ", "chạy ")  # no phrase to say otherwise without one


def on_page(value: T) -> T:
    """`value` with each command phrase said as the page's action when it is plain text;
    anything else (a path, a number, markup already made safe) as it is."""
    if not isinstance(value, str) or type(value) is not str:  # Markup is a str, made safe
        return value
    text: str = value
    if not any(mark in text for mark in _MARKS):
        return value
    for phrase, words in PHRASES.items():
        text = text.replace(phrase, words)
    said, at = [], 0
    while found := _COMMAND.search(text, at):
        end, words = _said(found)
        said += [text[at : found.start()], words]
        at = max(end, found.start() + 1)
    return cast(T, _AGAIN.sub("làm lại", "".join(said) + text[at:]))


def _said(found: re.Match[str]) -> tuple[int, str]:
    """Where one command phrase ends (its arguments and closing quote included), and how the
    page says it: its action, or the phrase itself when the page has none."""
    text = found.string
    name = found["name"] or MAKE.get(found["make"] or "", "") or found["bare"]
    end, options = _arguments(text, found.end())
    opened = found["open"]
    if opened and text.startswith(_CLOSE[opened], end):
        end += 1
    action = ACTIONS.get((name, options))
    if action is None:
        return found.end(), found.group(0)
    return end, _with_verb(action, found["verb"] or "", text[: found.start()])


def _with_verb(action: Action, verb: str, before: str) -> str:
    step = _VERBS.get(verb.lower())
    if step == "bằng":
        return f"bằng {action.noun()}"
    if step is None and before.strip() and not before.rstrip().endswith(":"):
        return action.noun()
    said = action.press(step or "bấm")
    return said[0].upper() + said[1:] if verb[:1].isupper() else said


def _arguments(text: str, at: int) -> tuple[int, frozenset[str]]:
    """Where a command's arguments end, and its options (values and files left out)."""
    options: set[str] = set()
    while token := _TOKEN.match(text, at):
        word = token.group(1)
        if word.startswith("--"):
            options.add(word)
        elif not (word[0] in '"<…' or word.isupper() or word.endswith((".xlsx", ".pdf"))):
            break
        at = token.end()
    return at, frozenset(options)
