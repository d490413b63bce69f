"""When Python's cyclic garbage collector runs, where docgen builds or drops much at once.

`fewer_collections`: fewer cyclic-garbage collections while a burst of long-lived objects is
built.

Reading 20,000 nominations allocates millions of small objects (cells, rows, values) that
all live on. CPython's cyclic collector runs after every 700 net allocations and, as the
heap grows, its full passes walk everything read so far: about 15 % of the reading time,
for no garbage found. Inside `fewer_collections` the youngest generation holds far more
before a pass; reference counting still frees everything else at once, and the previous
thresholds come back on exit, whatever happens.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

YOUNG = 50_000  # objects allocated before a young collection (CPython's default: 700)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds for the block; restore them afterwards."""
    before = gc.get_threshold()
    if before[0] == 0 or before[0] >= YOUNG:  # disabled, or already raised by a caller
        yield
        return
    gc.set_threshold(YOUNG, max(before[1], 20), max(before[2], 20))
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def new_garbage_only() -> Iterator[Callable[[], None]]:
    """Freeze every object alive now; the block gets a function that collects the cyclic
    garbage made since (cheap: the frozen objects are not walked). Unfrozen afterwards.

    `gc.unfreeze()` releases every frozen object, not only ours: when the host process froze
    objects of its own (a server after start-up does), nothing is frozen or unfrozen here and
    each collection walks everything (slower, never wrong).
    """
    if gc.get_freeze_count():
        yield _collect
        return
    gc.freeze()
    try:
        yield _collect
    finally:
        gc.unfreeze()


def _collect() -> None:
    gc.collect()
