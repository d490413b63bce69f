"""Mail addresses in the campaign file: the council's own, and each department's."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docgen.campaign.reader import TomlReader
from docgen.text import fold


@dataclass(frozen=True)
class Department:
    """A department that sends intake workbooks, and the addresses it sends from."""

    name: str
    emails: tuple[str, ...]


@dataclass(frozen=True)
class Contacts:
    """`[mail]` (who replies) and `[[departments]]` (who sends)."""

    address: str = ""
    name: str = ""
    departments: tuple[Department, ...] = field(default=())

    def book(self) -> dict[str, str]:
        """Address (lower case) → department name."""
        return {e.lower(): d.name for d in self.departments for e in d.emails}

    def emails_of(self, department: str) -> tuple[str, ...]:
        """The addresses listed for a department (its name compared without marks and case)."""
        found = self.named(department)
        return found.emails if found is not None else ()

    def named(self, department: str) -> Department | None:
        """The listed department of this name (compared without marks and case), if any."""
        key = fold(department)
        return next((d for d in self.departments if fold(d.name) == key), None)


def read_contacts(r: TomlReader, data: dict[str, Any]) -> Contacts:
    """The optional `[mail]` table and `[[departments]]` array, checked."""
    mail = data.get("mail", {})
    if not isinstance(mail, dict):
        r.fail("mail", "phải là bảng [mail].")
        mail = {}
    address = r.text(mail, "address", "mail", allow_empty=True).strip()
    if address and not looks_like_address(address):
        r.fail("mail.address", f"“{address}” không phải địa chỉ thư.")
    departments = []
    for i, t in enumerate(data.get("departments", [])):
        path = f"departments[{i}]"
        emails = tuple(e.strip().lower() for e in r.texts(t, "emails", path))
        for email in emails:
            if not looks_like_address(email):
                r.fail(f"{path}.emails", f"“{email}” không phải địa chỉ thư.")
        departments.append(Department(r.text(t, "name", path), emails))
    _no_shared_address(r, departments)
    return Contacts(address, r.text(mail, "name", "mail", allow_empty=True), tuple(departments))


def _no_shared_address(r: TomlReader, departments: list[Department]) -> None:
    seen: dict[str, str] = {}
    for i, d in enumerate(departments):
        for email in d.emails:
            if email in seen and seen[email] != d.name:
                r.fail(f"departments[{i}].emails", f"“{email}” đã thuộc đơn vị “{seen[email]}”.")
            seen[email] = d.name


def looks_like_address(text: str) -> bool:
    """True for `name@domain.tld` without spaces (the check the wizard and the loader share)."""
    local, at, domain = text.partition("@")
    return bool(local and at and "." in domain and " " not in text)
