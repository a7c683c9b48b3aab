"""Named points in a run where a test can stop the process, to check what a crash leaves behind.

The flow and the commit call :func:`point` at each step (``read``, ``extract``, ``commit.before``
inside the commit transaction before the catalog write, ``commit.after`` once it is written). It
does nothing unless ``NEWSLAKE_FAULT`` names the point, how many times it must be reached first and
what to do: ``NEWSLAKE_FAULT=<point>[:<count>[:<action>]]``, e.g. ``commit.after:2`` kills the
process with SIGKILL right after the second commit. Actions:

- ``kill`` (default): SIGKILL, no exit handler, no rollback (a power cut, the OOM killer);
- ``raise``: an ``OSError(ENOSPC)``, as a full disk would raise;
- ``pause``: print ``newslake-fault <point> pid <pid>`` to stderr and wait, so that a test can
  send a signal from outside (SIGINT for Ctrl-C) at a known moment.

Only tests set it.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from collections import Counter

POINTS = ("read", "extract", "commit.before", "commit.after")
ACTIONS = ("kill", "raise", "pause")
_hits: Counter = Counter()


def point(name: str) -> None:
    """Reached ``name``; crash, fail or pause here when ``NEWSLAKE_FAULT`` says so."""
    spec = os.environ.get("NEWSLAKE_FAULT")
    if not spec:
        return
    want, _, rest = spec.partition(":")
    if want != name:
        return
    count, _, action = rest.partition(":")
    _hits[name] += 1
    if _hits[name] < int(count or 1) or (action and action != "kill" and _hits[name] > int(count or 1)):
        return
    if action in ("", "kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "raise":
        raise OSError(errno.ENOSPC, f"No space left on device (injected at {name})")
    elif action == "pause":
        print(f"newslake-fault {name} pid {os.getpid()}", file=sys.stderr, flush=True)
        while True:
            time.sleep(0.05)
    else:
        raise ValueError(f"NEWSLAKE_FAULT: unknown action {action!r}; expected one of {ACTIONS}")
