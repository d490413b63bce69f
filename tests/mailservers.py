"""The real mail servers as a session fixture (see tools/mailservers.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tools.mailservers import CLERK, HOST, PASSWORD, USER, Servers, find_dovecot, running

__all__ = ["CLERK", "HOST", "PASSWORD", "USER", "Servers", "mail_servers"]


@pytest.fixture(scope="session")
def mail_servers() -> Iterator[Servers]:
    """Dovecot and aiosmtpd on free ports of 127.0.0.1 for the whole session.

    Without Dovecot the mail server tests are skipped, except in CI (DOCGEN_REQUIRE_MAIL=1).
    """
    dovecot = find_dovecot()
    if dovecot is None:
        if os.environ.get("DOCGEN_REQUIRE_MAIL") == "1":
            pytest.fail("dovecot is required in CI but is not installed")
        pytest.skip("dovecot is not installed")
    with running(dovecot) as servers:
        yield servers
