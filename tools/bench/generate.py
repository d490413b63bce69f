"""A deterministic synthetic campaign: many valid, eligible nominees and a filled meeting.

Everything comes from one `random.Random(seed)`, so equal arguments give equal rows. The
campaign is the shipped one with its quotas raised (a year-end campaign has no small
quota), and every nominee gets enough votes, so the meeting proposes everyone.
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import docgen
from docgen.campaign import load_campaign
from docgen.intake.schema import AWARDS_SHEET, COLLECTIVE_SHEET, INDIVIDUAL_SHEET
from docgen.meeting.consolidate import write_consolidated
from docgen.meeting.model import nominee_key
from docgen.validate.run import validate_folder
from docgen.workspace import Workspace
from tools.bench import texts
from tools.example.data import MEETING
from tools.fill.intake import blank_template, fill_workbook
from tools.fill.meeting import fill_meeting

REPO = Path(docgen.__file__).resolve().parents[1]
CITY, WARD = "Cấp thành phố", "Cấp phường"
HTXS = "Hoàn thành xuất sắc nhiệm vụ"
COLLECTIVE_SHARE = 0.05
CITY_SHARE = 0.3
Row = dict[str, object]


@dataclass
class Department:
    """One department's workbook: its unit form and its rows per sheet."""

    file: str
    unit: Row
    collectives: list[Row] = field(default_factory=list)
    individuals: list[Row] = field(default_factory=list)
    awards: list[Row] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """Data rows a department typed (nominees and previous awards)."""
        return len(self.collectives) + len(self.individuals) + len(self.awards)


def campaign_text(source: str, quota: int) -> str:
    """The campaign file with every level's quota raised to `quota` per kind."""
    line = f"quota = {{ collective = {quota}, individual = {quota} }}"
    return re.sub(r"^quota = .*$", line, source, flags=re.MULTILINE)


def departments(size: int, workbooks: int, seed: int) -> list[Department]:
    """`size` nominees (about 5 % collectives) spread over `workbooks` departments."""
    rng = random.Random(seed)
    depts = [_department(rng, i) for i in range(workbooks)]
    collectives = max(1, round(size * COLLECTIVE_SHARE)) if size > 1 else 0
    people: set[tuple[str, date]] = set()
    for index in range(size):
        dept = depts[index % workbooks]
        if index < collectives:
            dept.collectives.append(_collective(rng, index, dept))
        else:
            dept.individuals.append(_individual(rng, people))
    for dept in depts:
        for nominee in (*dept.collectives, *dept.individuals):
            dept.awards += _awards(rng, nominee)
    return depts


def _department(rng: random.Random, index: int) -> Department:
    name = (
        f"{texts.DEPARTMENTS[index % len(texts.DEPARTMENTS)]} {index // len(texts.DEPARTMENTS) + 1}"
    )
    contact = texts.person_name(rng, rng.choice(("Nam", "Nữ")))
    unit: Row = {
        "don_vi": name,
        "nguoi_lien_he": contact,
        "dien_thoai": f"0271 3{rng.randint(100, 999)} {rng.randint(100, 999)}",
        "email": f"donvi{index + 1}.tienthanh@binhphuoc.gov.vn",
        "ngay_gui": date(2023, 12, 1) + timedelta(days=rng.randint(0, 14)),
    }
    return Department(f"don-vi-{index + 1:03d}.xlsx", unit)


def _collective(rng: random.Random, index: int, dept: Department) -> Row:
    city = rng.random() < CITY_SHARE
    head = texts.person_name(rng, rng.choice(("Nam", "Nữ")))
    return {
        "ten": f"{rng.choice(texts.TEAMS)} số {index + 1} - {dept.unit['don_vi']}",
        "doi_tuong": "Ủy ban nhân dân phường" if city else 'Bộ phận "Một cửa" phường',
        "cap_de_nghi": CITY if city else WARD,
        "thu_truong": head,
        "chuc_vu_thu_truong": rng.choice(texts.HEAD_TITLES),
        "tru_so": f"Khu phố {rng.randint(1, 6)}, {texts.ADDRESS}",
        "dien_thoai": f"0271 3{rng.randint(100, 999)} {rng.randint(100, 999)}",
        "so_nguoi": rng.randint(5, 40),
        "dac_diem": texts.paragraphs(rng, texts.SITUATION, 2, 3),
        "chuc_nang": texts.paragraphs(rng, texts.DUTIES, 1, 2),
        "thanh_tich": texts.paragraphs(rng, texts.ACHIEVEMENTS, 3, 6),
        "bien_phap": texts.paragraphs(rng, texts.MEASURES, 1, 3),
        "chinh_sach": texts.paragraphs(rng, texts.POLICY, 1, 2),
        "doan_the": texts.paragraphs(rng, texts.UNIONS, 1, 2),
        "xep_loai_nam": HTXS,
        "thuc_hien_cchc": "Có",
        "xep_loai_cchc": "Tốt",
        "vi_pham_ky_luat": "Không",
    }


