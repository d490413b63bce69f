"""Real signatures with a throwaway certificate (tests and the README walk-through): pyHanko, XML-DSig.

A PDF is signed by pyHanko as a signing tool would (an incremental update); a Word file gets
an OPC signature part (`_xmlsignatures/sig1.xml`, reached from the package relationships) made
with signxml, its manifest listing the digests of the signed parts, as Word's own signing does.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID
from lxml import etree

# As in docgen/archive/signatures.py: pyHanko's import of cryptography's deprecated DSA types.
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", category=CryptographyDeprecationWarning, module=r"pyhanko(_certvalidator)?\."
    )
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
from signxml import XMLSigner
from signxml.algorithms import SignatureConstructionMethod

from tools.certificate import self_signed

SIGNER_NAME = "Lê Thanh Hoan"
SIGNED_AT = "2023-12-15T08:30:00Z"
DS = "http://www.w3.org/2000/09/xmldsig#"
MDSSI = "http://schemas.openxmlformats.org/package/2006/digital-signature"
ORIGIN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"
SIGNATURE = (
    "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature"
)


@dataclass(frozen=True)
class Identity:
    """A throwaway self-signed certificate and its key, PEM-encoded."""

    key_pem: bytes
    cert_pem: bytes


@cache
def identity() -> Identity:
    """One certificate for the whole test session (RSA key generation is slow)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, SIGNER_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND phường Tiến Thành"),
        ]
    )
    usage = x509.KeyUsage(True, True, False, False, False, True, True, False, False)
    cert_pem, key_pem = self_signed(
        key, name, (dt.timedelta(days=1), dt.timedelta(days=365)), [(usage, True)]
    )
    return Identity(key_pem, cert_pem)


def sign_pdf(data: bytes) -> bytes:
    """`data` signed by pyHanko with the throwaway certificate (incremental update)."""
    ident = identity()
    from asn1crypto import keys, pem
    from asn1crypto import x509 as asn1_x509

    cert = asn1_x509.Certificate.load(pem.unarmor(ident.cert_pem)[2])
    key = keys.PrivateKeyInfo.load(pem.unarmor(ident.key_pem)[2])
    signer = signers.SimpleSigner(
        signing_cert=cert, signing_key=key, cert_registry=SimpleCertificateStore.from_certs([cert])
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(field_name="ChuKy1")
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


def modify_after_signing(data: bytes) -> bytes:
    """A signed PDF changed by a later incremental update (the signed bytes stay intact)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root["/Lang"] = generic.TextStringObject("vi")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_docx(data: bytes) -> bytes:
    """`data` with an OPC signature part over its Word parts, as Word's signing adds."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = [n for n in source.namelist() if n.startswith("word/") and not n.endswith(".rels")]
    signature = _xml_signature({name: source.read(name) for name in parts})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "_rels/.rels":
                body = body.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdSig" Type="{ORIGIN}" '
                    'Target="_xmlsignatures/origin.sigs"/></Relationships>'.encode(),
                )
            target.writestr(item.filename, body)
        target.writestr("_xmlsignatures/origin.sigs", b"")
        target.writestr(
            "_xmlsignatures/_rels/origin.sigs.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{SIGNATURE}" Target="sig1.xml"/></Relationships>',
        )
        target.writestr("_xmlsignatures/sig1.xml", signature)
    return out.getvalue()


def _xml_signature(parts: dict[str, bytes]) -> bytes:
    """An XML-DSig over the package object (manifest of part digests) and the signing time."""
    package = etree.Element(f"{{{DS}}}Object", nsmap={"ds": DS}, Id="idPackageObject")
    manifest = etree.SubElement(package, f"{{{DS}}}Manifest")
    for name, body in sorted(parts.items()):
        reference = etree.SubElement(manifest, f"{{{DS}}}Reference", URI=f"/{name}")
        etree.SubElement(
            reference, f"{{{DS}}}DigestMethod", Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"
        )
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        etree.SubElement(reference, f"{{{DS}}}DigestValue").text = digest
    time = etree.Element(f"{{{MDSSI}}}SignatureTime", nsmap={"mdssi": MDSSI})
    etree.SubElement(time, f"{{{MDSSI}}}Format").text = "YYYY-MM-DDThh:mm:ssTZD"
    etree.SubElement(time, f"{{{MDSSI}}}Value").text = SIGNED_AT
    time.set("Target", "#idPackageSignature")
    ident = identity()
    signed = XMLSigner(method=SignatureConstructionMethod.detached).sign(
        package, key=ident.key_pem, cert=ident.cert_pem.decode(), signature_properties=time
    )
    signed.set("Id", "idPackageSignature")
    signed.append(package)
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def scan_pdf(label: str) -> bytes:
    """A one-page PDF with no signature, standing in for a scanner's output."""
    stream = f"BT /F1 12 Tf 72 720 Td ({label}) Tj ET".encode("latin-1")
    return one_page_pdf(stream, b"/Font << /F1 5 0 R >>", [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])  # fmt: skip


def ocr_scan_pdf(lines: list[str]) -> bytes:
    """A scanned page as OCR software leaves it: the page's image, and over it the recognised
    `lines` in an invisible font whose codes are the characters' Unicode values (as Tesseract's
    GlyphLessFont); no lines: an image-only scan."""
    shown = b"".join(
        b"BT 3 Tr /F1 12 Tf 1 0 0 1 72 %d Tm <%s> Tj ET\n"
        % (760 - 18 * n, line.encode("utf-16-be").hex().encode())
        for n, line in enumerate(lines)
    )
    stream = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n" + shown
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    return one_page_pdf(stream, b"/Font << /F1 5 0 R >> /XObject << /Im1 8 0 R >>", [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /DW 500 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
    ])  # fmt: skip


def one_page_pdf(stream: bytes, resources: bytes, more: list[bytes]) -> bytes:
    """A PDF of one A4 page drawn by `stream` (objects 1-4), with the objects `more` from 5."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << " + resources + b" >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *more,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
