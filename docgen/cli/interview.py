"""The questions of `docgen chien-dich-moi`, asked in Vietnamese, answered into a Campaign.

Each answer has a default worked out from earlier answers where one makes sense (shown in
brackets; Enter accepts it). Lists are typed on one line, separated by ";". The legal profile
defaults from the campaign's dates and decides what else is asked: the province where its
reports print it, the tiers of the award levels, the thematic form. Every answer is saved as it
is typed (`docgen.cli.prompts`), so an error or a closed window loses nothing.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

import click

from docgen.campaign import defaults as guess
from docgen.campaign.award import default_award, with_decision
from docgen.campaign.contacts import Contacts, Department, looks_like_address
from docgen.campaign.load import campaign_from_text
from docgen.campaign.model import (
    AwardSetup,
    Campaign,
    Council,
    Issuer,
    Period,
    Plan,
    Signer,
    VoteRule,
)
from docgen.campaign.profiles import DOCUMENTS, PROFILES, LegalProfile, profile_for
from docgen.campaign.write import campaign_toml
from docgen.cli.awards import Setting, criteria, levels, subjects
from docgen.cli.bases import competence, plan_bases
from docgen.cli.prompts import Prompter, kept_note, open_answers, section
from docgen.errors import CampaignError
from docgen.legal.check import dossier_day
from docgen.workspace import CAMPAIGN_FILE


def run_interview(answers: Path, resume: bool = False) -> Campaign:
    """The interview with its answers saved at `answers` (resumed from there when `resume`, or
    when the clerk accepts the offer), and the campaign checked as its file would read back; a
    stop or a campaign error says where the answers are kept and how to go on."""
    ask = Prompter(open_answers(answers, resume))
    try:
        campaign = interview(ask)
    except click.Abort:
        if note := kept_note(answers):
            click.echo(f"\n{note}", err=True)
        raise
    try:  # the file as it would be written, checked before any folder is made
        campaign_from_text(campaign_toml(campaign), CAMPAIGN_FILE.name)
    except CampaignError as exc:
        exc.after = kept_note(answers)
        raise
    return campaign


def interview(ask: Prompter) -> Campaign:
    """Ask for every fact of the plan and return the campaign they describe."""
    number, day, title, movement, campaign_id = _plan(ask)
    period = _period(ask, day)
    profile, thematic = _profile(ask, period)
    issuer = _issuer(ask, number, profile)
    council = _council(ask, issuer)
    plan = Plan(number, day, title, plan_bases(ask, profile, (number, day, title), issuer, period))
    vote = _vote(ask)
    signers = _signers(ask, issuer)
    contacts = _contacts(ask, council)
    chosen, bodies = subjects(ask, profile, issuer)
    awards = levels(ask, Setting(profile, chosen, next(iter(signers)), issuer, council))
    awards = tuple(with_decision(level) for level in awards)
    deciding = any(lv.decides for lv in awards)
    award = _award(ask, issuer, council, signers, period) if deciding else None
    fields, rules = criteria(ask, bodies, period.year)
    return Campaign(
        id=campaign_id,
        title=movement,
        legal_profile=profile.id,
        thematic=thematic,
        issuer=issuer,
        council=council,
        plan=plan,
        period=period,
        vote=vote,
        signers=signers,
        subjects=chosen,
        initiative_bodies=bodies,
        fields=tuple(fields),
        criteria=tuple(rules),
        levels=awards,
        contacts=contacts,
        award=award,
    )


def _plan(ask: Prompter) -> tuple[str, date, str, str, str]:
    section("Kế hoạch phát động phong trào")
    number = ask.text("Số kế hoạch (ví dụ 12/KH-UBND)")
    day = ask.day("Ngày ký kế hoạch (ngày/tháng/năm)")
    title = ask.text(f"Trích yếu kế hoạch (ví dụ: Phát động phong trào thi đua … năm {day.year})")
    movement = ask.text("Tên phong trào", guess.movement_title(title))
    campaign_id = ask.checked(
        "Mã đợt (không dấu, dùng đặt tên thư mục)", _slug, guess.campaign_id(number, day.year)
    )
    return number, day, title, movement, campaign_id


def _period(ask: Prompter, plan_day: date) -> Period:
    section("Thời gian phong trào")
    start = ask.day("Ngày bắt đầu phong trào", plan_day)
    year = plan_day.year
    example = f"kế hoạch ghi “đến trước ngày 20/12/{year}” thì gõ 20/12/{year}"
    deadline = ask.day(f"Hạn chót ({example})")
    while deadline <= start:
        click.echo("Hạn chót phải sau ngày bắt đầu.")
        deadline = ask.day("Hạn chót")
    return Period(start, deadline, ask.number("Năm xét khen thưởng", deadline.year, minimum=1900))


def _profile(ask: Prompter, period: Period) -> tuple[LegalProfile, bool]:
    """The profile, by default the one in force when the dossier is made (the period's last
    day, as `docgen.legal.check` reviews it), and whether the campaign is thematic."""
    section("Bộ biểu mẫu theo văn bản pháp luật")
    profiles = list(PROFILES.values())
    menu = "; ".join(
        f"{n} = {DOCUMENTS[p.decree].name} (hồ sơ lập {p.span()})"
        for n, p in enumerate(profiles, 1)
    )
    right = profile_for(dossier_day(period)) or profile_for(period.start)
    default = str(profiles.index(right) + 1) if right else str(len(profiles))
    options = [str(n) for n in range(1, len(profiles) + 1)]
    profile = profiles[int(ask.choice(f"Bộ biểu mẫu: {menu}", options, default)) - 1]
    if profile.forms.thematic is None:
        click.echo(f"Bộ {profile.id} chưa có mẫu báo cáo theo chuyên đề: đợt xét theo năm.")
        return profile, False
    decree = DOCUMENTS[profile.decree].name
    return profile, ask.yes(
        f"Đợt thi đua theo chuyên đề (báo cáo thành tích theo mẫu chuyên đề của {decree})?", False
    )


def _issuer(ask: Prompter, plan_number: str, profile: LegalProfile) -> Issuer:
    section("Cơ quan ban hành")
    full = ask.text("Tên đầy đủ của cơ quan ban hành (ví dụ: Ủy ban nhân dân phường Tiến Thành)")
    parent = ask.text("Cơ quan chủ quản (Enter nếu không có)", "")
    lines = ask.text(
        "Tên cơ quan ở tiêu đề văn bản, các dòng cách nhau bởi |", guess.name_lines(full)
    )
    place = ask.text("Địa danh ghi ở dòng ngày tháng", guess.place(full))
    province = ""
    if profile.report_place == "province":
        province = ask.text(
            f"Tên tỉnh (bộ {profile.id} ghi ở dòng địa danh của báo cáo thành tích, ví dụ Đồng Nai)",
            guess.province(parent) or None,
        )
    return Issuer(
        parent_body=parent,
        name_lines=tuple(line.strip() for line in lines.split("|") if line.strip()),
        full_name=full,
        place=place,
        symbol=ask.text("Chữ viết tắt tên cơ quan trong số văn bản", guess.symbol(plan_number)),
        province=province,
    )


def _council(ask: Prompter, issuer: Issuer) -> Council:
    section("Hội đồng Thi đua - Khen thưởng")
    return Council(
        name=ask.text(
            "Tên Hội đồng", f"Hội đồng Thi đua - Khen thưởng {guess.local_part(issuer.full_name)}"
        ),
        symbol=ask.text("Ký hiệu của Hội đồng trong số văn bản", "HĐTĐKT"),
        members=ask.number("Tổng số thành viên Hội đồng", minimum=1),
    )


def _vote(ask: Prompter) -> VoteRule:
    section("Cách biểu quyết của Hội đồng")
    threshold = ask.number("Tỷ lệ phiếu đồng ý cần đạt (%)", 50, minimum=1)
    inclusive = ask.yes(
        f"Đạt từ {threshold} % trở lên là đủ (không: phải trên {threshold} %)?", False
    )
    present = ask.yes(
        "Tính tỷ lệ trên số thành viên có mặt (không: trên tổng số thành viên)?", False
    )
    return VoteRule(float(threshold), inclusive, "present" if present else "members")


def _signers(ask: Prompter, issuer: Issuer) -> dict[str, Signer]:
    """Who signs the Tờ trình and confirms the reports: the chairman, or a vice-chairman
    signing on the chairman's behalf (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)."""
    section("Người ký Tờ trình và xác nhận báo cáo thành tích")
    body = issuer.name_lines[0] if issuer.name_lines else ""
    deputy = ask.choice(
        f"Người ký: 1 = Chủ tịch (TM. {body} / CHỦ TỊCH); "
        f"2 = Phó Chủ tịch ký thay (văn bản của Ủy ban: TM. {body} / KT. CHỦ TỊCH / PHÓ CHỦ "
        "TỊCH; quyết định của Chủ tịch: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
        ["1", "2"],
        "1",
    )
    authority, title = (
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") if deputy == "2" else (f"TM. {body}", "CHỦ TỊCH")
    )
    authority = ask.text("Dòng thẩm quyền", authority)
    title = ask.text("Chức vụ", title)
    name = ask.text("Họ và tên người ký")
    return {guess.slug(title, "_") or "nguoi_ky": Signer(authority, title, name)}


