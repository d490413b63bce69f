"""The shipped example and its variants (tools/example/variants.py) for tests: each is built
once per test process, in a folder removed at exit, and copied to each test that asks."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from docgen.workspace import Workspace
from tools.example.build import write_pristine
from tools.example.variants import build_variant

_BUILT: dict[str, Path] = {}  # variant ("" = the shipped example) → its workspace, read only


def copy_example(variant: str, root: Path) -> Workspace:
    """The workspace of `variant` ("" for the shipped example) written at `root`."""
    if variant not in _BUILT:
        cache = Path(tempfile.mkdtemp(prefix="docgen-vi-du-"))
        atexit.register(shutil.rmtree, cache, ignore_errors=True)
        source = cache / "Thi đua"
        if variant:
            build_variant(variant, source)
        else:
            write_pristine(source)
        _BUILT[variant] = source
    shutil.copytree(_BUILT[variant], root, dirs_exist_ok=True)
    return Workspace(root)
