"""The award stage: the decisions, the certificates and the ward's award history.

Light to import: each module is loaded by the step that needs it (`ledger` holds the entry
points of `docgen lich-su`).
"""
