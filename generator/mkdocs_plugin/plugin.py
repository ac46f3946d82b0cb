"""MkDocs hooks that hand nearmiss's generated pages to mkdocs-material. Glue only: the work is in `generator`."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from generator.errors import NearmissError
from generator.mkdocs_plugin.adapters import RenderedPage, markdown_settings, memo_function, nav_items, nav_key_function
from generator.mkdocs_plugin.config import NearmissConfig
from generator.mkdocs_plugin.forked import ForkedPages
from generator.pages import SiteOptions
from generator.pages.render import fill_blocks
from generator.progress import Progress
from generator.search_index import searched_blocks
from generator.sitebuild import SiteBuild

log = logging.getLogger("mkdocs.plugins.nearmiss")


class NearmissPlugin(BasePlugin[NearmissConfig]):
    """Adds report pages, listings and the search index to a Material for MkDocs site."""

    supports_multiple_instances = False
    progress: Progress | None = None
    forked: ForkedPages | None = None
    command: str | None = None

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.main_pid = os.getpid()
        started = os.environ.get("NEARMISS_STARTED", "")
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
        if started:  # Python, MkDocs and the theme starting, before the first plugin event
            self.build.times.notes["startup_seconds"] = round(time.time() - float(started) - sum(
                stage["seconds"] for stage in self.build.times.stages), 3)
        if self.build.gate_problems:
            log.warning("nearmiss: PREVIEW build: %d report problem(s) would stop publication; every page is "
                        "marked as an unpublishable preview", len(self.build.gate_problems))
        config.extra["nearmiss"] = {"preview": self.config.preview, "intake_url": self.config.intake_url}
        return config

    def on_files(self, files, config):
        self.parts, self.indexed = {}, set()
        # Report pages go to Pagefind as soon as they are rendered (before MkDocs has even seen them), when what
        # MkDocs will show is known to be exactly that HTML at that URL: no other plugin, directory URLs.
        early = self.config.search_index and config.use_directory_urls and list(config.plugins) == ["nearmiss"]
        language = config.theme["language"] or "en"
        pages = self.build.pages(markdown_settings(config), index=early, language=language)
        self.build.times.begin("register")
        for page in pages:
            content = page.body
            if page.front is not None and not page.body.startswith("---"):
                # Front matter goes straight into page.meta (on_page_markdown): nothing to write or parse.
                self.parts[page.src_uri] = page
                self.indexed.update([page.src_uri] if page.front.get("template") == "report.html" else [])
            else:
                content = page.content
            # Not in the nav: a nav entry per report makes every page render every other one (O(N^2)).
            file = File.generated(config, page.src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            files.append(file)
            if page.src_uri in self.parts and page.rendered is not None:
                RenderedPage(file, config, page.rendered)
        if self.config.search_index and not self.build.indexed_early:
            self.build.start_index(language)
        self.build.times.begin("markdown")
        self._step("build: rendering Markdown", len(files.documentation_pages()))
        return files

    def on_nav(self, nav, config, files):
        self.nav = nav
        self.nav_urls = [item.url for item in nav_items(nav.items) if getattr(item, "url", None) is not None]
        if nav.homepage is not None:  # the logo's link
            self.nav_urls.append(nav.homepage.url)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        parts = self.parts.get(page.file.src_uri)
        if parts is not None:
            page.meta = dict(parts.front)
        # MkDocs' theme environment does not autoescape: untrusted titles must reach templates escaped.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        return markdown if parts is not None else self.build.fill(markdown, page.url)

    def on_page_content(self, html, page, config, files):
        parts = self.parts.pop(page.file.src_uri, None)
        if parts is not None:
            if page.file.src_uri in self.indexed and self.config.search_index and not self.build.indexed_early:
                self.build.index_page(page.url, fill_blocks(html, searched_blocks(parts.blocks)))
            html = fill_blocks(html, parts.blocks)
        self._advance()
        return html

    def on_env(self, env, config, files):
        # `theme/...` names the theme's own templates, so that an override can wrap the one it replaces.
        theme_dirs = [folder for folder in config.theme.dirs if folder != config.theme.custom_dir]
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(theme_dirs)})])
        env.globals["nearmiss_memo"] = memo_function({})
        env.globals["nearmiss_nav_key"] = nav_key_function(self.nav_urls)
        self.build.times.notes["pages"] = len(files.documentation_pages())
        self.build.times.begin("templates")
        self._step("build: writing pages", len(files.documentation_pages()))
        rendered = [file.page for file in files.documentation_pages() if isinstance(file.page, RenderedPage)]
        if (self.command == "build" and 0 < self.config.parallel_pages <= len(rendered)
                and list(config.plugins) == ["nearmiss"]):
            self.forked = ForkedPages(rendered[1::2], config, files, self.nav, env)
            self.build.times.notes["pages_in_second_process"] = len(rendered[1::2])
        return env

    def on_post_page(self, output, page, config):
        if os.getpid() == self.main_pid:  # the forked renderer reports nothing
            self._advance()
        return output

    def on_serve(self, server, config, builder):
        server.watch(str(self.content_dir))
        return server

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config):
        try:
            if self.forked is not None:
                self.forked.wait()
                self.build.times.notes["second_process_peak_rss_mb"] = round(self.forked.peak_rss_mb, 1)
        except RuntimeError as error:
            raise PluginError(f"nearmiss: {error}") from None
        self.build.times.end()
        self._step(None, 0)
        try:
            if self.config.search_index:
                self.build.finish_index(config.site_dir)
        except NearmissError as error:
            raise PluginError(str(error)) from None
        if self.config.stats_file:
            Path(self.config.stats_file).write_text(json.dumps(self.build.times.as_dict(), indent=2), encoding="utf-8")

    def on_build_error(self, error):
        self._step(None, 0)
        if self.forked is not None:
            self.forked.kill()
        if hasattr(self, "build"):
            self.build.abort_index()

    def _step(self, label: str | None, total: int) -> None:
        if self.progress is not None:
            self.progress.__exit__(None, None, None)
        self.progress = Progress(label, total, unit="pages").__enter__() if label else None

    def _advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(1)
