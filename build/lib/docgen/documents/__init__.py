"""Documents of a dossier: template choice, render contexts, and the decree's format check."""
