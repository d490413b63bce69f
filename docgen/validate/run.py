"""Validate a folder of received workbooks: read, convert, resolve re-submissions, check."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from docgen.campaign.model import Campaign, Kind, Period
from docgen.gctune import fewer_collections
from docgen.intake.read import FileRead, read_intake_file
from docgen.intake.records import Nominee, PreviousAward, Row, Submission, Value
from docgen.intake.schema import IntakeSchema, build_schema
from docgen.issues.codes import Code, make_issue
from docgen.issues.model import Place, ValidationIssue
from docgen.mail.journal import journal_for, receipts
from docgen.text import person_key
from docgen.validate import resubmit, rules
from docgen.validate.arrival import arrival_of
from docgen.validate.attendance import absent_departments
from docgen.validate.cells import Memo, convert_row
from docgen.validate.entries import list_entries
from docgen.validate.past import PastAwards
from docgen.validate.report import Report


def submission_files(folder: Path) -> list[Path]:
    """Received workbooks in `folder`, in name order (see `entries` for what is left out)."""
    return list_entries(folder).workbooks


def validate_folder(
    campaign: Campaign,
    folder: Path,
    progress: Callable[[Path], None] | None = None,
    past: PastAwards | None = None,
) -> Report:
    """Read and check every workbook in `folder`; a bad file never stops the others. With
    `past`, each nominee's awards from the ward's history join those of the sheet first."""
    with fewer_collections():
        return _validate(campaign, folder, progress, past)


def _validate(
    campaign: Campaign,
    folder: Path,
    progress: Callable[[Path], None] | None,
    past: PastAwards | None = None,
) -> Report:
    schema = build_schema(campaign)
    report = Report(campaign)
    listing = list_entries(folder)
    report.issues.extend(listing.issues)
    received = receipts(journal_for(folder), campaign.contacts.book())
    candidates: list[Submission] = []
    for path in listing.workbooks:
        read = read_intake_file(path, schema)
        report.files.append(read.name)
        report.paths[read.name] = path
        report.issues.extend(read.issues)
        submitted = None
        if read.readable:
            submission, issues = _submission(read, schema, campaign.period)
            report.issues.extend(issues)
            candidates.append(submission)
            report.departments[read.name] = submission.department
            submitted = submission.submitted
        report.arrivals[read.name] = arrival_of(path, received.get(read.name), submitted)
        if progress:
            progress(path)
    _resolve(report, candidates)
    report.issues.extend(absent_departments(report, folder, received))
    if past is not None:
        report.issues.extend(past.attach(report.submissions))
    _run_rules(report)
    return report


def _resolve(report: Report, candidates: list[Submission]) -> None:
    """Keep each department's latest version; a superseded file's own problems no longer count."""
    kept, superseded, issues = resubmit.resolve(candidates, report.arrivals)
    report.issues = [i for i in report.issues if i.place.file not in superseded]
    report.issues.extend(issues)
    report.issues.extend(resubmit.sender_issues(kept, report.arrivals))
    report.submissions = kept
    report.superseded = superseded


def _submission(
    read: FileRead, schema: IntakeSchema, period: Period
) -> tuple[Submission, list[ValidationIssue]]:
    assert read.unit is not None
    unit_values, issues = _unit_values(read.unit, schema, period)
    submission = Submission(
        path=read.path,
        department=str(unit_values.get("don_vi") or ""),
        contact=str(unit_values.get("nguoi_lien_he") or ""),
        phone=str(unit_values.get("dien_thoai") or ""),
        email=str(unit_values.get("email") or ""),
        submitted=d if isinstance(d := unit_values.get("ngay_gui"), date) else None,
        sha256=read.sha256,
    )
    for spec in schema.nominee_sheets:
        assert spec.kind is not None
        memo: Memo = {}
        for row in read.tables.get(spec.name, []):
            values, row_issues = convert_row(row, spec, period, memo)
            issues.extend(row_issues)
            submission.nominees.append(
                Nominee(spec.kind, row.source, submission.department, values, row.cells)
            )
    awards = read.tables.get(schema.awards.name, [])
    issues.extend(_attach_awards(awards, schema, submission, period))
    return submission, issues


def _unit_values(
    unit: list[Row], schema: IntakeSchema, period: Period
) -> tuple[dict[str, Value], list[ValidationIssue]]:
    """The unit form's values; a missing department name is reported once, clearly."""
    values: dict[str, Value] = {}
    issues: list[ValidationIssue] = []
    for row in unit:
        key = next(iter(row.cells))
        only = replace(schema.unit, columns=(schema.unit.column(key),))
        one, problems = convert_row(row, only, period)
        values.update(one)
        issues.extend(p for p in problems if key != "don_vi")
    if not values.get("don_vi"):
        sheet = unit[0].source.sheet if unit else schema.unit.name
        file = unit[0].source.file if unit else ""
        issues.append(make_issue(Code.DEPARTMENT_MISSING, Place(file, sheet)))
    return values, issues


def _attach_awards(
    rows: list[Row], schema: IntakeSchema, submission: Submission, period: Period
) -> list[ValidationIssue]:
    """Previous awards go to the nominee of the same name (and birth date, if given)."""
    issues: list[ValidationIssue] = []
    by_name: dict[str, list[Nominee]] = {}
    for nominee in submission.nominees:
        by_name.setdefault(_name_key(nominee.name), []).append(nominee)
    memo: Memo = {}
    for row in rows:
        values, problems = convert_row(row, schema.awards, period, memo)
        issues.extend(problems)
        if problems:
            continue
        owners = [
            n
            for n in by_name.get(_name_key(str(values["ten"])), [])
            if values["ngay_sinh"] is None
            or n.kind is Kind.COLLECTIVE
            or n.birth == values["ngay_sinh"]
        ]
        if not owners:
            place = row.source.place(row.cells["ten"].column, row.cells["ten"].header)
            issues.append(make_issue(Code.AWARD_OWNER_UNKNOWN, place, values["ten"]))
            continue
        owners[0].awards.append(_award(row, values))
    return issues


def _name_key(name: str) -> str:
    # Award rows repeat their nominee's name: short names are keyed once (bounded cache).
    return _short_name_key(name) if len(name) <= 200 else person_key(name)


_short_name_key = functools.lru_cache(maxsize=4096)(person_key)


def _award(row: Row, values: Mapping[str, object]) -> PreviousAward:
    return PreviousAward(
        source=row.source,
        owner=str(values["ten"]),
        owner_birth=values["ngay_sinh"] if isinstance(values["ngay_sinh"], date) else None,
        type=str(values["loai"]),
        year=int(values["nam"]),  # type: ignore[call-overload]
        title=str(values["hinh_thuc"]),
        decision_number=str(values["so_qd"]),
        decision_date=values["ngay_qd"],  # type: ignore[arg-type]
        issuer=str(values["co_quan"]),
        title_column=row.cells["hinh_thuc"].column if "hinh_thuc" in row.cells else "",
    )


def _run_rules(report: Report) -> None:
    # Issues are added as they are found: aggregate rules (quota) count only nominations
    # left without errors, so they must see the row rules' findings.
    ctx = rules.Context(report.campaign, report.issues)
    for submission in report.submissions:
        for submission_rule in rules.SUBMISSION_RULES:
            report.issues.extend(list(submission_rule.check(submission, ctx)))
        for nominee in submission.nominees:
            for rule in rules.ROW_RULES:
                report.issues.extend(list(rule.check(nominee, submission, ctx)))
    for aggregate in rules.AGGREGATE_RULES:
        report.issues.extend(list(aggregate.check(report.submissions, ctx)))