def _award(
    ask: Prompter, issuer: Issuer, council: Council, signers: dict[str, Signer], period: Period
) -> AwardSetup:
    """`[award]`: who proposes the ward's own award to its chairman, who signs that Tờ trình
    (added to `signers`), the bonus fund, Điều 3, the decision's Nơi nhận and its competence
    basis (the law on local government in force when the dossier is made, offered)."""
    section("Khen thưởng của phường: tờ trình trình Chủ tịch và quyết định")
    base = default_award(issuer, council)
    proposer = ask.text("Cơ quan trình Chủ tịch quyết định khen thưởng", base.proposer)
    symbol = ask.text("Ký hiệu tờ trình của cơ quan đó (TTr-…)", base.symbol)
    authority = ask.text("Dòng thẩm quyền người ký tờ trình", "TM. THƯỜNG TRỰC HỘI ĐỒNG")
    title = ask.text("Chức vụ người ký tờ trình", "PHÓ CHỦ TỊCH")
    name = ask.text("Họ và tên người ký tờ trình (Enter: chủ tọa cuộc họp ký)", "")
    key = ""
    if name:
        key = "thuong_truc_hd"
        signers[key] = Signer(authority, title, name)
    return AwardSetup(
        proposer=proposer,
        header=(),
        symbol=symbol,
        signer=key,
        fund=ask.text("Nguồn chi tiền thưởng", base.fund),
        executors=ask.items(
            "Người thi hành quyết định (Điều 3), cách nhau bởi dấu ;", "; ".join(base.executors)
        ),
        noi_nhan=ask.items("Nơi nhận quyết định, cách nhau bởi dấu ;", "; ".join(base.noi_nhan)),
        bases=competence(ask, period),
    )


