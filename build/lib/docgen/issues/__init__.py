"""Validation findings shared by every stage: the record, its place and the code catalogue."""
