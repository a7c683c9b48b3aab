"""The ``newslake`` console script: ``sql`` and ``runs`` are answered by :mod:`newslake.readcli`
(no typer, Prefect or spaCy, so a query answers at once); every other command by the typer app in
:mod:`newslake.cli`."""

from __future__ import annotations

import sys


def main() -> None:
    from newslake.readcli import fast

    code = fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from newslake.cli import app

    app()


if __name__ == "__main__":  # pragma: no cover
    main()
