"""The intake workbook: its schema, the blank template, and reading returned copies."""
