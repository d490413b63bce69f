"""The one Jinja environment used to render templates.

Every template is rendered in a :class:`jinja2.sandbox.SandboxedEnvironment` with
``autoescape=True`` and :class:`jinja2.StrictUndefined`:

* values are never re-interpreted by Jinja: a value ``"{{ x }}"`` prints literally;
* ``&``, ``<``, ``>``, quotes in values are escaped, so they cannot break the XML;
* a missing variable raises :class:`jinja2.UndefinedError` instead of printing nothing.

Templates use no custom filter: every value (dates in words included, `docgen.text`) is
written by the code that builds the context.
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment


class DocEnvironment(SandboxedEnvironment):
    """Sandboxed environment with a faster ``x.key`` on plain dicts (same semantics).

    Jinja tries ``getattr(obj, "key")`` first; on a dict that only succeeds for names
    defined on ``dict`` itself, so for any other name ``obj["key"]`` is the answer.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and not hasattr(dict, attribute) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def make_env() -> SandboxedEnvironment:
    """A fresh sandboxed environment with autoescape and StrictUndefined."""
    return DocEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
