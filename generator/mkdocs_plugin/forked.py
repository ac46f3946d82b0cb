"""Half of the generated pages rendered through the theme in a forked process, while MkDocs renders the rest.

MkDocs renders pages one after the other. When the plugin's `on_env` event comes, every page's content is ready and
only the theme templates remain: the plugin forks, and the child renders and writes the pages given to it with
`mkdocs.commands.build._build_page`, as MkDocs itself would (template context, `on_page_context`, the page's
template, `on_post_page`, the same bytes written), while MkDocs renders the others. For the child's pages MkDocs is
given an empty template, and it writes nothing for an empty page. Only done when nearmiss is the site's only plugin
(another plugin's `on_post_page` would run in the child, and what it remembered would be lost).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
import warnings

import jinja2
from mkdocs.commands.build import _build_page

from generator.timing import peak_rss_mb

SKIP_TEMPLATE = "nearmiss-rendered-elsewhere.html"


class ForkedPages:
    """The child process and the pages it renders."""

    def __init__(self, pages: list, config, files, nav, env) -> None:
        self.uris = {page.file.src_uri for page in pages}
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({SKIP_TEMPLATE: ""})])
        doc_files = files.documentation_pages()
        self.peak_rss_mb = 0.0
        self._reply, reply = os.pipe()  # the child's peak memory, for the build's figures
        with warnings.catch_warnings():
            # Python 3.12 warns about fork with threads: the one other thread here reads Pagefind's replies,
            # which the child never touches; everything the child uses is this thread's.
            warnings.simplefilter("ignore", DeprecationWarning)
            self.pid = os.fork()
        if self.pid == 0:
            os.close(self._reply)
            _render_and_exit(pages, config, doc_files, nav, env, reply)
        os.close(reply)
        for page in pages:
            page.meta["template"] = SKIP_TEMPLATE
        self._filter = _QuietSkipped(self.uris)
        logging.getLogger("mkdocs.commands.build").addFilter(self._filter)

    def wait(self) -> None:
        """Wait for the child; raise RuntimeError if it failed (its traceback is on stderr)."""
        logging.getLogger("mkdocs.commands.build").removeFilter(self._filter)
        if self.pid:
            with os.fdopen(self._reply, "rb") as reply:
                self.peak_rss_mb = float(reply.read() or 0)
            _, status = os.waitpid(self.pid, 0)
            self.pid = 0
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError("rendering pages in the second process failed (see the error above)")

    def kill(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
            self.wait()


def _render_and_exit(pages: list, config, doc_files, nav, env, reply: int) -> None:
    code = 0
    try:
        for page in pages:
            # MkDocs' own per-page step (1.6; `mkdocs<2` is pinned), so the child writes exactly what it would.
            _build_page(page, config, doc_files, nav, env)
        os.write(reply, str(peak_rss_mb()).encode())
    except BaseException:  # noqa: BLE001 - the child must always end here, never return into MkDocs
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class _QuietSkipped(logging.Filter):
    """Drops MkDocs' "Page skipped" notice for the pages the child writes."""

    def __init__(self, uris: set[str]) -> None:
        super().__init__()
        self.uris = uris

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message[len("Page skipped: '"):].split("'")[0]
                    in self.uris)
