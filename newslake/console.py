"""The ``newslake`` console script: the read-only commands' fast path first, else the typer app."""

from __future__ import annotations

import sys


def main() -> None:
    """``newslake sql``/``runs`` answered by :func:`newslake.readcli.fast` (no typer, pydantic, Prefect
    or spaCy); everything else by the typer app of :mod:`newslake.cli`."""
    from newslake.readcli import fast

    code = fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from newslake.cli import app

    app()
