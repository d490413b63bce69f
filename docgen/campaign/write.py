"""Write a campaign as a commented TOML file that `load_campaign` reads back to the same campaign."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docgen.campaign.contacts import Contacts
from docgen.campaign.load import load_campaign
from docgen.campaign.model import (
    AwardSetup,
    Campaign,
    Check,
    Criterion,
    FieldSpec,
    Kind,
    Level,
    Signer,
    Subject,
)
from docgen.campaign.profiles import PROFILES, TIERS
from docgen.output.files import Written, write_atomic, write_beside
from docgen.workspace import WARD_FILE, Workspace, ward_of

WARD_HEADER = """\
# Thư mục của {name}: các đợt thi đua là các thư mục con, nằm cạnh nhau;
# kho lưu trữ văn bản đã ký (luu-tru/), sổ đăng ký và lịch sử khen thưởng ở đây, dùng chung
# cho mọi đợt, năm này qua năm khác. Đừng xóa tệp này: docgen nhận ra thư mục phường nhờ nó.
ten = {quoted}
"""

HEADER = """\
# Chiến dịch: Kế hoạch số {number} ngày {day} của {issuer}
# "{title}".
# Tệp do "docgen chien-dich-moi" lập; sửa được bằng Notepad (lưu dạng UTF-8).
# Cách viết: chữ trong ngoặc kép "…"; ngày dạng {iso} (hoặc "{day}");
# số và true/false không có ngoặc; danh sách trong [ ], cách nhau bởi dấu phẩy.
# Kiểm tra sau khi sửa: docgen kiem-tra-chien-dich
"""

_KEEP_NOTE = (
    '# keep_legal_profile = "…"   # chỉ khi buộc giữ bộ không áp dụng cho ngày lập hồ sơ: ghi lý do'
)
_PROFILES_NOTE = "bộ biểu mẫu: " + "; ".join(
    f'"{p.id}" (hồ sơ lập {p.span()})' for p in PROFILES.values()
)


def write_campaign_file(
    campaign: Campaign, target: Path, force: bool = False
) -> tuple[Path, Campaign, Written]:
    """Write the commented campaign file (never over another one unless `force`) and read it back.

    Returns where it went, the campaign as loaded from it, and what was done; a file that would
    not load raises the loader's CampaignError.
    """
    path, status = write_beside(target, campaign_toml(campaign).encode("utf-8"), force)
    return path, load_campaign(path), status


@dataclass(frozen=True)
class NewWorkspace:
    """What `write_workspace` made: the campaign's folder, its ward, its campaign file."""

    workspace: Workspace
    ward: Path
    ward_created: bool
    campaign_file: Path
    campaign: Campaign
    status: Written


def free_folder(parent: Path, name: str) -> Path:
    """`parent/name`, or `name-2`, `name-3`… when a campaign is already there."""
    for n in range(1, 1000):
        folder = parent / (name if n == 1 else f"{name}-{n}")
        if not Workspace(folder).campaign.exists():
            return folder
    raise OSError(f"too many campaigns named {name} in {parent}")


def write_workspace(campaign: Campaign, folder: Path, force: bool = False) -> NewWorkspace:
    """Make `folder` the campaign's workspace: its campaign file, `input/phieu/` and `output/`,
    inside a ward folder (the one above it, else its parent becomes one) whose archive and
    award history the ward's campaigns share."""
    ward = ward_of(folder.absolute().parent)
    created = ward is None
    if ward is None:
        ward = folder.absolute().parent
        ward.mkdir(parents=True, exist_ok=True)
        name = campaign.issuer.full_name
        write_atomic(
            ward / WARD_FILE, WARD_HEADER.format(name=name, quoted=toml_value(name)).encode()
        )
    workspace = Workspace(folder)
    workspace.submissions.mkdir(parents=True, exist_ok=True)
    (folder / "output").mkdir(exist_ok=True)
    path, loaded, status = write_campaign_file(campaign, workspace.campaign, force)
    return NewWorkspace(workspace, ward, created, path, loaded, status)


