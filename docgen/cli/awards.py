"""The wizard's questions on who is awarded, at which levels and by which criteria.

The levels follow the legal profile: each names the administrative tier of its decider, from
the profile's tiers only (a ward after 01/07/2025 sits directly under its province: cấp tỉnh
and cấp xã, no district), and the level's name, award and recipients default from that tier.
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from docgen.campaign import defaults as guess
from docgen.campaign.model import (
    Check,
    Council,
    Criterion,
    DocKind,
    FieldSpec,
    Issuer,
    Kind,
    Level,
    Subject,
)
from docgen.campaign.profiles import TIERS, LegalProfile
from docgen.cli.prompts import Prompter, section
from docgen.text import fold

_UPPER = {"tinh": "tỉnh", "huyen": "huyện"}


def subjects(
    ask: Prompter, profile: LegalProfile, issuer: Issuer
) -> tuple[tuple[Subject, ...], tuple[str, ...]]:
    """The subjects (collectives, then individuals) and the bodies that recognise initiatives."""
    section("Đối tượng khen thưởng")
    unit = guess.unit(issuer.full_name)
    while True:
        collectives = ask.items(
            f"Các đối tượng tập thể, cách nhau bởi dấu ; (ví dụ: Ủy ban nhân dân {unit}; "
            f"Bộ phận “Một cửa” {unit})"
        )
        individuals = ask.items(
            "Các đối tượng cá nhân, cách nhau bởi dấu ;", "Cán bộ; Công chức; Nhân viên"
        )
        found = [
            Subject(guess.slug(label), Kind.COLLECTIVE, label, guess.has_seal(label))
            for label in collectives
        ]
        found += [Subject(guess.slug(label), Kind.INDIVIDUAL, label) for label in individuals]
        ids = [s.id for s in found]
        if len(set(ids)) == len(ids) and all(ids):
            break
        click.echo("Hai đối tượng trùng tên (hoặc tên không có chữ): hãy gõ lại.")
    upper = _UPPER.get(profile.tiers[-2] if len(profile.tiers) > 1 else "", "tỉnh")
    bodies = ask.items(
        "Các cơ quan công nhận sáng kiến, cách nhau bởi dấu ; "
        f"(ví dụ: Hội đồng sáng kiến {upper}; Hội đồng sáng kiến {unit})"
    )
    return tuple(found), bodies


@dataclass(frozen=True)
class Setting:
    """What the level questions build on: the profile and the answers given before them."""

    profile: LegalProfile
    subjects: tuple[Subject, ...]
    signer: str  # key in [signers]
    issuer: Issuer
    council: Council

    @property
    def unit(self) -> str:
        """The issuer's kind of unit: "phường", "xã"."""
        return guess.unit(self.issuer.full_name)


def levels(ask: Prompter, setting: Setting) -> tuple[Level, ...]:
    """The award levels, each at one of the profile's tiers, the highest first."""
    section("Cấp khen thưởng")
    tiers = setting.profile.tiers
    click.echo(
        f"Bộ {setting.profile.id}: người quyết định khen thưởng thuộc "
        f"{', '.join(TIERS[t] for t in tiers)}."
    )
    count = ask.number("Số cấp khen thưởng", min(2, len(tiers)), minimum=1)
    # The lowest `count` tiers by default, the issuer's own (cấp xã) last.
    offered = [*[tiers[0]] * max(0, count - len(tiers)), *tiers[-count:]]
    out: list[Level] = []
    for n, tier in enumerate(offered, 1):
        level = _level(ask, n, tier, setting)
        while level.id in {lv.id for lv in out}:
            click.echo(f"Đã có cấp “{level.label}”: hãy đặt tên khác cho cấp này.")
            level = _level(ask, n, tier, setting)
        out.append(level)
    return tuple(out)


def _level(ask: Prompter, n: int, tier: str, setting: Setting) -> Level:
    click.echo(f"Cấp thứ {n}:")
    tier = _tier(ask, tier, setting.profile)
    label = ask.text(
        "  Tên cấp" + (" (ví dụ: Cấp thành phố, Cấp thị xã)" if tier == "huyen" else ""),
        guess.level_label(tier, setting.unit),
    )
    kind = "Bằng khen" if tier == "tinh" else "Giấy khen"
    award = ask.text(
        f"  Hình thức khen thưởng (ví dụ: {kind} của Chủ tịch Ủy ban nhân dân "
        f"{_UPPER.get(tier, setting.unit)} …)",
        guess.award(tier, setting.issuer.full_name, setting.issuer.province) or None,
    )
    decider = ask.text("  Người quyết định khen thưởng", guess.decider(award) or None)
    upward = ask.yes("  Lập Tờ trình gửi cấp trên?", tier != "xa")
    kinh_gui, via = _route(ask, tier, decider, setting.issuer) if upward else ((), "")
    subjects = setting.subjects
    menu = ", ".join(f"{i}. {s.label} ({s.kind.label})" for i, s in enumerate(subjects, 1))
    chosen = _numbers(
        ask,
        f"  Đối tượng xét ở cấp này — số thứ tự, cách nhau bởi dấu phẩy ({menu})",
        len(subjects),
    )
    quota = {
        Kind.COLLECTIVE: ask.number("  Số tập thể tối đa", 1),
        Kind.INDIVIDUAL: ask.number("  Số cá nhân tối đa", 1),
    }
    noi_nhan = ask.items(
        "  Nơi nhận (cách nhau bởi dấu ;)",
        guess.recipients(upward, via, setting.unit, setting.council.symbol),
    )
    return Level(
        id=guess.level_id(label),
        label=label,
        award=award,
        decider=decider,
        kinh_gui=kinh_gui,
        via=via,
        documents=(DocKind.PROPOSAL, DocKind.LIST, DocKind.MINUTES, DocKind.REPORT)
        if upward
        else (DocKind.MINUTES, DocKind.REPORT),
        subjects=tuple(subjects[i - 1].id for i in chosen),
        quota=quota,
        signer=setting.signer,
        noi_nhan=noi_nhan,
        tier=tier,
    )


