"""The shipped example: filled intake workbooks of the ward's departments, built in code."""
