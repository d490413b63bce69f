"""The one Jinja environment used to render templates, and its filter registry.

Every template is rendered in a :class:`jinja2.sandbox.SandboxedEnvironment` with
``autoescape=True`` and :class:`jinja2.StrictUndefined`:

* values are never re-interpreted by Jinja: a value ``"{{ x }}"`` prints literally;
* ``&``, ``<``, ``>``, quotes in values are escaped, so they cannot break the XML;
* a missing variable raises :class:`jinja2.UndefinedError` instead of printing nothing.

Filters live in one registry: add one with ``@register_filter("name")`` in this module
(or any module imported before :func:`make_env` is called).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import jinja2
from jinja2.sandbox import SandboxedEnvironment

F = TypeVar("F", bound=Callable[..., Any])

FILTERS: dict[str, Callable[..., Any]] = {}
"""Filter name -> function; :func:`make_env` installs all of them."""


def register_filter(name: str) -> Callable[[F], F]:
    """Decorator adding a filter to the registry (refuses silent redefinition)."""

    def decorate(func: F) -> F:
        if name in FILTERS and FILTERS[name] is not func:
            raise ValueError(f"filter {name!r} is already registered")
        FILTERS[name] = func
        return func

    return decorate


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
    """A fresh sandboxed environment with autoescape, StrictUndefined and our filters."""
    env = DocEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(FILTERS)
    return env


@register_filter("ngay_thang")
def ngay_thang(value: dt.date) -> str:
    """``ngày 05 tháng 02 năm 2024`` (Nghị định 30/2020: zero-pad day < 10, month 1-2)."""
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


@register_filter("dmy")
def dmy(value: dt.date) -> str:
    """``05/02/2024``."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
