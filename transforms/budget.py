"""A per-document time budget for the extractors, enforced from a watchdog thread.

``with time_budget(30):`` raises :class:`BudgetExceeded` inside the block once 30 seconds have
passed, in whatever thread runs it (a Prefect task thread or a worker process's main thread), by
asking the interpreter to raise it there (``PyThreadState_SetAsyncExc``). Python code (every
newslake extractor) is interrupted between two bytecodes; a single long call into C (one regular
expression, one spaCy parse) is interrupted when it returns.

>>> import time
>>> try:
...     with time_budget(0.05):
...         while True:
...             time.sleep(0.001)
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
from contextlib import contextmanager
from typing import Iterator


#: Seconds the extractors may spend on one parsed document before it is rejected (every extractor is
#: linear, n log n or capped, so only a pathological document comes near it); the setting
#: ``NEWSLAKE_DOC_BUDGET_S`` overrides it, 0 turns the budget off.
DOC_TIME_BUDGET_S = 30.0


class BudgetExceeded(BaseException):
    """A document took longer than its budget; it is rejected with this message. A BaseException,
    so that an extractor's own ``except Exception`` cannot swallow it."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in this thread if the block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        yield
        return
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _set_async_exc(tid, ctypes.py_object(BudgetExceeded))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except BudgetExceeded:
        raise BudgetExceeded(f"over the time budget of {seconds:g} s") from None
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:
                # fired after the block ended but before it was raised: clear it, so it cannot
                # surface in unrelated code later
                _set_async_exc(tid, ctypes.py_object())
