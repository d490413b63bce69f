"""The intake workbook's sheets and columns: one definition shared by writer, reader and checks."""

from __future__ import annotations

from dataclasses import dataclass, replace

from docgen.campaign.model import Campaign, FieldSpec, Kind

TEMPLATE_VERSION = 1
META_SHEET = "_docgen"
LISTS_SHEET = "_DanhMuc"
GUIDE_SHEET = "Hướng dẫn"
UNIT_SHEET = "Đơn vị"
COLLECTIVE_SHEET = "Tập thể"
INDIVIDUAL_SHEET = "Cá nhân"
AWARDS_SHEET = "Khen thưởng đã nhận"

KEY_ROW = 1  # hidden row of stable machine keys
HEADER_ROW = 2  # Vietnamese headers, frozen
FIRST_DATA_ROW = 3

SHORT_TEXT = 255
LONG_TEXT = 8000

SEX_CHOICES = ("Nam", "Nữ")
AWARD_TYPES = ("Danh hiệu thi đua", "Hình thức khen thưởng")


@dataclass(frozen=True)
class Column:
    """One intake column: stable key, header, type, and what a valid value is."""

    key: str
    header: str
    type: str  # "text" | "name" | "long" | "date" | "int" | "choice"
    required: bool = True
    choices: tuple[str, ...] = ()
    note: str = ""
    width: float = 18

    @property
    def max_length(self) -> int:
        """Longest accepted text, in characters."""
        return LONG_TEXT if self.type == "long" else SHORT_TEXT


@dataclass(frozen=True)
class SheetSpec:
    """A data sheet: its name, the kind of nominee it holds (if any) and its columns."""

    name: str
    columns: tuple[Column, ...]
    kind: Kind | None = None

    def column(self, key: str) -> Column:
        """The column with this key."""
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class IntakeSchema:
    """The whole intake workbook for one campaign."""

    campaign_id: str
    unit: SheetSpec
    collectives: SheetSpec
    individuals: SheetSpec
    awards: SheetSpec

    @property
    def nominee_sheets(self) -> tuple[SheetSpec, SheetSpec]:
        """Collectives then individuals."""
        return (self.collectives, self.individuals)

    @property
    def data_sheets(self) -> tuple[SheetSpec, ...]:
        """Every sheet a department fills, in workbook order."""
        return (self.unit, self.collectives, self.individuals, self.awards)


def _c(key: str, header: str, type_: str = "text", required: bool = True, **kw: object) -> Column:
    return Column(key, header, type_, required, **kw)  # type: ignore[arg-type]


UNIT_COLUMNS = (
    _c("don_vi", "Tên đơn vị gửi", note="Ví dụ: Khối Văn hóa - Xã hội", width=40),
    _c("nguoi_lien_he", "Người liên hệ", "name", note="Họ và tên người lập phiếu"),
    _c("dien_thoai", "Điện thoại", required=False),
    _c("email", "Thư điện tử", required=False),
    _c("ngay_gui", "Ngày gửi", "date", note="Ngày/tháng/năm, ví dụ 05/12/2023"),
)

# Both nominee sheets ask for the achievements the same way.
ACHIEVEMENTS = _c(
    "thanh_tich",
    "Thành tích đạt được",
    "long",
    note="Mỗi ý một đoạn: Alt+Enter để xuống dòng",
    width=50,
)

COLLECTIVE_BASE = (
    _c("ten", "Tên tập thể", note="Ghi đầy đủ, không viết tắt", width=34),
    _c("doi_tuong", "Đối tượng", "choice", width=26),
    _c("cap_de_nghi", "Cấp đề nghị khen thưởng", "choice", width=20),
    _c("thu_truong", "Họ tên thủ trưởng đơn vị", "name", width=24),
    _c("chuc_vu_thu_truong", "Chức vụ thủ trưởng", width=20),
    _c("tru_so", "Địa chỉ trụ sở", width=30),
    _c("dien_thoai", "Điện thoại", required=False),
    _c("so_nguoi", "Tổng số cán bộ, công chức, nhân viên", "int", required=False),
    _c(
        "dac_diem", "Đặc điểm, tình hình (cơ cấu tổ chức, tổ chức đảng, đoàn thể)", "long", width=40
    ),
    _c("chuc_nang", "Chức năng, nhiệm vụ được giao", "long", width=40),
    ACHIEVEMENTS,
    _c("bien_phap", "Biện pháp, nguyên nhân đạt được thành tích", "long", required=False, width=40),
    _c(
        "chinh_sach",
        "Thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
        "long",
        required=False,
        width=40,
    ),
    _c("doan_the", "Hoạt động của tổ chức đảng, đoàn thể", "long", required=False, width=40),
)

