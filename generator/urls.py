"""Where each generated page lives, and relative links between pages.

Pages use directory URLs (`reports/NM-2025-0001/`), and every link is relative, so that the site works when it is
served from a sub-path and when opened from any mirror.
"""

from __future__ import annotations

import posixpath


def report_src(report_id: str) -> str:
    return f"reports/{report_id}.md"


def page_url(src_uri: str) -> str:
    """The directory URL of a Markdown source path: 'reports/X.md' -> 'reports/X/', 'index.md' -> ''."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem.lstrip("/") if stem != "/" else ""


def relative_url(from_url: str, to_url: str) -> str:
    """A relative link from one directory URL to another (both relative to the site root)."""
    if to_url.startswith("#"):
        return to_url
    path, _, fragment = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else from_url.rpartition("/")[0] + "/"
    start = base.split("/")[:-1] if base not in ("", "/") else []
    target = path.split("/")
    if target[-1] == "":
        target.pop()
    if "" in start or "" in target or {".", ".."} & set(start + target):
        # Empty and dot segments need posixpath's normalisation; generated URLs never have them.
        relative = _relpath(path, from_url)
    else:
        # The common case, a hundred thousand times per build: walk up to the common prefix, then down.
        common = 0
        while common < len(start) and common < len(target) and start[common] == target[common]:
            common += 1
        relative = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    if (path == "" or path.endswith("/")) and relative != ".":
        relative += "/"
    elif relative == ".":
        relative = "./"
    return relative + (f"#{fragment}" if fragment else "")


def _relpath(path: str, from_url: str) -> str:
    base = "/" + from_url
    return posixpath.relpath("/" + path, base if base.endswith("/") else posixpath.dirname(base))


def public_url(site_url: str, path: str) -> str:
    """The permanent URL of a page for citations, feeds and exports: absolute when `site_url` is configured,
    otherwise relative to the site root."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path
