"""Signed Word files: the package's signature part (OPC digital signature), read and checked.

The one module that uses signxml. A signed .docx carries `_xmlsignatures/…` parts reached from
the package relationship "digital-signature/origin"; each is an XML-DSig signature whose
manifest lists the digests of the signed package parts. Checked here: the signature value
against the certificate it carries, and every signed part's digest against the part itself.
Trust in the certificate is not decided ("chưa xác minh"): no root is configured for it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import posixpath
import zipfile
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import InvalidInput, XMLVerifier
from signxml.exceptions import InvalidSignature
from signxml.verifier import SignatureConfiguration

from docgen.archive.signatures import UNVERIFIED

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
ORIGIN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"
SIGNATURE = (
    "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature"
)
DS = "http://www.w3.org/2000/09/xmldsig#"
MDSSI = "http://schemas.openxmlformats.org/package/2006/digital-signature"
_DIGESTS = {
    "http://www.w3.org/2001/04/xmlenc#sha256": "sha256",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
    "http://www.w3.org/2000/09/xmldsig#sha1": "sha1",
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class DocxSignature:
    """One signature part of a Word package and what checking it found."""

    signer: str
    signed_at: str  # as the signing software wrote it (ISO 8601 for Word)
    intact: bool
    trust: str = UNVERIFIED

    @property
    def verdict(self) -> str:
        """One Vietnamese phrase for the register."""
        if self.intact:
            return "chữ ký hợp lệ"
        return "chữ ký không hợp lệ (nội dung đã ký bị thay đổi)"


def docx_signatures(data: bytes) -> list[DocxSignature]:
    """The signatures of a Word package (empty when it is not signed or not a package)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return []
    with package:
        names = set(package.namelist())
        return [_check(package, names, part) for part in _signature_parts(package, names)]


def _rels(package: zipfile.ZipFile, names: set[str], rels: str) -> list[tuple[str, str]]:
    """(type, target part) of each relationship in the .rels part `rels`."""
    if rels not in names:
        return []
    root = etree.fromstring(package.read(rels), _PARSER)
    base = posixpath.dirname(posixpath.dirname(rels))
    found = []
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        found.append((rel.get("Type", ""), posixpath.normpath(part)))
    return found


def _signature_parts(package: zipfile.ZipFile, names: set[str]) -> list[str]:
    parts = []
    for kind, origin in _rels(package, names, "_rels/.rels"):
        if kind != ORIGIN:
            continue
        folder, name = posixpath.split(origin)
        origin_rels = posixpath.join(folder, "_rels", name + ".rels")
        parts += [t for k, t in _rels(package, names, origin_rels) if k == SIGNATURE]
    return [p for p in parts if p in names]


def _check(package: zipfile.ZipFile, names: set[str], part: str) -> DocxSignature:
    xml = package.read(part)
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError:
        return DocxSignature("", "", intact=False)
    certificate = _certificate(root)
    intact = (
        certificate is not None
        and _value_checks(xml, root, certificate)
        and _parts_check(package, names, root)
    )
    return DocxSignature(_name(certificate), _time(root), intact)


def _certificate(root: etree._Element) -> x509.Certificate | None:
    text = root.findtext(f".//{{{DS}}}X509Certificate")
    if not text:
        return None
    try:
        return x509.load_der_x509_certificate(base64.b64decode("".join(text.split())))
    except ValueError:
        return None


def _name(certificate: x509.Certificate | None) -> str:
    if certificate is None:
        return ""
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def _time(root: etree._Element) -> str:
    return (root.findtext(f".//{{{MDSSI}}}SignatureTime/{{{MDSSI}}}Value") or "").strip()


def _value_checks(xml: bytes, root: etree._Element, certificate: x509.Certificate) -> bool:
    """The signature value checks against the certificate, over every signed reference."""
    references = len(root.findall(f"{{{DS}}}SignedInfo/{{{DS}}}Reference"))
    config = SignatureConfiguration(expect_references=references, location="./")
    try:
        XMLVerifier().verify(
            xml, x509_cert=certificate, expect_config=config, validate_schema=False
        )
    except (InvalidSignature, InvalidInput, ValueError):
        return False
    return True


def _parts_check(package: zipfile.ZipFile, names: set[str], root: etree._Element) -> bool:
    """Each part the manifest signs still has the digest it was signed with."""
    for reference in root.iterfind(f".//{{{DS}}}Manifest/{{{DS}}}Reference"):
        part = reference.get("URI", "").split("?", 1)[0].lstrip("/")
        if reference.find(f"{{{DS}}}Transforms") is not None:
            continue  # relationship parts are signed through a transform of their own
        method = reference.find(f"{{{DS}}}DigestMethod")
        algorithm = _DIGESTS.get(method.get("Algorithm", "")) if method is not None else None
        if part not in names or algorithm is None:
            return False
        digest = base64.b64encode(hashlib.new(algorithm, package.read(part)).digest()).decode()
        if digest != (reference.findtext(f"{{{DS}}}DigestValue") or "").strip():
            return False
    return True
