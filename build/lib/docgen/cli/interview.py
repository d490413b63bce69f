"""The questions of `docgen chien-dich-moi`, asked in Vietnamese, answered into a Campaign.

Each answer has a default worked out from earlier answers where one makes sense (shown in
brackets; Enter accepts it). Lists are typed on one line, separated by ";".
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import click

from docgen.campaign import defaults as guess
from docgen.campaign.model import (
    Campaign,
    Check,
    Council,
    Criterion,
    FieldSpec,
    Issuer,
    Kind,
    Level,
    Period,
    Plan,
    Signer,
    Subject,
    VoteRule,
)
from docgen.campaign.reader import day_first
from docgen.text import fold


class DayFirstDate(click.ParamType):
    """A date typed day first: 24/02/2023, 24-2-2023, 24.02.2023."""

    name = "ngày"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        found = day_first(str(value))
        if found is None:
            self.fail(f"“{value}” không phải ngày; hãy gõ ngày/tháng/năm, ví dụ 24/02/2023.")
        return found


class YesNo(click.ParamType):
    """có / không (also c, k, co, khong)."""

    name = "có/không"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> bool:
        if isinstance(value, bool):
            return value
        word = fold(str(value)).strip()
        if word in ("c", "co"):
            return True
        if word in ("k", "khong"):
            return False
        self.fail(f"“{value}”: hãy gõ “có” hoặc “không”.")


def ask(text: str, default: str | None = None) -> str:
    """One line of text, NFC, trimmed; `default` on Enter ("" allows an empty answer)."""
    value = click.prompt(text, default=default, show_default=bool(default), type=str)
    return unicodedata.normalize("NFC", str(value)).strip()


def ask_list(text: str, default: str | None = None) -> tuple[str, ...]:
    """Items typed on one line, separated by ";"."""
    return tuple(item.strip() for item in ask(text, default).split(";") if item.strip())


def ask_date(text: str, default: date | None = None) -> date:
    shown = default.strftime("%d/%m/%Y") if default else None
    value: date = click.prompt(text, default=shown, type=DayFirstDate())
    return value


def ask_int(text: str, default: int | None = None, minimum: int = 0) -> int:
    value: int = click.prompt(text, default=default, type=click.IntRange(min=minimum))
    return value


def ask_yes(text: str, default: bool) -> bool:
    value: bool = click.prompt(text, default="có" if default else "không", type=YesNo())
    return value


def section(title: str) -> None:
    click.secho(f"\n— {title} —", bold=True)


def interview() -> Campaign:
    """Ask for every fact of the plan and return the campaign they describe."""
    plan, title, campaign_id = _plan()
    issuer, council = _issuer(plan)
    period = _period(plan)
    profile, thematic, vote = _rules(plan)
    signers = _signers(issuer)
    subjects, bodies = _subjects()
    levels = _levels(subjects, next(iter(signers)), council)
    fields, criteria = _criteria(bodies)
    return Campaign(
        id=campaign_id,
        title=title,
        legal_profile=profile,
        thematic=thematic,
        issuer=issuer,
        council=council,
        plan=plan,
        period=period,
        vote=vote,
        signers=signers,
        subjects=subjects,
        initiative_bodies=bodies,
        fields=tuple(fields),
        criteria=tuple(criteria),
        levels=levels,
    )


def _plan() -> tuple[Plan, str, str]:
    section("Kế hoạch phát động phong trào")
    number = ask("Số kế hoạch (ví dụ 19/KH-UBND)")
    day = ask_date("Ngày ký kế hoạch (ngày/tháng/năm)")
    title = ask("Trích yếu kế hoạch (ví dụ: Phát động phong trào thi đua … năm 2023)")
    movement = ask("Tên phong trào", guess.movement_title(title))
    campaign_id = guess.slug(
        ask("Mã đợt (không dấu, dùng đặt tên thư mục)", guess.campaign_id(number, day.year))
    )
    click.echo("Các căn cứ của kế hoạch, mỗi lần một căn cứ (Enter khi đã đủ):")
    bases: list[str] = []
    while base := ask(f"  Căn cứ {len(bases) + 1}", ""):
        bases.append(base)
    return Plan(number, day, title, tuple(bases)), movement, campaign_id


def _issuer(plan: Plan) -> tuple[Issuer, Council]:
    section("Cơ quan ban hành và Hội đồng Thi đua - Khen thưởng")
    full = ask("Tên đầy đủ của cơ quan ban hành (ví dụ: Ủy ban nhân dân phường Tiến Thành)")
    parent = ask("Cơ quan chủ quản (Enter nếu không có)", "")
    lines = ask("Tên cơ quan ở tiêu đề văn bản, các dòng cách nhau bởi |", guess.name_lines(full))
    issuer = Issuer(
        parent_body=parent,
        name_lines=tuple(line.strip() for line in lines.split("|") if line.strip()),
        full_name=full,
        place=ask("Địa danh ghi ở dòng ngày tháng", guess.place(full)),
        symbol=ask("Chữ viết tắt tên cơ quan trong số văn bản", guess.symbol(plan.number)),
    )
    council = Council(
        name=ask("Tên Hội đồng", f"Hội đồng Thi đua - Khen thưởng {guess.local_part(full)}"),
        symbol=ask("Ký hiệu của Hội đồng trong số văn bản", "HĐTĐKT"),
        members=ask_int("Tổng số thành viên Hội đồng", minimum=1),
    )
    return issuer, council


def _period(plan: Plan) -> Period:
    section("Thời gian phong trào")
    start = ask_date("Ngày bắt đầu phong trào", plan.date)
    deadline = ask_date("Hạn chót (kế hoạch ghi “đến trước ngày 20/12/2023” thì gõ 20/12/2023)")
    while deadline <= start:
        click.echo("Hạn chót phải sau ngày bắt đầu.")
        deadline = ask_date("Hạn chót")
    return Period(start, deadline, ask_int("Năm xét khen thưởng", deadline.year, minimum=1900))


def _rules(plan: Plan) -> tuple[str, bool, VoteRule]:
    section("Biểu mẫu và cách biểu quyết")
    forms = {"nd91_2017": "1", "nd98_2023": "2"}
    chosen = click.prompt(
        "Bộ biểu mẫu báo cáo thành tích: 1 = Nghị định 91/2017, 2 = Nghị định 98/2023",
        default=forms[guess.profile_for(plan.date)],
        type=click.Choice(["1", "2"]),
        show_choices=False,
    )
    profile = "nd91_2017" if chosen == "1" else "nd98_2023"
    thematic = ask_yes("Đợt thi đua chuyên đề (báo cáo theo Mẫu 07)?", False)
    threshold = ask_int("Tỷ lệ phiếu đồng ý cần đạt (%)", 50, minimum=1)
    inclusive = ask_yes(
        f"Đạt từ {threshold} % trở lên là đủ (không: phải trên {threshold} %)?", False
    )
    present = ask_yes(
        "Tính tỷ lệ trên số thành viên có mặt (không: trên tổng số thành viên)?", False
    )
    return (
        profile,
        thematic,
        VoteRule(float(threshold), inclusive, "present" if present else "members"),
    )


def _signers(issuer: Issuer) -> dict[str, Signer]:
    section("Người ký Tờ trình")
    authority = ask("Dòng thẩm quyền", f"TM. {issuer.name_lines[0]}" if issuer.name_lines else "")
    title = ask("Chức vụ", "CHỦ TỊCH")
    name = ask("Họ và tên")
    return {guess.slug(title, "_") or "nguoi_ky": Signer(authority, title, name)}


def _subjects() -> tuple[tuple[Subject, ...], tuple[str, ...]]:
    section("Đối tượng khen thưởng")
    collectives = ask_list("Các đối tượng tập thể, cách nhau bởi dấu ;")
    individuals = ask_list(
        "Các đối tượng cá nhân, cách nhau bởi dấu ;", "Cán bộ; Công chức; Nhân viên"
    )
    subjects = [Subject(guess.slug(label), Kind.COLLECTIVE, label) for label in collectives]
    subjects += [Subject(guess.slug(label), Kind.INDIVIDUAL, label) for label in individuals]
    bodies = ask_list("Các cơ quan công nhận sáng kiến, cách nhau bởi dấu ;")
    return tuple(subjects), bodies


def _levels(subjects: tuple[Subject, ...], signer: str, council: Council) -> tuple[Level, ...]:
    section("Cấp khen thưởng")
    count = ask_int("Số cấp khen thưởng", 1, minimum=1)
    return tuple(_level(n, subjects, signer, council) for n in range(1, count + 1))


def _level(n: int, subjects: tuple[Subject, ...], signer: str, council: Council) -> Level:
    click.echo(f"Cấp thứ {n}:")
    label = ask("  Tên cấp (ví dụ: Cấp thành phố)")
    award = ask("  Hình thức khen thưởng (ví dụ: Giấy khen của Chủ tịch Ủy ban nhân dân …)")
    decider = ask("  Người quyết định khen thưởng", guess.decider(award) or None)
    upward = ask_yes("  Lập Tờ trình gửi cấp trên?", n == 1)
    kinh_gui = ask_list("  Kính gửi (cách nhau bởi dấu ;)", decider) if upward else ()
    via = ask("  Gửi qua cơ quan (Enter nếu không có)", "") if upward else ""
    documents = (
        ("to-trinh", "danh-sach", "bien-ban", "bao-cao") if upward else ("bien-ban", "bao-cao")
    )
    menu = ", ".join(f"{i}. {s.label} ({s.kind.label})" for i, s in enumerate(subjects, 1))
    chosen = _numbers(
        f"  Đối tượng xét ở cấp này — số thứ tự, cách nhau bởi dấu phẩy ({menu})", len(subjects)
    )
    quota = {
        Kind.COLLECTIVE: ask_int("  Số tập thể tối đa", 1),
        Kind.INDIVIDUAL: ask_int("  Số cá nhân tối đa", 1),
    }
    noi_nhan = ask_list("  Nơi nhận (cách nhau bởi dấu ;)", f"Lưu: VT, {council.symbol}")
    ids = tuple(subjects[i - 1].id for i in chosen)
    return Level(
        guess.level_id(label),
        label,
        award,
        decider,
        kinh_gui,
        via,
        documents,
        ids,
        quota,
        signer,
        noi_nhan,
    )


def _numbers(text: str, most: int) -> list[int]:
    everything = ",".join(str(i) for i in range(1, most + 1))
    while True:
        parts = [p.strip() for p in ask(text, everything).replace(";", ",").split(",") if p.strip()]
        if parts and all(p.isdigit() and 1 <= int(p) <= most for p in parts):
            return [int(p) for p in parts]
        click.echo(f"Hãy gõ các số từ 1 đến {most}, cách nhau bởi dấu phẩy, ví dụ 1,3.")


def _criteria(bodies: tuple[str, ...]) -> tuple[list[FieldSpec], list[Criterion]]:
    section("Tiêu chí xét khen thưởng")
    fields: list[FieldSpec] = []
    criteria: list[Criterion] = []
    for kind, prefix in ((Kind.COLLECTIVE, "TT"), (Kind.INDIVIDUAL, "CN")):
        while text := ask(
            f"Tiêu chí {len([c for c in criteria if c.kind is kind]) + 1} cho {kind.label} — nguyên văn kế hoạch (Enter khi đã đủ)",
            "",
        ):
            checks = _checks(kind, fields, bodies)
            number = len([c for c in criteria if c.kind is kind]) + 1
            criteria.append(Criterion(f"{prefix}{number}", kind, text, checks))
    return fields, criteria


def _checks(kind: Kind, fields: list[FieldSpec], bodies: tuple[str, ...]) -> tuple[Check, ...]:
    how = click.prompt(
        "  Xét bằng: 1 = một cột chọn giá trị trong phiếu nhập, 2 = sáng kiến được công nhận",
        default="1",
        type=click.Choice(["1", "2"]),
        show_choices=False,
    )
    if how == "2":
        return (
            Check("sang_kien_ten", "not_empty"),
            Check("sang_kien_cap", "one_of", bodies),
            Check("sang_kien_so_qd", "not_empty"),
            Check("sang_kien_ngay_qd", "within_period"),
        )
    spec = _field(kind, fields)
    known = {fold(choice): choice for choice in spec.choices}
    while True:
        typed = ask_list("  Giá trị đạt tiêu chí (nhiều giá trị thì cách nhau bởi dấu ;)")
        wanted = tuple(known.get(fold(value), "") for value in typed)
        if wanted and all(wanted):
            break
        click.echo(f"  Hãy chọn trong: {'; '.join(spec.choices)}.")
    return (
        Check(spec.key, "equals", wanted)
        if len(wanted) == 1
        else Check(spec.key, "one_of", wanted),
    )


def _field(kind: Kind, fields: list[FieldSpec]) -> FieldSpec:
    """The column a criterion checks: one already asked for (by its header) or a new one."""
    header = ask("  Tên cột trong phiếu nhập (ví dụ: Xếp loại thực hiện nhiệm vụ năm 2023)")
    for i, spec in enumerate(fields):
        if fold(spec.header) == fold(header):
            if kind not in spec.applies:
                fields[i] = FieldSpec(
                    spec.key, spec.header, spec.type, (*spec.applies, kind), spec.choices
                )
            return fields[i]
    key = guess.slug(ask("  Mã cột (không dấu)", guess.slug(header, "_")), "_")
    choices = ask_list("  Các giá trị để chọn trong cột, cách nhau bởi dấu ;")
    spec = FieldSpec(key, header, "choice", (kind,), choices)
    fields.append(spec)
    return spec
