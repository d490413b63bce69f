"""The page's templates: Jinja2 (autoescaped) behind this one door, with the page's filters."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from docgen.text import format_count, format_percent
from docgen.web.advice import on_page

TEMPLATES = Path(__file__).with_name("templates")


@cache
def environment() -> Environment:
    """The templates of `docgen/web/templates/`, HTML-escaped, missing values an error; every
    value a template shows passes through `on_page`, so the library's advice names the page's
    buttons, not commands."""
    from jinja2 import StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=on_page,
    )
    env.filters["count"] = format_count
    env.filters["percent"] = format_percent
    return env


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Template `name` rendered with `context`, as an HTML answer."""
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status)
