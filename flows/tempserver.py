"""The temporary Prefect server of a run, tied to the life of the process that started it.

Without ``PREFECT_API_URL`` Prefect starts a temporary server in a child process and stops it at
exit, but a SIGKILLed parent (the OOM killer) runs no exit code and the server stays, listening.
:func:`temporary_server` starts that same server itself, from the main thread, with the Linux
parent-death signal set in the child (``prctl(PR_SET_PDEATHSIG, SIGKILL)``): when the parent dies
for any reason, the kernel kills the server.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from typing import Iterator
from unittest import mock

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except OSError:
        pass


@contextmanager
def temporary_server() -> Iterator[str | None]:
    """Use ``PREFECT_API_URL`` when set; else start a temporary server that dies with this process.

    Yields the API URL of the temporary server (None when an outside server is used).
    """
    if os.environ.get("PREFECT_API_URL") or not sys.platform.startswith("linux") \
            or threading.current_thread() is not threading.main_thread():
        yield None  # the parent-death signal follows the thread that forked: main thread only
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    real_popen = subprocess.Popen

    def popen(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("preexec_fn", _die_with_parent)
        return real_popen(*args, **kwargs)

    with mock.patch.object(subprocess, "Popen", popen):
        server.start()
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            try:
                yield server.api_url
            finally:
                _flush_logs()  # the run's last log lines go to the server before it stops
    finally:
        server.stop()


def _flush_logs() -> None:
    try:
        from prefect.logging.handlers import APILogHandler

        APILogHandler.flush()
    except Exception:  # noqa: BLE001 - losing a log line must not fail the run
        pass
