"""Headless Chromium from Debian's packages, driven by Playwright, against sites served on 127.0.0.1."""

from __future__ import annotations

import shutil
import tempfile
import threading

import pytest

from tests.conftest import launch_chromium


@pytest.fixture(scope="session")
def chromium(playwright_session):
    """A Chromium browser context with a fresh profile; fails (never skips) when Chromium is missing."""
    profile = tempfile.mkdtemp(prefix="nearmiss-chromium-")
    context = launch_chromium(playwright_session, profile, java_script_enabled=True)
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
