"""Digital signatures in PDFs: the one module that uses pyHanko.

For each signature: is the signed content intact, who signed (the certificate's name), when
(the time the signer's software reported), was the file changed after signing (a later
revision not covered by the signature), and is the signer's certificate trusted. Trust is
only decided against roots the clerk configured; without them it is "chưa xác minh".
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import pem, x509
from cryptography.utils import CryptographyDeprecationWarning

from docgen.errors import DocgenError

# pyHanko imports cryptography's DSA key types, which cryptography 51 deprecates at import time;
# docgen never handles DSA keys, and an English warning must not reach the clerk's screen. Only
# that category, raised from pyHanko's own modules during this import, is silenced.
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", category=CryptographyDeprecationWarning, module=r"pyhanko(_certvalidator)?\."
    )
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

UNVERIFIED = "chưa xác minh"
TRUSTED = "tin cậy"
UNTRUSTED = "không tin cậy"


class PdfUnreadableError(ValueError):
    """The file is not a PDF pyHanko can read."""


class RootUnreadableError(DocgenError):
    """A file the clerk gave as a trusted root certificate is not one."""

    def __init__(self, name: str) -> None:
        super().__init__(
            "ROOT_INVALID",
            f"Tệp chứng thư gốc {name} không phải chứng thư số (X.509, dạng .pem, .cer hoặc "
            ".crt): không nộp lưu tệp nào. Hãy lấy lại tệp chứng thư gốc từ tổ chức cung cấp "
            "dịch vụ chứng thực chữ ký số rồi làm lại.",
        )


def trust_roots(files: Sequence[tuple[str, bytes]]) -> tuple[bytes, ...]:
    """The clerk's root certificates (name, PEM or DER bytes), each read through, as DER;
    RootUnreadableError naming the first that is not a certificate."""
    found = []
    for name, data in files:
        try:
            der = _der(data)
            x509.Certificate.load(der).native  # noqa: B018 (asn1crypto parses lazily: read it all)
        except (ValueError, TypeError, KeyError) as exc:
            raise RootUnreadableError(name) from exc
        found.append(der)
    return tuple(found)


@dataclass(frozen=True)
class PdfSignature:
    """One embedded signature and what validating it found."""

    signer: str
    signed_at: datetime | None
    intact: bool  # the signed bytes are unchanged and the signature value checks
    modified_after: bool  # the file has content added after this signature
    trust: str

    @property
    def verdict(self) -> str:
        """One Vietnamese phrase for the register."""
        if not self.intact:
            return "chữ ký không hợp lệ (nội dung đã ký bị thay đổi)"
        if self.modified_after:
            return "chữ ký hợp lệ nhưng tệp đã bị sửa sau khi ký"
        return "chữ ký hợp lệ"


def pdf_signatures(data: bytes, roots: Sequence[bytes] = ()) -> list[PdfSignature]:
    """Every signature of the PDF `data` (empty for an unsigned PDF such as a scan)."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise PdfUnreadableError(str(exc)) from exc
    context = _context(roots)
    return [_check(signature, context, bool(roots)) for signature in embedded]


def _context(roots: Sequence[bytes]) -> ValidationContext:
    certificates = [x509.Certificate.load(_der(root)) for root in roots]
    return ValidationContext(trust_roots=certificates, allow_fetching=False)


def _der(data: bytes) -> bytes:
    if pem.detect(data):
        return bytes(pem.unarmor(data)[2])
    return data


def _check(signature: object, context: ValidationContext, rooted: bool) -> PdfSignature:
    status = validate_pdf_signature(signature, context)  # type: ignore[arg-type]
    subject = status.signing_cert.subject.native
    name = subject.get("common_name") or status.signing_cert.subject.human_friendly
    # A later signature or form filling is a legitimate revision; any other change is not.
    level = status.modification_level
    modified = status.coverage != SignatureCoverageLevel.ENTIRE_FILE and (
        not status.docmdp_ok or level is None or level > ModificationLevel.FORM_FILLING
    )
    trust = (TRUSTED if status.trusted else UNTRUSTED) if rooted else UNVERIFIED
    return PdfSignature(
        signer=str(name),
        signed_at=status.signer_reported_dt,
        intact=bool(status.intact and status.valid),
        modified_after=bool(modified),
        trust=trust,
    )


def page_count(data: bytes) -> int:
    """Number of pages of the PDF `data` (0 when it cannot be read)."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        return int(reader.root["/Pages"]["/Count"])
    except (PdfReadError, ValueError, KeyError, TypeError):
        return 0
