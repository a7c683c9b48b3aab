"""A per-document time budget for the extractors, enforced from a watchdog thread.

``with time_budget(30):`` raises :class:`BudgetExceeded` inside the block once the thread running it
has used 30 seconds of CPU time, by asking the interpreter to raise it there
(``PyThreadState_SetAsyncExc``). Python code (every newslake extractor) is interrupted between two
bytecodes; a single long call into C (one regular expression, one spaCy parse) is interrupted when
it returns.

The budget counts the thread's CPU time, not the wall clock: on a loaded machine (other runs,
other users) a document gets its 30 seconds of work however long it waits for a core, so what is
rejected depends on the document, never on the load. (Wall-clock time where the platform cannot
read a thread's CPU clock.)

>>> try:
...     with time_budget(0.05):
...         while True:
...             pass
... except BudgetExceeded as e:
...     print(e)
over the time budget of 0.05 s
>>> with time_budget(5):
...     sum(range(10))
45
"""

from __future__ import annotations

import ctypes
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

#: Seconds the extractors may spend on one parsed document before it is rejected (every extractor is
#: linear, n log n or capped, so only a pathological document comes near it); the setting
#: ``NEWSLAKE_DOC_BUDGET_S`` overrides it, 0 turns the budget off.
DOC_TIME_BUDGET_S = 30.0


class BudgetExceeded(BaseException):
    """A document took longer than its budget; it is rejected with this message. A BaseException,
    so that an extractor's own ``except Exception`` cannot swallow it."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


def thread_clock(tid: int) -> Callable[[], float]:
    """Seconds of CPU time used so far by thread ``tid`` (``threading.get_ident()``), readable
    from any thread; the wall clock where the platform has no per-thread CPU clock."""
    try:
        clock = time.pthread_getcpuclockid(tid)
        time.clock_gettime(clock)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in this thread once the block has used ``seconds`` of CPU time."""
    if not seconds or seconds <= 0:
        yield
        return
    tid = threading.get_ident()
    used = thread_clock(tid)
    start = used()
    lock = threading.Lock()
    state = {"active": True, "fired": False}
    done = threading.Event()

    def watch() -> None:
        # CPU time never runs faster than the wall clock: sleeping what is left cannot overshoot
        while not done.wait(max(0.01, seconds - (used() - start))):
            if used() - start >= seconds:
                with lock:
                    if state["active"]:
                        state["fired"] = True
                        _set_async_exc(tid, ctypes.py_object(BudgetExceeded))
                return

    watcher = threading.Thread(target=watch, name="newslake-budget", daemon=True)
    watcher.start()
    try:
        yield
    except BudgetExceeded:
        raise BudgetExceeded(f"over the time budget of {seconds:g} s") from None
    finally:
        with lock:
            state["active"] = False
            done.set()
            if state["fired"]:
                # fired after the block ended but before it was raised: clear it, so it cannot
                # surface in unrelated code later
                _set_async_exc(tid, ctypes.py_object())
