"""The law of a campaign's date: the legal documents and the legal profiles, as data.

A legal profile is the set of dossier forms a campaign uses and the laws it rests on: the
decree in force when the dossier is made decides it. Where each form's wording comes from, and
whether it was checked against the official text, is recorded in `templates_docx/nguon-mau.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docgen.text import fold, format_date_short


@dataclass(frozen=True)
class LegalDocument:
    """A law, decree or circular: how a plan cites it and when it is in force."""

    key: str
    name: str  # how the warnings name it
    marks: tuple[str, ...]  # folded fragments that identify a citation of it
    start: date  # first day in force
    end: date | None = None  # last day in force; None while in force
    replaced_by: str = ""  # key of the document that replaced it
    citation: str = ""  # how a căn cứ cites it in full (the wizard offers it)
    competence: bool = False  # a law on the decider's competence, outside every profile

    def in_force(self, day: date) -> bool:
        """True when the document is in force on `day`."""
        return self.start <= day and (self.end is None or day <= self.end)

    def cited_at(self, text: str) -> int | None:
        """Where `text` (a plan's legal basis) first names this document, or None."""
        folded = fold(text)
        found = [i for i in (folded.find(mark) for mark in self.marks) if i >= 0]
        return min(found) if found else None


def _local_government(*days: str) -> tuple[str, ...]:
    """Folded marks of a law on local government cited by its date."""
    return tuple(f"to chuc chinh quyen dia phuong ngay {day}" for day in days)


DOCUMENTS: dict[str, LegalDocument] = {
    d.key: d
    for d in (
        LegalDocument(
            "luat-2003",
            "Luật Thi đua, khen thưởng năm 2003 (và các luật sửa đổi năm 2005, 2013)",
            ("15/2003/qh11", "26 thang 11 nam 2003", "26/11/2003", "47/2005/qh11", "39/2013/qh13"),
            date(2004, 7, 1),
            date(2023, 12, 31),
            "luat-2022",
            citation=(
                "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
                "điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 "
                "năm 2013"
            ),
        ),
        LegalDocument(
            "luat-2022",
            "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022",
            ("06/2022/qh15", "15 thang 6 nam 2022", "15/6/2022", "15/06/2022"),
            date(2024, 1, 1),
            citation="Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
        ),
        LegalDocument(
            "nd91-2017",
            "Nghị định số 91/2017/NĐ-CP",
            ("91/2017/nd-cp",),
            date(2017, 7, 31),
            date(2023, 12, 31),
            "nd98-2023",
            citation=(
                "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
                "tiết thi hành một số điều của Luật Thi đua, khen thưởng"
            ),
        ),
        LegalDocument(
            "nd98-2023",
            "Nghị định số 98/2023/NĐ-CP",
            ("98/2023/nd-cp",),
            date(2024, 1, 1),
            date(2025, 6, 30),
            "nd152-2025",
            citation=(
                "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
                "tiết thi hành một số điều của Luật Thi đua, khen thưởng"
            ),
        ),
        LegalDocument(
            "nd152-2025",
            "Nghị định số 152/2025/NĐ-CP",
            ("152/2025/nd-cp",),
            date(2025, 7, 1),
            citation=(
                "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về "
                "phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
                "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"
            ),
        ),
        LegalDocument(
            "tt01-2024",
            "Thông tư số 01/2024/TT-BNV",
            ("01/2024/tt-bnv",),
            date(2024, 2, 24),
            date(2025, 8, 4),
            "tt15-2025",
        ),
        LegalDocument(
            "tt15-2025",
            "Thông tư số 15/2025/TT-BNV",
            ("15/2025/tt-bnv",),
            date(2025, 8, 5),
        ),
        LegalDocument(
            "cqdp-2015",
            "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
            ("77/2015/qh13", *_local_government("19 thang 6 nam 2015", "19/6/2015", "19/06/2015")),
            date(2016, 1, 1),
            date(2025, 2, 28),
            "cqdp-2025-02",
            citation=(
                "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
                "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
                "phương ngày 22 tháng 11 năm 2019"
            ),
            competence=True,
        ),
        LegalDocument(
            "cqdp-2025-02",
            "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
            (
                "65/2025/qh15",
                *_local_government(
                    "19 thang 02 nam 2025", "19 thang 2 nam 2025", "19/02/2025", "19/2/2025"
                ),
            ),  # fmt: skip
            date(2025, 3, 1),
            date(2025, 6, 30),
            "cqdp-2025-06",
            citation="Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
            competence=True,
        ),
        LegalDocument(
            "cqdp-2025-06",
            "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            _local_government(
                "16 thang 6 nam 2025", "16 thang 06 nam 2025", "16/6/2025", "16/06/2025"
            ),
            date(2025, 7, 1),
            citation="Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            competence=True,
        ),
    )
}
"""Every document the checks know. Dates from secondary sources (README, "Nguồn biểu mẫu"); not
found there and taken as the nearest known day: ND 91's first day (its signing day), TT 01/2024's
first day (its issuing day) and TT 15/2025's (05/08/2025, named only in secondary notes).

The laws on local government (Luật Tổ chức chính quyền địa phương) ground the chairman's
competence, the first căn cứ of his decision; they belong to no profile. Read in secondary pages
(official texts not read): Luật số 77/2015/QH13 of 19/6/2015, in force 01/01/2016, amended by Luật
số 47/2019/QH14 of 22/11/2019 in force 01/07/2020 (vietjack.me, Văn bản hợp nhất 32/VBHN-VPQH
2023 as quoted on danhmucvanbanphapluatvietnam.blogspot.com); Luật số 65/2025/QH15 of 19/02/2025
in force 01/3/2025 (luatmtpd.com); the law passed on 16/6/2025, in force 01/7/2025 (danviet.vn,
its number not read: cited by date). The citations of the profiles' laws and decrees are those
of the shipped example campaigns."""

