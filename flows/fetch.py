"""Fetching over HTTP(S), politely and defensively, with httpx: every request gives a :class:`Fetched`.

A request never raises: time-outs, HTTP errors, redirect loops, oversized or slow bodies and
robots.txt refusals come back as a :class:`Fetched` with an ``outcome`` and a one-line ``error``,
and become a row of the ``fetches`` table. What :class:`Fetcher` does for every request:

- a User-Agent naming newslake; robots.txt of the host read once per fetcher and obeyed
  (RFC 9309: a 4xx robots.txt allows everything, an unreachable one disallows);
- a politeness delay between two requests to the same host;
- connect/read time-outs, and a deadline for the whole response (a slow drip of bytes is cut);
- bounded retries on time-outs, connection errors, 429 and 5xx, with exponential backoff and jitter
  (``Retry-After`` honoured up to the backoff cap);
- conditional GET: with the ``ETag``/``Last-Modified`` of the last good fetch, an unchanged URL
  answers 304 and costs no body;
- a size limit (``Content-Length`` checked first, then the bytes counted while streaming);
- at most ``max_redirects`` redirects.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

try:
    _VERSION = version("newslake")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    _VERSION = "0"

USER_AGENT = f"newslake/{_VERSION} (news-intelligence pipeline; +https://github.com/newslake/newslake)"
ROBOTS_AGENT = "newslake"
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

OUTCOMES = {
    "ok": "fetched (2xx)",
    "not_modified": "304: unchanged since the last fetch, no body transferred",
    "http_error": "the server answered 4xx/5xx",
    "timeout": "no answer within the time-out",
    "too_slow": "the whole response took longer than the deadline",
    "too_large": "the response is above the size limit",
    "too_many_redirects": "more redirects than allowed (or a redirect loop)",
    "robots_disallowed": "robots.txt disallows the URL for newslake",
    "network_error": "connection refused, DNS or TLS failure",
    "invalid_url": "not a fetchable http(s) URL",
}


@dataclass(frozen=True)
class FetchPolicy:
    """How newslake fetches; the defaults are what a run uses (settings ``NEWSLAKE_FETCH_*``)."""

    timeout_s: float = 10.0
    deadline_s: float = 60.0
    retries: int = 2
    backoff_s: float = 0.5
    backoff_max_s: float = 8.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    host_delay_s: float = 1.0
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    """One request's outcome (a ``fetches`` row once the run adds ``run_id`` and ``source``)."""

    url: str
    kind: str
    requested_at: datetime
    outcome: str
    status: int | None = None
    error: str | None = None
    content: bytes = b""
    content_type: str | None = None
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    elapsed_ms: float = 0.0
    attempts: int = 0
    doc_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    def row(self) -> dict:
        """The ``fetches`` columns of this request (without ``run_id``/``source``)."""
        return {"url": self.url, "kind": self.kind, "requested_at": self.requested_at, "outcome": self.outcome,
                "status": self.status, "error": self.error, "bytes": len(self.content),
                "elapsed_ms": round(self.elapsed_ms, 1), "attempts": self.attempts,
                "content_type": self.content_type, "final_url": self.final_url, "etag": self.etag,
                "last_modified": self.last_modified, "doc_id": self.doc_id}


class _Stop(Exception):
    """A response given up on while streaming (too large, too slow)."""

    def __init__(self, outcome: str, error: str) -> None:
        super().__init__(error)
        self.outcome, self.error = outcome, error


