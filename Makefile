# The two commands a new user needs: `make run` (the app on the sample article) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

EVAL := ../shared/eval

.PHONY: run test bench eval clean

$(STAMP): pyproject.toml
	bash .ci/system-deps
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/briefing

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# Scores extraction against hand-annotated articles kept outside the repository (evaluation data only).
eval: $(STAMP)
	@if [ -f $(EVAL)/score_extraction.py ]; then \
		$(PYTHON) $(EVAL)/score_extraction.py $(VENV)/bin/briefing; \
	else \
		echo "make eval: skipped, $(EVAL) is not there"; \
	fi

clean:
	rm -rf $(VENV) build dist .pytest_cache