AMENDED_2019 = date(2020, 7, 1)  # the 2019 amendment of the 2015 law on local government


def competence_basis(day: date) -> str:
    """The căn cứ of a chairman's competence for a decision made on `day` (the law on local
    government in force), as the wizard offers it; "" before 2016."""
    law = next((d for d in DOCUMENTS.values() if d.competence and d.in_force(day)), None)
    if law is None:
        return ""
    return law.name if law.key == "cqdp-2015" and day < AMENDED_2019 else law.citation


def cited_document(basis: str) -> LegalDocument | None:
    """The document a legal basis cites: the first one it names (a circular's basis also names
    the decree it carries out, after its own number)."""
    named = [(at, d) for d in DOCUMENTS.values() if (at := d.cited_at(basis)) is not None]
    return min(named, key=lambda pair: pair[0])[1] if named else None


TIERS = {"tinh": "cấp tỉnh", "huyen": "cấp huyện", "xa": "cấp xã"}
"""Administrative tiers a `[[levels]]` entry may name with `tier`."""


@dataclass(frozen=True)
class Forms:
    """The achievement-report forms (files in templates_docx/) of a profile."""

    collective: str
    individual: str
    thematic: str | None  # one form for both kinds; None: the profile has no thematic form


@dataclass(frozen=True)
class LegalProfile:
    """A profile: when it applies, what it rests on, its forms, and its local-government tiers."""

    id: str
    decree: str  # key in DOCUMENTS of the decree whose forms the profile uses
    law: str  # key in DOCUMENTS of the law the decree details
    forms: Forms
    report_place: str  # "issuer": the issuer's place; "province": the province (issuer.province)
    tiers: tuple[str, ...]
    circular: str = ""  # key in DOCUMENTS of the ministry's circular that goes with the decree

    @property
    def documents(self) -> tuple[str, ...]:
        """Keys of the law, the decree and the circular the profile rests on."""
        return tuple(k for k in (self.law, self.decree, self.circular) if k)

    @property
    def start(self) -> date:
        """First day the profile applies: its decree's first day."""
        return DOCUMENTS[self.decree].start

    @property
    def end(self) -> date | None:
        """Last day the profile applies, or None."""
        return DOCUMENTS[self.decree].end

    def applies(self, day: date) -> bool:
        """True when a dossier made on `day` falls under this profile."""
        return DOCUMENTS[self.decree].in_force(day)

    def span(self) -> str:
        """When the profile applies, as the messages say it: "từ 01/07/2025", "từ … đến …"."""
        start = f"từ {format_date_short(self.start)}"
        return f"{start} đến {format_date_short(self.end)}" if self.end else start

    def templates(self) -> tuple[str, ...]:
        """Every form file the profile uses."""
        forms = (self.forms.collective, self.forms.individual, self.forms.thematic)
        return tuple(f for f in forms if f)


PROFILES: dict[str, LegalProfile] = {
    p.id: p
    for p in (
        LegalProfile(
            "nd91_2017",
            "nd91-2017",
            "luat-2003",
            Forms("bao-cao-nd91-mau01.docx", "bao-cao-nd91-mau02.docx", "bao-cao-nd91-mau07.docx"),
            "issuer",
            ("tinh", "huyen", "xa"),
        ),
        LegalProfile(
            "nd98_2023",
            "nd98-2023",
            "luat-2022",
            Forms("bao-cao-nd98-mau02.docx", "bao-cao-nd98-mau03.docx", None),
            "province",
            ("tinh", "huyen", "xa"),
            "tt01-2024",
        ),
        LegalProfile(
            "nd152_2025",
            "nd152-2025",
            "luat-2022",
            Forms(
                "bao-cao-nd152-tap-the.docx",
                "bao-cao-nd152-ca-nhan.docx",
                "bao-cao-nd152-chuyen-de.docx",
            ),
            "province",
            ("tinh", "xa"),
            "tt15-2025",
        ),
    )
}


def profile_for(day: date) -> LegalProfile | None:
    """The profile whose decree is in force on `day` (None before ND 91/2017)."""
    return next((p for p in PROFILES.values() if p.applies(day)), None)
