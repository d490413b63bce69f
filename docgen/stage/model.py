"""The clerk's steps and a campaign's stage, as every shell shows them (see `docgen.stage`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Step(StrEnum):
    """The clerk's steps, in workflow order (the value is what the clerk reads)."""

    RECEIVE = "Nhận phiếu"
    CHECK = "Kiểm tra phiếu"
    MEETING_LIST = "Tổng hợp danh sách họp"
    MEETING = "Ghi kết quả họp xét"
    DOSSIER = "Lập hồ sơ"
    PDF = "Chuyển PDF, trình ký"
    ARCHIVE = "Nộp lưu văn bản đã ký"
    REGISTERS = "In sổ văn bản đi, mục lục hồ sơ"
    CERTIFICATES = "In giấy khen"
    DECISIONS = "Ghi quyết định vào lịch sử khen thưởng"
    WRAP_UP = "Tổng kết, thông báo nêu gương"


@dataclass(frozen=True)
class Stage:
    """What is done and what comes next, with one sentence saying why."""

    done: dict[Step, str] = field(default_factory=dict)  # step → what shows it is done
    next: Step | None = None
    advice: str = ""
    steps: tuple[Step, ...] = tuple(Step)  # the steps that apply to this campaign
