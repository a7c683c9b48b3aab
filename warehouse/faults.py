"""Named points in a run where a test can stop the process, to check what a crash leaves behind.

The flow and the commit call :func:`point` at each step (``read``, ``extract``, ``commit.before``
inside the commit transaction before the catalog write, ``commit.after`` once it is written). It
does nothing unless ``NEWSLAKE_FAULT`` names the point and how many times it must be reached first,
e.g. ``NEWSLAKE_FAULT=commit.after:2`` kills the process with SIGKILL right after the second batch
commit. Only tests set it.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

POINTS = ("read", "extract", "commit.before", "commit.after")
_hits: Counter = Counter()


def point(name: str) -> None:
    """Reached ``name``; SIGKILL this process when ``NEWSLAKE_FAULT`` says so."""
    spec = os.environ.get("NEWSLAKE_FAULT")
    if not spec:
        return
    want, _, count = spec.partition(":")
    if want != name:
        return
    _hits[name] += 1
    if _hits[name] >= int(count or 1):
        os.kill(os.getpid(), signal.SIGKILL)
