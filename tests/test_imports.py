"""The house rules that a reviewer should not have to check: no cycles, runtime apart from tooling."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "docgen"


def _unit(module: str) -> str:
    """The package a module belongs to (`docgen.intake.read` → `docgen.intake`)."""
    parts = module.split(".")
    return ".".join(parts[:2])


@functools.cache  # every door of the table reads every module: parse each once per run
def _imports(path: Path) -> frozenset[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return frozenset(found)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        source = _unit(module.removesuffix(".__init__"))
        targets = {_unit(m) for m in _imports(path) if m.split(".")[0] == "docgen"}
        graph.setdefault(source, set()).update(targets - {source, "docgen"})
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle between packages, or an empty list."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycle_between_packages() -> None:
    assert _cycle(_graph()) == []


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ],
    ids=["acyclic", "two", "three"],
)
def test_cycle_finder(graph: dict[str, set[str]], cycle: list[str]) -> None:
    assert _cycle(graph) == cycle


def test_runtime_never_imports_tooling() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if any(m.split(".")[0] == "tools" for m in _imports(path))
    ]
    assert offenders == []


def test_the_intake_schema_and_the_campaign_agree_on_base_fields() -> None:
    from docgen.campaign.fields import COLLECTIVE_FIELDS, INDIVIDUAL_FIELDS
    from docgen.intake.schema import COLLECTIVE_BASE, INDIVIDUAL_BASE

    assert tuple(c.key for c in COLLECTIVE_BASE) == COLLECTIVE_FIELDS
    assert tuple(c.key for c in INDIVIDUAL_BASE) == INDIVIDUAL_FIELDS


def test_every_code_is_its_own_member() -> None:
    from docgen.issues.codes import Code

    assert len(Code.__members__) == len(list(Code))  # no entry became an alias of another


# One door per third-party library (and per standard module that talks to the world): the
# modules or packages allowed to import it. Swapping the library then touches only these.
DOORS: dict[str, tuple[str, ...]] = {
    "openpyxl": ("docgen.workbook",),
    "docxtpl": ("docgen.render",),
    "jinja2": ("docgen.render", "docgen.web.views"),  # documents; the page's HTML
    "docx": ("docgen.render", "docgen.checks"),  # python-docx: templates, and the format check
    "lxml": ("docgen.render.steps", "docgen.archive.docxsig"),
    "pyhanko": ("docgen.archive.signatures", "docgen.archive.pdftext"),  # signatures; text
    "pyhanko_certvalidator": ("docgen.archive.signatures",),
    "asn1crypto": ("docgen.archive.signatures",),
    "signxml": ("docgen.archive.docxsig",),
    "cryptography": ("docgen.archive.signatures", "docgen.archive.docxsig"),
    "extract_msg": ("docgen.mail.outlook",),
    "imaplib": ("docgen.mail.imap",),
    "smtplib": ("docgen.mail.smtp",),
    "mailbox": ("docgen.mail.sources",),
    "python_calamine": ("docgen.workbook.ods",),
    "xlrd": ("docgen.workbook.xls",),
    "defusedxml": ("docgen.workbook.safety",),
    "sqlite3": ("docgen.archive",),
    "subprocess": ("docgen.convert.office",),
    "starlette": ("docgen.web",),
    "uvicorn": ("docgen.web.server",),
    # SHA-256 of whole data and files in one home; streams hash while they spool; signatures
    # name their own digest algorithms.
    "hashlib": ("docgen.digest", "docgen.mail.stream", "docgen.archive.docxsig"),
}


def _modules() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for path in PACKAGE.rglob("*.py")
    }


def _inside(module: str, doors: tuple[str, ...]) -> bool:
    return any(module == door or module.startswith(door + ".") for door in doors)


def _offenders(library: str, modules: dict[str, Path]) -> list[str]:
    allowed = DOORS[library]
    return sorted(
        module
        for module, path in modules.items()
        if not _inside(module, allowed) and any(m.split(".")[0] == library for m in _imports(path))
    )


@pytest.mark.parametrize("library", list(DOORS))
def test_each_library_has_one_door(library: str) -> None:
    assert _offenders(library, _modules()) == []


def test_every_door_exists_and_is_used() -> None:
    modules = _modules()
    for library, doors in DOORS.items():
        for door in doors:
            users = [m for m in modules if _inside(m, (door,))]
            assert any(library in {i.split(".")[0] for i in _imports(modules[m])} for m in users), (
                f"{door} does not import {library}: remove it from DOORS"
            )


def test_the_door_guard_finds_an_offender(tmp_path: Path) -> None:
    stray = tmp_path / "stray.py"
    stray.write_text("from openpyxl import Workbook\nimport docx.shared\n", encoding="utf-8")
    modules = {"docgen.stray": stray}
    assert _offenders("openpyxl", modules) == ["docgen.stray"]
    assert _offenders("docx", modules) == ["docgen.stray"]
    assert _offenders("jinja2", modules) == []


def _sql_calls(path: Path) -> int:
    return sum(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("execute", "executemany", "executescript")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_sql_lives_in_the_register_and_the_schema_only() -> None:
    homes = {"docgen.archive.register", "docgen.archive.schema"}
    found = {m: n for m, p in _modules().items() if (n := _sql_calls(p))}
    assert set(found) <= homes, found
