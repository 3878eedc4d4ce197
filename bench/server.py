"""A static server for the benchmarks that behaves like a good static host.

    python bench/server.py --root site [--overlay DIR] [--port 8123]

- Precompressed ``.br``/``.gz`` files beside an asset are sent when the request's ``Accept-Encoding``
  allows (``br`` first), with ``Content-Encoding`` and ``Vary: Accept-Encoding``.
- Versioned paths (``assets/pyodide/<version>/``, ``assets/calculators/<hash>/``, Material's hashed
  ``*.<hash>.min.js``/``.min.css`` bundles) are ``Cache-Control: public, max-age=31536000, immutable``;
  everything else (HTML, unversioned scripts and styles) is ``no-cache``: revalidated with
  ``ETag``/``If-None-Match`` (``304 Not Modified``) on every use.
- HTTP/1.1 keep-alive, the MIME types browsers need for Pyodide (``application/wasm``, JavaScript
  for ``.mjs``), directory URLs to ``index.html``, and the site's ``404.html``.
- ``--log FILE`` appends one JSON line per response (path, status, coding, header and body bytes):
  the bytes a visit transferred, worker requests included, whatever the browser reports.
- ``--overlay DIR`` is looked up before ``--root``: bench-only pages (an article without its widget,
  with a plain-JavaScript calculator, a bare Pyodide page) live there, beside the real site's URLs.
- ``--mbit N --delay-ms M``: a throttled link. Every response waits M ms before its headers (a round
  trip), and all bodies share one link of N Mbit/s (sent in 16 kB chunks, each taking its turn).
"""

from __future__ import annotations

import argparse
import email.utils
import http.server
import json
import re
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
VERSIONED = (
    re.compile(r"^/assets/pyodide/[^/]+/"),
    re.compile(r"^/assets/calculators/[0-9a-f]+/"),
    re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$"),
)
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def cache_control(url_path: str) -> str:
    """The ``Cache-Control`` header for a URL path.

    >>> cache_control("/assets/pyodide/314.0.7/pyodide.asm.wasm") == IMMUTABLE
    True
    >>> cache_control("/nb/assets/javascripts/bundle.a5f9d56c.min.js") == IMMUTABLE
    True
    >>> cache_control("/nb/assets/javascripts/calculator.js"), cache_control("/nb/")
    ('no-cache', 'no-cache')
    """
    return IMMUTABLE if any(p.search(url_path) for p in VERSIONED) else REVALIDATE


def accepted(header: str) -> set[str]:
    """Codings allowed by an ``Accept-Encoding`` header (``q=0`` excludes).

    >>> sorted(accepted("gzip, deflate, br, zstd")), sorted(accepted("br;q=0, gzip"))
    (['br', 'deflate', 'gzip', 'zstd'], ['gzip'])
    """
    codings = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name and quality > 0:
            codings.add(name.strip().lower())
    return codings


class Link:
    """One shared link of ``mbit`` Mbit/s: each chunk waits until the link is free, then holds it
    for its transmission time."""

    def __init__(self, mbit: float) -> None:
        self.rate = mbit * 1e6 / 8
        self.free_at = 0.0
        self.lock = threading.Lock()

    def send(self, size: int) -> None:
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size / self.rate
        time.sleep(max(0.0, self.free_at - time.monotonic()))


