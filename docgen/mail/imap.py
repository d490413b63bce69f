"""Read an IMAP account over TLS, read-only: EXAMINE and BODY.PEEK, never a flag or a delete.

The only module that speaks IMAP (stdlib imaplib).
"""

from __future__ import annotations

import contextlib
import functools
import imaplib
import io
import itertools
import re
import ssl
import tempfile
from base64 import b64encode
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from docgen.mail.errors import MailError, untrusted
from docgen.mail.message import Envelope, Incoming
from docgen.mail.parse import message_id, parse_file
from docgen.mail.stream import read_headers
from docgen.text import in_vietnam

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')
_UID = re.compile(rb"UID (\d+)")
BATCH = 200  # headers per FETCH: few round trips, small answers
PIECE = 1024 * 1024  # a message is downloaded this much at a time
_HEADER_ITEMS = "(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])"
TIMEOUT = 60


@dataclass(frozen=True)
class Account:
    """Where to read: server, TLS port, login, folder, and from which day on."""

    host: str
    user: str
    port: int = 993
    folder: str = "INBOX"
    since: date | None = None

    def where(self) -> str:
        """`imap://user@host:port/INBOX`, for messages and the journal."""
        return f"imap://{self.user}@{self.host}:{self.port}/{self.folder}"


def fetch(account: Account, password: str) -> Iterator[Envelope]:
    """Every message of the folder (since the day, if given), with the server's received time.

    Headers first (Message-ID, received time, size), in batches: a message already journaled
    is never downloaded. A new one is downloaded in pieces into a temporary file and read
    from there, so memory does not grow with its size.
    """
    conn = _connect(account)
    try:
        _login(conn, account, password)
        where = f"{account.where()};UIDVALIDITY={_examine(conn, account)}"
        for batch in _batches(_search(conn, account)):
            yield from _envelopes(conn, account, where, batch)
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise _lost(account, exc) from None
    finally:
        _logout(conn)


def _lost(account: Account, exc: BaseException) -> MailError:
    return MailError(f"Mất kết nối với máy chủ thư {account.host}: {exc}")


def _connect(account: Account) -> imaplib.IMAP4_SSL:
    context = ssl.create_default_context()
    try:
        return imaplib.IMAP4_SSL(account.host, account.port, ssl_context=context, timeout=TIMEOUT)
    except ssl.SSLCertVerificationError as exc:
        raise untrusted(account.host, exc.verify_message) from None
    except (OSError, imaplib.IMAP4.error) as exc:
        raise MailError(
            f"Không kết nối được máy chủ thư {account.host}:{account.port} ({exc}). "
            "Kiểm tra tên máy chủ, cổng IMAP (thường là 993) và kết nối mạng."
        ) from None


def _login(conn: imaplib.IMAP4_SSL, account: Account, password: str) -> None:
    try:
        conn.login(account.user, password)
    except imaplib.IMAP4.error:
        raise MailError(
            f"Máy chủ {account.host} từ chối đăng nhập tài khoản {account.user}: sai tên hoặc "
            "mật khẩu. Với Gmail hãy dùng mật khẩu ứng dụng (App Password), không dùng mật "
            "khẩu đăng nhập thường."
        ) from None


def _examine(conn: imaplib.IMAP4_SSL, account: Account) -> str:
    """Open the folder read-only; its UIDVALIDITY (with a UID, a message's lasting name)."""
    status, _ = conn.select(quote_mailbox(account.folder), readonly=True)  # EXAMINE
    if status != "OK":
        raise MailError(f"Tài khoản {account.user} không có thư mục thư “{account.folder}”.")
    _, validity = conn.response("UIDVALIDITY")
    return bytes(validity[0] or b"").decode() if validity and validity[0] else ""


def _search(conn: imaplib.IMAP4_SSL, account: Account) -> list[bytes]:
    # SINCE compares the server's own date: a day wider, then each message's time is checked
    # against the Vietnam day (`_wanted`).
    wider = account.since - timedelta(days=1) if account.since else None
    criteria = ["SINCE", imap_date(wider)] if wider else ["ALL"]
    status, data = conn.uid("SEARCH", *criteria)
    if status != "OK" or not data or not data[0]:
        return []
    return bytes(data[0]).split()


