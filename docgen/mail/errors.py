"""Aborts of the mail commands: a server that cannot be reached, a refused login."""

from __future__ import annotations

from docgen.errors import DocgenError


class MailError(DocgenError):
    """A mail server problem the clerk can act on (exit 2: configuration, not data)."""

    def __init__(self, message: str) -> None:
        super().__init__("MAIL_FAILED", message)


def untrusted(host: str, reason: str) -> MailError:
    """The server's certificate is not trusted: the fix the README gives, by name."""
    return MailError(
        f"Chứng chỉ của máy chủ thư {host} không hợp lệ ({reason}). Máy chủ thư nội bộ dùng "
        "chứng chỉ tự cấp: đặt biến môi trường SSL_CERT_FILE trỏ tới tệp chứng chỉ (.pem) do bộ "
        "phận quản trị thư cung cấp rồi chạy lại; nếu không, kiểm tra lại tên máy chủ."
    )