INDIVIDUAL_BASE = (
    _c("ho_ten", "Họ và tên", "name", note="Chữ in thường, không viết tắt", width=24),
    _c("gioi_tinh", "Giới tính", "choice", choices=SEX_CHOICES, width=10),
    _c("ngay_sinh", "Ngày sinh", "date", note="Ngày/tháng/năm, ví dụ 05/03/1985", width=12),
    _c("que_quan", "Quê quán", note="Xã/phường, huyện/thành phố, tỉnh", width=30),
    _c("tru_quan", "Trú quán", note="Xã/phường, huyện/thành phố, tỉnh", width=30),
    _c("chuc_vu", "Chức vụ (Đảng, chính quyền, đoàn thể)", width=28),
    _c("don_vi", "Đơn vị công tác", width=26),
    _c("doi_tuong", "Đối tượng", "choice", width=14),
    _c("cap_de_nghi", "Cấp đề nghị khen thưởng", "choice", width=20),
    _c("trinh_do", "Trình độ chuyên môn, nghiệp vụ", width=24),
    _c("ly_luan_chinh_tri", "Trình độ lý luận chính trị", required=False, width=18),
    _c("hoc_ham", "Học hàm, học vị, danh hiệu, giải thưởng", required=False, width=20),
    _c("nhiem_vu", "Quyền hạn, nhiệm vụ được giao", "long", width=40),
    ACHIEVEMENTS,
    _c("sang_kien_ten", "Tên sáng kiến, giải pháp", required=False, width=30),
    _c("sang_kien_cap", "Cơ quan công nhận sáng kiến", "choice", required=False, width=26),
    _c("sang_kien_so_qd", "Số quyết định công nhận sáng kiến", required=False, width=18),
    _c(
        "sang_kien_ngay_qd", "Ngày quyết định công nhận sáng kiến", "date", required=False, width=14
    ),
)

AWARD_COLUMNS = (
    _c(
        "ten",
        "Tên tập thể / Họ và tên cá nhân",
        note="Ghi đúng như ở trang Tập thể / Cá nhân",
        width=28,
    ),
    _c("ngay_sinh", "Ngày sinh (cá nhân)", "date", required=False, width=12),
    _c("loai", "Loại", "choice", choices=AWARD_TYPES, width=22),
    _c("nam", "Năm", "int", width=8),
    _c("hinh_thuc", "Danh hiệu / hình thức khen thưởng", width=34),
    _c("so_qd", "Số quyết định", width=16),
    _c("ngay_qd", "Ngày quyết định", "date", width=14),
    _c("co_quan", "Cơ quan ban hành quyết định", width=30),
)


# The collective form of every profile (ND 91 Mẫu 01, ND 98 Mẫu 02) has four achievement items,
# each to be reported; the thematic form (Mẫu 07) prints results and, when given, measures.
FORM_SECTIONS = ("bien_phap", "chinh_sach", "doan_the")


def report_keys(campaign: Campaign, kind: Kind) -> tuple[str, ...]:
    """The intake keys the campaign's report form for `kind` cannot print without."""
    base = COLLECTIVE_BASE if kind is Kind.COLLECTIVE else INDIVIDUAL_BASE
    return tuple(c.key for c in base if c.required or c.key in _sections(campaign, kind))


def _sections(campaign: Campaign, kind: Kind) -> tuple[str, ...]:
    return FORM_SECTIONS if kind is Kind.COLLECTIVE and not campaign.thematic else ()


def build_schema(campaign: Campaign) -> IntakeSchema:
    """The intake workbook of `campaign`: base columns, closed lists and campaign fields."""
    levels = tuple(lv.label for lv in campaign.levels)
    return IntakeSchema(
        campaign_id=campaign.id,
        unit=SheetSpec(UNIT_SHEET, UNIT_COLUMNS),
        collectives=_nominee_sheet(
            campaign, Kind.COLLECTIVE, COLLECTIVE_SHEET, COLLECTIVE_BASE, levels
        ),
        individuals=_nominee_sheet(
            campaign, Kind.INDIVIDUAL, INDIVIDUAL_SHEET, INDIVIDUAL_BASE, levels
        ),
        awards=SheetSpec(AWARDS_SHEET, AWARD_COLUMNS),
    )


def _nominee_sheet(
    campaign: Campaign, kind: Kind, name: str, base: tuple[Column, ...], levels: tuple[str, ...]
) -> SheetSpec:
    dynamic = {
        "doi_tuong": tuple(s.label for s in campaign.subjects_of(kind)),
        "cap_de_nghi": levels,
        "sang_kien_cap": campaign.initiative_bodies,
    }
    columns = [replace(c, choices=dynamic[c.key]) if c.key in dynamic else c for c in base]
    sections = _sections(campaign, kind)
    columns = [replace(c, required=True) if c.key in sections else c for c in columns]
    columns += [_from_field(f) for f in campaign.fields_for(kind)]
    return SheetSpec(name, tuple(columns), kind)


def _from_field(spec: FieldSpec) -> Column:
    type_ = {"text": "text", "choice": "choice", "date": "date", "int": "int"}[spec.type]
    return Column(spec.key, spec.header, type_, spec.required, spec.choices, width=22)
