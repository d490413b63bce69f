"""From python-docx's saved package to our deterministic bytes.

python-docx writes members with the current time and, for a template without
``docProps/core.xml``, adds one stamped with ``now()``. Both paths therefore pass their
members through :func:`finalize`: ``dcterms:created``/``dcterms:modified`` are set to
``fixed_time`` (default 2000-01-01T00:00:00Z; ``None`` leaves core.xml untouched) and
the archive is rewritten by :mod:`docgen.render.zipout` (fixed timestamps and order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml

CORE_XML = "docProps/core.xml"
DEFAULT_FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def fix_core_times(xml: bytes, when: dt.datetime) -> bytes:
    """core.xml with created and modified set to ``when`` (elements added if missing)."""
    core: Any = parse_xml(xml)  # CT_CoreProperties
    core.created_datetime = when.astimezone(dt.UTC)
    core.modified_datetime = when.astimezone(dt.UTC)
    return bytes(serialize_part_xml(core))


def finalize(
    members: Iterable[tuple[str, bytes]], fixed_time: dt.datetime | None
) -> list[tuple[str, bytes]]:
    """Members in the same order, core.xml dates fixed when ``fixed_time`` is given."""
    if fixed_time is None:
        return list(members)
    return [
        (name, fix_core_times(data, fixed_time) if name == CORE_XML else data)
        for name, data in members
    ]
