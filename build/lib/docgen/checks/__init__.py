"""Checks of Word files and templates: format rules (kiem-tra-dinh-dang) and templates (kiem-tra-mau)."""
