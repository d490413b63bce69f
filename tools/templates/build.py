"""The template catalogue and its deterministic writer."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocumentObject

from tools.templates.decision import council_proposal, decision, decision_list
from tools.templates.minutes import minutes
from tools.templates.native import make_native
from tools.templates.proposal import attached_list, proposal
from tools.templates.reports import collective_report, individual_report, thematic_report
from tools.templates.results import results_report
from tools.templates.tables import fill_empty_cells

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates_docx"

TEMPLATES: dict[str, Callable[[], DocumentObject]] = {
    "bao-cao-nd91-mau01.docx": lambda: collective_report("tập thể (NĐ 91/2017, Mẫu 01)"),
    "bao-cao-nd91-mau02.docx": lambda: individual_report("cá nhân (NĐ 91/2017, Mẫu 02)", False),
    "bao-cao-nd91-mau07.docx": lambda: thematic_report("theo chuyên đề (NĐ 91/2017, Mẫu 07)"),
    "bao-cao-nd98-mau02.docx": lambda: collective_report("tập thể (NĐ 98/2023, Mẫu 02)"),
    "bao-cao-nd98-mau03.docx": lambda: individual_report("cá nhân (NĐ 98/2023, Mẫu 03)", True),
    "bao-cao-nd152-tap-the.docx": lambda: collective_report(
        "khen thưởng công trạng cho tập thể (NĐ 152/2025)"
    ),
    "bao-cao-nd152-ca-nhan.docx": lambda: individual_report(
        "khen thưởng công trạng cho cá nhân (NĐ 152/2025)", True
    ),
    "bao-cao-nd152-chuyen-de.docx": lambda: thematic_report("thi đua theo chuyên đề (NĐ 152/2025)"),
    "bien-ban.docx": minutes,
    "to-trinh.docx": proposal,
    "danh-sach.docx": attached_list,
    "to-trinh-khen-thuong.docx": council_proposal,
    "quyet-dinh-khen-thuong.docx": decision,
    "danh-sach-khen-thuong.docx": decision_list,
    "bao-cao-ket-qua.docx": results_report,
}
"""File name in `templates_docx/` → the function that builds it."""

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def build_all(folder: Path = TEMPLATE_DIR) -> list[Path]:
    """Write every template into `folder`; the same code always gives the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in TEMPLATES.items():
        path = folder / name
        path.write_bytes(to_bytes(builder()))
        written.append(path)
    return written


def to_bytes(doc: DocumentObject) -> bytes:
    """The document as .docx bytes with fixed zip timestamps (reproducible commits)."""
    fill_empty_cells(doc)
    make_native(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()
