"""Forge adapters: where accepted submissions become review pull requests."""

from __future__ import annotations

from intake.config import Config
from intake.forges.base import Forge, ForgeError, ForgeUnavailable, Opened, Proposal

__all__ = ["Forge", "ForgeError", "ForgeUnavailable", "Opened", "Proposal", "make_forge"]


def make_forge(config: Config, **options) -> Forge:
    """The adapter the configuration names (`options` go to the adapter, e.g. an httpx transport in tests)."""
    if config.forge == "local":
        from intake.forges.local import LocalForge

        return LocalForge(config.repo, config.base_branch)
    if config.forge == "github":
        from intake.forges.github import GitHubForge, app_auth, token_auth

        auth = token_auth(config.github_token) if config.github_token else app_auth(config, **options)
        return GitHubForge(config.github_api_url, config.owner, config.repo_name, config.base_branch, auth,
                           write_interval=config.write_interval, **options)
    from intake.forges.gitea import GiteaForge

    return GiteaForge(config.gitea_url, config.owner, config.repo_name, config.base_branch, config.gitea_token,
                      write_interval=config.write_interval, name=config.forge, **options)
