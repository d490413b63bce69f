"""The interview's questions on the căn cứ: the plan's, offered from its legal profile, and
the decision's competence basis, offered for the dossier's day. What `ho-so` would refuse (a
document of another regime, or not in force on the dossier's day) is asked again at once."""

from __future__ import annotations

from datetime import date
from functools import partial

import click

from docgen.campaign import defaults as guess
from docgen.campaign.model import Issuer, Period
from docgen.campaign.profiles import DOCUMENTS, LegalProfile, competence_basis
from docgen.cli.prompts import Prompter, section
from docgen.legal.check import basis_problem, dossier_day


def plan_bases(
    ask: Prompter,
    profile: LegalProfile,
    plan: tuple[str, date, str],
    issuer: Issuer,
    period: Period,
) -> tuple[str, ...]:
    """The căn cứ the Tờ trình prints: the profile's law and decree first (offered, as the plan
    usually words them), the plan's others, then the plan itself. A căn cứ of another regime,
    or not in force when the dossier is made, is asked again: `ho-so` would refuse it."""
    number, day, title = plan
    section("Căn cứ (Tờ trình ghi lại các căn cứ này)")
    laws = "; ".join(DOCUMENTS[key].name for key in profile.documents)
    click.echo(f"Bộ {profile.id} dựa trên: {laws}.")
    click.echo(
        "Gõ các căn cứ như kế hoạch ghi, mỗi lần một căn cứ: Enter nhận căn cứ gợi ý trong "
        "ngoặc, gõ - để bỏ nó; Enter ở căn cứ không có gợi ý khi đã đủ."
    )
    fits = partial(_fits, profile=profile, day=dossier_day(period))
    bases: list[str] = []
    for key in (profile.law, profile.decree):
        offered = ask.checked(f"  Căn cứ {len(bases) + 1}", fits, DOCUMENTS[key].citation)
        if offered not in ("-", ""):  # "": Enter saved by an older docgen, without offers
            bases.append(offered)
    while base := ask.checked(f"  Căn cứ {len(bases) + 1}", fits, ""):
        bases.append(base)
    if not guess.cites(bases, number):
        own = guess.plan_basis(number, day, title, guess.body(issuer.full_name, issuer.place))
        bases.append(ask.text("  Căn cứ là chính kế hoạch phát động này", own))
    return tuple(bases)


def _fits(text: str, profile: LegalProfile, day: date) -> str:
    """`text` trimmed, or click.BadParameter saying why `ho-so` would refuse it."""
    problem = basis_problem(text, profile, day)
    if problem:
        raise click.BadParameter(problem)
    return text.strip()


def competence(ask: Prompter, period: Period) -> tuple[str, ...]:
    """The decision's own căn cứ: the chairman's competence, offered for the dossier's day."""
    basis = ask.text(
        "Căn cứ thẩm quyền của quyết định, in trước căn cứ của kế hoạch (gõ - nếu không ghi)",
        competence_basis(dossier_day(period)) or None,
    )
    return () if basis.strip() == "-" else (basis.strip(),)
