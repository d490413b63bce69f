"""Who sent it: a message's address looked up in the campaign's department addresses."""

from __future__ import annotations

from collections.abc import Mapping

UNKNOWN_SENDER = "người gửi chưa có trong danh sách"


def department_of(sender: str, book: Mapping[str, str]) -> str:
    """The sender's department, or '' when the address is not in the campaign file."""
    return book.get(sender.strip().lower(), "")
