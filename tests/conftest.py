"""Shared fixtures: the shipped example (a pristine copy, never the clerk's input/) and
workbooks built in code from rows."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from docgen.campaign import Campaign, load_campaign
from docgen.convert.office import OfficeMissingError, convert_batch, find_soffice
from tests.examples import copy_example
from tests.mailservers import mail_servers as mail_servers  # one session: one pair of servers
from tools.example.build import EXAMPLE_CAMPAIGN
from tools.fill.intake import blank_template, fill_workbook

ROOT = Path(__file__).resolve().parent.parent
# The example's campaign as shipped: tests never read input/, where the clerk's own files live.
CAMPAIGN_FILE = EXAMPLE_CAMPAIGN
TEMPLATES = ROOT / "templates_docx"


@pytest.fixture(autouse=True)
def _away_from_the_clerks_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test runs in an empty folder, so nothing it does can read or write input/ or output/."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def campaign() -> Campaign:
    """The shipped campaign of plan 19/KH-UBND."""
    return load_campaign(CAMPAIGN_FILE)


@pytest.fixture(scope="session")
def pristine_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped example built once per session, in a folder with spaces and Vietnamese letters."""
    return copy_example("", tmp_path_factory.mktemp("vi du") / "Thi đua phường Tiến Thành").root


@pytest.fixture
def example_workspace(pristine_example: Path, tmp_path: Path) -> Path:
    """A fresh copy of the shipped example (input/, templates_docx/) that a test may change."""
    root = tmp_path / "Hồ sơ thi đua"
    shutil.copytree(pristine_example, root)
    return root


@pytest.fixture
def campaign_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new workspace holding only the shipped campaign file (no form yet), the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "campaign.toml").write_bytes(CAMPAIGN_FILE.read_bytes())
    return tmp_path


@pytest.fixture(scope="session")
def template_bytes(campaign: Campaign) -> bytes:
    """The blank intake workbook, generated once per test session."""
    return blank_template(campaign)


GOOD_UNIT = {
    "don_vi": "Khối Văn hóa - Xã hội",
    "nguoi_lien_he": "Trần Thị Bích",
    "dien_thoai": "0912 345 678",
    "email": "vhxh@tienthanh.gov.vn",
    "ngay_gui": "05/12/2023",
}

GOOD_INDIVIDUAL = {
    "ho_ten": "Nguyễn Văn An",
    "gioi_tinh": "Nam",
    "ngay_sinh": "15/08/1985",
    "que_quan": "Xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước",
    "tru_quan": "Phường Tiến Thành, thành phố Đồng Xoài, tỉnh Bình Phước",
    "chuc_vu": "Công chức Văn phòng - Thống kê",
    "don_vi": "Ủy ban nhân dân phường Tiến Thành",
    "doi_tuong": "Công chức",
    "cap_de_nghi": "Cấp phường",
    "trinh_do": "Cử nhân Luật",
    "nhiem_vu": "Tham mưu công tác cải cách hành chính.",
    "thanh_tich": "Hoàn thành 100 % hồ sơ đúng hạn.\nXây dựng quy trình tiếp nhận trực tuyến.",
    "sang_kien_ten": "Số hóa hồ sơ một cửa",
    "sang_kien_cap": "Hội đồng sáng kiến phường",
    "sang_kien_so_qd": "45/QĐ-UBND",
    "sang_kien_ngay_qd": "12/06/2023",
    "xep_loai_nam": "Hoàn thành xuất sắc nhiệm vụ",
    "thuc_hien_cchc": "Có",
    "vi_pham_ky_luat": "Không",
}

GOOD_COLLECTIVE = {
    "ten": "Bộ phận Một cửa phường Tiến Thành",
    "doi_tuong": 'Bộ phận "Một cửa" phường',
    "cap_de_nghi": "Cấp phường",
    "thu_truong": "Phạm Văn Cường",
    "chuc_vu_thu_truong": "Phó Chủ tịch UBND phường",
    "tru_so": "Số 1 đường Phú Riềng Đỏ, phường Tiến Thành",
    "dac_diem": "Bộ phận gồm 6 công chức.",
    "chuc_nang": "Tiếp nhận và trả kết quả thủ tục hành chính.",
    "thanh_tich": "Giải quyết 2.350 hồ sơ, 100 % đúng hạn.",
    "bien_phap": "Niêm yết công khai thủ tục hành chính.",
    "chinh_sach": "Chấp hành nghiêm chủ trương của Đảng, pháp luật của Nhà nước.",
    "doan_the": "Chi đoàn đạt vững mạnh.",
    "xep_loai_nam": "Hoàn thành xuất sắc nhiệm vụ",
    "thuc_hien_cchc": "Có",
    "xep_loai_cchc": "Tốt",
    "vi_pham_ky_luat": "Không",
}

MakeWorkbook = Callable[..., Path]

# Findings about who has sent a form at all (campaign file `[[departments]]`), not about a form.
ATTENDANCE = frozenset({"DEPARTMENT_NO_FORM", "FORM_GONE"})


def forms_only(campaign: Campaign) -> Campaign:
    """The campaign without its list of departments: checks of forms, not of who sent one."""
    return replace(campaign, contacts=replace(campaign.contacts, departments=()))


@pytest.fixture
def make_workbook(campaign: Campaign, template_bytes: bytes, tmp_path: Path) -> MakeWorkbook:
    """Build a filled intake workbook from rows: make_workbook(name, individuals=[...], ...)."""

    def make(
        name: str = "don-vi.xlsx",
        unit: Mapping[str, object] | None = None,
        individuals: Sequence[Mapping[str, object]] = (),
        collectives: Sequence[Mapping[str, object]] = (),
        awards: Sequence[Mapping[str, object]] = (),
        folder: Path | None = None,
    ) -> Path:
        sheets = {"Cá nhân": individuals, "Tập thể": collectives, "Khen thưởng đã nhận": awards}
        path = (folder or tmp_path / "phieu") / name
        return fill_workbook(campaign, path, unit or GOOD_UNIT, sheets, template_bytes)

    return make


def soffice() -> str | None:
    """LibreOffice's binary (found as docgen finds it); CI sets DOCGEN_REQUIRE_SOFFICE=1 so its
    absence fails, not skips."""
    try:
        return str(find_soffice())
    except OfficeMissingError:
        if os.environ.get("DOCGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required in CI but is not installed")
        return None


CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def libreoffice_convert(sources: Sequence[Path], to: str, outdir: Path) -> Path:
    """Open `sources` in LibreOffice headless and convert them (a real client reads our files),
    through docgen's own LibreOffice door: one process, its own profile.

    Skips when LibreOffice is absent, except in CI (see `soffice`).
    """
    binary = soffice()
    if binary is None:
        pytest.skip("LibreOffice is not installed")
    convert_batch(Path(binary), sources, outdir, to, timeout=600)
    return outdir


def after_announce(stderr: str) -> str:
    """What a command wrote to stderr after its line naming the workspace and the campaign."""
    first, _, rest = stderr.partition("\n")
    return rest if first.startswith("Thư mục làm việc: ") and " — chiến dịch “" in first else stderr


# The longest tests (a browser's whole cycle, every command under two code pages, LibreOffice
# batches) start first: xdist's work stealing then ends the run on short tests, not with one
# worker idle while the other finishes a 25-second test.
LONGEST_FIRST = (
    "test_web_browser.py",
    "test_cli_console.py",
    "test_layout.py",
    "test_archive.py",
    "test_pdf.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within each file and among the rest is kept
