"""Shared fixtures: the small valid content directory, and a copy of it that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixture_content() -> Path:
    """The read-only fixture content directory (four valid reports)."""
    return FIXTURES / "content"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture content directory."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", target)
    return target


@pytest.fixture
def taxonomy():
    from generator.taxonomy import load_taxonomy

    return load_taxonomy(FIXTURES / "content" / "taxonomy.yml")


def write_site_config(directory: Path, content_dir: Path, **extra: str) -> Path:
    """A temporary mkdocs.yml for `content_dir` that reuses this project's docs and theme overrides."""
    docs = directory / "docs"
    shutil.copytree(ROOT / "docs", docs)
    config = directory / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text()
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}").replace("custom_dir: overrides",
                                                                         f"custom_dir: {ROOT / 'overrides'}")
    config.write_text(text)
    return config


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """One real end-to-end build of the fixture content with `nearmiss build` (shared by the site tests)."""
    from click.testing import CliRunner

    from generator.cli import main

    work = tmp_path_factory.mktemp("built")
    content = work / "content"
    shutil.copytree(FIXTURES / "content", content)
    config = write_site_config(work, content)
    site = work / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--site", str(site), "--config", str(config)])
    assert result.exit_code == 0, result.output
    return site
