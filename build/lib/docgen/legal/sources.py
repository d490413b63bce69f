"""The source table of the templates (templates_docx/nguon-mau.toml): where each form's
wording comes from, and whether it was checked against the official text."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.errors import TemplateError, not_found

SOURCE_TABLE = "nguon-mau.toml"
BASES = ("official", "secondary", "none")


@dataclass(frozen=True)
class FormSource:
    """One row of the table: a template file and where its wording comes from."""

    file: str
    title: str
    document: str
    appendix: str
    number: str
    sources: tuple[str, ...]
    verified: bool
    basis: str
    lines: tuple[str, ...]
    note: str

    def citation(self) -> str:
        """`Nghị định 98/2023/NĐ-CP, Phụ lục I, Mẫu số 02` (the known parts only)."""
        return ", ".join(p for p in (self.document, self.appendix, self.number) if p) or self.title


def load_sources(folder: Path) -> dict[str, FormSource]:
    """The table in `folder`, by template file name; raises `TemplateError` when unusable."""
    path = folder / SOURCE_TABLE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        missing = TemplateError(f"Không tìm thấy bảng nguồn mẫu {path.absolute()}.")
        raise not_found(missing, path) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"Không đọc được bảng nguồn mẫu {path}: {exc}") from None
    problems: list[str] = []
    table = {}
    for index, row in enumerate(data.get("form", [])):
        source = _row(row, index, problems)
        if source is not None:
            table[source.file] = source
    if problems:
        raise TemplateError(f"Bảng nguồn mẫu {path.name} có lỗi:", problems)
    return table


def _row(row: Any, index: int, problems: list[str]) -> FormSource | None:
    where = f"form[{index}]"
    if not isinstance(row, dict):
        problems.append(f"{where}: phải là bảng [[form]].")
        return None
    texts = {k: row.get(k, "") for k in ("file", "title", "document", "appendix", "number", "note")}
    if not all(isinstance(v, str) for v in texts.values()) or not texts["file"]:
        problems.append(f"{where}: file, title, document, appendix, number, note phải là chuỗi.")
        return None
    verified, basis = row.get("verified"), row.get("basis", "")
    if not isinstance(verified, bool) or basis not in BASES:
        problems.append(f"{where} ({texts['file']}): cần verified (true/false) và basis {BASES}.")
        return None
    if verified and basis != "official":
        problems.append(f'{where} ({texts["file"]}): verified = true chỉ khi basis = "official".')
    return FormSource(
        **texts,
        sources=tuple(row.get("sources", ())),
        verified=verified,
        basis=basis,
        lines=tuple(row.get("lines", ())),
    )
