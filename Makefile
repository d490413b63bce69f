# docgen — the clerk's commands. Each target creates the virtual environment on first use.
VENV   ?= .venv
PY     := $(VENV)/bin/python
DOCGEN := $(VENV)/bin/docgen
# The clerk's install has only what docgen needs to run; tests and checks add the [dev] tools.
RUNTIME := $(VENV)/.installed-runtime
DEV     := $(VENV)/.installed-dev
SIZE   ?= 2000

.PHONY: dossiers test check lint types bench example examples templates clean

$(RUNTIME): pyproject.toml
	@echo "Lần chạy đầu: tạo môi trường ảo $(VENV) và cài các thư viện docgen cần (mất một hai phút)…"
	python3 -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --disable-pip-version-check -e .
	@echo "Đã cài xong."
	touch $(RUNTIME)

$(DEV): $(RUNTIME)
	@echo "Cài thêm công cụ kiểm thử và kiểm tra mã (pytest, ruff, mypy…)…"
	$(PY) -m pip install --disable-pip-version-check -e '.[dev]'
	touch $(DEV)

dossiers: $(RUNTIME)
	$(DOCGEN) ho-so

test: $(DEV)
	$(PY) -m pytest

lint: $(DEV)
	$(VENV)/bin/ruff check docgen tools tests
	$(VENV)/bin/ruff format --check docgen tools tests

types: $(DEV)
	$(VENV)/bin/mypy docgen tools

check: lint types test

bench: $(DEV)
	$(PY) -m tools.bench --size $(SIZE)
	$(PY) -m tools.bench.pdf
	$(PY) -m tools.bench.mail

example: $(DEV)
	$(PY) -m tools.example

# The example of every other legal profile (tools/example/campaigns/), built under output/vi-du/.
examples: $(DEV)
	@for f in tools/example/campaigns/*.toml; do \
		v=$$(basename $$f .toml); \
		$(PY) -m tools.example --vi-du $$v output/vi-du/$$v >/dev/null && \
		$(DOCGEN) ho-so --thu-muc output/vi-du/$$v || exit 1; \
	done

templates: $(DEV)
	$(PY) -m tools.templates

clean:
	rm -rf $(VENV) output/*
