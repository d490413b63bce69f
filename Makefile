# docgen — the clerk's commands. Each target creates the virtual environment on first use.
VENV   ?= .venv
PY     := $(VENV)/bin/python
DOCGEN := $(VENV)/bin/docgen
STAMP  := $(VENV)/.installed
SIZE   ?= 2000

.PHONY: dossiers test check lint types bench example examples templates clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

dossiers: $(STAMP)
	$(DOCGEN) ho-so

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check docgen tools tests
	$(VENV)/bin/ruff format --check docgen tools tests

types: $(STAMP)
	$(VENV)/bin/mypy docgen tools

check: lint types test

bench: $(STAMP)
	$(PY) -m tools.bench --size $(SIZE)
	$(PY) -m tools.bench.pdf
	$(PY) -m tools.bench.mail

example: $(STAMP)
	$(PY) -m tools.example

# The example of every other legal profile (tools/example/campaigns/), built under output/vi-du/.
examples: $(STAMP)
	@for f in tools/example/campaigns/*.toml; do \
		v=$$(basename $$f .toml); \
		$(PY) -m tools.example --vi-du $$v output/vi-du/$$v >/dev/null && \
		$(DOCGEN) ho-so --thu-muc output/vi-du/$$v || exit 1; \
	done

templates: $(STAMP)
	$(PY) -m tools.templates

clean:
	rm -rf $(VENV) output/*
