# The two commands a new user needs: `make run` (the app on the sample article) and `make test`.
# `make test PYTHON=python3.13` builds its own venv (.venv-3.13), so runs under several Pythons never share one.
PYTHON ?= python3
ifeq ($(origin PYTHON),file)
VENV := .venv
else
VENV := .venv-$(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
endif
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
	rm -rf .venv .venv-* build dist .pytest_cache
