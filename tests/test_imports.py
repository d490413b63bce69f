"""The house rules that a reviewer should not have to check: no cycles, runtime apart from tooling."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "docgen"


def _unit(module: str) -> str:
    """The package a module belongs to (`docgen.intake.read` → `docgen.intake`)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


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
