"""Part-by-part comparison of two rendered .docx packages.

Both render paths reuse python-docx's own serialization for every part, so equal
renders are equal byte for byte, member order included. The one part python-docx writes
non-deterministically is ``docProps/core.xml``: for a template without one it adds a
part stamped with ``now()``. :func:`parts_equal` therefore compares core.xml with its
created/modified dates normalized, so raw docxtpl output can be compared with ours.
"""

from __future__ import annotations

from .package import CORE_XML, DEFAULT_FIXED_TIME, fix_core_times
from .zipout import read_members

MEMBER_ORDER = "[member order]"
"""Reported when both packages hold the same parts in a different order."""


def _normalized(name: str, data: bytes) -> bytes:
    return fix_core_times(data, DEFAULT_FIXED_TIME) if name == CORE_XML else data


def parts_equal(a: bytes, b: bytes) -> list[str]:
    """Names of the parts that differ (or exist in only one package); empty if equal."""
    parts_a, parts_b = dict(read_members(a)), dict(read_members(b))
    differing = sorted(
        name
        for name in parts_a.keys() | parts_b.keys()
        if name not in parts_a
        or name not in parts_b
        or _normalized(name, parts_a[name]) != _normalized(name, parts_b[name])
    )
    if not differing and list(parts_a) != list(parts_b):
        differing.append(MEMBER_ORDER)
    return differing
