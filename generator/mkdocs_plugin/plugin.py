"""MkDocs hooks that hand nearmiss's generated pages to mkdocs-material. Glue only: the work is in `generator`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from generator.errors import NearmissError
from generator.mkdocs_plugin.config import NearmissConfig
from generator.pages import SiteOptions
from generator.sitebuild import SiteBuild

log = logging.getLogger("mkdocs.plugins.nearmiss")


class NearmissPlugin(BasePlugin[NearmissConfig]):
    """Adds report pages, listings and the search index to a Material for MkDocs site."""

    supports_multiple_instances = False

    def on_config(self, config):
        base = Path(config.config_file_path or ".").parent
        self.content_dir = (base / self.config.content_dir).resolve()
        options = SiteOptions(
            site_name=config.site_name, site_url=config.site_url or "", intake_url=self.config.intake_url,
            per_page=self.config.per_page, preview=self.config.preview, k=self.config.k,
        )
        try:
            self.build = SiteBuild(self.content_dir, options, self.config.k)
        except NearmissError as error:
            raise PluginError(f"nearmiss: the content cannot be published:\n{error}") from None
        if self.build.gate_problems:
            log.warning("nearmiss: PREVIEW build: %d report problem(s) would stop publication; every page is "
                        "marked as an unpublishable preview", len(self.build.gate_problems))
        config.extra["nearmiss"] = {"preview": self.config.preview, "intake_url": self.config.intake_url}
        return config

    def on_files(self, files, config):
        for page in self.build.pages():
            # Not in the nav: a nav entry per report makes every page render every other one (O(N^2)).
            files.append(File.generated(config, page.src_uri, content=page.content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # MkDocs' theme environment does not autoescape: untrusted titles must reach templates escaped.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        return self.build.fill(markdown, page.url)

    def on_serve(self, server, config, builder):
        server.watch(str(self.content_dir))
        return server

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config):
        try:
            if self.config.search_index:
                self.build.index(config.site_dir)
        except NearmissError as error:
            raise PluginError(str(error)) from None
        if self.config.stats_file:
            Path(self.config.stats_file).write_text(json.dumps(self.build.times.as_dict(), indent=2), encoding="utf-8")
