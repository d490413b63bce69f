"""Send messages over SMTP with STARTTLS and a login. The only module that speaks SMTP."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import Message

from docgen.mail.errors import MailError, untrusted

TIMEOUT = 60


@dataclass(frozen=True)
class Server:
    """An SMTP submission server (port 587, STARTTLS) and the login to use."""

    host: str
    user: str
    port: int = 587


class Outbox:
    """An open, authenticated SMTP session; `send` reports a refused message instead of raising."""

    def __init__(self, server: Server, password: str) -> None:
        self.server = server
        try:
            self.smtp = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
        except OSError as exc:
            raise MailError(
                f"Không kết nối được máy chủ gửi thư {server.host}:{server.port} ({exc}). "
                "Kiểm tra tên máy chủ, cổng SMTP (thường là 587) và kết nối mạng."
            ) from None
        try:
            self._secure_login(password)
        except BaseException:
            self.close()
            raise

    def _secure_login(self, password: str) -> None:
        host = self.server.host
        try:
            self.smtp.starttls(context=ssl.create_default_context())
        except smtplib.SMTPNotSupportedError:
            raise MailError(
                f"Máy chủ {host} không hỗ trợ STARTTLS; docgen không gửi mật khẩu qua kết nối không mã hóa."
            ) from None
        except ssl.SSLCertVerificationError as exc:
            raise untrusted(host, exc.verify_message) from None
        try:
            self.smtp.login(self.server.user, password)
        except smtplib.SMTPException:
            raise MailError(
                f"Máy chủ {host} từ chối đăng nhập tài khoản {self.server.user}: sai tên hoặc mật "
                "khẩu. Với Gmail hãy dùng mật khẩu ứng dụng (App Password)."
            ) from None

    def send(self, msg: Message) -> str:
        """'' when the server accepted the message, else the server's reason."""
        try:
            refused = self.smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            return "máy chủ từ chối người nhận " + ", ".join(exc.recipients)
        except smtplib.SMTPResponseException as exc:
            text = exc.smtp_error
            reason = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
            return f"máy chủ trả lời {exc.smtp_code}: {reason}"
        except (smtplib.SMTPException, OSError) as exc:
            raise MailError(f"Mất kết nối với máy chủ gửi thư {self.server.host}: {exc}") from None
        return ("máy chủ từ chối " + ", ".join(refused)) if refused else ""

    def close(self) -> None:
        """End the session politely; a connection already gone is fine."""
        try:
            self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            self.smtp.close()
