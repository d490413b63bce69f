"""docgen: emulation-and-commendation dossiers from departments' intake workbooks."""

__version__ = "0.1.0"
