# newslake: the two quickstart commands are `make run` and `make test`.
PY ?= python3
UV_VERSION ?= 0.13.9
export UV_PYTHON_DOWNLOADS := never
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup run test bench train clean-lake

setup:  ## create .venv/ with every pinned dependency and the `newslake` command
	@$(PY) -m uv --version >/dev/null 2>&1 || $(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(PY) -m uv sync --frozen --quiet --compile-bytecode
	@# the project's own modules too (an editable install: uv compiles only site-packages); with
	@# PYTHONDONTWRITEBYTECODE set every process would compile them again (~50 ms for `newslake sql`)
	.venv/bin/python -m compileall -q newslake flows transforms warehouse >/dev/null

run: setup  ## ingest the sample in seeds/ into warehouse/ and print a summary
	.venv/bin/newslake ingest seeds/

test: setup  ## the whole test suite (what CI runs)
	.venv/bin/python -m pytest -q

bench: setup  ## throughput and quality figures (reads ../shared/corpus and ../shared/eval)
	.venv/bin/python bench/throughput.py

train: setup  ## retrain the claims' attribution tagger on PolNeAR train (reads ../shared/eval/polnear; ~20-30 min on 2 shared cores)
	nice -n 10 .venv/bin/python scripts/train_attribution.py $(if $(POLNEAR),--polnear $(POLNEAR)) --epochs 3 --batch 2 \
		--write last --out transforms/claims/data/attribution

clean-lake:  ## delete the default lake (warehouse/catalog.sqlite and warehouse/data/)
	rm -rf warehouse/catalog.sqlite* warehouse/data
