# `make run` parses data/raw/ into data/structured/; `make test` runs the tests.
# Both create .venv and install zzgov into it when missing (or when pyproject.toml changed).
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: run test bench devscore clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/zzgov parse data/raw -o data/structured

test: $(STAMP)
	$(PY) -m pytest -q

# A benchmark, not a test: bench/results.md, bench/adversarial.md and, where valgrind is
# installed, bench/instructions.md (see bench/README.md).
bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/adversarial.py
	$(PY) bench/instructions.py

devscore: $(STAMP)
	$(PY) ../shared/tools/devscore.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info src/*.egg-info
