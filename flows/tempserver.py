"""The temporary Prefect server of a run, tied to the life of the process that started it.

Without ``PREFECT_API_URL`` Prefect starts a temporary server in a child process and stops it at
exit, but a SIGKILLed parent (the OOM killer) runs no exit code and the server stays, listening.
:func:`temporary_server` starts that same server itself (the command and environment of Prefect's
``SubprocessASGIServer``: uvicorn serving ``prefect.server.api.server:create_app`` with the UI off),
from the main thread, with the Linux parent-death signal set in the child
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``): when the parent dies for any reason, the kernel kills the
server.

It is started without importing Prefect's server package in this process (seconds of CPU the
server process spends anyway), and the caller's ``meanwhile`` runs while the server starts: the
ingest command starts its worker processes (which load the model) and imports the flow there, so
the server's start-up overlaps them instead of coming first. Before the server stops, the log
lines and events Prefect still has queued are sent to it: left in their queues, Prefect's exit
hooks retry them against the stopped server, which kept the command alive a minute after its run.
"""

from __future__ import annotations

import ctypes
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import closing, contextmanager
from typing import Callable, Iterator

PR_SET_PDEATHSIG = 1
PORTS = range(8000, 9000)  # Prefect's own range for its temporary server
EXIT_PORT_IN_USE = 3  # uvicorn's exit code when the port was taken meanwhile


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except OSError:
        pass


def free_port(ports: range = PORTS, attempts: int = 20) -> int:
    """A port of ``ports`` nothing listens on now (chosen at random, as Prefect does)."""
    for _ in range(attempts):
        port = random.choice(ports)
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError(f"no free port for the temporary Prefect server in {ports.start}-{ports.stop - 1}")


class TemporaryServer:
    """A Prefect API server in a child process that dies with this one."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> None:
        """Start the server process (without waiting for it to answer)."""
        import prefect
        from prefect.settings import get_current_settings

        self.port = free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
               **get_current_settings().to_environment_variables(exclude_unset=True)}
        env.pop("PREFECT_API_URL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, preexec_fn=_die_with_parent)

    def wait_ready(self, timeout_s: float | None = None) -> None:
        """Wait until the server answers ``/health`` (restarting it on another port when its port was
        taken meanwhile); RuntimeError after ``timeout_s`` seconds
        (``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS``) or when it exits."""
        import httpx
        from prefect.settings import get_current_settings

        timeout_s = timeout_s or get_current_settings().server.ephemeral.startup_timeout_seconds
        deadline = time.monotonic() + timeout_s
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                assert self.process is not None
                code = self.process.poll()
                if code == EXIT_PORT_IN_USE:
                    self.start()
                    continue
                if code is not None:
                    raise RuntimeError(f"the temporary Prefect server exited with code {code} while starting")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"the temporary Prefect server did not answer within {timeout_s:.0f} s "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@contextmanager
def temporary_server(meanwhile: Callable[[], None] | None = None) -> Iterator[str | None]:
    """Use ``PREFECT_API_URL`` when set; else start a temporary server that dies with this process.
    ``meanwhile`` (when given) runs while the server starts, in either case.

    Yields the API URL of the temporary server (None when an outside server is used).
    """
    if os.environ.get("PREFECT_API_URL") or not sys.platform.startswith("linux") \
            or threading.current_thread() is not threading.main_thread():
        if meanwhile is not None:
            meanwhile()
        yield None  # the parent-death signal follows the thread that forked: main thread only
        return
    server = TemporaryServer()
    server.start()
    try:
        if meanwhile is not None:
            meanwhile()
        server.wait_ready()
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            try:
                yield server.api_url
            finally:
                flush_to_server()  # the run's last log lines and events go to the server before it stops
    finally:
        server.stop()


def flush_to_server(timeout_s: float = 10) -> None:
    """Send the log lines and events Prefect has queued for the API, waiting at most ``timeout_s``
    seconds for each queue (as Prefect's own ``prefect_test_harness`` does before it stops its server)."""
    try:
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=timeout_s)
        EventsWorker.drain_all(timeout=timeout_s)
    except Exception:  # noqa: BLE001 - losing a log line must not fail the run
        pass