@dataclass
class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy`; one per run (it remembers robots.txt and host times)."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    _client: httpx.Client | None = None
    _robots: dict[str, RobotFileParser | str] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def __enter__(self) -> "Fetcher":
        p = self.policy
        self._client = httpx.Client(
            timeout=httpx.Timeout(p.timeout_s), follow_redirects=True, max_redirects=p.max_redirects,
            headers={"User-Agent": p.user_agent, "Accept-Encoding": "gzip, deflate"}, transport=self.transport,
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # ------------------------------------------------------------------ public

    def get(self, url: str, *, kind: str = "page", etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """GET ``url`` under the policy; conditional when ``etag``/``last_modified`` are given."""
        started = datetime.now(timezone.utc)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return Fetched(url, kind, started, "invalid_url", error=f"not an http(s) URL: {url[:200]}")
        if self.policy.respect_robots:
            refusal = self._robots_refusal(url)
            if refusal is not None:
                return Fetched(url, kind, started, "robots_disallowed", error=refusal)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = Fetched(url, kind, started, "network_error")
        for attempt in range(1, self.policy.retries + 2):
            result = self._once(url, kind, started, headers)
            result.attempts = attempt
            retry_after = self._retryable(result)
            if retry_after is None or attempt > self.policy.retries:
                break
            backoff = min(self.policy.backoff_max_s, self.policy.backoff_s * 2 ** (attempt - 1))
            self.sleep(max(retry_after, backoff * (0.5 + random.random() / 2)))
        return result

    # ------------------------------------------------------------------ internals

    def _retryable(self, r: Fetched) -> float | None:
        """Seconds the server asked to wait (0 if it did not) when ``r`` is worth retrying, else None."""
        if r.outcome in ("timeout", "network_error"):
            return 0.0
        if r.outcome == "http_error" and r.status in RETRY_STATUS:
            return 0.0 if r.error is None else _retry_after(r.error, self.policy.backoff_max_s)
        return None

    def _wait_for_host(self, host: str) -> None:
        delay = self.policy.host_delay_s
        last = self._last.get(host)
        if last is not None and delay > 0:
            left = last + delay - time.monotonic()
            if left > 0:
                self.sleep(left)
        self._last[host] = time.monotonic()

    def _once(self, url: str, kind: str, started: datetime, headers: dict[str, str]) -> Fetched:
        assert self._client is not None, "use Fetcher as a context manager"
        p = self.policy
        self._wait_for_host(urlsplit(url).hostname or "")
        t0 = time.monotonic()
        r = Fetched(url, kind, started, "network_error")
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                r.status, r.final_url = resp.status_code, str(resp.url)
                r.content_type = resp.headers.get("content-type")
                r.etag, r.last_modified = resp.headers.get("etag"), resp.headers.get("last-modified")
                if resp.status_code == 304:
                    r.outcome = "not_modified"
                    return r
                if resp.status_code >= 400:
                    r.outcome = "http_error"
                    r.error = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                    if resp.headers.get("retry-after"):
                        r.error += f" (Retry-After: {resp.headers['retry-after'][:40]})"
                    return r
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > p.max_bytes:
                    raise _Stop("too_large", f"Content-Length {int(declared):,} bytes is above the limit of {p.max_bytes:,}")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > p.max_bytes:
                        raise _Stop("too_large", f"response is above the limit of {p.max_bytes:,} bytes")
                    if time.monotonic() - t0 > p.deadline_s:
                        raise _Stop("too_slow", f"response not complete after {p.deadline_s:g}s ({size:,} bytes so far)")
                    chunks.append(chunk)
                r.content, r.outcome = b"".join(chunks), "ok"
        except _Stop as e:
            r.outcome, r.error = e.outcome, e.error
        except httpx.TooManyRedirects:
            r.outcome, r.error = "too_many_redirects", f"more than {p.max_redirects} redirects (a redirect loop?)"
        except httpx.TimeoutException as e:
            r.outcome, r.error = "timeout", f"{type(e).__name__}: no answer within {p.timeout_s:g}s"
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            r.outcome, r.error = "invalid_url", _one_line(e)
        except httpx.HTTPError as e:
            r.outcome, r.error = "network_error", f"{type(e).__name__}: {_one_line(e)}"
        finally:
            r.elapsed_ms = (time.monotonic() - t0) * 1000
        return r

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids ``url``, or None when it may be fetched."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            got = self._once(f"{origin}/robots.txt", "robots", datetime.now(timezone.utc), {})
            if got.ok:
                rules = RobotFileParser()
                rules.parse(got.content.decode("utf-8", "replace").splitlines())
            elif got.outcome == "http_error" and got.status is not None and 400 <= got.status < 500:
                rules = RobotFileParser()
                rules.parse([])  # RFC 9309 2.3.1.3: an unavailable robots.txt allows everything
            else:
                rules = f"robots.txt of {origin} unreachable ({got.error or got.outcome}), so nothing is fetched (RFC 9309)"
            self._robots[origin] = rules
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(ROBOTS_AGENT, url):
            return f"robots.txt of {origin} disallows {parts.path or '/'} for {ROBOTS_AGENT}"
        return None


def _retry_after(error: str, cap: float) -> float:
    """Seconds from a ``(Retry-After: …)`` note in ``error`` (seconds or an HTTP date), capped."""
    value = error.rsplit("Retry-After: ", 1)[-1].rstrip(")")
    if value.strip().isdigit():
        return min(cap, float(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return min(cap, max(0.0, (when - datetime.now(timezone.utc)).total_seconds()))


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
