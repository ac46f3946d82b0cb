"""Index a site with Pagefind: page by page while MkDocs renders (`LiveIndex`), or a built directory afterwards.

`LiveIndex` talks to the Pagefind binary's service mode directly (the same base64-JSON messages separated by
commas that the `pagefind` package's Python API sends): that API reads one response per 0.1 s, fine for one
`add_directory` call but not for 30,000 `add_html_file` calls. Pages are sent as MkDocs renders them, so Pagefind
indexes on the second core while MkDocs keeps the first, and each page is sent without the theme's navigation:
only the region the site marks `data-pagefind-body` (what a directory crawl would have indexed) is sent.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

from pagefind.index import PagefindIndex
from pagefind.service import get_executable

from generator.errors import NearmissError, Problem
from generator.timing import peak_rss_mb

BUNDLE = "pagefind"
# A raw HTML block whose outer element Pagefind skips with everything inside it (related cases, citations).
SEARCH_IGNORED = re.compile(r'<[^>]*\bdata-pagefind-ignore="all"')
# Permalink anchors ("¶") would otherwise show up in titles and excerpts.
CONFIG = {"exclude_selectors": [".headerlink"]}
PAGE = '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head><body>{body}</body></html>'


class LiveIndex:
    """A Pagefind index in Pagefind's own process, fed one page at a time, written once at the end."""

    def __init__(self, language: str = "en") -> None:
        binary = get_executable()
        if binary is None:
            raise NearmissError(Problem("pagefind", 1, "pagefind", "the Pagefind binary is not installed"))
        self.language, self.pages, self.errors, self.peak_rss_mb = language, 0, [], 0.0
        self._process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT)
        self._next_id, self._waiting, self._replies = 0, {}, {}
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, name="pagefind-reader", daemon=True)
        self._reader.start()
        self.index_id = self._call({"type": "NewIndex", "config": CONFIG})["index_id"]

    def add(self, url: str, body_html: str) -> None:
        """Queue one page: `body_html` is the page's indexed region (an element with data-pagefind-body)."""
        html = PAGE.format(lang=self.language, body=body_html)
        self._send({"type": "AddFile", "index_id": self.index_id, "url": url, "file_path": None,
                    "file_contents": html})

    def write(self, site_dir: Path | str) -> int:
        """Write the bundle to `site_dir/pagefind` (the old one is deleted first) and stop; return the page count."""
        bundle = Path(site_dir).resolve() / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        try:
            self._call({"type": "WriteFiles", "index_id": self.index_id, "output_path": str(bundle)})
            self.peak_rss_mb = peak_rss_mb(self._process.pid)  # while it still runs: its own high-water mark
        finally:
            self.close()
        if self.errors:
            raise NearmissError(Problem(str(site_dir), 1, "pagefind", f"indexing failed: {self.errors[0]}"))
        return self.pages

    def close(self) -> None:
        """Stop Pagefind (also after an error); safe to call twice."""
        if self._process.poll() is None:
            try:
                self._process.stdin.close()
            except OSError:
                pass
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=5)

    def _send(self, payload: dict, event: threading.Event | None = None) -> int:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            if event is not None:
                self._waiting[message_id] = event
        message = base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b","
        try:
            self._process.stdin.write(message)
            self._process.stdin.flush()
        except OSError as error:
            raise NearmissError(Problem("pagefind", 1, "pagefind", f"Pagefind stopped: {error}")) from None
        return message_id

    def _call(self, payload: dict) -> dict:
        event = threading.Event()
        message_id = self._send(payload, event)
        while not event.wait(1.0):
            if self._process.poll() is not None and not event.is_set():
                raise NearmissError(Problem("pagefind", 1, "pagefind", "Pagefind stopped unexpectedly"))
        reply = self._replies.pop(message_id)
        if reply.get("type") == "Error":
            raise NearmissError(Problem("pagefind", 1, "pagefind", f"indexing failed: {reply.get('message')}"))
        return reply

    def _read(self) -> None:
        buffer = b""
        stream = self._process.stdout
        while chunk := stream.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                self._receive(message)

    def _receive(self, message: bytes) -> None:
        try:
            reply = json.loads(base64.b64decode(message))
        except ValueError:
            return  # not a service message (Pagefind prints nothing else unless verbose)
        payload = reply.get("payload") or {}
        if payload.get("type") == "IndexedFile":
            self.pages += 1
        elif payload.get("type") == "Error":
            self.errors.append(payload.get("message", "unknown error"))
        with self._lock:
            event = self._waiting.pop(reply.get("message_id"), None)
        if event is not None:
            self._replies[reply["message_id"]] = payload
            event.set()


def searched_blocks(blocks: tuple[str, ...] | list[str]) -> list[str]:
    """A page's raw HTML blocks as Pagefind needs them: those it would skip whole are left out (not even sent)."""
    return ["" if SEARCH_IGNORED.match(block) else block for block in blocks]


def index_site(site_dir: Path | str) -> int:
    """Replace the search index of a built directory (every HTML file Pagefind finds); return the pages indexed.

    The old bundle is deleted first: Pagefind would otherwise leave fragments of removed (for example withdrawn)
    reports behind, and those fragments hold their text.
    """
    site_dir = Path(site_dir).resolve()
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        return asyncio.run(_index(site_dir, bundle))
    except (OSError, RuntimeError, AssertionError) as error:
        raise NearmissError(Problem(str(site_dir), 1, "pagefind", f"indexing failed: {error}")) from error


async def _index(site_dir: Path, bundle: Path) -> int:
    config = {"output_path": str(bundle), **CONFIG}
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
        await index.write_files(output_path=str(bundle))
    return int(result.get("page_count", 0))
