"""Reading built HTML pages in tests: every URL a page would load or link to."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Attributes whose URL the browser fetches by itself (as opposed to a link the reader may follow).
LOADED = {("img", "src"), ("script", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
          ("audio", "src"), ("embed", "src"), ("object", "data"), ("link", "href"), ("img", "srcset"),
          ("source", "srcset"), ("video", "poster"), ("input", "src"), ("form", "action")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in LOADED:
                self.loaded += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            elif tag == "a" and name == "href":
                self.links.append(value)
            elif name == "style":
                self.loaded += [a or b for a, b in CSS_URL.findall(value)]
            elif tag == "meta" and name == "content" and "url=" in value.lower():
                self.loaded.append(value.split("=", 1)[1])
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.loaded += [a or b for a, b in CSS_URL.findall(data)]


def urls_in_html(html: str) -> tuple[list[str], list[str]]:
    """(URLs the page loads, URLs it links to)."""
    collector = _Collector()
    collector.feed(html)
    return collector.loaded, collector.links


def is_external(url: str) -> bool:
    """True for a URL on another host (absolute or protocol-relative); data: and relative URLs are local."""
    return bool(re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//", url.strip()))
