"""The examples of the other legal profiles: the shipped 2023 example moved to another campaign.

Each variant is a campaign file in `tools/example/campaigns/` with the same subjects and the
same number of levels as `input/campaign.toml`. Its workspace is written anywhere (never into
input/, which `make dossiers` builds): the campaign, the templates, the departments' workbooks
with every date moved to the campaign's year and the level and subject names of the campaign,
and the filled meeting workbook. `make examples` builds each variant under output/vi-du/.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.campaign import Campaign, load_campaign
from docgen.workspace import Workspace
from tools.example.build import EXAMPLE_CAMPAIGN, build_example
from tools.example.data import DEPARTMENTS, MEETING

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGNS = Path(__file__).resolve().parent / "campaigns"
_YEAR = re.compile(r"\b20[0-3]\d\b")


@dataclass(frozen=True)
class Variant:
    """One example campaign and the text it replaces in the shipped data (its geography)."""

    name: str
    replacements: tuple[tuple[str, str], ...] = ()

    @property
    def campaign(self) -> Path:
        """The variant's campaign file."""
        return CAMPAIGNS / f"{self.name}.toml"


VARIANTS: dict[str, Variant] = {
    v.name: v
    for v in (
        Variant("nd98-2024"),
        Variant(
            "nd152-2026",
            (  # a ward directly under the province: no district (city) level after 01/07/2025
                (", thành phố Đồng Xoài, tỉnh Bình Phước", ", tỉnh Đồng Nai"),
                # the ward's committee: an award of the province, not of its own chairman
                (
                    "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
                    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai",
                ),
                (
                    "Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài",
                    "Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai",
                ),
                ("phường, xã của thành phố", "phường, xã của tỉnh"),
                ("Hội đồng sáng kiến thành phố", "Hội đồng sáng kiến tỉnh"),
                ("Giấy khen của Chủ tịch UBND thành phố", "Giấy khen của Chủ tịch UBND phường"),
                ("UBND thành phố Đồng Xoài", "UBND phường Tiến Thành"),
                ("binhphuoc.gov.vn", "dongnai.gov.vn"),
            ),
        ),
    )
}


def build_variant(name: str, root: Path) -> list[Path]:
    """Write the workspace of variant `name` under `root`; returns the files written."""
    variant = VARIANTS[name]
    ws = Workspace(root)
    ws.campaign.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(variant.campaign, ws.campaign)
    shutil.copytree(ROOT / "templates_docx", ws.root / "templates_docx", dirs_exist_ok=True)
    mover = _Mover(load_campaign(EXAMPLE_CAMPAIGN), load_campaign(ws.campaign))
    mover.replacements = variant.replacements
    departments = [mover.move(d) for d in DEPARTMENTS]
    meeting = dataclasses.replace(
        MEETING, date=mover.day(MEETING.date), place=mover.text(MEETING.place)
    )
    return build_example(root, departments, meeting)


class _Mover:
    """Moves the shipped data to another campaign: years, level and subject names, places."""

    def __init__(self, base: Campaign, target: Campaign) -> None:
        if len(base.levels) != len(target.levels):
            raise ValueError(f"{target.source}: cần {len(base.levels)} cấp khen như ví dụ gốc.")
        self.years = target.period.year - base.period.year
        self.names = {a.label: b.label for a, b in zip(base.levels, target.levels, strict=True)}
        self.names.update({s.label: target.subject(s.id).label for s in base.subjects})
        self.replacements: tuple[tuple[str, str], ...] = ()

    def move(self, value: Any) -> Any:
        """`value` with every date, year, name and place moved to the target campaign."""
        if isinstance(value, dict):
            return {key: self.move(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.move(item) for item in value]
        if isinstance(value, dt.date) and value.year >= 2000:  # not birth dates
            return self.day(value)
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, int) and 2000 <= value < 2040:  # a year, e.g. of a previous award
            return value + self.years
        return value

    def day(self, day: dt.date) -> dt.date:
        """The same day `self.years` later (28 February for a 29 February)."""
        try:
            return day.replace(year=day.year + self.years)
        except ValueError:
            return day.replace(year=day.year + self.years, day=28)

    def text(self, text: str) -> str:
        """Names of levels and subjects, places, then years (2021–2023) moved."""
        if text in self.names:
            return self.names[text]
        for old, new in self.replacements:
            text = text.replace(old, new)
        return _YEAR.sub(lambda m: str(int(m.group()) + self.years), text)
