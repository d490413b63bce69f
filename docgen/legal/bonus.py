"""The bonus (tiền thưởng) that goes with an award, as data: rates, base salary, rounding.

Every figure carries its legal source and a `verified` flag, as the form table does
(templates_docx/nguon-mau.toml): `verified=True` only for a figure read in the official text
itself. None is verified yet: no official text of ND 91/2017, ND 98/2023, ND 152/2025, ND 24/2023
or ND 73/2024 could be read from this project's sources; each record says where its figure was
read (secondary pages quoting the decree), and a clerk's accountant checks them. A new base
salary or rate is one more record here.

A rate is a multiple of the base salary (mức lương cơ sở) in force on the decision's date (ND 98:
"đang có hiệu lực vào thời điểm ban hành quyết định"); a collective receives twice an
individual's rate; the product is rounded up to the next ten thousand đồng. Under ND 91 the
Giấy khen's rate depends on the tier of the chairman who awards it (cấp xã 0,15, cấp huyện 0,3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from docgen.campaign.model import Kind


@dataclass(frozen=True, kw_only=True)
class Rate:
    """How many times the base salary one award form carries, for one kind, under profiles."""

    form: str  # a key of docgen.campaign.award.FORMS
    kind: Kind
    factor: Decimal
    profiles: tuple[str, ...]  # legal profiles (docgen.campaign.profiles) the rate applies in
    source: str  # the decree, article and clause as far as known
    read: str  # where the figure was read (a secondary source, until the official text is)
    verified: bool
    tier: str = ""  # the decider's tier ("xa", "huyen"); "" for every tier


@dataclass(frozen=True, kw_only=True)
class BaseSalary:
    """The base salary (mức lương cơ sở) from its first day in force."""

    amount: int
    start: date
    source: str
    verified: bool
    read: str = "the decree's number and figure as commonly quoted; official text not read"


@dataclass(frozen=True, kw_only=True)
class Rounding:
    """The decrees' rounding of a bonus: up to the next `step` đồng."""

    step: int
    source: str
    verified: bool
    read: str = ""

    def apply(self, amount: Decimal) -> int:
        """`amount` rounded up to a multiple of `step`."""
        steps = (amount / self.step).to_integral_value(rounding=ROUND_CEILING)
        return int(steps) * self.step


_ND91 = "Nghị định số 91/2017/NĐ-CP"
_ND98 = "Nghị định số 98/2023/NĐ-CP"
_ND152 = "Nghị định số 152/2025/NĐ-CP"
_TVPL = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/"
    "5153C-hd-duoc-tang-giay-khen-cua-chu-tich-ubnd-xa-co-duoc-thuong-tien-khong.html"
)
_HIEULUAT = (
    "https://hieuluat.vn/tin-tuc-phap-luat/"
    "muc-tien-thuong-kem-theo-giay-khen-bang-khen-danh-hieu-thi-dua-nam-2020-559-37748-article.html"
)
_ND98_TITLES = (
    "https://vietjack.me/phap-luat/nghi-dinh-98-2023-nd-cp-huong-dan-luat-thi-dua-khen-thuong/"
    "chuong-iii-3767.html; https://lsvn.vn/"
    "ca-nhan-dat-danh-hieu-chien-si-thi-dua-duoc-thuong-cao-nhat-8-1-trieu-dong-1704626178.html"
)
_ND98_RULES = (
    "https://phunuvietnam.vn/"
    "muc-tien-thuong-danh-hieu-thi-dua-bang-khen-giay-khen-ky-niem-chuong-20240107151947536.htm"
)


def _giay_khen(
    profile: str, tier: str, individual: str, source: str, read: str
) -> tuple[Rate, ...]:
    """An individual's Giấy khen rate and the collective's, twice as much (the decrees)."""
    factor = Decimal(individual)
    return tuple(
        Rate(
            form="giay-khen",
            kind=kind,
            tier=tier,
            factor=factor * (2 if kind is Kind.COLLECTIVE else 1),
            profiles=(profile,),
            source=source if kind is Kind.INDIVIDUAL else f"{source}; tập thể gấp hai lần cá nhân",
            read=read,
            verified=False,
        )
        for kind in (Kind.INDIVIDUAL, Kind.COLLECTIVE)
    )


