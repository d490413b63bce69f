"""A higher level's decision, recorded by the clerk when it comes back (Origin.RECORDED).

The higher level decides on the ward's proposal: its decision names some or all of those the
ward proposed at that level. The clerk gives its number and date and, when not everyone was
awarded, who was; each name must be one of the level's proposed (compared without case,
spacing or Unicode form), never guessed. The award history (another stage) stores the record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from docgen.award.decision import achievement, recipient
from docgen.award.model import AwardDecision, Conferment, Origin
from docgen.campaign.award import FORMS, form_of
from docgen.campaign.model import Campaign
from docgen.documents.nominees import ordered
from docgen.errors import DocgenError
from docgen.meeting.model import Decision, Selection
from docgen.text import person_key

_REFERENCE = re.compile(r"\s*(\d{1,6})\s*/\s*(\S+)\s*")


class RecordError(DocgenError):
    """The higher level's decision cannot be recorded as given."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__("DECISION_RECORD_INVALID", message)


def parse_reference(text: str) -> tuple[str, str]:
    """`"15/QĐ-UBND"` → ("15", "QĐ-UBND"), with the văn thư's padding ("05"); a no-break
    hyphen typed or pasted reads as "-"."""
    found = _REFERENCE.fullmatch(text.replace("\u2011", "-"))
    if not found:
        raise RecordError(f"Số quyết định “{text}” phải ghi dạng 15/QĐ-UBND.")
    number, symbol = found.groups()
    return f"{int(number):02d}", symbol


def recorded_decision(
    campaign: Campaign,
    selection: Selection,
    reference: str,
    day: dt.date,
    awarded: Iterable[str] = (),
) -> AwardDecision:
    """The higher level's decision at the selection's level; `awarded`: the names it awards
    (empty: everyone the ward proposed at that level)."""
    level = selection.level
    if level.decides:
        raise RecordError(
            f"{level.label} do phường tự quyết định: quyết định của phường được lập từ kết quả "
            "họp xét, không ghi như quyết định của cấp trên."
        )
    number, symbol = parse_reference(reference)
    proposed = ordered(selection.proposed())
    by_key: dict[str, list[Decision]] = {}
    for decision in proposed:
        by_key.setdefault(person_key(decision.nominee.name), []).append(decision)
    given = [(name, person_key(name)) for name in awarded if name.strip()]
    unknown = [name for name, key in given if key not in by_key]
    if unknown:
        names = "; ".join(d.nominee.name for d in proposed)
        raise RecordError(
            f"{level.label}: không có trong danh sách phường đề nghị: {', '.join(unknown)}. "
            f"Người được đề nghị ở cấp này: {names}."
        )
    twins = [name for name, key in given if len(by_key[key]) > 1]
    if twins:
        raise RecordError(
            f"{level.label}: có nhiều người cùng tên {', '.join(twins)} trong danh sách đề nghị; "
            "ghi nhận quyết định này cho từng người trong lịch sử khen thưởng, không đoán."
        )
    wanted = dict.fromkeys(key for _, key in given)
    chosen = [by_key[key][0] for key in wanted] if wanted else proposed
    form = FORMS.get(level.form or form_of(level.award), level.award)
    return AwardDecision(
        number=number,
        symbol=symbol,
        date=day,
        authority=level.decider,
        level=level.tier or level.id,
        campaign=campaign.id,
        year=campaign.period.year,
        origin=Origin.RECORDED,
        conferments=tuple(
            Conferment(recipient=recipient(d), form=form, achievement=achievement(campaign))
            for d in chosen
        ),
    )
