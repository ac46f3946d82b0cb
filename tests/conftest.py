"""Shared fixtures: the small valid content directory, and a copy of it that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
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
    work = tmp_path_factory.mktemp("built")
    content = work / "content"
    shutil.copytree(FIXTURES / "content", content)
    result = run_build(work, content)
    assert result.exit_code == 0, result.output
    return work / "site"


def run_build(work: Path, content: Path, *options: str):
    """`nearmiss build` of `content` with a temporary mkdocs.yml in `work`, into `work/site`: the click result."""
    from click.testing import CliRunner

    from generator.cli import main

    config = write_site_config(work, content)
    return CliRunner().invoke(main, ["build", "--content", str(content), "--site", str(work / "site"),
                                     "--config", str(config), *options])


@pytest.fixture(scope="session")
def playwright_session():
    """One Playwright driver for the whole run (its sync API cannot be started twice in one thread)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is required: apt-get install chromium chromium-driver"
    with sync_playwright() as playwright:
        yield playwright


def launch_chromium(playwright, profile: str, **options):
    """Debian's headless Chromium with a fresh profile directory (never a browser Playwright downloaded)."""
    return playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS, **options)
