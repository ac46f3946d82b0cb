"""A small static file server for a built site, on loopback only, optionally under a URL prefix."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
                      ".pf_fragment": "application/octet-stream", ".pf_index": "application/octet-stream",
                      ".pf_filter": "application/octet-stream", ".js": "text/javascript"}

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        # Quiet by default: no request log, which would otherwise record client addresses.
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    prefix = "/"


def serve_directory(site_dir: Path, *, port: int = 8000, prefix: str = "/") -> SiteServer:
    """Create (not start) a server for `site_dir` at http://127.0.0.1:port/prefix; port 0 picks a free port."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = SiteServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    server.prefix = prefix
    return server
