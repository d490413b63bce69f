"""The clerk's whole cycle in a real Chromium (issue 23), driven by Playwright.

The distribution's Chromium (`/usr/bin/chromium`, installed by `.ci/run`) is launched by
Playwright's own driver: no browser is downloaded. Every page is checked with axe-core (no
serious or critical violation), walked with the Tab key (every link, button and field is
reached), at 1366×768 without sideways scrolling, and photographed (`DOCGEN_ANH=<folder>`
keeps the screenshots for a person to look at).
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from docgen.campaign import load_campaign
from docgen.meeting.model import nominee_key
from docgen.text import person_key
from docgen.validate.run import validate_folder
from docgen.web.server import Running, start
from docgen.workspace import Workspace
from tests.conftest import soffice
from tools.example.data import MEETING, VAN_HOA, VOTES
from tools.fill.intake import fill_workbook
from tools.fill.meeting import fill_meeting
from tools.sign import sign_pdf

AXE = Path(__file__).with_name("data") / "axe" / "axe.min.js"
VIEWPORT = {"width": 1366, "height": 768}
JOB_MS = int(os.environ.get("DOCGEN_CHO_MS", "180000"))


def chromium() -> str | None:
    """The distribution's Chromium; CI (DOCGEN_REQUIRE_BROWSER=1) fails instead of skipping."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("DOCGEN_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required in CI but is not installed")
    return found


@pytest.fixture
def browser_page() -> Iterator[Any]:
    binary = chromium()
    if binary is None:
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary, args=["--no-sandbox"])
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
        yield context.new_page()
        browser.close()


@pytest.fixture
def served(example_workspace: Path) -> Iterator[Running]:
    running = start(Workspace(example_workspace))
    yield running
    running.stop()


def shots() -> Path | None:
    folder = os.environ.get("DOCGEN_ANH")
    return Path(folder) if folder else None


