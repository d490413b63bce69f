"""Aborts of the mail commands: a server that cannot be reached, a refused login."""

from __future__ import annotations

from docgen.errors import DocgenError


class MailError(DocgenError):
    """A mail server problem the clerk can act on (exit 2: configuration, not data)."""

    def __init__(self, message: str) -> None:
        super().__init__("MAIL_FAILED", message)
