"""Nothing process-wide changes when docgen is imported; the program start changes it for its run.

A page server or a test imports the library: click must stay as it was (not Vietnamese), logging
as configured, the garbage collector as tuned and frozen by the host. The `docgen` group makes
click Vietnamese and quiets other libraries' logs for the time it runs, and gives them back.
"""

from __future__ import annotations

import gc
import json
import logging
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent

# Imports every docgen module in a fresh interpreter and prints what changed in click, logging,
# the collector, warnings filters and the standard streams. Third-party modules docgen imports
# are imported first: what they do to their own loggers at import is theirs, not docgen's.
SNAPSHOT = r"""
import ast, gc, importlib, json, logging, sys, warnings
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(find_spec("docgen").origin).parent  # found, not imported (pkgutil would import)
names = sorted(
    ".".join(("docgen", *path.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__")
    for path in ROOT.rglob("*.py")
    if path.name != "__main__.py"  # runs the program
)
foreign = set()
for path in ROOT.rglob("*.py"):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            foreign.add(node.module)
        elif isinstance(node, ast.Import):
            foreign.update(alias.name for alias in node.names)
for name in sorted(foreign):
    if name.split(".")[0] not in ("docgen", "__future__"):
        try:
            importlib.import_module(name)
        except ImportError:  # a platform's module (msvcrt on Linux)
            pass
gc.freeze()  # as a host that froze its start-up objects
frozen = gc.get_freeze_count()

def loggers():
    known = {"": logging.getLogger()}
    known.update(
        (n, l) for n, l in logging.Logger.manager.loggerDict.items()
        if isinstance(l, logging.Logger)
    )
    return {
        n: [l.level, l.propagate, l.disabled, [type(h).__name__ for h in l.handlers]]
        for n, l in known.items()
    }

def state():
    click_names = {
        f"{m}.{a}": id(getattr(sys.modules[m], a))
        for m in sorted(sys.modules) if m == "click" or m.startswith("click.")
        for a in ("_", "ngettext") if hasattr(sys.modules[m], a)
    }
    return {
        "click": click_names,
        "loggers": loggers(),
        "logging.disable": logging.root.manager.disable,
        "gc": [gc.isenabled(), list(gc.get_threshold())],
        # a few frozen objects die by reference counting; gc.unfreeze() would give 0
        "gc frozen": gc.get_freeze_count() > frozen // 2,
        "warnings": [repr(f) for f in warnings.filters],
        "streams": [id(sys.stdout), id(sys.stderr)],
    }

before = state()
for name in names:
    importlib.import_module(name)
after = state()
new = {n: v for n, v in after["loggers"].items() if n not in before["loggers"]}
after["loggers"] = {n: v for n, v in after["loggers"].items() if n in before["loggers"]}
changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
changed.update({f"new logger {n}": v for n, v in new.items() if v != [0, True, False, []]})
print(json.dumps({"modules": len(names), "changed": changed}))
"""


def test_importing_every_module_changes_nothing_process_wide() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SNAPSHOT], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["modules"] > 150  # every module was imported, the cli's included
    assert found["changed"] == {}


def test_the_docgen_group_gives_click_and_logging_back() -> None:
    import click.core

    from docgen.cli import main
    from docgen.liblogs import QUIETED

    english = click.core._  # type: ignore[attr-defined]
    logs = {n: _logger_state(n) for n in QUIETED}
    result = CliRunner().invoke(main, ["kiem-tr"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [  # Vietnamese while it ran
        "Cách dùng: docgen [TÙY CHỌN] LỆNH [ĐỐI SỐ]...",
        "Gõ “docgen --help” để xem hướng dẫn.",
        "",
        "Lỗi: Không có lệnh “kiem-tr”. (Có phải là một trong: 'kiem-tra', 'kiem-tra-mau'?)",
    ]
    assert click.core._ is english  # type: ignore[attr-defined]
    assert {n: _logger_state(n) for n in QUIETED} == logs


def _logger_state(name: str) -> tuple[object, ...]:
    logger = logging.getLogger(name)
    return logger.level, logger.propagate, logger.disabled, tuple(logger.handlers)


def test_quiet_library_logs_hides_pyhanko_and_restores() -> None:
    from docgen.liblogs import quiet_library_logs

    logger = logging.getLogger("pyhanko")
    handlers, propagate = list(logger.handlers), logger.propagate
    with quiet_library_logs():
        assert logger.propagate is False
        assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)
        assert logging.getLogger("extract_msg").getEffectiveLevel() == logging.ERROR
    assert (logger.handlers, logger.propagate) == (handlers, propagate)


def test_new_garbage_only_keeps_what_the_host_froze() -> None:
    from docgen.gctune import new_garbage_only

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with new_garbage_only() as collect:
            collect()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_new_garbage_only_unfreezes_what_it_froze() -> None:
    from docgen.gctune import new_garbage_only

    assert gc.get_freeze_count() == 0
    with new_garbage_only() as collect:
        assert gc.get_freeze_count() > 0
        collect()
    assert gc.get_freeze_count() == 0
