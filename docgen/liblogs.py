"""Other libraries' log records, kept off the clerk's screen while a program of docgen runs.

Without a configured handler Python prints any WARNING record to stderr. extract-msg logs every
unusual property of an Outlook message at WARNING, and pyHanko logs each untrusted certificate
with a traceback; docgen reports both as data in Vietnamese. Logging is process-wide, so it is
changed only where a program starts (the `docgen` group, the page server), for the time it runs,
and given back as it was afterwards: importing docgen never touches it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

# logger → the lowest level still shown (None: nothing at all reaches the screen)
QUIETED: dict[str, int | None] = {
    "extract_msg": logging.ERROR,
    "pyhanko": None,
    "pyhanko_certvalidator": None,
}


@contextmanager
def quiet_library_logs() -> Iterator[None]:
    """Inside the block, the loggers of `QUIETED` print only what their entry allows."""
    saved = []
    for name, lowest in QUIETED.items():
        logger = logging.getLogger(name)
        saved.append((logger, logger.level, logger.propagate, list(logger.handlers)))
        if lowest is None:
            logger.addHandler(logging.NullHandler())
            logger.propagate = False
        else:
            logger.setLevel(lowest)
    try:
        yield
    finally:
        for logger, level, propagate, handlers in saved:
            logger.setLevel(level)
            logger.propagate = propagate
            logger.handlers[:] = handlers
