"""The Biên bản's long lists are made row by row as read, equal to the lists they replace."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from docgen.campaign import Campaign
from docgen.checks import sample
from docgen.documents.minutes import Rows, _result, minutes_context
from docgen.documents.nominees import ordered
from docgen.documents.outcomes import not_proposed_line, proposed_line
from docgen.documents.phrases import as_printed, listed


def _section(campaign: Campaign) -> dict[str, Any]:
    (section,) = minutes_context(campaign, sample.meeting(), [sample.selection(campaign)])[
        "cac_cap"
    ]
    return section


def test_lines_equal_the_listed_lines(campaign: Campaign) -> None:
    selection, meeting = sample.selection(campaign), sample.meeting()
    section = _section(campaign)
    assert isinstance(section["de_nghi"], Rows)
    assert list(section["de_nghi"]) == as_printed(
        listed([proposed_line(d, meeting) for d in selection.proposed()], dash=False)
    )
    assert list(section["khong_de_nghi"]) == as_printed(
        listed(
            [not_proposed_line(d, campaign, meeting) for d in ordered(selection.not_proposed())],
            dash=False,
        )
    )


def test_table_rows_equal_the_numbered_rows(campaign: Campaign) -> None:
    groups = _section(campaign)["nhom"]
    decisions = ordered(sample.selection(campaign).decisions)
    rows = [row for group in groups for row in group["muc"]]
    individuals = [d for d in decisions if d.nominee.kind.name == "INDIVIDUAL"]
    assert rows[1:] == [_result(d, i) for i, d in enumerate(individuals, start=1)]
    for row in rows:
        assert all(unicodedata.is_normalized("NFC", value) for value in row.values())


@pytest.mark.parametrize(
    "read",
    [
        lambda r: [r[i] for i in range(len(r))],
        lambda r: [r[i] for i in range(-len(r), 0)],
        lambda r: r[:],
        lambda r: r[1:],
        lambda r: r[::-2],
        lambda r: list(reversed(r)),
        lambda r: (len(r), bool(r), r[-1]),
    ],
    ids=["index", "negative", "slice_all", "slice_tail", "step", "reversed", "len_bool_last"],
)
def test_rows_read_like_a_list(campaign: Campaign, read: Any) -> None:
    lines = _section(campaign)["de_nghi"]
    whole = list(lines)
    assert len(whole) == 3
    assert read(lines) == read(whole)
    for outside in (len(whole), -len(whole) - 1):
        with pytest.raises(IndexError):
            lines[outside]
