"""Pages generated from the corpus: report pages, listings and the search page.

Pure functions from a corpus to Markdown strings. The MkDocs plugin hands them to mkdocs-material; nothing here
imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    """A file the site needs that is not on disk: its path in the docs tree and its content."""

    src_uri: str
    content: str


@dataclass(frozen=True)
class SiteOptions:
    """Settings that change what is generated (from the plugin config or the CLI)."""

    site_name: str = "Near Miss Case Library"
    site_url: str = ""
    intake_url: str = ""
    per_page: int = 50
    latest: int = 8
    preview: bool = False
    k: int = 3
