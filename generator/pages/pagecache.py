"""Report pages kept between builds, so that a build after one report changed renders only the pages it changed.

A report page is made from its report, the taxonomy, the site's options, its related cases, the case that
supersedes it and the accounts it merges (`generator.pages.report_page`). The key of a page hashes all of them
(their `repr`: every field) with the code and libraries that render pages, so a page is reused only where it
would come out byte-identical (tested). Entries live in one SQLite file per content directory under
`.nearmiss-cache/`, as compressed JSON (never pickle: reading a cache must not be able to run code); entries no
build asked for are dropped. A cache that cannot be read is rebuilt, never an error.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import zlib
from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from generator.pages import GeneratedPage
from generator.pages.html import Rendered
from generator.reportcache import GENERATOR, add_files, content_cache_file

FORMAT = 1
LIBRARIES = ("markdown", "jinja2", "markupsafe")
LOOKUP_BATCH = 500  # SQLite allows at most 999 parameters in a statement by default


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every file of the generator package and of the libraries that turn templates into HTML."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]}".encode())
    for library in LIBRARIES:
        digest.update(f" {library} {version(library)}".encode())
    add_files(digest, [path for path in GENERATOR.rglob("*") if path.is_file() and "__pycache__" not in path.parts
                       and path.suffix in (".py", ".j2", ".yml", ".json")])
    return digest.hexdigest()


def page_keys(*shared: object) -> Callable[..., str]:
    """A function giving the key of a page made from its own inputs (a report, its related items...) and the
    `shared` ones every page of a build has (the taxonomy, the site options), which are hashed only once."""
    base = hashlib.sha256(code_version().encode())
    _update(base, shared)

    def key(*inputs: object) -> str:
        digest = base.copy()
        _update(digest, inputs)
        return digest.hexdigest()

    return key


def _update(digest, values) -> None:
    for value in values:
        digest.update(b"\0" + repr(value).encode())


class PageCache:
    """Generated pages by key, in `.nearmiss-cache/pages-<content dir hash>.sqlite`."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.asked = self.hits = 0
        try:
            self._connection = self._connect()
        except sqlite3.DatabaseError:  # not a database, or from another format: start again
            self.path.unlink(missing_ok=True)
            self._connection = self._connect()

    @classmethod
    def for_content(cls, cache_dir: Path | str, content_dir: Path | str) -> PageCache | None:
        """The page cache of one content directory; None where it cannot be created (a read-only checkout),
        and then every page is rendered."""
        try:
            return cls(content_cache_file(cache_dir, content_dir, "pages", ".sqlite"))
        except (OSError, sqlite3.Error):
            return None

    def get(self, keys: list[str]) -> dict[str, GeneratedPage]:
        """The cached pages among `keys`; an unreadable entry counts as missing."""
        found: dict[str, GeneratedPage] = {}
        for start in range(0, len(keys), LOOKUP_BATCH):
            batch = keys[start:start + LOOKUP_BATCH]
            rows = self._query(f"SELECT key, value FROM pages WHERE key IN ({','.join('?' * len(batch))})", batch)
            for key, value in rows:
                page = _decode(value)
                if page is not None:
                    found[key] = page
        self.asked, self.hits = self.asked + len(keys), self.hits + len(found)
        return found

    def keep(self, pages: dict[str, GeneratedPage], rendered: set[str]) -> None:
        """Keep the entries of `pages` (by key), writing those `rendered` this time; drop every other entry."""
        try:
            with self._connection:
                self._connection.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self._connection.execute("DELETE FROM used")
                self._connection.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in pages))
                self._connection.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM used)")
                self._connection.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", (
                    (key, _encode(page)) for key, page in pages.items() if key in rendered))
        except sqlite3.Error:
            return  # a cache that cannot be written only costs the next build time

    def close(self) -> None:
        self._connection.close()

    def _connect(self) -> sqlite3.Connection:
        self.path.touch(mode=0o600, exist_ok=True)  # it holds report text, like the other caches
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        connection.commit()
        return connection

    def _query(self, sql: str, parameters: list[str]) -> list[tuple]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            return []


def _encode(page: GeneratedPage) -> bytes:
    rendered = page.rendered
    data = {"src_uri": page.src_uri, "body": page.body, "front": page.front, "blocks": list(page.blocks),
            "html": rendered.html if rendered is not None else None,
            "toc": rendered.toc if rendered is not None else None}
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def _decode(value: bytes) -> GeneratedPage | None:
    try:
        data = json.loads(zlib.decompress(value))
        rendered = Rendered(data["html"], data["toc"]) if data["html"] is not None else None
        return GeneratedPage(data["src_uri"], data["body"], data["front"], tuple(data["blocks"]), rendered)
    except (ValueError, KeyError, TypeError, zlib.error):
        return None
