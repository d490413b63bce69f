"""The campaign as typed, immutable data: everything plan-specific the product needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from docgen.campaign.contacts import Contacts


class Kind(StrEnum):
    """Subject kind: a collective (tập thể) or an individual (cá nhân)."""

    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        """Vietnamese word for the kind, as documents print it."""
        return "tập thể" if self is Kind.COLLECTIVE else "cá nhân"


class DocKind(StrEnum):
    """A document of a level's dossier, spelt as campaign files, file names, manifests and the
    archive register spell it."""

    PROPOSAL = "to-trinh"  # Tờ trình
    LIST = "danh-sach"  # Danh sách kèm theo Tờ trình
    MINUTES = "bien-ban"  # Biên bản họp xét
    REPORT = "bao-cao"  # Báo cáo thành tích
    # The ward's own award, at a level that decides itself (`Level.decides`), never listed in a
    # campaign file's `documents`:
    AWARD_PROPOSAL = "to-trinh-khen-thuong"  # the proposer's Tờ trình to the chairman
    DECISION = "quyet-dinh"  # the chairman's Quyết định khen thưởng
    DECISION_LIST = "danh-sach-khen-thuong"  # Danh sách kèm theo Quyết định


# What a campaign file may list in a level's `documents`.
DOCUMENT_KINDS = tuple(
    k.value for k in (DocKind.PROPOSAL, DocKind.LIST, DocKind.MINUTES, DocKind.REPORT)
)
CHECK_OPS = (
    "equals",
    "one_of",
    "not_empty",
    "is_true",
    "within_period",
    "not_awarded_last_year",  # reads the award history, not a field: values = (form,)
    "awarded_years_in_row",  # values = (form, years)
)
FIELD_TYPES = ("choice", "text", "date", "int")


@dataclass(frozen=True)
class Issuer:
    """The issuing body and how its name and place print in the header."""

    parent_body: str
    name_lines: tuple[str, ...]
    full_name: str
    place: str
    symbol: str
    province: str = ""  # "Đồng Nai": the place in the date line of reports (ND 98, ND 152)


@dataclass(frozen=True)
class Council:
    """The emulation-commendation council that reviews nominations."""

    name: str
    symbol: str
    members: int


@dataclass(frozen=True)
class AwardSetup:
    """The ward's own award: who proposes it to the chairman, the bonus fund, who carries out.

    The proposing body is the council's standing members or the advisory office, never the
    issuer to its own chairman; its Tờ trình has its own header lines, ký hiệu and signer.
    """

    proposer: str  # "Thường trực Hội đồng Thi đua - Khen thưởng phường Tiến Thành"
    header: tuple[str, ...]  # its name lines under the issuer in the header
    symbol: str  # its ký hiệu: TTr-<symbol>
    signer: str  # signer key; "" → the meeting's chair signs for the council
    fund: str  # where the bonus is paid from
    executors: tuple[str, ...]  # Điều 3: who carries the decision out
    noi_nhan: tuple[str, ...]  # the decision's Nơi nhận
    bases: tuple[str, ...] = ()  # căn cứ the decision cites before the plan's (its competence)


@dataclass(frozen=True)
class Plan:
    """The plan document that launched the campaign, and the legal bases cited."""

    number: str
    date: date
    title: str
    bases: tuple[str, ...]


@dataclass(frozen=True)
class Period:
    """Campaign period: `start` inclusive, `deadline` exclusive ("đến trước ngày …")."""

    start: date
    deadline: date
    year: int

    def contains(self, day: date) -> bool:
        """True when `day` lies inside the period."""
        return self.start <= day < self.deadline


@dataclass(frozen=True)
class VoteRule:
    """The council's threshold: share of `denominator` votes that must agree."""

    threshold_percent: float
    inclusive: bool
    denominator: str  # "members" | "present"

    def passes(self, votes: int, members: int, present: int) -> bool:
        """True when `votes` reach the threshold against the configured denominator."""
        base = members if self.denominator == "members" else present
        if base <= 0:
            return False
        share = votes * 100 / base
        return share >= self.threshold_percent if self.inclusive else share > self.threshold_percent


@dataclass(frozen=True)
class Signer:
    """A signature block: authority line, title and name."""

    authority: str
    title: str
    name: str