CHUNK = 16 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bench-static/1"
    roots: tuple[Path, ...] = ()
    log_file = None
    log_lock = threading.Lock()
    link: Link | None = None
    delay = 0.0

    def do_GET(self) -> None:
        self.header_bytes = self.body_bytes = self.file_bytes = 0
        self.coding: str | None = None
        self.respond(body=True)
        self.log_response()

    def do_HEAD(self) -> None:
        self.header_bytes = self.body_bytes = self.file_bytes = 0
        self.coding = None
        self.respond(body=False)
        self.log_response()

    def flush_headers(self) -> None:
        self.header_bytes += sum(len(line) for line in getattr(self, "_headers_buffer", []))
        super().flush_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def log_response(self) -> None:
        if self.log_file is None:
            return
        line = json.dumps(
            {
                "t": time.time(),
                "path": self.path,
                "status": getattr(self, "status", 0),
                "coding": self.coding,
                "header_bytes": self.header_bytes,
                "body_bytes": self.body_bytes,
                "file_bytes": self.file_bytes,
            }
        )
        with self.log_lock:
            self.log_file.write(line + "\n")
            self.log_file.flush()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def resolve(self, url_path: str) -> tuple[Path | None, bool]:
        """The file for ``url_path`` (overlay first) and whether it is a directory lacking a slash."""
        parts = [p for p in url_path.split("/") if p]
        if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
            return None, False
        for root in self.roots:
            candidate = root.joinpath(*parts)
            if candidate.is_dir():
                if not url_path.endswith("/"):
                    return candidate, True
                candidate = candidate / "index.html"
            if candidate.is_file():
                return candidate, False
        return None, False

    def respond(self, body: bool) -> None:
        if self.delay:
            time.sleep(self.delay)
        url = urlsplit(self.path)
        url_path = unquote(url.path)
        path, needs_slash = self.resolve(url_path)
        if needs_slash:
            location = url.path + "/" + (f"?{url.query}" if url.query else "")
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if path is None:
            status, path = 404, self.roots[-1] / "404.html"
            if not path.is_file():
                self.send_error(404)
                return
        content_type = MIME_TYPES.get(path.suffix, "application/octet-stream")
        send, coding = path, None
        variants = [(c, path.with_name(path.name + s)) for c, s in ENCODINGS]
        has_variants = any(v.is_file() for _, v in variants)
        allowed = accepted(self.headers.get("Accept-Encoding", ""))
        for name, variant in variants:
            if name in allowed and variant.is_file():
                send, coding = variant, name
                break
        stat = send.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}{"-" + coding if coding else ""}"'
        headers = {
            "Content-Type": content_type,
            "Cache-Control": cache_control(url_path) if status == 200 else "no-store",
            "ETag": etag,
            "Last-Modified": email.utils.formatdate(stat.st_mtime, usegmt=True),
        }
        if has_variants:
            headers["Vary"] = "Accept-Encoding"
        if coding:
            headers["Content-Encoding"] = coding
        match = self.headers.get("If-None-Match")
        if status == 200 and match and etag in [m.strip() for m in match.split(",")]:
            self.send_response(304)
            for key in ("Cache-Control", "ETag", "Vary"):
                if key in headers:
                    self.send_header(key, headers[key])
            self.end_headers()
            return
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(stat.st_size))
        self.end_headers()
        self.coding = coding
        self.file_bytes = path.stat().st_size
        if body:
            with send.open("rb") as stream:
                try:
                    if self.link is None:
                        self.body_bytes = self.connection.sendfile(stream)
                    else:
                        while chunk := stream.read(CHUNK):
                            self.link.send(len(chunk))
                            self.connection.sendall(chunk)
                            self.body_bytes += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(
    root: Path,
    overlay: Path | None = None,
    port: int = 0,
    log: Path | None = None,
    mbit: float = 0,
    delay_ms: float = 0,
) -> Server:
    roots = tuple(p.resolve() for p in (overlay, root) if p is not None)
    handler = type(
        "BoundHandler",
        (Handler,),
        {
            "roots": roots,
            "log_file": log.open("a", encoding="utf-8") if log else None,
            "link": Link(mbit) if mbit else None,
            "delay": delay_ms / 1000,
        },
    )
    return Server(("127.0.0.1", port), handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1] / "site")
    parser.add_argument("--overlay", type=Path, help="folder looked up before --root")
    parser.add_argument("--port", type=int, default=8123, help="0 picks a free port")
    parser.add_argument("--log", type=Path, help="append one line per request here")
    parser.add_argument("--mbit", type=float, default=0, help="throttle bodies to this link speed")
    parser.add_argument("--delay-ms", type=float, default=0, help="wait this long per request")
    args = parser.parse_args()
    server = make_server(args.root, args.overlay, args.port, args.log, args.mbit, args.delay_ms)
    # The first line tells a parent process which port was bound.
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
