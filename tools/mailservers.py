"""Real mail servers for the tests and the bench: Dovecot (IMAP, TLS) and aiosmtpd (STARTTLS).

Both listen on 127.0.0.1 on free ports, with a throwaway certificate made here with
`cryptography`. SMTP delivers mail for the clerk's address into the Maildir that Dovecot serves,
so the tests send messages through SMTP and read them over IMAP.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import mailbox
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tools.certificate import self_signed

CLERK = "thiduakhenthuong.tienthanh@dongxoai.gov.vn"
USER, PASSWORD = "thuky", "mat-khau-thu-nghiem"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1; the tests trust it through SSL_CERT_FILE."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    address = x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))])
    cert, key = self_signed(
        ec.generate_private_key(ec.SECP256R1()),
        name,
        (dt.timedelta(hours=1), dt.timedelta(days=1)),
        [(address, False)],
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert)
    key_path.write_bytes(key)
    key_path.chmod(0o600)
    return cert_path, key_path


def _dovecot_config(root: Path, cert: Path, key: Path, port: int, uid: int, gid: int) -> str:
    unprivileged = os.geteuid() != 0
    user = os.environ.get("USER", "root")
    extra = (
        f"default_login_user = {user}\ndefault_internal_user = {user}\n"
        "service imap-login {\n  chroot =\n}\nservice anvil {\n  chroot =\n}\n"
        if unprivileged
        else ""
    )
    return f"""\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = {HOST}
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = plain
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:{root}/mail/%u
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
{extra}"""


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dovecot stopped: {log.read_text() if log.exists() else ''}")
        with socket.socket() as s:
            if s.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("dovecot did not start listening")


@dataclass
class Servers:
    """Where the servers listen, the clerk's Maildir, and what SMTP received."""

    imap_port: int
    smtp_port: int
    maildir: Path
    cert: Path
    owner: tuple[int, int]
    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    def mailbox(self) -> mailbox.Maildir:
        return mailbox.Maildir(self.maildir, create=False)

    def deliver(self, raw: bytes) -> None:
        """Put a message straight into the clerk's Maildir, as the SMTP handler does."""
        key = self.mailbox().add(raw)
        _own(self.maildir / "new" / key, self.owner)


class _Deliver:
    """aiosmtpd handler: stamp a Received line, deliver the clerk's mail into the Maildir."""

    def __init__(self, servers: Servers) -> None:
        self.servers = servers

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        stamp = format_datetime(dt.datetime.now(dt.UTC).astimezone())
        received = f"Received: from {session.host_name} by {HOST} (aiosmtpd); {stamp}\r\n"
        content = received.encode() + bytes(envelope.content)
        self.servers.received.append((envelope.mail_from, list(envelope.rcpt_tos), content))
        if CLERK in envelope.rcpt_tos:
            self.servers.deliver(content)
        return "250 OK"


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        CLERK.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


def _own(path: Path, owner: tuple[int, int]) -> None:
    """Dovecot reads the Maildir as its mail user (nobody, when the tests run as root)."""
    if os.geteuid() == 0:
        os.chown(path, *owner)


def find_dovecot() -> str | None:
    """Dovecot's binary (Debian puts it in /usr/sbin), or None."""
    return shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
    )


@contextmanager
def running(dovecot: str) -> Iterator[Servers]:
    """Dovecot and aiosmtpd on free ports of 127.0.0.1 until the block ends."""
    # Not under pytest's tmp folder: that one is private to root, and Dovecot's mail user
    # (nobody) must reach the Maildir.
    root = Path(tempfile.mkdtemp(prefix="docgen-mail-"))
    root.chmod(0o755)
    (root / "mail").mkdir()
    cert, key = make_certificate(root)
    uid, gid = (65534, 65534) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    maildir = root / "mail" / USER
    mailbox.Maildir(maildir, create=True)
    for path in [root / "mail", maildir, *maildir.iterdir()]:
        _own(path, (uid, gid))
    servers = Servers(free_port(), free_port(), maildir, cert, (uid, gid))
    conf = root / "dovecot.conf"
    conf.write_text(_dovecot_config(root, cert, key, servers.imap_port, uid, gid))
    process = subprocess.Popen(
        [dovecot, "-F", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    smtp = None
    try:
        _wait_for(servers.imap_port, process, root / "dovecot.log")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        smtp = Controller(
            _Deliver(servers),
            hostname=HOST,
            port=servers.smtp_port,
            tls_context=context,
            require_starttls=True,
            authenticator=_authenticate,
            auth_require_tls=True,
        )
        smtp.start()
        yield servers
    finally:
        if smtp is not None:
            smtp.stop()
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(root, ignore_errors=True)