def toml_value(value: object) -> str:
    """One TOML value: quoted text, bare numbers, booleans and dates, inline lists."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, Iterable):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def _pairs(pairs: Iterable[tuple[str, object, str]]) -> list[str]:
    """`key = value   # comment` lines."""
    return [f"{k} = {toml_value(v)}" + (f"  # {c}" if c else "") for k, v, c in pairs]


def campaign_toml(c: Campaign) -> str:
    """The whole campaign file, section by section, with a comment on every choice."""
    parts = [
        HEADER.format(
            number=c.plan.number,
            day=c.plan.date.strftime("%d/%m/%Y"),
            iso=c.plan.date.isoformat(),
            issuer=c.issuer.full_name,
            title=c.plan.title,
        ),
        _head(c),
        _signers(c.signers),
        _subjects(c.subjects, c.initiative_bodies),
        _fields(c.fields),
        _criteria(c.criteria),
        _levels(c.levels),
        _award(c.award),
        _contacts(c.contacts),
    ]
    return "\n".join(parts)


def _head(c: Campaign) -> str:
    lines = ["[campaign]"]
    lines += _pairs([
        ("id", c.id, "mã đợt: tên thư mục trong output/, không dấu"),
        ("title", c.title, ""),
        ("legal_profile", c.legal_profile, _PROFILES_NOTE),
        ("thematic", c.thematic, "true: đợt chuyên đề (mẫu báo cáo theo chuyên đề)"),
    ])  # fmt: skip
    if c.keep_profile:
        lines += _pairs([("keep_legal_profile", c.keep_profile, "lý do giữ bộ biểu mẫu")])
    else:
        lines += [_KEEP_NOTE]
    lines += ["", "[issuer]"]
    lines += _pairs([
        ("parent_body", c.issuer.parent_body, "cơ quan chủ quản; để trống nếu không có"),
        ("name_lines", c.issuer.name_lines, "tên cơ quan ở tiêu đề văn bản, từng dòng"),
        ("full_name", c.issuer.full_name, ""),
        ("place", c.issuer.place, "địa danh ở dòng ngày tháng"),
        ("symbol", c.issuer.symbol, "chữ viết tắt trong số ký hiệu văn bản"),
    ])  # fmt: skip
    if c.issuer.province:
        lines += _pairs([("province", c.issuer.province, "tên tỉnh ở dòng địa danh của báo cáo")])
    lines += ["", "[council]"]
    lines += _pairs([
        ("name", c.council.name, ""),
        ("symbol", c.council.symbol, "ký hiệu riêng của Hội đồng: BB-…"),
        ("members", c.council.members, "tổng số thành viên"),
    ])  # fmt: skip
    lines += ["", "[plan]"]
    lines += _pairs(
        [("number", c.plan.number, ""), ("date", c.plan.date, ""), ("title", c.plan.title, "")]
    )
    lines += ["bases = ["] + [f"  {toml_value(b)}," for b in c.plan.bases] + ["]"]
    lines += ["", "[period]"]
    lines += _pairs([
        ("start", c.period.start, ""),
        ("deadline", c.period.deadline, "hạn chót, không tính ngày này (“đến trước ngày …”)"),
        ("year", c.period.year, ""),
    ])  # fmt: skip
    lines += ["", "[vote]"]
    lines += _pairs([
        ("threshold_percent", c.vote.threshold_percent, "tỷ lệ phiếu đồng ý"),
        ("inclusive", c.vote.inclusive, "false: phải trên tỷ lệ; true: từ tỷ lệ trở lên"),
        ("denominator", c.vote.denominator, '"members": tổng số thành viên; "present": số có mặt'),
    ])  # fmt: skip
    return "\n".join(lines) + "\n"


def _signers(signers: dict[str, Signer]) -> str:
    lines: list[str] = []
    for key, s in signers.items():
        lines += [f"[signers.{key}]"]
        lines += _pairs(
            [("authority", s.authority, ""), ("title", s.title, ""), ("name", s.name, "")]
        )
        lines.append("")
    return "\n".join(lines)


_SEAL_NOTE = "true: có con dấu riêng (Ký, đóng dấu); false: ký, ghi rõ họ tên"


def _subjects(subjects: tuple[Subject, ...], bodies: tuple[str, ...]) -> str:
    lines = ['# Đối tượng khen thưởng. kind: "collective" (tập thể) hoặc "individual" (cá nhân).']
    for s in subjects:
        lines += [
            "[[subjects]]",
            *_pairs([("id", s.id, ""), ("kind", str(s.kind), ""), ("label", s.label, "")]),
            *(_pairs([("seal", s.seal, _SEAL_NOTE)]) if s.kind is Kind.COLLECTIVE else []),
            "",
        ]
    lines += [
        "# Các cơ quan công nhận sáng kiến (danh sách chọn trong phiếu nhập).",
        "[initiatives]",
    ]
    lines += _pairs([("bodies", bodies, "")])
    return "\n".join(lines) + "\n"


def _fields(fields: tuple[FieldSpec, ...]) -> str:
    lines = [
        "# Các cột đánh giá riêng của kế hoạch trong phiếu nhập, để xét tiêu chí.",
        '# type: "choice" (chọn từ danh sách), "text", "date", "int".',
    ]
    for f in fields:
        lines += ["[[fields]]"]
        lines += _pairs([("key", f.key, ""), ("header", f.header, ""), ("type", f.type, "")])
        if f.choices:
            lines += _pairs([("choices", f.choices, "")])
        lines += _pairs([("applies", [str(k) for k in f.applies], "")])
        if not f.required:
            lines += _pairs([("required", False, "")])
        lines.append("")
    return "\n".join(lines)


def _criteria(criteria: tuple[Criterion, ...]) -> str:
    lines = [
        "# Tiêu chí: mã, nguyên văn kế hoạch, và các phép kiểm tra trên cột của phiếu nhập:",
        "# equals, one_of, not_empty, is_true, within_period; trên lịch sử khen thưởng:",
        "# not_awarded_last_year (form), awarded_years_in_row (form, years).",
    ]
    for c in criteria:
        lines += ["[[criteria]]"]
        lines += _pairs([("id", c.id, ""), ("subject", str(c.kind), ""), ("text", c.text, "")])
        lines += ["checks = ["] + [f"  {_check(k)}," for k in c.checks] + ["]", ""]
    return "\n".join(lines)


def _check(check: Check) -> str:
    if check.op == "not_awarded_last_year":
        return f"{{ op = {toml_value(check.op)}, form = {toml_value(check.values[0])} }}"
    if check.op == "awarded_years_in_row":
        form, years = toml_value(check.values[0]), check.values[1]
        return f"{{ op = {toml_value(check.op)}, form = {form}, years = {years} }}"
    parts = [f"field = {toml_value(check.field)}", f"op = {toml_value(check.op)}"]
    if check.op == "equals":
        parts.append(f"value = {toml_value(check.values[0])}")
    elif check.op == "one_of":
        parts.append(f"values = {toml_value(check.values)}")
    return "{ " + ", ".join(parts) + " }"


def _levels(levels: tuple[Level, ...]) -> str:
    lines = ['# Cấp khen thưởng. documents: "to-trinh", "danh-sach", "bien-ban", "bao-cao".']
    for lv in levels:
        quota = ", ".join(f"{kind} = {n}" for kind, n in lv.quota.items())
        lines += ["[[levels]]"]
        lines += _pairs([
            ("id", lv.id, ""), ("label", lv.label, ""), ("award", lv.award, ""),
            ("decider", lv.decider, ""), ("kinh_gui", lv.kinh_gui, ""),
            ("via", lv.via, "qua cơ quan nào; để trống nếu không có"),
            ("documents", lv.documents, ""), ("subjects", lv.subjects, "mã đối tượng ở [[subjects]]"),
        ])  # fmt: skip
        lines += [f"quota = {{ {quota} }}  # số lượng tối đa"]
        lines += _pairs([("signer", lv.signer, ""), ("noi_nhan", lv.noi_nhan, "")])
        if lv.tier:
            lines += _pairs([("tier", lv.tier, f"người quyết định thuộc {TIERS[lv.tier]}")])
        if lv.confirmer:
            lines += _pairs([("confirmer", lv.confirmer, "người xác nhận báo cáo thành tích")])
        lines += _pairs([
            ("decides", lv.decides, "true: phường tự quyết định (tờ trình, quyết định, danh sách)"),
            ("form", lv.form, "hình thức: giay-khen, chien-si-thi-dua-co-so, lao-dong-tien-tien"),
        ])  # fmt: skip
        if lv.decision_signer:
            lines += _pairs([("decision_signer", lv.decision_signer, "người ký quyết định")])
        lines.append("")
    return "\n".join(lines)


def _award(award: AwardSetup | None) -> str:
    """`[award]`: who proposes the ward's own award to its chairman, the fund, Điều 3."""
    if award is None:
        return ""
    lines = [
        "# Khen thưởng của chính phường (cấp có decides = true): Thường trực Hội đồng lập tờ trình",
        "# trình Chủ tịch; Chủ tịch ký quyết định khen thưởng kèm danh sách và tiền thưởng.",
        "[award]",
    ]
    lines += _pairs([
        ("proposer", award.proposer, "cơ quan trình"),
        ("proposer_symbol", award.symbol, "ký hiệu tờ trình: TTr-<ký hiệu>"),
        ("proposer_signer", award.signer, "người ký tờ trình ([signers]); trống: chủ tọa cuộc họp"),
        ("fund", award.fund, "nguồn chi tiền thưởng (Điều 2)"),
        ("executors", award.executors, "Điều 3: người chịu trách nhiệm thi hành"),
        ("noi_nhan", award.noi_nhan, "nơi nhận quyết định"),
    ])  # fmt: skip
    if award.header:
        lines += _pairs([("proposer_header", award.header, "tên cơ quan trình ở tiêu đề")])
    if award.bases:
        lines += _pairs([("decision_bases", award.bases, "căn cứ riêng của quyết định")])
    lines.append("")
    return "\n".join(lines)


def _contacts(contacts: Contacts) -> str:
    lines = [
        "# Thư điện tử. [mail]: địa chỉ của Thường trực, người gửi thư phản hồi (docgen tra-loi).",
        "# [[departments]]: địa chỉ thư của từng đơn vị gửi phiếu (docgen nhan-thu).",
    ]
    if contacts.address:
        lines += ["[mail]"]
        lines += _pairs([("address", contacts.address, ""), ("name", contacts.name, "")])
        lines.append("")
    else:
        lines += [
            "# [mail]",
            '# address = "thiduakhenthuong@…"',
            '# name = "Thường trực Hội đồng …"',
        ]
    for d in contacts.departments:
        lines += ["[[departments]]", *_pairs([("name", d.name, ""), ("emails", d.emails, "")]), ""]
    if not contacts.departments:
        lines += ["# [[departments]]", '# name = "Khối Nội chính"', '# emails = ["noichinh@…"]']
    return "\n".join(lines) + "\n"