def look(page: Any, name: str) -> None:
    """Check the page as a person and a screen reader meet it; keep a screenshot."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target)}))"
    )
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == [], name
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"], name
    _every_control_by_keyboard(page, name)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    folder = shots()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _every_control_by_keyboard(page: Any, name: str) -> None:
    controls = page.evaluate(
        "() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select')]"
        ".filter(e => e.offsetParent !== null).length"
    )
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.evaluate("() => window.scrollTo(0, 0)")
    reached = set()
    for _ in range(controls + 3):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(
            "() => { const e = document.activeElement; if (!e || e === document.body) return '';"
            " if (!e.dataset.k) e.dataset.k = Math.random().toString(36).slice(2); return e.dataset.k; }"
        ))  # fmt: skip
    reached.discard("")
    assert len(reached) >= controls, f"{name}: {len(reached)} of {controls} controls by Tab"


def go(page: Any, name: str) -> None:
    """Open a page from the menu, and wait until it has loaded (else the next step may act
    on the page being left)."""
    menu = page.get_by_role("navigation", name="Các bước")
    with page.expect_navigation():
        menu.get_by_role("link", name=name, exact=True).click()


def act(page: Any, button: str) -> str:
    """Press a button by keyboard (focus, Enter) and wait for its job; the panel's text. When
    the job ends the page opens again around its panel, showing what the job changed: no step
    below reloads the page by hand."""
    page.wait_for_function("() => window.htmx !== undefined")  # else it posts as plain HTML
    shown = page.locator("#ket-qua section.job")
    before = shown.first.get_attribute("id") if shown.count() else ""
    page.get_by_role("button", name=button).focus()
    page.keyboard.press("Enter")
    panel = page.locator(f"#ket-qua section.job.done:not([id='{before}'])")
    try:
        panel.wait_for(timeout=JOB_MS)
    except Exception:
        folder = shots()
        if folder is not None:
            page.screenshot(path=str(folder / f"loi-{button}.png"), full_page=True)
        raise
    return str(panel.inner_text())


def upload(page: Any, label: str, files: list[Path], button: str) -> str:
    page.get_by_label(re.compile("^" + re.escape(label))).set_input_files([str(f) for f in files])
    return act(page, button)


def fixed_van_hoa(ws: Path, folder: Path) -> Path:
    """The Khối Văn hóa - Xã hội workbook with its three planted errors corrected."""
    data = copy.deepcopy(VAN_HOA)
    first, second, third = data["individuals"]
    first["sang_kien_ngay_qd"] = "03/10/2023"
    second["ngay_sinh"] = "14/02/1990"
    third["xep_loai_nam"] = "Hoàn thành xuất sắc nhiệm vụ"
    campaign = load_campaign(Workspace(ws).campaign)
    sheets = {"Cá nhân": data["individuals"], "Tập thể": [], "Khen thưởng đã nhận": []}
    return fill_workbook(campaign, folder / "khoi-van-hoa-xa-hoi-da-sua.xlsx", data["unit"], sheets)


def filled_meeting(ws: Path, blank: Path, out: Path, runoff: bool) -> Path:
    """The secretary's workbook: the example's votes, a tie for the city's last seat, and
    (with `runoff`) the run-off that settles it."""
    campaign = load_campaign(Workspace(ws).campaign)
    votes_by_name = {**VOTES, "Vũ Đức Thắng": 7}
    by_name = {person_key(n): v for n, v in votes_by_name.items()}
    report = validate_folder(campaign, Workspace(ws).submissions)
    keys = {person_key(n.name): nominee_key(n) for n in report.eligible()}
    votes = {nominee_key(n): by_name.get(person_key(n.name), 4) for n in report.eligible()}
    runoffs = (
        {keys[person_key("Trần Thị Bích Ngọc")]: 6, keys[person_key("Vũ Đức Thắng")]: 2}
        if runoff
        else {}
    )
    numbers = {"bien-ban": ("05", date(2023, 12, 15))} if runoff else {}
    return fill_meeting(blank, out, MEETING, votes, runoffs=runoffs, numbers=numbers)


def test_the_clerks_whole_cycle_in_chromium(
    browser_page: Any, served: Running, example_workspace: Path, tmp_path: Path
) -> None:
    page, ws = browser_page, example_workspace
    phieu = ws / "input" / "phieu"
    noi_chinh = tmp_path / "khoi-noi-chinh.xlsx"
    shutil.move(phieu / "khoi-noi-chinh.xlsx", noi_chinh)
    (ws / "input" / "hop-xet.xlsx").unlink()  # the meeting is held during this test

    page.goto(served.url)
    assert page.url.endswith("/") and "khoa=" not in page.url
    look(page, "1-tong-quan")

    # Receive: a department's workbook dropped on the page. The file box speaks Vietnamese,
    # whatever the browser's language (this Chromium's is English).
    go(page, "Nhận phiếu")
    box = page.get_by_label(re.compile("^Phiếu Excel"))
    page.wait_for_function("() => window.htmx !== undefined")
    page.get_by_role("button", name="Nhận các tệp này").click()
    assert box.evaluate("e => e.validationMessage") == (
        "Hãy chọn tệp (hoặc kéo thả tệp vào ô) trước khi bấm nút."
    )
    assert "Chưa chọn tệp nào" in page.locator(".chon-tep").inner_text()
    page.get_by_label("Đơn vị gửi các phiếu Excel").select_option("Khối Nội chính")
    text = upload(page, "Phiếu Excel", [noi_chinh], "Nhận các tệp này")
    assert "xong" in text and (phieu / "khoi-noi-chinh.xlsx").is_file()
    look(page, "2-nhan-phieu")

    # Check: the errors at their cells.
    go(page, "Đơn vị")
    assert "Kiểm tra phiếu" in page.locator(".stage").inner_text()
    act(page, "Kiểm tra phiếu")
    row = page.get_by_role("row", name=re.compile("Khối Văn hóa - Xã hội"))
    assert "có lỗi" in row.inner_text()
    look(page, "3-don-vi")
    with page.expect_navigation():
        page.get_by_role("link", name="Khối Văn hóa - Xã hội").click()
    detail = page.locator("main").inner_text()
    assert "Cá nhân\t4\tC (Ngày sinh)" in detail and "Điền ô này" in detail
    assert page.get_by_role("link", name=re.compile("Tệp phản hồi")).count() == 1
    look(page, "4-don-vi-chi-tiet")

    # Fix: the department sends its corrected workbook; it replaces the first one.
    go(page, "Nhận phiếu")
    page.get_by_label("Đơn vị gửi các phiếu Excel").select_option("Khối Văn hóa - Xã hội")
    upload(page, "Phiếu Excel", [fixed_van_hoa(ws, tmp_path)], "Nhận các tệp này")
    go(page, "Đơn vị")
    act(page, "Kiểm tra phiếu")
    states = page.locator("tbody").inner_text()
    assert "khoi-van-hoa-xa-hoi-da-sua.xlsx" in states and "đã có bản mới hơn" in states
    fixed = page.get_by_role("row", name=re.compile("da-sua"))
    assert "\tđạt\t" in fixed.inner_text()

    # Meeting: the list to download, the filled workbook back, a tie, then its run-off.
    go(page, "Họp xét")
    act(page, "Tổng hợp danh sách họp")
    with page.expect_download() as got:
        page.locator("#ket-qua").get_by_role("link", name=re.compile("Danh sách họp xét")).click()
    blank = tmp_path / "tong-hop.xlsx"
    got.value.save_as(str(blank))
    tied = filled_meeting(ws, blank, tmp_path / "hop-xet-vong-1.xlsx", runoff=False)
    text = upload(page, "Tệp họp xét", [tied], "Tải lên và xem kết quả")
    assert "lỗi" in text and "cột H" in text  # where to record the run-off
    main = page.locator("main").inner_text()
    assert "Bằng phiếu ở vị trí cuối chỉ tiêu: Vũ Đức Thắng, Trần Thị Bích Ngọc." in main
    look(page, "5-hop-xet-bang-phieu")
    settled = filled_meeting(ws, blank, tmp_path / "hop-xet.xlsx", runoff=True)
    text = upload(page, "Tệp họp xét", [settled], "Tải lên và xem kết quả")
    assert "Kết quả họp xét đã đọc." in text
    result = page.locator("main").inner_text()
    assert "Trần Thị Bích Ngọc" in result and "biểu quyết lại: 6" in result
    assert "Số văn bản văn thư đã ghi: 05/BB-HĐTĐKT ngày 15/12/2023." in result
    assert len(list((ws / "input").glob("hop-xet.truoc-*.xlsx"))) == 1  # the first one kept
    look(page, "6-hop-xet")

    # Dossier: built with progress, every document listed with its state.
    go(page, "Hồ sơ")
    text = act(page, "Lập hồ sơ")
    assert "Đã lập" in text
    assert page.get_by_role("cell", name="mới lập").count() >= 5
    look(page, "7-ho-so")

    if soffice() is None:
        pytest.skip("LibreOffice is not installed: PDF, preview and filing not tried")
    # Every PDF but the two Tờ trình is already current (conversion itself: test_pdf.py), so
    # LibreOffice converts the documents this walk previews, signs and files.
    out = ws / "output" / "kh19-2023-cchc"
    for docx in out.rglob("*.docx"):
        if not docx.name.startswith("to-trinh"):
            docx.with_suffix(".pdf").write_bytes(b"%PDF-1.4\n")
            os.utime(docx.with_suffix(".pdf"), (docx.stat().st_mtime + 60,) * 2)
    assert "Đã chuyển 2 văn bản sang PDF" in act(page, "Chuyển sang PDF")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Xem — Tờ trình")).first.click()
    image = page.get_by_role("img", name=re.compile("Trang 1"))
    image.wait_for()
    assert page.evaluate("() => document.querySelector('.pages img').naturalWidth") > 300
    look(page, "8-xem-trang")

    # Archive: a signed Tờ trình filed, the archive verified, the registers written.
    to_trinh = ws / "output" / "kh19-2023-cchc" / "thanh-pho" / "to-trinh.pdf"
    signed = tmp_path / "da-ky" / "to-trinh-da-ky.pdf"
    signed.parent.mkdir()
    with ThreadPoolExecutor(1) as pool:  # pyHanko runs its own event loop: not in Playwright's
        signed.write_bytes(pool.submit(sign_pdf, to_trinh.read_bytes()).result())
    go(page, "Lưu trữ")
    text = upload(page, "Tệp đã ký", [signed], "Nộp lưu")
    assert "to-trinh-da-ky.pdf: đã lưu" in text
    assert "không có sai khác" in act(page, "Kiểm tra kho")
    text = act(page, "Lập sổ văn bản đi và mục lục")
    assert "Sổ đăng ký văn bản đi: " in text and "(1 văn bản)." in text
    assert "1 tệp đã nộp lưu của đợt này" in page.locator("main").inner_text()
    look(page, "9-luu-tru")

    # After filing: the history page records the city's decision, then the wrap-up.
    # one document of 14 filed: the step is not done, the rest are named
    assert "Đã nộp lưu 1/14 văn bản của hồ sơ; còn: " in page.locator(".stage").inner_text()
    go(page, "Lịch sử khen thưởng")
    page.get_by_label("Số, ký hiệu quyết định").fill("1234/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("10/01/2024")
    text = act(page, "Ghi quyết định")
    assert "Đã ghi Quyết định số 1234/QĐ-UBND ngày 10/01/2024" in text
    text = act(page, "Tổng kết")
    assert "Đã tạo: " in text and "bao-cao-ket-qua.docx" in text
    page.get_by_label("Năm", exact=True).fill("2023")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm").click()
    page.get_by_role("table").wait_for()
    assert page.get_by_role("cell", name="1234/QĐ-UBND ngày 10/01/2024").count() >= 1
    look(page, "10-lich-su")


def test_a_button_pressed_before_the_script_loads_still_does_its_job(
    browser_page: Any, served: Running
) -> None:
    """On a slow machine the clerk may press a button before htmx has loaded: the form posts as
    plain HTML, and the page it leads to shows the job and follows it to its end."""
    page = browser_page
    page.route("**/htmx.min.js", lambda route: route.abort())
    page.goto(served.url)
    go(page, "Đơn vị")
    assert page.evaluate("() => window.htmx === undefined")
    page.get_by_role("button", name="Kiểm tra phiếu").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/don-vi\?viec=[\w-]+$", page.url), page.url
    page.unroute("**/htmx.min.js")
    page.reload()  # now with the script: the job's panel follows the job to its end
    panel = page.locator("#ket-qua section.job.done")
    panel.wait_for(timeout=JOB_MS)
    assert "Kiểm tra phiếu" in panel.inner_text() and "xong" in panel.inner_text()
