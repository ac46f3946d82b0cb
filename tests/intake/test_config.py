"""Configuration: safe defaults, and a clear failure at start-up for anything wrong."""

from __future__ import annotations

import re

import pytest

from intake.config import ConfigError, load_config
from tests.intake.helpers import SECRET


def test_local_defaults_need_only_a_repository(repo):
    config = load_config({"NEARMISS_INTAKE_REPO": str(repo)})
    assert config.forge == "local" and config.base_branch == "main"
    assert config.spool == (repo / ".git" / "nearmiss-intake-spool").resolve()  # never in the working tree
    assert config.taxonomy == (repo / "content" / "taxonomy.yml").resolve()
    assert config.secret_is_ephemeral and len(config.secret) >= 32
    assert (config.rate_count, config.rate_window, config.max_body, config.trust_proxy) == (30, 600, 262144, False)


def test_command_line_overrides_win(repo, tmp_path):
    config = load_config({"NEARMISS_INTAKE_REPO": "/nowhere"}, repo=str(repo), spool=str(tmp_path / "s"))
    assert config.repo == str(repo) and config.spool == tmp_path / "s"


def test_secrets_never_appear_in_repr(repo):
    config = load_config({"NEARMISS_INTAKE_REPO": str(repo), "NEARMISS_INTAKE_SECRET": SECRET})
    assert SECRET not in repr(config) and "secret=" not in repr(config)


@pytest.mark.parametrize("settings, message", [
    ({"NEARMISS_INTAKE_FORGE": "gitlab"}, "FORGE: unknown forge"),
    ({"NEARMISS_INTAKE_RAET": "1/1"}, 'RAET: unknown setting (did you mean "RATE"?)'),
    ({"NEARMISS_INTAKE_RATE": "fast"}, "RATE: 'fast' is not COUNT/SECONDS"),
    ({"NEARMISS_INTAKE_MAX_BODY": "10"}, "MAX_BODY: 10 is outside"),
    ({"NEARMISS_INTAKE_SECRET": "short"}, "SECRET: too short"),
    ({"NEARMISS_INTAKE_TRUST_PROXY": "maybe"}, "TRUST_PROXY: 'maybe' is not 0 or 1"),
    ({"NEARMISS_INTAKE_BASE_BRANCH": "release"}, "BASE_BRANCH: branch 'release' has no commit"),
    ({"NEARMISS_INTAKE_CONTENT_DIR": "../elsewhere"}, "CONTENT_DIR"),
    ({"NEARMISS_INTAKE_SITE_URL": "javascript:alert(1)"}, "SITE_URL"),
])
def test_bad_local_settings_fail_fast(repo, settings, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config({"NEARMISS_INTAKE_REPO": str(repo), **settings})


def test_a_directory_that_is_not_a_repository_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="is not a git repository"):
        load_config({"NEARMISS_INTAKE_REPO": str(tmp_path)})


@pytest.mark.parametrize("settings, message", [
    ({}, "REPO: set it to owner/name"),
    ({"NEARMISS_INTAKE_REPO": "org/intake"}, "SPOOL: required for github"),
    ({"NEARMISS_INTAKE_REPO": "org/intake", "NEARMISS_INTAKE_SPOOL": "/tmp/s", "NEARMISS_INTAKE_GITHUB_TOKEN": "t"},
     "SECRET: required for github"),
    ({"NEARMISS_INTAKE_REPO": "org/intake", "NEARMISS_INTAKE_SPOOL": "/tmp/s", "NEARMISS_INTAKE_SECRET": SECRET},
     "GITHUB_TOKEN or NEARMISS_INTAKE_GITHUB_APP_ID"),
    ({"NEARMISS_INTAKE_REPO": "org/intake", "NEARMISS_INTAKE_SPOOL": "/tmp/s", "NEARMISS_INTAKE_SECRET": SECRET,
      "NEARMISS_INTAKE_GITHUB_APP_ID": "12", "NEARMISS_INTAKE_GITHUB_INSTALLATION_ID": "3"},
     "GITHUB_APP_PRIVATE_KEY: a PEM private key"),
])
def test_github_needs_repository_spool_secret_and_credentials(settings, message, monkeypatch, repo):
    monkeypatch.chdir(repo)  # the form's vocabularies come from ./content/taxonomy.yml
    with pytest.raises(ConfigError, match=message):
        load_config({"NEARMISS_INTAKE_FORGE": "github", **settings})


def test_gitea_configuration(repo, tmp_path):
    base = {"NEARMISS_INTAKE_FORGE": "forgejo", "NEARMISS_INTAKE_REPO": "org/intake",
            "NEARMISS_INTAKE_SPOOL": str(tmp_path), "NEARMISS_INTAKE_SECRET": SECRET,
            "NEARMISS_INTAKE_TAXONOMY": str(repo / "content" / "taxonomy.yml")}
    with pytest.raises(ConfigError, match="GITEA_URL"):
        load_config(base)
    with pytest.raises(ConfigError, match="GITEA_TOKEN: required for forgejo"):
        load_config({**base, "NEARMISS_INTAKE_GITEA_URL": "https://codeberg.org"})
    config = load_config({**base, "NEARMISS_INTAKE_GITEA_URL": "https://codeberg.org/",
                          "NEARMISS_INTAKE_GITEA_TOKEN": "t"})
    assert (config.owner, config.repo_name, config.gitea_url) == ("org", "intake", "https://codeberg.org")
    assert "gitea_token='t'" not in repr(config)
