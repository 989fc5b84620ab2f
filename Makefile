# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cat requirements.lock | cksum | cut -d' ' -f1)
DEMO_ENV := DEBUG=true DATABASE_URL=sqlite:///db.sqlite3 REDIS_URL= CELERY_TASK_ALWAYS_EAGER=true

.PHONY: demo test lint eval eval-own eval-baseline install bench-extraction bench-import bench-desk bench-public

$(INSTALLED): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $@

install: $(INSTALLED)

demo: $(INSTALLED)
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py setup_demo
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# Uses DATABASE_URL/REDIS_URL when set, else PostgreSQL and Redis on localhost when they answer, else SQLite.
test: $(INSTALLED)
	$(BIN)/python scripts/run_tests.py $(ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=true $(BIN)/mypy .
	DEBUG=true DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=lint-only-$$(date +%s)-a-long-random-looking-value-for-the-deploy-check-xyz ALLOWED_HOSTS=example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

bench-extraction: $(INSTALLED)
	$(BIN)/python -m articles.extraction.bench --articles 1000

# The three below write to DATABASE_URL: point it at a scratch PostgreSQL database, with REDIS_URL set.
bench-import: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput -v0 && $(BIN)/python manage.py bench_import --articles 1000

bench-desk: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput -v0 && $(BIN)/python manage.py bench_desk

bench-public: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput -v0 && $(BIN)/python manage.py bench_public

eval: $(INSTALLED)
	$(BIN)/python -m articles.extraction ../shared/eval/dev_articles.jsonl > /tmp/candidates.jsonl
	python3 ../shared/eval/score.py --articles ../shared/eval/dev_articles.jsonl --gold ../shared/eval/dev_gold.jsonl --pred /tmp/candidates.jsonl --per-article
	$(BIN)/python -m articles.extraction.dates ../shared/eval/dates/dev_docs.jsonl > /tmp/dates.jsonl
	python3 ../shared/eval/score_dates.py --docs ../shared/eval/dates/dev_docs.jsonl --pred /tmp/dates.jsonl
	@echo "Dates on the annotated lines only (headline, dateline and the first four sentences):"
	$(BIN)/python scripts/annotated_lines.py ../shared/eval/dates/dev_docs.jsonl --lines 6 > /tmp/dates-annotated-docs.jsonl
	$(BIN)/python -m articles.extraction.dates /tmp/dates-annotated-docs.jsonl > /tmp/dates-annotated.jsonl
	python3 ../shared/eval/score_dates.py --docs /tmp/dates-annotated-docs.jsonl --pred /tmp/dates-annotated.jsonl

# Our own sets (articles/extraction/data/eval/README.md); the last six, and the dates set, were written blind to the rules.
eval-own: $(INSTALLED)
	@for set in "" _2 _3 _4 _5 _6 _7 _8; do \
		$(BIN)/python -m articles.extraction articles/extraction/data/eval/articles$$set.jsonl > /tmp/candidates-own$$set.jsonl; \
		echo "articles$$set.jsonl:"; \
		python3 ../shared/eval/score.py --articles articles/extraction/data/eval/articles$$set.jsonl \
			--gold articles/extraction/data/eval/gold$$set.jsonl --pred /tmp/candidates-own$$set.jsonl | grep -E '^(precision|recall|f1) '; \
	done
	$(BIN)/python -m articles.extraction.dates articles/extraction/data/eval/dates_blind.jsonl > /tmp/dates-own.jsonl
	@echo "dates_blind.jsonl:"
	@python3 ../shared/eval/score_dates.py --docs articles/extraction/data/eval/dates_blind.jsonl --pred /tmp/dates-own.jsonl | grep -E '^value_'

# The README's reference tagger, dateparser, on the same Wikinews documents, whole and cut to the annotated lines, and on our held-out dates.
eval-baseline: $(INSTALLED)
	test -x .venv-baseline/bin/python || $(PYTHON) -m venv .venv-baseline
	.venv-baseline/bin/python -m pip install --quiet --upgrade pip dateparser
	.venv-baseline/bin/python scripts/dateparser_baseline.py ../shared/eval/dates/dev_docs.jsonl > /tmp/dates-dateparser.jsonl
	python3 ../shared/eval/score_dates.py --docs ../shared/eval/dates/dev_docs.jsonl --pred /tmp/dates-dateparser.jsonl | grep value_f1
	$(BIN)/python scripts/annotated_lines.py ../shared/eval/dates/dev_docs.jsonl --lines 6 > /tmp/dates-annotated-docs.jsonl
	.venv-baseline/bin/python scripts/dateparser_baseline.py /tmp/dates-annotated-docs.jsonl > /tmp/dates-dateparser-annotated.jsonl
	python3 ../shared/eval/score_dates.py --docs /tmp/dates-annotated-docs.jsonl --pred /tmp/dates-dateparser-annotated.jsonl | grep value_f1
	.venv-baseline/bin/python scripts/dateparser_baseline.py articles/extraction/data/eval/dates_blind.jsonl > /tmp/dates-dateparser-own.jsonl
	python3 ../shared/eval/score_dates.py --docs articles/extraction/data/eval/dates_blind.jsonl --pred /tmp/dates-dateparser-own.jsonl | grep value_f1
