"""Which attachments are intake workbooks: sniffed, size-bounded, .zip unpacked safely.

Attachments are untrusted like any received file. A workbook is accepted only when its bytes
match its extension and pass the workbook zip limits; a .zip is opened with the same limits,
one level deep, and only its workbooks are taken. Everything else is refused or skipped with
a reason the clerk can read, and every part keeps its original name and its SHA-256.

Attachments are limited to 25 MB, less than a workbook copied into the folder by hand (100 MB):
no mail service carries more than 25 MB in one message, so a larger "attachment" only comes
from a hand-made file, and a real form is never near either limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath
from zipfile import BadZipFile, ZipFile

from docgen.digest import sha256
from docgen.mail.message import Attachment
from docgen.mail.names import shown_name, store_name
from docgen.workbook.raw import WorkbookRefused
from docgen.workbook.safety import MAX_FILE_BYTES, MB, OLE2_MAGIC, open_zip, sniff

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_ATTACHMENT_BYTES = 25 * MB  # what the large webmail services accept in one message
MAX_ZIP_WORKBOOKS = 50
CSV = "Tệp CSV chỉ giữ một trang, không phải phiếu; đề nghị đơn vị gửi lại tệp Excel (.xlsx)."
TOO_LARGE = (
    f"Tệp quá lớn (trên {MAX_ATTACHMENT_BYTES // MB} MB, giới hạn đính kèm của các dịch vụ thư); "
    f"nếu đúng là phiếu, hãy chép tệp vào thư mục phiếu (giới hạn {MAX_FILE_BYTES // MB} MB)."
)
NOT_WORKBOOK = "Không phải phiếu Excel."
INLINE_IMAGE = "Ảnh chèn trong nội dung thư, không phải phiếu."
WINMAIL = (
    "Tệp winmail.dat: Outlook của đơn vị gửi thư ở dạng RTF nên các tệp đính kèm bị gói trong "
    "tệp này và không đọc được. Đề nghị đơn vị gửi lại thư ở dạng HTML hoặc văn bản thường "
    "(Outlook: Tệp › Tùy chọn › Thư › Soạn thư theo định dạng: HTML), đính kèm tệp Excel."
)
TRAVERSAL = (
    "Tệp nén bị từ chối: có tên tệp trỏ ra ngoài thư mục (“{name}”), dấu hiệu tệp độc hại; "
    "không mở tệp nào bên trong."
)
_TNEF_MAGIC = b"\x78\x9f\x3e\x22"
_MIME_SUFFIX = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.ms-excel.sheet.macroenabled.12": ".xlsm",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
}


@dataclass(frozen=True)
class Verdict:
    """An attachment (or a member of a .zip attachment): taken, or why not."""

    name: str  # the original, printable: "a.zip › phieu.xlsx" for a zip member
    file_name: str  # the name to store under: safe on Windows and Linux
    data: bytes
    accepted: bool
    refused: bool  # True: hostile or broken; False with accepted False: simply not a workbook
    reason: str = ""
    sha256: str = ""


def sort_out(attachment: Attachment) -> list[Verdict]:
    """The workbooks in one attachment, and every other part with its reason."""
    shown = shown_name(attachment.name) or "(không có tên)"
    digest = attachment.sha256
    if attachment.size > MAX_ATTACHMENT_BYTES:  # never read into memory
        return [_refuse(shown, digest, TOO_LARGE)]
    if shown.lower() == "winmail.dat" or attachment.head(4) == _TNEF_MAGIC:
        return [_refuse(shown, digest, WINMAIL)]
    data = attachment.read()  # at most MAX_ATTACHMENT_BYTES
    name = store_name(attachment.name) if attachment.name else _generated(attachment, data)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        return _unzip(shown, data, digest)
    if suffix in WORKBOOK_SUFFIXES:
        return [_workbook(shown, name, data, digest)]
    if suffix == ".csv":
        return [_refuse(shown, digest, CSV)]
    image = attachment.content_type.startswith("image/") or sniff(data[:16]) == "image"
    reason = INLINE_IMAGE if attachment.inline and image else NOT_WORKBOOK
    return [Verdict(shown, name, b"", False, False, reason, digest)]


def _generated(attachment: Attachment, data: bytes) -> str:
    """A workbook sent without a file name gets one: `phieu-khong-ten-<hash>.xlsx`."""
    suffix = _MIME_SUFFIX.get(attachment.content_type.lower(), "") or _sniffed_suffix(data)
    return f"phieu-khong-ten-{attachment.sha256[:8]}{suffix or '.bin'}"


def _sniffed_suffix(data: bytes) -> str:
    kind = sniff(data[:4096])
    if kind == "ole2":
        return ".xls"
    if kind != "zip":
        return ""
    try:
        with ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (BadZipFile, OSError, ValueError):
        return ""
    if "xl/workbook.xml" in names:
        return ".xlsx"
    return ".ods" if "content.xml" in names and "mimetype" in names else ""


def _workbook(shown: str, name: str, data: bytes, digest: str) -> Verdict:
    problem = workbook_problem(PurePosixPath(name).suffix.lower(), data)
    if problem:
        return _refuse(shown, digest, problem, name)
    return Verdict(shown, name, data, True, False, "", digest)


def workbook_problem(suffix: str, data: bytes) -> str:
    """'' when the bytes are what the extension says and within the limits; else why not."""
    kind = sniff(data[:4096])
    if suffix == ".xls" and kind == "ole2" and data.startswith(OLE2_MAGIC):
        return ""
    if suffix in (".xlsx", ".xlsm", ".ods") and kind == "zip":
        try:
            open_zip(data).close()
        except WorkbookRefused as exc:
            return exc.message
        return ""
    if kind == "empty":
        return "Tệp rỗng."
    return f"Đuôi tệp là {suffix} nhưng nội dung không phải bảng tính Excel."


def _unzip(name: str, data: bytes, digest: str) -> list[Verdict]:
    outside = _escaping_member(data)
    if outside:
        return [_refuse(name, digest, TRAVERSAL.format(name=shown_name(outside)))]
    try:
        archive = open_zip(data)  # the workbook limits: members, ratio, total size, names
    except WorkbookRefused as exc:
        return [_refuse(name, digest, f"Tệp nén bị từ chối: {exc.message}")]
    out: list[Verdict] = []
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = store_name(info.filename, path=True)
            shown = f"{name} › {shown_name(info.filename.replace(chr(92), '/'))}"  # its path, too
            suffix = PurePosixPath(member).suffix.lower()
            inner = archive.read(info)  # within the archive limits checked above
            sha = sha256(inner)
            if suffix in (".zip", ".eml", ".msg", ".rar", ".7z"):
                out.append(
                    _refuse(shown, sha, "Tệp nén hay thư lồng bên trong tệp nén không được mở.")
                )
            elif suffix not in WORKBOOK_SUFFIXES:
                out.append(Verdict(shown, member, b"", False, False, NOT_WORKBOOK, sha))
            elif sum(v.accepted for v in out) >= MAX_ZIP_WORKBOOKS:
                out.append(_refuse(shown, sha, f"Tệp nén có quá {MAX_ZIP_WORKBOOKS} phiếu."))
            else:
                out.append(_workbook(shown, member, inner, sha))
    return out


def _escaping_member(data: bytes) -> str:
    """The first member name that leaves the folder (`../`, `/etc`, `C:`), else ''."""
    try:
        with ZipFile(BytesIO(data)) as archive:
            names = archive.namelist()
    except (BadZipFile, OSError, ValueError):
        return ""  # not readable as a zip: open_zip says why
    for raw in names:
        name = raw.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or (len(name) > 1 and name[1] == ":"):
            return raw
    return ""


def _refuse(shown: str, digest: str, reason: str, name: str = "") -> Verdict:
    return Verdict(shown, name or shown, b"", False, True, reason, digest)
