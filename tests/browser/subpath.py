"""A second local server for the browser tests: the built site under a sub-path (``/kb/glossary/``).

It serves the site folder with ``scripts/serve.py``'s handler (the same MIME types), answers 404 for
anything outside the prefix, and records every path asked for, so a test can show that a page hosted
under a sub-path asks for nothing outside it.

It also writes the sub-path's URL where the pages and sitemaps have the root the build's ``SITE_URL``
named (``built_for``), as a build with ``SITE_URL`` set to the sub-path would (the
README's instruction for hosting under a path), without building the site again.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/kb/glossary/"


def serve_module() -> Any:
    """``scripts/serve.py`` as a module (its ``Handler`` and ``MIME_TYPES``)."""
    spec = importlib.util.spec_from_file_location(
        "_site_serve_subpath", ROOT / "scripts" / "serve.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed mid-download
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_under_prefix(
    site: Path, built_for: str, prefix: str = PREFIX
) -> Iterator[tuple[str, list[str]]]:
    """Serve ``site`` at ``http://127.0.0.1:<free port><prefix>``; yields that URL and the paths asked.

    ``built_for``: the root URL the site was built for (``SITE_URL``), replaced by the served URL in
    HTML and XML files.
    """
    serve = serve_module()
    asked: list[str] = []
    base: list[str] = []

    class Handler(serve.Handler):  # type: ignore[name-defined,misc]
        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(site / "__outside_the_prefix__")  # does not exist: 404
            return str(super().translate_path("/" + path[len(prefix) :]))

        def send_head(self) -> Any:
            asked.append(self.path)
            file = Path(self.translate_path(self.path))
            if file.is_dir() and self.path.split("?")[0].endswith("/"):
                file = file / "index.html"
            if file.suffix not in (".html", ".xml") or not file.is_file():
                return super().send_head()
            body = file.read_bytes().replace(built_for.encode(), base[0].encode())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(file)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = _Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="subpath-server", daemon=True)
    thread.start()
    base.append(f"http://127.0.0.1:{server.server_address[1]}{prefix}")
    try:
        yield base[0], asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
