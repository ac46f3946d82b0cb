"""The floor nearmiss is compared with: bare mkdocs-material on the same report Markdown, then Pagefind.

The report files are copied as they are (front matter and all) into a docs folder with one index page; the
configuration has the Material theme, no plugins at all (`plugins: []`, so not even MkDocs' own search), and a
nav with only the index page, so that every report is a page outside the nav exactly as in a nearmiss build.
Pagefind then indexes the output through the same Python API (`add_directory`) nearmiss used before it indexed
page by page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scale_run import Measured, folder_mb, python, run

CONFIG = """site_name: Floor
theme:
  name: material
plugins: []
nav:
  - Home: index.md
"""
INDEX_SCRIPT = "import sys; from generator.search_index import index_site; print(index_site(sys.argv[1]))"


def prepare(content: Path, floor: Path) -> Path:
    """Write the floor's docs folder and mkdocs.yml for a content directory; return the config file."""
    docs = floor / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "reports").mkdir(parents=True)
    for report in (content / "reports").glob("*.md"):
        shutil.copyfile(report, docs / "reports" / report.name)
    (docs / "index.md").write_text("# Floor\n\nBare mkdocs-material with the same report files.\n", encoding="utf-8")
    config = floor / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def measure(content: Path, floor: Path) -> dict:
    """Build the floor site, then index it; wall time, CPU and peak RSS of each, and the site's size."""
    config = prepare(content, floor)
    site = floor / "site"
    shutil.rmtree(site, ignore_errors=True)
    built: Measured = run("floor: mkdocs build", python("-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                                                        str(site)), cwd=floor)
    indexed: Measured = run("floor: pagefind", python("-c", INDEX_SCRIPT, str(site)),
                            cwd=Path(__file__).resolve().parent.parent)
    return {"mkdocs": built.row(), "pagefind": indexed.row(), "seconds": round(built.seconds + indexed.seconds, 2),
            "site_mb": folder_mb(site), "pages": sum(1 for _ in site.rglob("index.html"))}
