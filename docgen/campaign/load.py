"""Load and validate a campaign TOML file, reporting every problem with its key and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from docgen.campaign.aliases import canonical
from docgen.campaign.award import check_award, level_decision, read_award
from docgen.campaign.contacts import read_contacts
from docgen.campaign.defaults import has_seal
from docgen.campaign.fields import BASE_FIELD_KEYS
from docgen.campaign.model import (
    CHECK_OPS,
    DOCUMENT_KINDS,
    FIELD_TYPES,
    Campaign,
    Check,
    Council,
    Criterion,
    DocKind,
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
from docgen.campaign.profiles import PROFILES
from docgen.campaign.reader import TomlReader
from docgen.campaign.rules import level_tier, profile_needs
from docgen.campaign.syntax import parse, read_campaign_text
from docgen.errors import CampaignError, not_found
from docgen.oserror import advice, describe
from docgen.text import nfc


def load_campaign(path: Path) -> Campaign:
    """Read `path`, validate it whole and return the campaign, or raise `CampaignError`."""
    try:
        text = nfc(read_campaign_text(path))  # an editor on macOS may save NFD
    except FileNotFoundError:
        missing = CampaignError(f"Không tìm thấy tệp chiến dịch: {path.absolute()}")
        raise not_found(missing, path) from None
    except OSError as exc:
        raise CampaignError(f"Tệp chiến dịch: {describe(exc)} {advice(exc)}") from None
    except ValueError as exc:  # encoding, already explained in Vietnamese
        raise CampaignError(str(exc)) from None
    return campaign_from_text(text, path.name, str(path))


def campaign_from_text(text: str, name: str, source: str = "") -> Campaign:
    """The campaign that the text of file `name` describes, validated whole, or `CampaignError`
    (the wizard checks what it would write before writing anything)."""
    try:
        data = canonical(parse(text, name))
    except ValueError as exc:  # TOML syntax, already explained in Vietnamese
        raise CampaignError(str(exc)) from None
    reader = TomlReader(text)
    campaign = _build(reader, data, source)
    if reader.problems:
        raise CampaignError(f"Tệp chiến dịch {name} có lỗi:", reader.problems)
    return campaign


def _build(r: TomlReader, data: dict[str, Any], source: str) -> Campaign:
    head = r.table(data, "campaign")
    subjects = _subjects(r, data)
    fields = _fields(r, data)
    issuer = _issuer(r, r.table(data, "issuer"))
    council = _council(r, r.table(data, "council"))
    campaign = Campaign(
        id=r.text(head, "id", "campaign"),
        title=r.text(head, "title", "campaign"),
        legal_profile=_profile(r, head),
        thematic=bool(r.get(head, "thematic", "campaign", bool, False)),
        keep_profile=r.text(head, "keep_legal_profile", "campaign", allow_empty=True).strip(),
        issuer=issuer,
        council=council,
        plan=_plan(r, r.table(data, "plan")),
        period=_period(r, r.table(data, "period")),
        vote=_vote(r, r.table(data, "vote")),
        signers=_signers(r, data),
        subjects=subjects,
        initiative_bodies=r.texts(data.get("initiatives", {}), "bodies", "initiatives"),
        fields=fields,
        criteria=_criteria(r, data),
        levels=_levels(r, data),
        contacts=read_contacts(r, data),
        award=read_award(r, data, issuer, council),
        source=source,
    )
    _cross_check(r, campaign)
    check_award(r, campaign)
    profile_needs(r, campaign)
    return campaign


def _profile(r: TomlReader, head: dict[str, Any]) -> str:
    profile = r.text(head, "legal_profile", "campaign")
    if profile and profile not in PROFILES:
        r.fail("campaign.legal_profile", f"phải là một trong {', '.join(PROFILES)}.")
    return profile


def _issuer(r: TomlReader, t: dict[str, Any]) -> Issuer:
    return Issuer(
        parent_body=r.text(t, "parent_body", "issuer", allow_empty=True),
        name_lines=r.texts(t, "name_lines", "issuer"),
        full_name=r.text(t, "full_name", "issuer"),
        place=r.text(t, "place", "issuer"),
        symbol=r.text(t, "symbol", "issuer"),
        province=r.text(t, "province", "issuer", allow_empty=True),
    )


def _council(r: TomlReader, t: dict[str, Any]) -> Council:
    members = r.get(t, "members", "council", int, 0)
    if members is not None and members <= 0 and "members" in t:
        r.fail("council.members", "phải lớn hơn 0.")
    return Council(
        name=r.text(t, "name", "council"),
        symbol=r.text(t, "symbol", "council"),
        members=members or 0,
    )


def _plan(r: TomlReader, t: dict[str, Any]) -> Plan:
    return Plan(
        number=r.text(t, "number", "plan"),
        date=r.get(t, "date", "plan", date, date.min),
        title=r.text(t, "title", "plan"),
        bases=r.texts(t, "bases", "plan"),
    )


def _period(r: TomlReader, t: dict[str, Any]) -> Period:
    start = r.get(t, "start", "period", date, date.min)
    deadline = r.get(t, "deadline", "period", date, date.max)
    if "start" in t and "deadline" in t and start >= deadline:
        r.fail("period.deadline", "hạn chót phải sau ngày bắt đầu.")
    return Period(start=start, deadline=deadline, year=r.get(t, "year", "period", int, 0))


def _vote(r: TomlReader, t: dict[str, Any]) -> VoteRule:
    threshold = r.get(t, "threshold_percent", "vote", float, 0.0)
    if not 0 < threshold <= 100 and "threshold_percent" in t:
        r.fail("vote.threshold_percent", "phải trong khoảng (0; 100].")
    denominator = r.text(t, "denominator", "vote")
    if denominator and denominator not in ("members", "present"):
        r.fail(
            "vote.denominator", 'phải là "members" (tổng số thành viên) hoặc "present" (số có mặt).'
        )
    inclusive = r.get(t, "inclusive", "vote", bool, False)
    return VoteRule(threshold, bool(inclusive), denominator)


def _signers(r: TomlReader, data: dict[str, Any]) -> dict[str, Signer]:
    signers = {}
    for key, t in r.table(data, "signers").items():
        if not isinstance(t, dict):
            r.fail(f"signers.{key}", "phải là bảng [signers.<mã>].")
            continue
        path = f"signers.{key}"
        signers[key] = Signer(
            r.text(t, "authority", path, allow_empty=True),
            r.text(t, "title", path),
            r.text(t, "name", path),
        )
    return signers


def _kind(r: TomlReader, value: Any, path: str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        r.fail(path, 'phải là "collective" (tập thể) hoặc "individual" (cá nhân).')
        return Kind.INDIVIDUAL


def _subjects(r: TomlReader, data: dict[str, Any]) -> tuple[Subject, ...]:
    out = []
    for i, t in enumerate(r.array(data, "subjects")):
        path = f"subjects[{i}]"
        kind = _kind(r, t.get("kind"), f"{path}.kind")
        label = r.text(t, "label", path)
        sealed = kind is Kind.COLLECTIVE and has_seal(label)
        seal = bool(r.get(t, "seal", path, bool, sealed)) if kind is Kind.COLLECTIVE else False
        out.append(Subject(r.text(t, "id", path), kind, label, seal))
    return tuple(out)


def _fields(r: TomlReader, data: dict[str, Any]) -> tuple[FieldSpec, ...]:
    out = []
    for i, t in enumerate(data.get("fields", [])):
        path = f"fields[{i}]"
        ftype = r.text(t, "type", path)
        if ftype and ftype not in FIELD_TYPES:
            r.fail(f"{path}.type", f"phải là một trong {', '.join(FIELD_TYPES)}.")
        choices = r.texts(t, "choices", path) if ftype == "choice" else ()
        applies = tuple(_kind(r, k, f"{path}.applies") for k in t.get("applies", []))
        if not applies:
            r.fail(f"{path}.applies", 'cần ít nhất một loại: "collective", "individual".')
        required = bool(r.get(t, "required", path, bool, True))
        out.append(
            FieldSpec(
                r.text(t, "key", path), r.text(t, "header", path), ftype, applies, choices, required
            )
        )
    return tuple(out)


def _criteria(r: TomlReader, data: dict[str, Any]) -> tuple[Criterion, ...]:
    out = []
    for i, t in enumerate(r.array(data, "criteria")):
        path = f"criteria[{i}]"
        kind = _kind(r, t.get("subject"), f"{path}.subject")
        checks = tuple(
            _check(r, c, f"{path}.checks[{j}]") for j, c in enumerate(t.get("checks", []))
        )
        if not checks:
            r.fail(f"{path}.checks", "cần ít nhất một phép kiểm tra.")
        out.append(Criterion(r.text(t, "id", path), kind, r.text(t, "text", path), checks))
    return tuple(out)


def _check(r: TomlReader, t: Any, path: str) -> Check:
    if not isinstance(t, dict):
        r.fail(path, "phải là bảng { field = …, op = … }.")
        return Check("", "not_empty")
    op = r.text(t, "op", path)
    if op and op not in CHECK_OPS:
        r.fail(f"{path}.op", f"phải là một trong {', '.join(CHECK_OPS)}.")
    values: tuple[str, ...] = ()
    if op == "equals":
        values = (r.text(t, "value", path),)
    elif op == "one_of":
        values = r.texts(t, "values", path)
    elif op in ("not_awarded_last_year", "awarded_years_in_row"):
        return _history_check(r, t, path, op)
    return Check(r.text(t, "field", path), op, values)


def _history_check(r: TomlReader, t: dict[str, Any], path: str, op: str) -> Check:
    """A check on the award history: `form` (the award form), `years` for a run of years."""
    form = r.text(t, "form", path)
    if op == "not_awarded_last_year":
        return Check("", op, (form,))
    years = r.get(t, "years", path, int, 0)
    if isinstance(years, int) and not 1 <= years <= 20:
        r.fail(f"{path}.years", "phải là số năm từ 1 đến 20.")
    return Check("", op, (form, str(years)))


def _levels(r: TomlReader, data: dict[str, Any]) -> tuple[Level, ...]:
    out = []
    for i, t in enumerate(r.array(data, "levels")):
        path = f"levels[{i}]"
        documents = r.texts(t, "documents", path)
        tier = level_tier(r, t, path)
        for doc in documents:
            if doc not in DOCUMENT_KINDS:
                r.fail(
                    f"{path}.documents",
                    f"“{doc}” không phải loại văn bản ({', '.join(DOCUMENT_KINDS)}).",
                )
        kinds = tuple(DocKind(doc) for doc in documents if doc in DOCUMENT_KINDS)
        out.append(
            Level(
                id=r.text(t, "id", path),
                label=r.text(t, "label", path),
                award=r.text(t, "award", path),
                decider=r.text(t, "decider", path),
                kinh_gui=r.texts(t, "kinh_gui", path),
                via=r.text(t, "via", path, allow_empty=True),
                documents=kinds,
                subjects=r.texts(t, "subjects", path),
                quota=_quota(r, t, path),
                signer=r.text(t, "signer", path),
                noi_nhan=r.texts(t, "noi_nhan", path),
                tier=tier,
                confirmer=r.text(t, "confirmer", path, allow_empty=True),
                **level_decision(r, t, path, tier),
            )
        )
    return tuple(out)


def _quota(r: TomlReader, t: dict[str, Any], path: str) -> dict[Kind, int]:
    raw = r.get(t, "quota", path, dict, {}) or {}
    quota = {}
    for key, value in raw.items():
        kind = _kind(r, key, f"{path}.quota")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            r.fail(f"{path}.quota", f"số lượng “{key}” phải là số nguyên không âm.")
            continue
        quota[kind] = value
    return quota


def _cross_check(r: TomlReader, c: Campaign) -> None:
    """References between sections: subjects, signers, fields, unique ids."""
    subject_ids = {s.id for s in c.subjects}
    field_keys = {f.key for f in c.fields} | BASE_FIELD_KEYS
    for name, ids in (
        ("subjects", [s.id for s in c.subjects]),
        ("levels", [lv.id for lv in c.levels]),
    ):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            r.problems.append(f"Mã trùng trong [[{name}]]: {', '.join(dupes)}.")
    for i, level in enumerate(c.levels):
        for sid in level.subjects:
            if sid not in subject_ids:
                r.fail(
                    f"levels[{i}].subjects", f"đối tượng “{sid}” chưa khai báo trong [[subjects]]."
                )
        if level.signer and level.signer not in c.signers:
            r.fail(
                f"levels[{i}].signer", f"người ký “{level.signer}” chưa khai báo trong [signers]."
            )
        if level.confirmer and level.confirmer not in c.signers:
            r.fail(
                f"levels[{i}].confirmer",
                f"người xác nhận “{level.confirmer}” chưa khai báo trong [signers].",
            )
        if DocKind.LIST in level.documents and DocKind.PROPOSAL not in level.documents:
            r.fail(f"levels[{i}].documents", "danh sách chỉ đi kèm tờ trình: thêm “to-trinh”.")
    for i, crit in enumerate(c.criteria):
        for check in crit.checks:
            if check.field and check.field not in field_keys:
                r.fail(
                    f"criteria[{i}].checks", f"trường “{check.field}” không có trong phiếu nhập."
                )
