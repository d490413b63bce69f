"""Builds the Word templates in `templates_docx/` (python -m docgen.templates)."""

from docgen.templates.build import TEMPLATE_DIR, TEMPLATES, build_all

__all__ = ["TEMPLATES", "TEMPLATE_DIR", "build_all"]
