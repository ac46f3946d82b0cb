"""Fixtures for the intake tests: a git repository with content, a configured app, and the fake forge."""

from __future__ import annotations

import warnings

import pytest

from tests.intake.helpers import env, make_repo

with warnings.catch_warnings():
    # Starlette's TestClient warns on import that it will move from httpx to httpx2; it works, and is not ours.
    warnings.simplefilter("ignore")
    import starlette.testclient  # noqa: F401


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo")


@pytest.fixture
def settings(repo, tmp_path):
    return env(repo, tmp_path / "spool")


@pytest.fixture
def config(settings):
    from intake.config import load_config

    return load_config(settings)


@pytest.fixture
def client(config):
    from starlette.testclient import TestClient

    from intake.app import create_app

    with TestClient(create_app(config)) as test_client:
        yield test_client


@pytest.fixture
def fake_forge():
    """A fake GitHub/Gitea on loopback: (state, base URL)."""
    from tests.intake.fakeforge import FakeForge
    from tests.intake.servers import Served

    forge = FakeForge()
    served = Served(forge.app(), lifespan="off")
    yield forge, served.url
    served.stop()


@pytest.fixture(scope="session")
def app_key_pair():
    """An RSA key pair for a fake GitHub App: (private PEM, public PEM)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return private, public
