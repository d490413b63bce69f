"""Which documents each level's dossier holds, their file names and their contexts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from docgen.award.documents import (
    council_proposal_context,
    decision_context,
    decision_list_context,
)
from docgen.campaign.model import Campaign, Level
from docgen.documents.forms import DOCUMENT_TEMPLATES, report_template
from docgen.documents.minutes import considered, minutes_context
from docgen.documents.proposal import list_context, proposal_context
from docgen.documents.report import report_context
from docgen.dossier.register import (
    Register,
    award_registers,
    list_register,
    minutes_register,
    proposal_register,
    report_register,
)
from docgen.errors import DocgenError
from docgen.intake.records import Source
from docgen.meeting.model import Meeting, Selection
from docgen.output.manifest import Entry
from docgen.output.names import NameBook, safe_stem

DOCUMENT_NAMES = {
    "to-trinh": "Tờ trình",
    "danh-sach": "Danh sách",
    "bien-ban": "Biên bản họp xét",
    "bao-cao": "Báo cáo thành tích",
    "to-trinh-khen-thuong": "Tờ trình đề nghị khen thưởng",
    "quyet-dinh": "Quyết định khen thưởng",
    "danh-sach-khen-thuong": "Danh sách kèm theo Quyết định",
}
AWARD_DOCUMENTS = {
    "to-trinh-khen-thuong": ("to-trinh-de-nghi-khen-thuong", council_proposal_context),
    "quyet-dinh": ("quyet-dinh-khen-thuong", decision_context),
    "danh-sach-khen-thuong": ("danh-sach-kem-theo-quyet-dinh", decision_list_context),
}
"""At a level the ward decides itself: kind → (file stem, context), in the dossier's order."""


@dataclass(slots=True)
class Planned:
    """One document to write: where, from which template, with which context and source.

    One per nominee at 20,000 nominees: slots, the row's own Source, a shared Register and
    title, the context built only when asked (:meth:`context`).
    """

    path: str  # relative to the campaign's output folder
    kind: str
    template: str
    level: str
    build: Callable[[], dict[str, Any]]  # the context
    source: Source | None = None  # the intake row a report is made from
    title: str = ""
    register: Register = field(default_factory=Register)
    subject: str = ""  # the nominee's kind, for a report
    about: str = ""  # who a report is about: the manifest's title is "title — about"
    same: str = ""  # documents with the same non-empty `same` have the same bytes
    early: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def context(self) -> dict[str, Any]:
        """The document's context: the one :func:`template_keys` built, else a new one.

        A context built early is handed over once, so that it is not kept after its render.
        """
        built, self.early = self.early, None
        return built if built is not None else self.build()

    def entry(self, digest: str) -> Entry:
        """The manifest entry of this document once written with content hash `digest`."""
        r = self.register
        return Entry(
            self.path,
            digest,
            self.kind,
            f"templates_docx/{self.template}",
            self.level,
            (self.source._asdict(),) if self.source else (),
            f"{self.title} — {self.about}" if self.about else self.title,
            r.number,
            r.symbol,
            r.date,
            r.summary,
            r.signer,
            r.recipients,
        )


def plan_documents(
    campaign: Campaign, meeting: Meeting, selections: list[Selection]
) -> list[Planned]:
    """Every document of every level, in a stable order.

    The meeting's one Biên bản covers every level it considered and is filed, the same file,
    in each level's dossier.
    """
    levels = [s.level for s in considered(selections)]
    minutes = Planned(
        "",
        "bien-ban",
        DOCUMENT_TEMPLATES["bien-ban"],
        "",
        lambda: minutes_context(campaign, meeting, selections),
        title=DOCUMENT_NAMES["bien-ban"],
        register=minutes_register(campaign, meeting, levels),
        same="bien-ban",
    )
    planned: list[Planned] = []
    for selection in selections:
        if selection.proposed():
            planned += _level_documents(campaign, meeting, selection, minutes)
    return planned


def _level_documents(
    campaign: Campaign, meeting: Meeting, selection: Selection, minutes: Planned
) -> list[Planned]:
    level = selection.level
    folder = safe_stem("", level.id, fallback="cap")
    names = NameBook()
    out: list[Planned] = []
    builders: dict[str, tuple[Callable[[], dict[str, Any]], Register]] = {
        "to-trinh": (
            lambda: proposal_context(campaign, level, meeting, selection),
            proposal_register(campaign, meeting, level),
        ),
        "danh-sach": (
            lambda: list_context(campaign, level, meeting, selection),
            list_register(campaign, meeting, level),
        ),
    }
    for kind in level.documents:
        path = f"{folder}/{names.claim(kind, '.docx')}" if kind != "bao-cao" else ""
        if kind == "bao-cao":
            out += _reports(campaign, level, selection, folder, names)
        elif kind == "bien-ban":
            out.append(replace(minutes, path=path, level=level.id))
        else:
            context, register = builders[kind]
            template = DOCUMENT_TEMPLATES[kind]
            title = DOCUMENT_NAMES[kind]
            out.append(Planned(path, kind, template, level.id, context, None, title, register))
    if level.decides:
        out += _award_documents(campaign, meeting, selection, folder, names)
    return out


def _award_documents(
    campaign: Campaign, meeting: Meeting, selection: Selection, folder: str, names: NameBook
) -> list[Planned]:
    """The proposer's Tờ trình, the chairman's Quyết định and its Danh sách."""
    level = selection.level
    registers = award_registers(campaign, meeting, level)
    return [
        Planned(
            f"{folder}/{names.claim(stem, '.docx')}",
            kind,
            DOCUMENT_TEMPLATES[kind],
            level.id,
            functools.partial(build, campaign, level, meeting, selection),
            None,
            DOCUMENT_NAMES[kind],
            registers[kind],
        )
        for kind, (stem, build) in AWARD_DOCUMENTS.items()
    ]


def _reports(
    campaign: Campaign, level: Level, selection: Selection, folder: str, names: NameBook
) -> list[Planned]:
    out = []
    register = report_register(level)
    for decision in selection.proposed():
        nominee = decision.nominee
        stem = safe_stem("bao-cao-thanh-tich", nominee.name)
        out.append(
            Planned(
                f"{folder}/{names.claim(stem, '.docx')}",
                "bao-cao",
                report_template(campaign, nominee.kind),
                level.id,
                functools.partial(report_context, campaign, decision, level),
                nominee.source,
                DOCUMENT_NAMES["bao-cao"],
                register,
                subject=nominee.kind.value,
                about=nominee.name,
            )
        )
    return out


def template_keys(planned: list[Planned]) -> dict[str, set[str]]:
    """Per template, the keys that its contexts of every subject kind have, for the check.

    One context per template and subject kind (a form such as Mẫu 07 serves collectives and
    individuals; it may use only what both give), kept for that document's render: every
    other context is built once, by the writer, which sets aside (and reports) a document
    whose data is missing.
    """
    keys: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()
    for item in planned:
        if (item.template, item.subject) in seen:
            continue
        try:
            item.early = item.context()
        except DocgenError:
            continue  # reported by the writer, with every other missing value
        found = set(item.early)
        seen.add((item.template, item.subject))
        keys[item.template] = keys[item.template] & found if item.template in keys else found
    return keys
