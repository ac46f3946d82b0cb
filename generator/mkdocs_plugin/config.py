"""Options of the `nearmiss` MkDocs plugin (set in mkdocs.yml under `plugins: - nearmiss:`)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class NearmissConfig(Config):
    # The content directory (reports/ and taxonomy.yml), relative to mkdocs.yml.
    content_dir = opt.Type(str, default="content")
    # Build even when the publication gate fails, and mark every page as an unpublishable preview.
    preview = opt.Type(bool, default=False)
    # The k of the k-anonymity check: each published facet combination must be shared by at least k reports.
    k = opt.Type(int, default=3)
    # Where the anonymous submission form lives; linked from the home and submit pages.
    intake_url = opt.Type(str, default="")
    # Cases per browse page.
    per_page = opt.Type(int, default=50)
    # Index the built site with Pagefind after the build.
    search_index = opt.Type(bool, default=True)
    # Write stage timings as JSON to this file (used by `nearmiss build` and the benchmarks).
    stats_file = opt.Type(str, default="")
    # Render the theme for half of the generated pages in a second process when there are at least this many
    # (0: never). Only when nearmiss is the only plugin, and only for `mkdocs build`.
    parallel_pages = opt.Type(int, default=500)
