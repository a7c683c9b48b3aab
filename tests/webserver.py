"""A loopback HTTP server for the fetching tests: routes map a path to a response (nothing leaves
127.0.0.1). A route is ``(status, headers, body)`` or a callable ``handler -> None`` for special
behaviour (slow drip, redirect loop)."""

from __future__ import annotations

import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


class Site:
    """Routes served by a :class:`LoopbackServer`; change them between requests to change the site."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict, bytes] | Callable] = {}
        self.hits: list[tuple[str, dict]] = []  # (path, request headers)
        self.lock = threading.Lock()

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", *,
             status: int = 200, mtime: float | None = None, etag: str | None = None) -> None:
        data = body.encode() if isinstance(body, str) else body
        headers = {"Content-Type": content_type}
        if mtime is not None:
            headers["Last-Modified"] = formatdate(mtime, usegmt=True)
        if etag is not None:
            headers["ETag"] = etag
        self.routes[path] = (status, headers, data)

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.hits if p == path)


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        site = self.site
        with site.lock:
            site.hits.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if callable(route):
            route(self)
            return
        status, headers, body = route
        if status == 200 and (
                ("ETag" in headers and self.headers.get("If-None-Match") == headers["ETag"])
                or ("Last-Modified" in headers and self.headers.get("If-Modified-Since") == headers["Last-Modified"])):
            self.send_response(304)
            for k in ("ETag", "Last-Modified"):
                if k in headers:
                    self.send_header(k, headers[k])
            self.end_headers()
            return
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LoopbackServer:
    """``with LoopbackServer() as srv: srv.url("/feed.xml")``: a threaded server on a free port."""

    def __init__(self) -> None:
        self.site = Site()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self) -> "LoopbackServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
