"""The consolidated workbook's layout, shared by its writer and its reader.

- one sheet per award level, named after the level: a title row, a note row, a hidden row of
  column keys, the frozen header, then section rows ("I / TẬP THỂ", "II / CÁ NHÂN") and one
  row per eligible nomination; two hidden columns hold the nominee key and a content hash;
- "Cuộc họp": the meeting form (label A, value B, hidden key C) and a table of absent members;
- "Số văn bản": one row per document the văn thư numbers (the one Biên bản of the meeting, each
  level's Tờ trình): its ký hiệu, and empty cells for the number and the date;
- "_docgen" (very hidden): campaign id, a fingerprint of the eligible list, level → sheet.
The run-off column ("Số phiếu biểu quyết lại") is filled only for nominees tied at the last
seat, after the council votes again between them. Only the vote, note and meeting cells are unlocked; the rest is protected (no password).
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaign.model import Campaign, Level
from docgen.intake.records import Nominee
from docgen.meeting.model import level_of

MEETING_SHEET = "Cuộc họp"
MARKER_SHEET = "_docgen"
MARKER_KIND = "tong-hop"
FORMAT_VERSION = 2
TITLE_ROW, NOTE_ROW, KEY_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4, 5
ABSENT_KEY = "vang_mat"


@dataclass(frozen=True)
class Field:
    """A column of a level sheet, or a line of the meeting form."""

    key: str
    header: str
    width: float = 14
    kind: str = "text"  # text | date | time | int | choice
    required: bool = True


LIST_COLUMNS = (
    Field("stt", "STT", 6),
    Field("ten", "Tên tập thể / Họ và tên", 28),
    Field("chuc_vu_don_vi", "Chức vụ, đơn vị", 30),
    Field("don_vi_de_nghi", "Đơn vị đề nghị", 24),
    Field("doi_tuong", "Đối tượng", 16),
    Field("tom_tat", "Tóm tắt thành tích", 60),
    Field("so_phieu", "Số phiếu đồng ý", 12, "int"),
    Field("so_phieu_lai", "Số phiếu biểu quyết lại (chỉ khi bằng phiếu)", 14, "int", False),
    Field("ghi_chu", "Ghi chú", 22),
    Field("ma_de_nghi", "Mã đề nghị (không sửa)", 10),
    Field("ma_kiem_tra", "Mã kiểm tra (không sửa)", 10),
)
COLUMN = {f.key: i for i, f in enumerate(LIST_COLUMNS, start=1)}
INPUT_KEYS = ("so_phieu", "so_phieu_lai", "ghi_chu")
HIDDEN_KEYS = ("ma_de_nghi", "ma_kiem_tra")

MEETING_FIELDS = (
    Field("ngay_hop", "Ngày họp", kind="date"),
    Field("gio_bat_dau", "Giờ bắt đầu", kind="time"),
    Field("gio_ket_thuc", "Giờ kết thúc", kind="time"),
    Field("dia_diem", "Địa điểm"),
    Field("chu_toa", "Chủ tọa: họ và tên"),
    Field("chu_toa_chuc_vu", "Chủ tọa: chức vụ"),
    Field("thu_ky", "Thư ký: họ và tên"),
    Field("thu_ky_chuc_vu", "Thư ký: chức vụ"),
    Field("thanh_vien", "Tổng số thành viên Hội đồng", kind="int"),
    Field("co_mat", "Số thành viên có mặt", kind="int"),
    Field("hinh_thuc", "Hình thức biểu quyết", kind="choice"),
)


def by_level(campaign: Campaign, nominees: list[Nominee]) -> dict[str, list[Nominee]]:
    """Nominations per level id, in submission order (file, then row)."""
    grouped: dict[str, list[Nominee]] = {lv.id: [] for lv in campaign.levels}
    for nominee in sorted(nominees, key=lambda n: (n.source.file, n.source.row)):
        level = level_of(campaign, nominee)
        if level is not None:
            grouped[level.id].append(nominee)
    return grouped


def sheet_name(level: Level) -> str:
    """A valid Excel sheet name for the level: its label without []:*?/\\, at most 31 chars."""
    name = "".join("-" if c in "[]:*?/\\" else c for c in level.label).strip("' ")
    return name[:31] or level.id[:31]
