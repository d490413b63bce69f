"""The announcement of the awardees, for the ward's website and radio (nêu gương).

A short plain-language text (read on the radio, pasted in a post) and a page-ready HTML fragment
(every value escaped), from the decisions recorded for the campaign. Nothing about a person but
the name, the unit and the achievement: no birth date, no position, no home address.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from docgen.award.history import Award
from docgen.award.results import LevelResult, Results
from docgen.text import format_date_short


@dataclass(frozen=True)
class Announcement:
    """The same announcement as plain text and as an HTML fragment."""

    text: str
    html: str


def announcement(results: Results) -> Announcement:
    """The announcement of everyone the campaign's decisions awarded."""
    c = results.campaign
    heading = f"Tập thể, cá nhân được khen thưởng trong {_lower_first(c.title)}"
    lead = (
        f"{c.issuer.full_name} trân trọng giới thiệu các tập thể, cá nhân đã được khen thưởng "
        f"trong {_lower_first(c.title)}, những tấm gương điển hình tiên tiến để học tập, noi theo."
    )
    sections = [(_title(lv), lv.awarded) for lv in results.levels if lv.awarded]
    return Announcement(_text(heading, lead, sections), _html(heading, lead, sections))


def _title(level: LevelResult) -> str:
    """The award as the plan names it, who gave it included ("Giấy khen của Chủ tịch Ủy ban
    nhân dân phường …"), not the form alone the history keeps for its statistics."""
    first = level.awarded[0]
    award = level.level.award or first.form
    return f"{award} (Quyết định số {first.reference} ngày {format_date_short(first.issued)})"


def _who(award: Award) -> str:
    r = award.recipient
    return f"{r.name}, {r.unit}" if r.unit and r.unit != r.name else r.name


def _text(heading: str, lead: str, sections: list[tuple[str, tuple[Award, ...]]]) -> str:
    lines = [heading.upper(), "", lead]
    for title, awarded in sections:
        lines += ["", f"{title}:"]
        for award in awarded:
            said = f" — {award.achievement}" if award.achievement else ""
            lines.append(f"- {_who(award)}{said}.")
    return "\n".join(lines) + "\n"


def _html(heading: str, lead: str, sections: list[tuple[str, tuple[Award, ...]]]) -> str:
    parts = ['<section class="docgen-khen-thuong">', f"  <h2>{escape(heading)}</h2>",
             f"  <p>{escape(lead)}</p>"]  # fmt: skip
    for title, awarded in sections:
        parts += [f"  <h3>{escape(title)}</h3>", "  <ul>"]
        for award in awarded:
            r = award.recipient
            unit = f", {escape(r.unit)}" if r.unit and r.unit != r.name else ""
            said = award.achievement
            more = f" — {escape(said)}" if said else ""
            parts.append(f"    <li><strong>{escape(r.name)}</strong>{unit}{more}</li>")
        parts.append("  </ul>")
    parts.append("</section>")
    return "\n".join(parts) + "\n"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
