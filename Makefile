# The developer loop (CONTRIBUTING.md). Run it inside the activated virtual environment, after
# `pip install -e '.[test]'`. CI (.ci/run) runs the same checks: `lint`, then the whole suite.
PYTHON ?= python
PYTEST = $(PYTHON) -m pytest
# Found, not listed, so that moving a test file cannot leave a target pointing nowhere.
GOLDEN_TESTS = $(shell grep -rl --include='test_*.py' assert_golden tests)
MESSAGES_TEST = $(shell find tests -name test_messages.py)

.PHONY: help lint format test-fast test golden docs pictures lock

help:
	@echo "make lint       ruff format --check, ruff check, mypy (what CI checks before the tests)"
	@echo "make format     ruff format and ruff check --fix: let the tools fix what they can"
	@echo "make test-fast  the suite without property tests and tests that drive other programs"
	@echo "make test       the whole suite, as CI runs it"
	@echo "make golden     rewrite tests/golden/ from the current outputs; review git diff tests/golden/"
	@echo "make docs       regenerate the reference pages and build the site into site/ (needs the docs extra)"
	@echo "make pictures   remake the Panduan's pictures (needs LibreOffice, Chromium, pdftoppm)"
	@echo "make lock       refresh tests/messages.lock after checking the Indonesian of changed messages"

lint:
	ruff format --check .
	ruff check .
	mypy

format:
	ruff format .
	ruff check --fix .

test-fast:
	$(PYTEST) -m "not external and not property"

test:
	$(PYTEST)

golden:
	SPBE_UPDATE_GOLDEN=1 $(PYTEST) $(GOLDEN_TESTS)
	git status --short tests/golden

# `pip install -e '.[docs]'` first. The build is strict, as in CI: any warning fails it.
docs:
	$(PYTHON) docs/scripts/generate.py
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs build --strict
	@echo "open site/index.html"

pictures:
	$(PYTHON) docs/scripts/pictures.py

lock:
	SPBE_UPDATE_LOCK=1 $(PYTEST) -n 0 $(MESSAGES_TEST)
	git diff --stat tests/messages.lock
