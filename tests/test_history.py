"""The ward's award history: recording decisions idempotently and matching recipients."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from docgen.archive.schema import LATEST, open_register
from docgen.award.history import load_history, record_decision, recorded_decisions, register_path
from docgen.award.identity import Identity, Match, unit_key
from docgen.award.model import AwardDecision, Conferment, Origin, Recipient
from docgen.campaign.model import Kind

AN = Recipient(
    kind=Kind.INDIVIDUAL, name="Nguyễn Văn An", unit="UBND phường Tân Phú", birth=date(1985, 3, 2)
)
KHOI = Recipient(kind=Kind.COLLECTIVE, name="Khối Kinh tế", unit="Ủy ban nhân dân phường Tân Phú")


def decision(
    number: str = "15",
    people: tuple[Recipient, ...] = (AN, KHOI),
    campaign: str = "kh19-2023",
    level: str = "phuong",
    form: str = "Giấy khen",
) -> AwardDecision:
    return AwardDecision(
        number=number,
        symbol="QĐ-UBND",
        date=date(2023, 12, 28),
        authority="Chủ tịch Ủy ban nhân dân phường Tân Phú",
        level=level,
        campaign=campaign,
        year=2023,
        origin=Origin.CAMPAIGN if campaign else Origin.IMPORTED,
        conferments=tuple(Conferment(recipient=r, form=form) for r in people),
    )


def test_a_decision_is_recorded_once_and_replaced_whole(tmp_path: Path) -> None:
    assert record_decision(tmp_path, decision()) == "new"
    assert record_decision(tmp_path, decision()) == "unchanged"
    assert len(load_history(tmp_path).awards) == 2
    assert record_decision(tmp_path, decision(number="16", people=(AN,))) == "replaced"
    history = load_history(tmp_path)
    assert [(a.recipient.name, a.reference) for a in history.awards] == [
        ("Nguyễn Văn An", "16/QĐ-UBND")
    ]
    assert [(r["number"], r["lines"]) for r in recorded_decisions(tmp_path)] == [("16", 1)]


def test_decisions_of_other_levels_and_imported_ones_are_kept_apart(tmp_path: Path) -> None:
    record_decision(tmp_path, decision())
    record_decision(tmp_path, decision(level="thanh-pho", number="200", people=(AN,)))
    record_decision(tmp_path, decision(campaign="", number="7"))
    record_decision(tmp_path, decision(campaign="", number="7"))  # the same import twice
    assert len(recorded_decisions(tmp_path)) == 3
    assert len(load_history(tmp_path).awards) == 5


def test_the_history_lives_in_the_archive_register_at_the_latest_version(tmp_path: Path) -> None:
    record_decision(tmp_path, decision())
    db = open_register(register_path(tmp_path))
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert db.execute("SELECT COUNT(*) FROM conferments").fetchone()[0] == 2
    db.close()


def test_a_register_of_version_one_is_migrated_keeping_its_records(tmp_path: Path) -> None:
    path = register_path(tmp_path)
    path.parent.mkdir(parents=True)
    old = sqlite3.connect(path)
    from docgen.archive.schema import MIGRATIONS

    old.executescript(MIGRATIONS[0][1])
    old.execute(
        "INSERT INTO documents (campaign, level, path, kind, title, generated_sha256) "
        "VALUES ('kh19', 'phuong', 'phuong/bien-ban.docx', 'bien-ban', 'Biên bản', 'x')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    record_decision(tmp_path, decision())
    db = open_register(path)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    db.close()


def test_no_register_is_no_history_and_reading_creates_nothing(tmp_path: Path) -> None:
    assert load_history(tmp_path).awards == ()
    assert not register_path(tmp_path).exists()


AN_ID = Identity.of(Kind.INDIVIDUAL, "Nguyễn Văn An", "UBND phường Tân Phú", date(1985, 3, 2))


@pytest.mark.parametrize(
    ("name", "unit", "birth", "expected"),
    [
        ("NGUYỄN  VĂN AN", "Ủy ban nhân dân phường Tân Phú", date(1985, 3, 2), Match.SAME),
        ("Nguyễn Văn An", "ủy ban nhân dân P. Tân Phú", date(1985, 3, 2), Match.SAME),
        ("Nguyễn Văn An", "Trường Tiểu học Tân Phú", date(1985, 3, 2), Match.AMBIGUOUS),
        ("Nguyễn Văn An", "UBND phường Tân Phú", None, Match.AMBIGUOUS),
        ("Nguyễn Văn An", "UBND phường Tân Phú", date(1990, 1, 1), Match.OTHER),
        ("Nguyễn Văn Ân", "UBND phường Tân Phú", date(1985, 3, 2), Match.OTHER),
        ("Nguyễn Văn An", "Trường Tiểu học Tân Phú", None, Match.OTHER),
    ],
    ids=["case-spacing", "abbreviation", "moved-unit", "no-birth", "other-birth", "other-name",
         "other-unit-no-birth"],
)  # fmt: skip
def test_a_person_is_matched_by_name_birth_and_unit(
    name: str, unit: str, birth: date | None, expected: Match
) -> None:
    assert AN_ID.match(Identity.of(Kind.INDIVIDUAL, name, unit, birth)) is expected


def test_a_collective_is_its_name_within_its_unit() -> None:
    khoi = Identity.of(Kind.COLLECTIVE, "Khối Kinh tế", "UBND phường Tân Phú")
    assert (
        khoi.match(Identity.of(Kind.COLLECTIVE, "khối kinh tế", "Ủy ban nhân dân phường Tân Phú"))
        is Match.SAME
    )
    assert (
        khoi.match(Identity.of(Kind.COLLECTIVE, "Khối Kinh tế", "UBND phường Tân Hòa"))
        is Match.AMBIGUOUS
    )
    assert khoi.match(Identity.of(Kind.INDIVIDUAL, "Khối Kinh tế", "UBND phường Tân Phú")) is Match.OTHER  # fmt: skip


def test_unit_key_folds_punctuation_and_abbreviations() -> None:
    assert unit_key("UBND P. Tân Phú") == unit_key("Ủy ban nhân dân phường  Tân Phú")


def test_found_splits_the_same_recipient_from_the_maybe(tmp_path: Path) -> None:
    other = Recipient(kind=Kind.INDIVIDUAL, name="Nguyễn Văn An", unit="UBND phường Tân Phú")
    record_decision(tmp_path, decision(people=(AN, other)))
    found = load_history(tmp_path).of(AN_ID)
    assert [a.recipient.birth for a in found.same] == [date(1985, 3, 2)]
    assert [a.recipient.birth for a in found.ambiguous] == [None]


def test_a_lookup_compares_only_records_of_the_same_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ward's history and a campaign both run to thousands: 2,000 nominees against 5,000
    records took 77 s comparing every pair, 0.07 s through the index by name."""
    from docgen.award.history import Award, History

    def award(name: str) -> Award:
        who = Recipient(
            kind=Kind.INDIVIDUAL, name=name, unit="Khối Kinh tế", birth=date(1985, 3, 2)
        )
        return Award(recipient=who, form="Giấy khen", year=2022, number="1", symbol="QĐ-UBND",
                     issued=date(2022, 12, 1), authority="x", level="phuong", campaign="",
                     origin=Origin.IMPORTED)  # fmt: skip

    history = History(tuple(award(f"Người {n}") for n in range(300)) + (award("Nguyễn Văn An"),))
    compared = []
    real = Identity.match
    monkeypatch.setattr(
        Identity, "match", lambda self, other: compared.append(other) or real(self, other)
    )
    me = Identity.of(Kind.INDIVIDUAL, "Nguyễn Văn An", "Khối Kinh tế", date(1985, 3, 2))
    assert len(history.of(me).same) == 1
    assert len(compared) == 1
