"""At most N extractions at once, each in a daemon thread that holds its slot until it really ends.

A request over the limit is refused at once (the caller answers 503 with ``Retry-After``) rather than
queued. A request whose client goes away, or that is cancelled at shutdown, stops waiting, but its
extraction cannot be interrupted: it keeps its slot until it ends, so abandoned work never exceeds N,
and the size limits on the text bound how long it runs. The threads are daemons so that a server told to
stop (SIGTERM) exits without waiting for them; nothing is stored by them (storing happens after).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Every slot is taken."""


class ExtractionSlots:
    def __init__(self, n: int) -> None:
        self.size = n
        self._free = threading.BoundedSemaphore(n)

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(*args)`` in a new daemon thread, or :class:`Busy` when ``size`` are running."""
        if not self._free.acquire(blocking=False):
            raise Busy(f"{self.size} extraction{'s' if self.size != 1 else ''} already running")
        future: Future[T] = Future()

        def work() -> None:
            try:
                if future.set_running_or_notify_cancel():  # False: the request was cancelled before we began
                    try:
                        future.set_result(fn(*args))
                    except BaseException as exc:  # noqa: BLE001 - handed to the awaiting request, which re-raises it
                        future.set_exception(exc)
            finally:
                self._free.release()

        try:
            threading.Thread(target=work, name="detente-extract", daemon=True).start()
        except BaseException:  # noqa: BLE001 - no thread (e.g. out of threads): give the slot back, then re-raise
            self._free.release()
            raise
        return await asyncio.wrap_future(future)
