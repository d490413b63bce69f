"""Fill intake and meeting workbooks as departments and the council secretary would (tests, example, bench)."""
