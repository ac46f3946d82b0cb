"""Bytes a search downloads on a built site, measured in headless Chromium (Debian's) driven by Playwright.

The site is served on 127.0.0.1 by `generator.serve`; each query opens the search page with a fresh cache at
`search/?q=...` (the header search box and shared links arrive this way), waits until results are shown, and
sums the response bodies: everything under `pagefind/` (the search itself: its script, WebAssembly, metadata,
index and filter chunks, and the fragments of the results shown) and, separately, the page itself.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from urllib.parse import urlencode

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
QUERIES = (
    {"q": "missed weapon"},
    {"q": "ladder fall"},
    {"q": "radio"},
    {"q": "radio", "year": "2016"},
    {"q": "struck by forklift", "sort": "published:desc"},
)
NEXT_QUERY = "fell from a roof"
DONE = " match"  # "N cases match." or "No cases match." (a locator: the page's CSP forbids eval)


def measure(site: Path, queries=QUERIES) -> list[dict]:
    """One row per query: bytes from pagefind/ and from everything else, and the number of results shown."""
    from playwright.sync_api import sync_playwright

    from generator.serve import serve_directory

    server = serve_directory(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            for query in queries:
                with tempfile.TemporaryDirectory(prefix="nearmiss-bench-chromium-") as profile:
                    context = playwright.chromium.launch_persistent_context(
                        profile, executable_path=CHROMIUM, headless=True, args=FLAGS)
                    try:
                        rows.append(_one(context, base, query))
                    finally:
                        context.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def _one(context, base: str, query: dict) -> dict:
    from playwright.sync_api import Error

    sizes: dict[str, int] = {}

    def record(response) -> None:
        try:
            sizes[response.url] = sizes.get(response.url, 0) + len(response.body())
        except Error:  # a redirect or an aborted request has no body: nothing was downloaded
            return

    page = context.new_page()
    page.on("response", record)
    page.goto(base + "search/?" + urlencode(query))
    page.locator(".nm-search__status", has_text=DONE).wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    status = page.locator(".nm-search__status").inner_text()
    search = {url: size for url, size in sizes.items() if "/pagefind/" in url}
    row = {"query": urlencode(query), "status": status, "search_bytes": sum(search.values()),
           "search_requests": len(search), "page_bytes": sum(sizes.values()) - sum(search.values()),
           "largest": sorted(((size, url.rsplit("/", 2)[-2] + "/" + url.rsplit("/", 1)[-1])
                              for url, size in search.items()), reverse=True)[:3]}
    # A second query typed on the same page: what each further search costs once Pagefind is loaded.
    before = dict(sizes)
    page.fill("#nm-search-input", NEXT_QUERY)
    page.locator(".nm-search__status", has_text=DONE).wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    row["next_query_bytes"] = sum(size - before.get(url, 0) for url, size in sizes.items() if "/pagefind/" in url)
    return row
