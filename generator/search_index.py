"""Index a built site with Pagefind, through the `pagefind` package's Python API."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from pagefind.index import PagefindIndex

from generator.errors import NearmissError, Problem

BUNDLE = "pagefind"


def index_site(site_dir: Path | str) -> int:
    """Replace the site's search index; return the number of pages indexed.

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
    # Permalink anchors ("¶") would otherwise show up in titles and excerpts.
    config = {"output_path": str(bundle), "exclude_selectors": [".headerlink"]}
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
        await index.write_files(output_path=str(bundle))
    return int(result.get("page_count", 0))