def _tier(ask: Prompter, offered: str, profile: LegalProfile) -> str:
    """The tier of the level's decider, among the profile's only."""
    menu = "; ".join(f"{i} = {TIERS[t]}" for i, t in enumerate(profile.tiers, 1))
    options = [str(i) for i in range(1, len(profile.tiers) + 1)]
    picked = ask.choice(
        f"  Người quyết định khen thưởng thuộc: {menu}",
        options,
        str(profile.tiers.index(offered) + 1),
    )
    return profile.tiers[int(picked) - 1]


def _route(ask: Prompter, tier: str, decider: str, issuer: Issuer) -> tuple[tuple[str, ...], str]:
    """Where a Tờ trình goes: Kính gửi, and the office it goes through."""
    kinh_gui = ask.items("  Kính gửi (cách nhau bởi dấu ;)", decider)
    office = f"Sở Nội vụ tỉnh {issuer.province}".strip() if tier == "tinh" else "Phòng Nội vụ …"
    return kinh_gui, ask.text(f"  Gửi qua cơ quan (ví dụ: {office}; Enter nếu không có)", "")


def _numbers(ask: Prompter, text: str, most: int) -> list[int]:
    def check(typed: str) -> str:
        parts = [p.strip() for p in typed.replace(";", ",").split(",") if p.strip()]
        if parts and all(p.isdigit() and 1 <= int(p) <= most for p in parts):
            return ",".join(parts)
        raise click.BadParameter(
            f"hãy gõ các số từ 1 đến {most}, cách nhau bởi dấu phẩy, ví dụ 1,3."
        )

    everything = ",".join(str(i) for i in range(1, most + 1))
    return [int(p) for p in ask.checked(text, check, everything).split(",")]


NO_CRITERIA = (
    "Kế hoạch cần ít nhất một tiêu chí xét khen thưởng (docgen xét từng đề nghị theo tiêu chí): "
    "hãy gõ tiêu chí cho tập thể hoặc cho cá nhân."
)


def criteria(
    ask: Prompter, bodies: tuple[str, ...], year: int
) -> tuple[list[FieldSpec], list[Criterion]]:
    """The plan's criteria, each with the intake column (or the initiative) that decides it."""
    section("Tiêu chí xét khen thưởng")
    fields: list[FieldSpec] = []
    found: list[Criterion] = []
    while True:
        for kind, prefix in ((Kind.COLLECTIVE, "TT"), (Kind.INDIVIDUAL, "CN")):
            while text := ask.text(
                f"Tiêu chí {len([c for c in found if c.kind is kind]) + 1} cho {kind.label} "
                "— nguyên văn kế hoạch (Enter khi đã đủ)",
                "",
            ):
                checks = _checks(ask, kind, fields, bodies, year)
                number = len([c for c in found if c.kind is kind]) + 1
                found.append(Criterion(f"{prefix}{number}", kind, text, checks))
        if found:
            return fields, found
        click.echo(NO_CRITERIA)


def _checks(
    ask: Prompter, kind: Kind, fields: list[FieldSpec], bodies: tuple[str, ...], year: int
) -> tuple[Check, ...]:
    how = ask.choice(
        "  Xét bằng: 1 = một cột chọn giá trị trong phiếu nhập, 2 = sáng kiến được công nhận",
        ["1", "2"],
        "1",
    )
    if how == "2":
        return (
            Check("sang_kien_ten", "not_empty"),
            Check("sang_kien_cap", "one_of", bodies),
            Check("sang_kien_so_qd", "not_empty"),
            Check("sang_kien_ngay_qd", "within_period"),
        )
    spec = _field(ask, kind, fields, year)
    known = {fold(choice): choice for choice in spec.choices}

    def check(typed: str) -> str:
        values = [v.strip() for v in typed.split(";") if v.strip()]
        if values and all(fold(v) in known for v in values):
            return "; ".join(known[fold(v)] for v in values)
        raise click.BadParameter(f"hãy chọn trong: {'; '.join(spec.choices)}.")

    wanted = tuple(
        ask.checked("  Giá trị đạt tiêu chí (nhiều giá trị thì cách nhau bởi dấu ;)", check).split(
            "; "
        )
    )
    return (
        Check(spec.key, "equals", wanted)
        if len(wanted) == 1
        else Check(spec.key, "one_of", wanted),
    )


def _field(ask: Prompter, kind: Kind, fields: list[FieldSpec], year: int) -> FieldSpec:
    """The column a criterion checks: one already asked for (by its header) or a new one."""
    header = ask.text(f"  Tên cột trong phiếu nhập (ví dụ: Xếp loại thực hiện nhiệm vụ năm {year})")
    for i, spec in enumerate(fields):
        if fold(spec.header) == fold(header):
            if kind not in spec.applies:
                fields[i] = FieldSpec(
                    spec.key, spec.header, spec.type, (*spec.applies, kind), spec.choices
                )
            return fields[i]
    key = guess.slug(ask.text("  Mã cột (không dấu)", guess.slug(header, "_")), "_")
    choices = ask.items("  Các giá trị để chọn trong cột, cách nhau bởi dấu ;")
    spec = FieldSpec(key, header, "choice", (kind,), choices)
    fields.append(spec)
    return spec