def _individual(rng: random.Random, people: set[tuple[str, date]]) -> Row:
    sex = rng.choice(("Nam", "Nữ"))
    name, born = texts.person_name(rng, sex), _birth(rng)
    while (name, born) in people:  # one person is nominated once in the whole campaign
        name, born = texts.person_name(rng, sex), _birth(rng)
    people.add((name, born))
    return {
        "ho_ten": name,
        "gioi_tinh": sex,
        "ngay_sinh": born,
        "que_quan": rng.choice(texts.HOMETOWNS),
        "tru_quan": f"Khu phố {rng.randint(1, 6)}, {texts.ADDRESS}",
        "chuc_vu": rng.choice(texts.POSITIONS),
        "don_vi": texts.UNIT,
        "doi_tuong": rng.choice(("Cán bộ", "Công chức", "Nhân viên")),
        "cap_de_nghi": CITY if rng.random() < CITY_SHARE else WARD,
        "trinh_do": rng.choice(texts.DEGREES),
        "ly_luan_chinh_tri": rng.choice(("Sơ cấp", "Trung cấp", "Cao cấp")),
        "nhiem_vu": texts.paragraphs(rng, texts.DUTIES, 1, 2),
        "thanh_tich": texts.paragraphs(rng, texts.ACHIEVEMENTS, 2, 5),
        "sang_kien_ten": rng.choice(texts.INITIATIVES),
        "sang_kien_cap": rng.choice(("Hội đồng sáng kiến thành phố", "Hội đồng sáng kiến phường")),
        "sang_kien_so_qd": f"{rng.randint(10, 400)}/QĐ-UBND",
        "sang_kien_ngay_qd": date(2023, 3, 1) + timedelta(days=rng.randint(0, 260)),
        "xep_loai_nam": HTXS,
        "thuc_hien_cchc": "Có",
        "vi_pham_ky_luat": "Không",
    }


def _birth(rng: random.Random) -> date:
    return date(1965, 1, 1) + timedelta(days=rng.randint(0, 33 * 365))


def _awards(rng: random.Random, nominee: Row) -> list[Row]:
    individual = "ho_ten" in nominee
    out: list[Row] = []
    for year in sorted(rng.sample(range(2018, 2023), rng.randint(0, 3))):
        kind, title = rng.choice(texts.AWARDS)
        if not individual:
            title = texts.COLLECTIVE_TITLES.get(title, title)
        out.append(
            {
                "ten": nominee["ho_ten"] if individual else nominee["ten"],
                "ngay_sinh": nominee["ngay_sinh"] if individual else None,
                "loai": kind,
                "nam": year,
                "hinh_thuc": title,
                "so_qd": f"{rng.randint(100, 2500)}/QĐ-UBND",
                "ngay_qd": date(year, 12, rng.randint(1, 28)),
                "co_quan": rng.choice(texts.ISSUERS),
            }
        )
    return out


def write_campaign(root: Path, size: int, workbooks: int, seed: int) -> list[Department]:
    """Write a whole workspace under `root`: campaign, workbooks, meeting, templates."""
    ws = Workspace(root)
    ws.submissions.mkdir(parents=True, exist_ok=True)
    source = (REPO / "tools" / "example" / "campaign.toml").read_text(encoding="utf-8")
    ws.campaign.write_text(campaign_text(source, max(size, 1)), encoding="utf-8")
    shutil.copytree(REPO / "templates_docx", ws.root / "templates_docx", dirs_exist_ok=True)
    campaign = load_campaign(ws.campaign)
    template = blank_template(campaign)
    depts = departments(size, workbooks, seed)
    for dept in depts:
        sheets = {
            COLLECTIVE_SHEET: dept.collectives,
            INDIVIDUAL_SHEET: dept.individuals,
            AWARDS_SHEET: dept.awards,
        }
        fill_workbook(campaign, ws.submissions / dept.file, dept.unit, sheets, template)
    write_meeting(ws, seed)
    return depts


def write_meeting(ws: Workspace, seed: int) -> Path:
    """Consolidate the intake and fill the meeting: every nominee passes the threshold."""
    campaign = load_campaign(ws.campaign)
    report = validate_folder(campaign, ws.submissions)
    rng = random.Random(seed + 1)
    least = campaign.council.members // 2 + 1
    votes = {nominee_key(n): rng.randint(least, MEETING.present) for n in report.eligible()}
    with tempfile.TemporaryDirectory() as tmp:
        blank = write_consolidated(campaign, report, Path(tmp) / "tong-hop.xlsx")
        return fill_meeting(blank, ws.meeting, MEETING, votes)
