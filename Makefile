# docgen — the clerk's commands. Each target creates the virtual environment on first use.
VENV   ?= .venv
PY     := $(VENV)/bin/python
DOCGEN := $(VENV)/bin/docgen
# The clerk's install has only what docgen needs to run; tests and checks add the [dev] tools.
RUNTIME := $(VENV)/.installed-runtime
DEV     := $(VENV)/.installed-dev
SIZE   ?= 2000
# Exact versions with hashes, for Linux and Windows (tools/lock/README.md); `make lock` refreshes them.
LOCK_RUNTIME := tools/lock/runtime.txt
LOCK_DEV     := tools/lock/dev.txt
PIP    := $(PY) -m pip install --disable-pip-version-check
LATEST ?= .venv-latest

.PHONY: dossiers test test-latest lock check lint types bench example examples templates clean

$(RUNTIME): pyproject.toml $(LOCK_RUNTIME)
	@echo "Lần chạy đầu: tạo môi trường ảo $(VENV) và cài các thư viện docgen cần (mất một hai phút)…"
	python3 -m venv $(VENV)
	$(PIP) --require-hashes --no-deps -r $(LOCK_RUNTIME)
	$(PIP) --no-deps -e .
	# Bytecode written now: a Python told not to write it (PYTHONDONTWRITEBYTECODE) would
	# otherwise compile docgen again at every command's start.
	$(PY) -m compileall -q docgen
	@echo "Đã cài xong."
	touch $(RUNTIME)

$(DEV): $(RUNTIME) $(LOCK_DEV)
	@echo "Cài thêm công cụ kiểm thử và kiểm tra mã (pytest, ruff, mypy…)…"
	$(PIP) --require-hashes --no-deps -r $(LOCK_DEV)
	$(PY) -m compileall -q tools
	touch $(DEV)

dossiers: $(RUNTIME)
	$(DOCGEN) ho-so

# Spread over every core (pytest-xdist): most of the suite's time is processes it starts.
test: $(DEV)
	$(PY) -m pytest -n auto --dist worksteal

# The whole suite against the newest versions pyproject.toml allows, in a separate environment:
# drift shows here before a clerk installs it. The lock is not touched.
test-latest:
	rm -rf $(LATEST)
	python3 -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --disable-pip-version-check --upgrade --upgrade-strategy eager -e '.[dev]'
	$(LATEST)/bin/python -m pip freeze --exclude-editable > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest -n auto --dist worksteal

# Refresh the lock to the newest versions pyproject.toml allows (a deliberate step: run
# `make test-latest` first, then review the diff of tools/lock/ before committing it).
# NO_EMIT: packages left out of the lock. win-unicode-console (pcodedmp's Windows extra, via
# extract-msg → RTFDE → oletools) has no wheel, only a source archive, and pcodedmp uses it only
# when run as a script; the lock is complete without it, so installs use --no-deps.
NO_EMIT := --no-emit-package win-unicode-console
lock: $(DEV)
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
		$(NO_EMIT) --custom-compile-command "make lock" -q -o $(LOCK_RUNTIME)
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes $(NO_EMIT) --custom-compile-command "make lock" -q -o $(LOCK_DEV)

lint: $(DEV)
	$(VENV)/bin/ruff check docgen tools tests
	$(VENV)/bin/ruff format --check docgen tools tests

types: $(DEV)
	$(VENV)/bin/mypy docgen tools

check: lint types test

bench: $(DEV)
	$(PY) -m tools.bench.startup
	$(PY) -m tools.bench --size $(SIZE)
	$(PY) -m tools.bench.pdf
	$(PY) -m tools.bench.mail
	$(PY) -m tools.bench.web --size $(SIZE)

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
	rm -rf $(VENV) $(LATEST) output/*
