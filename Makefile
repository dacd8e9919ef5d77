# `make run` parses data/raw/ into data/structured/; `make test` runs the tests.
# Both create .venv when missing. `make run` installs zzgov with what running needs only;
# `make test` adds the test extras (pytest, hypothesis, openpyxl, dask). Each reinstalls
# when pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
RUN_STAMP  = $(VENV)/.installed-run
TEST_STAMP = $(VENV)/.installed-test

.PHONY: run test readme bench devscore clean

$(RUN_STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $(RUN_STAMP)

$(TEST_STAMP): $(RUN_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(TEST_STAMP)

run: $(RUN_STAMP)
	$(VENV)/bin/zzgov parse data/raw -o data/structured

test: $(TEST_STAMP)
	$(PY) -m pytest -q

# The README's CLI reference, from each command's --help (a test fails when it is stale).
readme: $(RUN_STAMP)
	$(PY) scripts/cli_reference.py

# A benchmark, not a test: bench/results.md, bench/adversarial.md, bench/formats.md and, where valgrind is
# installed, bench/instructions.md (see bench/README.md).
bench: $(TEST_STAMP)
	$(PY) bench/run.py
	$(PY) bench/adversarial.py
	$(PY) bench/formats.py
	$(PY) bench/instructions.py

devscore: $(TEST_STAMP)
	$(PY) ../shared/tools/devscore.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info src/*.egg-info
