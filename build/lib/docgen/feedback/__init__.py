"""Feedback workbooks for departments: the only module that writes them.

Per received file: a copy of the department's own workbook with every bad cell highlighted
and commented, and a first sheet "Lỗi" listing every problem; a short confirmation when the
file has none; only the "Lỗi" sheet when the file could not be opened.
"""

from docgen.feedback.write import feedback_name, write_feedback

__all__ = ["feedback_name", "write_feedback"]
