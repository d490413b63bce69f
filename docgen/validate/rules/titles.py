"""Row rule: a collective's award history holds no title that only an individual can hold."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.campaign.model import Kind
from docgen.intake.records import Nominee, Submission
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import ValidationIssue
from docgen.text import person_key
from docgen.validate.rules.base import Context

# Emulation titles the law gives to individuals only (Luật Thi đua, khen thưởng 2022, Điều 23:
# danh hiệu thi đua đối với cá nhân); a collective's are "Tập thể lao động tiên tiến",
# "Tập thể lao động xuất sắc", "Cờ thi đua …". Compared by `person_key` (case, spacing and
# tone placement do not matter); a title that starts with one of these is the same title.
INDIVIDUAL_TITLES = ("Chiến sĩ thi đua", "Lao động tiên tiến", "Chiến sĩ tiên tiến")
_KEYS = tuple(person_key(title) for title in INDIVIDUAL_TITLES)
_QUOTES = "“”\"'‘’"


def individual_only(title: str) -> bool:
    """True for `Chiến sĩ thi đua cơ sở`, `“Lao động tiên tiến”`; not `Tập thể lao động …`."""
    key = person_key(title.strip().strip(_QUOTES).removeprefix("Danh hiệu").strip(_QUOTES + " "))
    return any(key == k or key.startswith(k + " ") for k in _KEYS)


class CollectiveTitles:
    """AWARD_TITLE_INDIVIDUAL_ONLY: e.g. a Bộ phận listed as "Chiến sĩ thi đua cơ sở"."""

    def check(
        self, nominee: Nominee, submission: Submission, ctx: Context
    ) -> Iterator[ValidationIssue]:
        if nominee.kind is not Kind.COLLECTIVE:
            return
        header = ctx.schema.awards.column("hinh_thuc").header
        for award in nominee.awards:
            if individual_only(award.title):
                yield make_issue(
                    Code.AWARD_TITLE_INDIVIDUAL_ONLY,
                    award.source.place(award.title_column, header),
                    award.title,
                    owner=nominee.name,
                )
