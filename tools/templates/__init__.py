"""Builds the Word templates in `templates_docx/` (python -m tools.templates)."""

from tools.templates.build import TEMPLATE_DIR, TEMPLATES, build_all

__all__ = ["TEMPLATES", "TEMPLATE_DIR", "build_all"]