def _batches(uids: list[bytes]) -> Iterator[list[bytes]]:
    for start in range(0, len(uids), BATCH):
        yield uids[start : start + BATCH]


def _envelopes(
    conn: imaplib.IMAP4_SSL, account: Account, where: str, uids: list[bytes]
) -> Iterator[Envelope]:
    status, data = conn.uid("FETCH", b",".join(uids).decode(), _HEADER_ITEMS)
    if status != "OK":
        raise MailError(f"Máy chủ {account.host} không trả thư (FETCH: {status}).")
    heads = [item for item in data if isinstance(item, tuple)]  # the rest: closing b")"
    for meta, header in heads:
        uid = _UID.search(meta)
        if uid is None:
            continue
        received = internal_date(meta)
        if not _wanted(account, received):
            continue
        number = uid.group(1).decode()
        key = message_id(read_headers(io.BytesIO(header)))
        origin = f"{where};UID={number}"
        opener = functools.partial(_download, conn, account, origin, number, received)
        yield Envelope(origin, key, opener, lasting=where.rpartition("=")[2] != "")


def _download(
    conn: imaplib.IMAP4_SSL, account: Account, origin: str, uid: str, received: datetime | None
) -> Incoming:
    """The whole message, fetched in pieces into a temporary file, then read from there."""
    with tempfile.TemporaryFile() as spool:
        offset = 0
        try:
            while True:
                piece = _piece(conn, account, uid, offset)
                spool.write(piece)
                offset += len(piece)
                if len(piece) < PIECE:
                    break
        except (OSError, imaplib.IMAP4.abort) as exc:
            raise _lost(account, exc) from None
        spool.seek(0)
        return parse_file(spool, origin, received=received)


def _piece(conn: imaplib.IMAP4_SSL, account: Account, uid: str, offset: int) -> bytes:
    status, data = conn.uid("FETCH", uid, f"(BODY.PEEK[]<{offset}.{PIECE}>)")
    if status != "OK":
        raise MailError(f"Máy chủ {account.host} không trả thư (FETCH: {status}).")
    return next((bytes(item[1]) for item in data if isinstance(item, tuple)), b"")


def _wanted(account: Account, received: datetime | None) -> bool:
    """Received on or after the `--tu-ngay` day, on Vietnam's clock."""
    if account.since is None or received is None:
        return True
    return in_vietnam(received).date() >= account.since


def _logout(conn: imaplib.IMAP4_SSL) -> None:
    # A connection already gone is fine: nothing was changed on the server.
    with contextlib.suppress(OSError, imaplib.IMAP4.error):
        conn.logout()


def internal_date(meta: bytes) -> datetime | None:
    """The server's received time from a FETCH response (`"10-Dec-2023 09:30:00 +0700"`)."""
    match = _INTERNALDATE.search(meta)
    if not match:
        return None
    day, month, rest = match.group(1).decode().strip().split("-", 2)
    text = f"{int(day):02d}-{_MONTHS.index(month) + 1:02d}-{rest}"
    return datetime.strptime(text, "%d-%m-%Y %H:%M:%S %z")


def imap_date(day: date) -> str:
    """`10-Dec-2023`: IMAP's date, English month names whatever the locale."""
    return f"{day.day}-{_MONTHS[day.month - 1]}-{day.year}"


def quote_mailbox(name: str) -> str:
    """The folder name in IMAP's modified UTF-7 (RFC 3501 5.1.3), quoted."""
    out: list[str] = []
    for printable, run in itertools.groupby(name, key=lambda c: 0x20 <= ord(c) <= 0x7E):
        text = "".join(run)
        if printable:
            out.append(text.replace("&", "&-"))
        else:
            encoded = b64encode(text.encode("utf-16-be")).decode().rstrip("=")
            out.append("&" + encoded.replace("/", ",") + "-")
    quoted = "".join(out).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{quoted}"'