def _contacts(ask: Prompter, council: Council) -> Contacts:
    """`[mail]` (who replies to departments) and `[[departments]]` (who sends workbooks)."""
    section("Thư điện tử (docgen nhan-thu, docgen tra-loi)")
    address = ask.checked(
        "Địa chỉ thư của Thường trực Hội đồng, dùng gửi thư phản hồi (Enter nếu chưa có)",
        _own_address,
        "",
    )
    name = ask.text("Tên người gửi trên thư", f"Thường trực {council.name}") if address else ""
    click.echo("Các đơn vị gửi phiếu và địa chỉ thư của họ, mỗi lần một đơn vị (Enter khi đã đủ):")
    departments: list[Department] = []
    while unit := ask.text(f"  Đơn vị {len(departments) + 1} (ví dụ: Khối Nội chính)", ""):
        taken = {e: d.name for d in departments for e in d.emails}
        emails = ask.checked(
            f"  Địa chỉ thư của {unit} (nhiều địa chỉ thì cách nhau bởi dấu ;)",
            partial(_addresses, taken=taken),
        )
        departments.append(Department(unit, tuple(emails.split("; "))))
    return Contacts(address, name, tuple(departments))


def _own_address(text: str) -> str:
    """The council's own address, or "" (none yet)."""
    if text and not looks_like_address(text):
        raise click.BadParameter(
            f"“{text}” không phải một địa chỉ thư (ví dụ: tdkt@phuong.gov.vn)."
        )
    return text


def _addresses(text: str, taken: dict[str, str]) -> str:
    """`a@b.vn; c@d.vn` in lower case, each an address that no other department has, or
    click.BadParameter naming the wrong one."""
    items = [item.strip().lower() for item in text.split(";") if item.strip()]
    if not items:
        raise click.BadParameter("hãy gõ ít nhất một địa chỉ thư.")
    for item in items:
        if not looks_like_address(item):
            raise click.BadParameter(
                f"“{item}” không phải địa chỉ thư (ví dụ: noichinh@phuong.gov.vn)."
            )
        if item in taken:
            raise click.BadParameter(f"“{item}” đã là địa chỉ của “{taken[item]}”.")
    return "; ".join(items)


def _slug(text: str) -> str:
    if slug := guess.slug(text):
        return slug
    raise click.BadParameter("hãy gõ chữ hoặc số không dấu, ví dụ kh12-2026.")
