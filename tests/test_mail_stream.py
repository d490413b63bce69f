"""The streaming MIME walk decodes every attachment exactly as the stdlib's parser does."""

from __future__ import annotations

import os
from email import message_from_bytes, policy
from email.message import EmailMessage, Message

import pytest

from docgen.mail.parse import parse_bytes

BINARY = os.urandom(70_000) + b"\r\n--not-a-boundary\r\n" + bytes(range(256))


def _mixed(cte: str, data: bytes, linesep: str = "\r\n") -> bytes:
    msg = EmailMessage()
    msg["From"] = "a@x.vn"
    msg["Subject"] = "P"
    msg.set_content("Kính gửi.\n")
    msg.add_alternative("<p>Kính gửi.</p>", subtype="html")
    msg.add_attachment(data, "application", "octet-stream", filename="a.bin", cte=cte)
    msg.add_attachment(
        "Ghi chú: ĐƠN VỊ\n" * 40, subtype="plain", filename="b.txt", cte="quoted-printable"
    )
    return msg.as_bytes(policy=policy.SMTP.clone(linesep=linesep))


CASES = [
    ("base64, CRLF", _mixed("base64", BINARY)),
    ("base64, LF", _mixed("base64", BINARY, "\n")),
    ("quoted-printable binary", _mixed("quoted-printable", BINARY[:5000])),
    ("no closing delimiter", _mixed("base64", BINARY).rsplit(b"--", 2)[0]),
    ("no final line end", _mixed("base64", BINARY).rstrip(b"\r\n")),
]


def _stdlib(raw: bytes) -> list[tuple[str, bytes]]:
    out = []
    for part in message_from_bytes(raw).walk():
        assert isinstance(part, Message)
        if part.get_filename():
            data = part.get_payload(decode=True)
            out.append((part.get_filename() or "", data if isinstance(data, bytes) else b""))
    return out


@pytest.mark.parametrize("raw", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_stream_decoding_matches_the_stdlib(raw: bytes) -> None:
    incoming = parse_bytes(raw, "t.eml")
    try:
        ours = [(a.name, a.read()) for a in incoming.attachments]
    finally:
        for attachment in incoming.attachments:
            attachment.close()
    assert ours == _stdlib(raw)
    assert ours[0][1][:1000] == BINARY[:1000]
