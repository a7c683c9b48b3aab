"""Pure extraction code: bytes or text in, typed rows out. No Prefect, no DuckDB, no file system.

``ingest`` (read + normalise) → ``pipeline`` (spaCy) → ``entities`` → ``claims`` → ``events``
(all driven by ``extract``); ``linking`` decides cross-document links; ``keys``, ``ids`` and
``types`` are shared helpers with no spaCy import.
"""
