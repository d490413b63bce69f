"""The page says buttons, not commands: every command the library's messages advise is said on
the page as the page's button on its page (`docgen.web.advice`), while the CLI keeps its words."""

from __future__ import annotations

import ast
import html
import re
from functools import cache
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.web.advice import ACTIONS, PHRASES, Action, on_page
from docgen.web.common import MENU
from tools.webclient import serving

PACKAGE = Path(__file__).resolve().parent.parent / "docgen"
COMMANDS = "|".join(sorted(main.commands, key=len, reverse=True))
# A command phrase the page must not show: `docgen <command>`, the Makefile, "chạy <command>",
# or an option named in a sentence.
COMMAND_PHRASE = re.compile(
    rf"docgen (?:{COMMANDS})(?![\w-])|make [a-z]|chạy (?:lại )?(?:{COMMANDS})(?![\w-])"
    r"|(?<![\w/-])--[a-z][a-z-]*"
)


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _texts(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string of a module but its docstrings; an f-string with "X" for each value."""
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            text = "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)
            found.append((node.lineno, str(text)))
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        ):
            found.append((node.lineno, node.value))
    return found


@cache
def library_texts() -> tuple[tuple[str, str], ...]:
    """(module:line, text) of every sentence in the library: the shells' own words (cli/, web/)
    and the campaign file's comments (read in Notepad) left out."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name in ("cli", "web"):
            continue
        for line, text in _texts(ast.parse(path.read_text(encoding="utf-8"))):
            if " " in text and not text.lstrip().startswith("#"):
                found.append((f"{path.relative_to(PACKAGE.parent)}:{line}", text))
    return tuple(found)


def library_messages() -> list[tuple[str, str]]:
    """The library's sentences that name a command or an option."""
    return [(where, text) for where, text in library_texts() if COMMAND_PHRASE.search(text)]


def test_every_command_the_library_advises_has_the_page_s_words() -> None:
    """A new advice naming a command (or an option) fails here until the page can say it."""
    messages = library_messages()
    assert len(messages) > 40  # the scan finds the library's advice at all
    untranslated = [
        f"{where}: {COMMAND_PHRASE.search(str(on_page(text)))}"  # type: ignore[union-attr]
        for where, text in messages
        if COMMAND_PHRASE.search(str(on_page(text)))
    ]
    assert untranslated == []


def test_every_wording_is_used_by_a_library_message() -> None:
    """No wording outlives the advice it was written for."""
    texts = [text for _, text in library_texts()]
    said = [str(on_page(text)) for _, text in library_messages()]
    for phrase in PHRASES:
        assert any(phrase in text for text in texts), phrase
    for key, action in ACTIONS.items():
        assert any(action.named() in s and action.tick in s for s in said), key


@pytest.mark.parametrize(
    ("text", "page"),
    [
        (
            "Hãy chạy lại “docgen tong-hop”, ghi lại phiếu bầu.",
            "Hãy bấm lại “Tổng hợp danh sách họp” trên trang Họp xét, ghi lại phiếu bầu.",
        ),
        (
            "Chạy “docgen tong-hop”, chép trang.",
            "Bấm “Tổng hợp danh sách họp” trên trang Họp xét, chép trang.",
        ),
        (
            "Dùng tệp do “docgen tong-hop” tạo ra.",
            "Dùng tệp do nút “Tổng hợp danh sách họp” trên trang Họp xét tạo ra.",
        ),
        (
            "nộp lưu đúng cách bằng “docgen luu-tru <tệp>”.",
            "nộp lưu đúng cách bằng nút “Nộp lưu” trên trang Lưu trữ.",
        ),
        (
            "  1. Lập lại văn bản đó: docgen ho-so --ghi-de (bản sửa tay không mất).",
            "  1. Lập lại văn bản đó: đánh dấu ô “Lập lại cả văn bản đã sửa tay”, bấm “Lập hồ sơ” "
            "trên trang Hồ sơ (bản sửa tay không mất).",
        ),
        (
            'bản gốc “a.pdf”: docgen luu-tru "D:\\Văn thư\\a.pdf" — docgen so mã',
            "bản gốc “a.pdf”: chọn tệp đã ký, bấm “Nộp lưu” trên trang Lưu trữ — docgen so mã",
        ),
        (
            "hãy chạy lại tong-hop và ghi lại",
            "hãy bấm lại “Tổng hợp danh sách họp” trên trang Họp xét và ghi lại",
        ),
        (
            "Nhật ký: a.csv. Tiếp theo: docgen kiem-tra",
            "Nhật ký: a.csv. Tiếp theo: bấm “Kiểm tra phiếu” trên trang Đơn vị",
        ),
        (
            "Đóng Excel rồi chạy lại; sửa dòng hỏng rồi chạy lại lệnh.",
            "Đóng Excel rồi làm lại; sửa dòng hỏng rồi làm lại.",
        ),
        # not commands: the program's name, a folder, an unknown command, a path with dashes
        ("docgen không ghi gì; lệnh docgen khác", "docgen không ghi gì; lệnh docgen khác"),
        ("chuyển nó ra khỏi luu-tru/, docgen so mã", "chuyển nó ra khỏi luu-tru/, docgen so mã"),
        ("D:\\ho-so--cu\\to-trinh.docx", "D:\\ho-so--cu\\to-trinh.docx"),
    ],
    ids=[
        "rerun",
        "run",
        "made-by",
        "by-button",
        "tick",
        "file",
        "bare",
        "next",
        "again",
        "program",
        "folder",
        "path",
    ],  # fmt: skip
)
def test_a_command_phrase_is_said_with_its_verb(text: str, page: str) -> None:
    assert on_page(text) == page


def test_only_plain_text_is_touched() -> None:
    """Values that are not text (a path, a number) and markup already made safe pass as they are."""
    from markupsafe import Markup

    path = Path("docgen ho-so")
    assert on_page(path) is path and on_page(3) == 3
    safe = Markup("<b>docgen ho-so</b>")
    assert on_page(safe) is safe


def _page_of(action: Action) -> str:
    return next(href for href, label in MENU if label == action.page)


def test_every_button_and_box_the_page_s_words_name_is_on_that_page(
    example_workspace: Path,
) -> None:
    """The wording names real controls: each button and box, on the page it says."""
    with serving(example_workspace) as (_, client):
        client.login()
        pages = {href: html.unescape(client.request("GET", href).text) for href, _ in MENU}
    for key, action in ACTIONS.items():
        shown = pages[_page_of(action)]
        for button in action.buttons:
            assert f'<button type="submit">{button}</button>' in shown, key
        if action.tick:
            assert re.search(rf'<label for="[a-z_]+">{re.escape(action.tick)}[ <(]', shown), key


def _hint(page: str, code: str) -> str:
    """The fix the page shows next to a finding of `code`."""
    row = re.search(rf"\[{code}\], .*?Cách sửa: (.*?)</span>", page, re.S)
    assert row is not None, page
    return row.group(1)


def test_a_received_form_lost_is_shown_and_put_back_with_the_page_s_button(
    example_workspace: Path,
) -> None:
    """A workbook dropped on the page, then deleted from the folder by mistake: the Đơn vị page
    names the finding with the button (not `nhan-thu --khoi-phuc`), the button writes it back
    from the copy the page kept, and the words say it came from the page, not from a mail."""
    ws = example_workspace
    form = ws / "input" / "phieu" / "khoi-kinh-te.xlsx"
    data = form.read_bytes()
    form.unlink()
    (ws / "input" / "phieu" / "thu.eml").write_bytes(b"From: a@b\n\nkhong phai phieu")
    with serving(ws) as (_, client):
        client.login()
        dropped = [("tep", "Phiếu Kinh tế.xlsx", data)]
        client.run("/nhan-phieu/tai-len", {"don_vi": "Khối Kinh tế - Hạ tầng"}, dropped)
        (ws / "input" / "phieu" / "Phiếu Kinh tế.xlsx").unlink()  # deleted by mistake
        client.run("/kiem-tra")
        page = html.unescape(client.request("GET", "/don-vi").text)
        assert "bằng nút “Khôi phục phiếu đã nhận” trên trang Nhận phiếu" in _hint(
            page, "FORM_GONE"
        )
        assert _hint(page, "ENTRY_UNSUPPORTED").startswith(
            "Thư đã lưu (.eml, .msg) hay tệp nén (.zip) thì nhận bằng nút “Nhận các tệp này” "
            "hoặc “Đọc hộp thư” trên trang Nhận phiếu."
        )
        assert COMMAND_PHRASE.search(page) is None
        panel = html.unescape(client.run("/nhan-phieu/khoi-phuc"))
        assert "<li>Đã chép lại 1 phiếu từ tệp đã tải lên trang:</li>" in panel
        again = html.unescape(client.run("/nhan-phieu/khoi-phuc"))  # nothing lost any more
        assert "Không có thư đã lưu hay tệp đã tải lên nào để chép lại phiếu" in again
    assert (ws / "input" / "phieu" / "Phiếu Kinh tế.xlsx").read_bytes() == data
    journal = (ws / "input" / "thu-nhan.csv").read_text(encoding="utf-8-sig")
    assert "Chép lại từ tệp đã tải lên trang: tệp đã nhập trước đó" in journal
    assert "từ thư đã nhận" not in journal


def test_a_hand_edited_document_that_disagrees_names_the_page_s_rebuild(
    example_workspace: Path, tmp_path: Path
) -> None:
    """`ho-so` says "docgen ho-so --ghi-de"; the page says to tick its box and press “Lập hồ
    sơ”, and doing so makes the dossier agree again."""
    from docgen.campaign import load_campaign
    from docgen.dossier.run import build_dossiers
    from docgen.workspace import Workspace
    from tests.test_dossier_agree import NUMBERS, PROPOSAL, edit_by_hand
    from tests.test_dossier_state import set_votes
    from tools.example.data import VOTES

    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    edit_by_hand(build_dossiers(campaign, ws).folder / PROPOSAL)
    set_votes(campaign, ws, VOTES, tmp_path, numbers=NUMBERS)  # the văn thư's numbers
    with serving(example_workspace) as (_, client):
        client.login()
        said = html.unescape(client.run("/ho-so/lap"))
        assert "HỒ SƠ KHÔNG KHỚP: văn bản sửa tay được giữ nguyên ghi khác" in said
        assert (
            '<li class="sub">1. Lập lại văn bản đó: đánh dấu ô “Lập lại cả văn bản đã sửa tay”, '
            "bấm “Lập hồ sơ” trên trang Hồ sơ (bản sửa tay chuyển vào da-thay-the/, không mất).</li>"
        ) in said
        assert "lưu rồi bấm lại “Lập hồ sơ” trên trang Hồ sơ.</li>" in said
        assert COMMAND_PHRASE.search(said) is None
        said = html.unescape(client.run("/ho-so/lap", {"ghi_de": "co"}))  # as the page said
        assert "HỒ SƠ KHÔNG KHỚP" not in said
        history = html.unescape(client.request("GET", "/ho-so").text)
    assert "Được lập lại theo yêu cầu (ô “Lập lại cả văn bản đã sửa tay”)" in history
    assert COMMAND_PHRASE.search(history) is None


def test_the_archive_check_after_a_copy_was_altered_names_the_filing_button(
    example_workspace: Path,
) -> None:
    """`luu-tru --kiem-tra` says `docgen luu-tru "<tệp>"`; the page says to choose the signed
    file and press “Nộp lưu” (the file was dropped: there is no path to type)."""
    from click.testing import CliRunner

    from docgen.archive import Store
    from tools.sign import scan_pdf

    assert CliRunner().invoke(main, ["ho-so", "--thu-muc", str(example_workspace)]).exit_code == 0
    scan = [("tep", "to-trinh.pdf", scan_pdf("to trinh"))]
    with serving(example_workspace) as (_, client):
        client.login()
        assert "Đã lưu 1/1 tệp vào " in html.unescape(client.run("/luu-tru/nop", {}, scan))
        (stored,) = Store.of(example_workspace).folder.rglob("to-trinh.pdf")
        stored.chmod(0o644)
        stored.write_bytes(stored.read_bytes() + b"\n")
        said = html.unescape(client.run("/luu-tru/kiem-tra"))
    assert (
        "Cách sửa: nộp lại bản gốc đã ký “to-trinh.pdf”: chọn tệp đã ký, bấm “Nộp lưu” trên trang "
        "Lưu trữ — docgen so mã SHA-256 với sổ, chép lại bản lưu (chỉ đọc) và ghi lần sửa vào sổ.</li>"
    ) in said
    assert COMMAND_PHRASE.search(said) is None


def test_restoring_says_where_each_form_came_in(example_workspace: Path) -> None:
    """One form dropped on the page, one in a saved mail, both deleted by mistake: the page
    and `nhan-thu --khoi-phuc` name both sources, never "from the mail" for the dropped one."""
    from click.testing import CliRunner

    from tools.fill.mail import message

    phieu = example_workspace / "input" / "phieu"
    kinh_te, noi_chinh = (phieu / n for n in ("khoi-kinh-te.xlsx", "khoi-noi-chinh.xlsx"))
    mail = message(
        "noichinh.tienthanh@dongxoai.gov.vn", "Phiếu", [("NC.xlsx", noi_chinh.read_bytes())]
    )
    dropped = [("tep", "KT.xlsx", kinh_te.read_bytes()), ("tep", "nc.eml", mail.as_bytes())]
    kinh_te.unlink()
    noi_chinh.unlink()
    with serving(example_workspace) as (_, client):
        client.login()
        client.run("/nhan-phieu/tai-len", {"don_vi": "Khối Kinh tế - Hạ tầng"}, dropped)
        for name in ("KT.xlsx", "NC.xlsx"):
            (phieu / name).unlink()
        said = html.unescape(client.run("/nhan-phieu/tai-len", {}, dropped[1:]))  # known mail
    assert "<li>Phiếu đã nhận không còn trong thư mục phiếu: 2</li>" in said
    assert (
        "Chép lại từ thư đã nhận hoặc tệp đã tải lên trang: bấm “Khôi phục phiếu đã nhận” trên "
        "trang Nhận phiếu (thư đã lưu vẫn còn ở chỗ cũ), hoặc ghi máy chủ"
    ) in said
    restored = CliRunner().invoke(
        main, ["nhan-thu", "--khoi-phuc", "--thu-muc", str(example_workspace)]
    )
    assert restored.exit_code == 0, restored.output
    assert "Đã chép lại 2 phiếu từ thư đã nhận và tệp đã tải lên trang:" in restored.stdout
    assert (phieu / "KT.xlsx").is_file() and (phieu / "NC.xlsx").is_file()


@pytest.mark.parametrize("decides", [True, False], ids=["ward-decides", "higher-level"])
def test_the_wrap_up_s_missing_decision_is_said_with_the_page_s_steps(decides: bool) -> None:
    """`tong-ket` ends with "rồi chạy lại"; the page names the step and “Tổng kết” again."""
    from docgen.award.said import PENDING

    said = str(on_page(PENDING[decides]))
    assert said.endswith("rồi bấm lại “Tổng kết”.") and "chạy" not in said
    assert ("“Lập hồ sơ” trên trang Hồ sơ" if decides else "“Ghi quyết định”") in said


def test_a_dossier_refused_for_a_form_gone_says_the_way_back_in_the_page_s_words(
    example_workspace: Path,
) -> None:
    """The meeting lists nominees of a form since deleted: “Lập hồ sơ” refuses with the way
    back (`ho-so` prints it too), naming the restore button and warning off “Tổng hợp”."""
    (example_workspace / "input" / "phieu" / "khoi-kinh-te.xlsx").unlink()
    with serving(example_workspace) as (_, client):
        client.login()
        said = html.unescape(client.run("/ho-so/lap"))
    assert "<li>Chưa lập được hồ sơ: kết quả họp xét có lỗi cần sửa.</li>" in said
    assert (
        " — Chép lại tệp vào thư mục phiếu (phiếu nhận qua thư: bấm “Khôi phục phiếu đã nhận” "
        "trên trang Nhận phiếu) rồi làm lại; đừng bấm lại “Tổng hợp danh sách họp” trên trang "
        "Họp xét: bảng mới sẽ bỏ hẳn các đề nghị này.</li>"
    ) in said
    assert COMMAND_PHRASE.search(said) is None