@dataclass(frozen=True)
class Subject:
    """An eligible subject, e.g. "Công chức" (individual) or "Ủy ban nhân dân phường"."""

    id: str
    kind: Kind
    label: str
    # A collective with its own seal signs its report "(Ký, đóng dấu)"; one without (a Bộ
    # phận, a Tổ, a Khối of the ward) "(Ký, ghi rõ họ tên)". `seal` in the campaign file,
    # else `defaults.has_seal(label)`. Individuals sign by hand: False.
    seal: bool = False


@dataclass(frozen=True)
class FieldSpec:
    """A campaign-defined intake field used by the criteria."""

    key: str
    header: str
    type: str
    applies: tuple[Kind, ...]
    choices: tuple[str, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class Check:
    """One declarative test of an intake field (no code in the campaign file)."""

    field: str
    op: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """A plan criterion: id, the plan's wording and the checks that decide it."""

    id: str
    kind: Kind
    text: str
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class Level:
    """An award level: what it awards, who decides, quotas and the dossier it needs."""

    id: str
    label: str
    award: str
    decider: str
    kinh_gui: tuple[str, ...]
    via: str
    documents: tuple[DocKind, ...]
    subjects: tuple[str, ...]
    quota: dict[Kind, int]
    signer: str
    noi_nhan: tuple[str, ...]
    tier: str = ""  # administrative tier of the deciding body: "tinh", "huyen" or "xa"
    confirmer: str = ""  # signer key of who confirms the reports; "" → `signer`
    decides: bool = False  # the issuer's own chairman decides: Tờ trình, Quyết định, Danh sách
    form: str = ""  # the award form conferred (docgen.legal.bonus.FORMS): its bonus rate
    decision_signer: str = ""  # signer key of who signs the decision; "" → `signer`


@dataclass(frozen=True)
class Campaign:
    """A whole campaign file, validated."""

    id: str
    title: str
    legal_profile: str
    thematic: bool
    issuer: Issuer
    council: Council
    plan: Plan
    period: Period
    vote: VoteRule
    signers: dict[str, Signer]
    subjects: tuple[Subject, ...]
    initiative_bodies: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    criteria: tuple[Criterion, ...]
    levels: tuple[Level, ...]
    contacts: Contacts = field(default_factory=Contacts)
    award: AwardSetup | None = None  # None: the loader fills it in from the council
    # Why the campaign keeps a profile not in force on its dossier day ("" = it does not):
    # without a reason such a profile stops `ho-so` (docgen.legal.check).
    keep_profile: str = ""
    source: str = field(default="", compare=False)

    def subject(self, subject_id: str) -> Subject:
        """The subject with this id."""
        return next(s for s in self.subjects if s.id == subject_id)

    def subjects_of(self, kind: Kind) -> tuple[Subject, ...]:
        """Subjects of one kind, in file order."""
        return tuple(s for s in self.subjects if s.kind is kind)

    def level(self, level_id: str) -> Level:
        """The level with this id."""
        return next(lv for lv in self.levels if lv.id == level_id)

    def confirmer(self, level: Level) -> Signer:
        """Who confirms the achievement reports of `level` (the level's signer by default)."""
        return self.signers[level.confirmer or level.signer]

    @property
    def movement(self) -> str:
        """The campaign as a sentence names it: `phong trào thi đua cải cách hành chính năm 2023`.

        A thematic campaign says so in the decree's words, "thi đua theo chuyên đề" (ND 152/2025,
        Điều 4 khoản 3: its awards do not count towards a higher merit award), its own name
        quoted: `phong trào thi đua theo chuyên đề “Cải cách hành chính năm 2023”`.
        """
        title = self.title.strip()
        if not self.thematic:
            return title[:1].lower() + title[1:]
        if "chuyên đề" in title.casefold():
            return title[:1].lower() + title[1:]
        lead = "phong trào thi đua "
        if title.casefold().startswith(lead):
            title = title[len(lead) :]
        return f"{lead}theo chuyên đề “{title[:1].upper() + title[1:]}”"

    def criteria_for(self, kind: Kind) -> tuple[Criterion, ...]:
        """Criteria that apply to one subject kind."""
        return tuple(c for c in self.criteria if c.kind is kind)

    def fields_for(self, kind: Kind) -> tuple[FieldSpec, ...]:
        """Campaign fields shown on the sheet of one subject kind."""
        return tuple(f for f in self.fields if kind in f.applies)