RATES: tuple[Rate, ...] = (
    *_giay_khen(
        "nd91_2017",
        "xa",
        "0.15",
        f"{_ND91}, Điều 73 khoản 1 điểm d (Giấy khen của Chủ tịch UBND cấp xã), khoản 2 điểm b",
        _TVPL,
    ),
    *_giay_khen(
        "nd91_2017",
        "huyen",
        "0.3",
        f"{_ND91}, Điều 73 khoản 1 (Giấy khen của Chủ tịch UBND cấp huyện: 0,3 lần)",
        _HIEULUAT + " (bảng mức thưởng: Giấy khen của thủ trưởng cơ quan, đơn vị: 0,3 lần)",
    ),
    *_giay_khen(
        "nd98_2023",
        "",
        "0.15",
        f"{_ND98}, Điều 55 (mức tiền thưởng hình thức khen thưởng: Giấy khen 0,15 lần)",
        "not found in any source read; figure as commonly quoted",
    ),
    *_giay_khen(
        "nd152_2025",
        "",
        "0.15",
        f"{_ND152} (mức tiền thưởng Giấy khen; điều, khoản chưa xác định)",
        "not found in any source read; taken over from ND 98/2023",
    ),
    Rate(
        form="chien-si-thi-dua-co-so",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("1.0"),
        profiles=("nd91_2017",),
        source=f"{_ND91}, Điều 70 khoản 1 (Chiến sĩ thi đua cơ sở: 1,0 lần mức lương cơ sở)",
        read="not found in any source read; figure as commonly quoted",
        verified=False,
    ),
    Rate(
        form="lao-dong-tien-tien",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("0.3"),
        profiles=("nd91_2017",),
        source=f"{_ND91}, Điều 70 khoản 1 (Lao động tiên tiến: 0,3 lần mức lương cơ sở)",
        read="not found in any source read; figure as commonly quoted",
        verified=False,
    ),
    Rate(
        form="chien-si-thi-dua-co-so",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("1.0"),
        profiles=("nd98_2023", "nd152_2025"),
        source=f"{_ND98}, Điều 54 khoản 1 (Chiến sĩ thi đua cơ sở: 1,0 lần mức lương cơ sở)",
        read=_ND98_TITLES,
        verified=False,
    ),
    Rate(
        form="lao-dong-tien-tien",
        kind=Kind.INDIVIDUAL,
        factor=Decimal("0.3"),
        profiles=("nd98_2023", "nd152_2025"),
        source=f"{_ND98}, Điều 54 khoản 1 (Lao động tiên tiến: 0,3 lần mức lương cơ sở)",
        read=_ND98_TITLES,
        verified=False,
    ),
)
"""ND 152/2025 is taken to keep ND 98/2023's rates: not read in either text (verified=False)."""

BASE_SALARIES: tuple[BaseSalary, ...] = (
    BaseSalary(
        amount=1_490_000,
        start=date(2019, 7, 1),
        source="Nghị định số 38/2019/NĐ-CP, Điều 3",
        verified=False,
    ),
    BaseSalary(
        amount=1_800_000,
        start=date(2023, 7, 1),
        source="Nghị định số 24/2023/NĐ-CP, Điều 3",
        verified=False,
    ),
    BaseSalary(
        amount=2_340_000,
        start=date(2024, 7, 1),
        source="Nghị định số 73/2024/NĐ-CP, Điều 3",
        verified=False,
    ),
)
"""In order of `start`. No later base salary was found in this project's sources (checked
12/2026); one that comes is appended here."""

ROUNDING = Rounding(
    step=10_000,
    source=(
        f"{_ND91}, Điều 68 khoản 2; {_ND98}, nguyên tắc tính tiền thưởng (tiền thưởng sau khi "
        "nhân với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng tiền Việt Nam)"
    ),
    verified=False,
    read=f"{_ND98_RULES} (quotes ND 98's wording); {_TVPL} (names ND 91 Điều 68 khoản 2)",
)
"""Up, as the quoted wording says ("làm tròn số lên"); one secondary answer rounds 223.500 to
220.000 under ND 91, against that wording."""


def base_salary(day: date) -> BaseSalary:
    """The base salary in force on `day`; LookupError before the first one recorded."""
    found = [b for b in BASE_SALARIES if b.start <= day]
    if not found:
        raise LookupError(f"no base salary recorded before {day.isoformat()}")
    return found[-1]


def rate(form: str, kind: Kind, profile: str, tier: str = "") -> Rate | None:
    """The rate of `form` for `kind` under `profile` at the decider's `tier`, or None."""
    return next(
        (
            r
            for r in RATES
            if r.form == form and r.kind is kind and profile in r.profiles and r.tier in ("", tier)
        ),
        None,
    )


def unverified(form: str, profile: str, tier: str = "") -> bool:
    """Whether a rate of this award form (either kind) is not yet checked against the decree."""
    found = (rate(form, kind, profile, tier) for kind in (Kind.COLLECTIVE, Kind.INDIVIDUAL))
    return any(r is not None and not r.verified for r in found)


UNVERIFIED_NOTE = "mức chưa đối chiếu văn bản gốc, kế toán kiểm tra lại"


def amount(found: Rate, day: date) -> int:
    """The bonus in đồng: the rate times the base salary on `day`, rounded up."""
    return ROUNDING.apply(found.factor * base_salary(day).amount)
