"""Headless Chromium from Debian's packages, driven by Playwright, against sites served on 127.0.0.1."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """A Chromium browser context with a fresh profile; fails (never skips) when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is required: apt-get install chromium chromium-driver"
    profile = tempfile.mkdtemp(prefix="nearmiss-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS, java_script_enabled=True)
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(chromium):
    """A new tab that records console errors and page errors in `page.errors`."""
    tab = chromium.new_page()
    tab.errors = []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def served_site(built_site):
    """The fixture site served under a sub-path, as it would be on a project page: http://127.0.0.1:N/cases/."""
    from generator.serve import serve_directory

    server = serve_directory(built_site, port=0, prefix="/cases/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/cases/"
    server.shutdown()
    server.server_close()
