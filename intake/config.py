"""Configuration from `NEARMISS_INTAKE_*` environment variables, checked once at start-up.

Every setting has a safe default for local use; a remote forge needs its repository, its credentials and a
secret. Anything wrong stops the service before it accepts a single report, with a message naming the variable.
Secrets are kept out of `repr()` so that they can never reach a log line or a traceback.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.suggest import did_you_mean

PREFIX = "NEARMISS_INTAKE_"
FORGES = ("local", "github", "gitea", "forgejo")
REMOTE_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
BRANCH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")
MIN_SECRET = 32

# name -> help; the names are the whole interface, so an unknown NEARMISS_INTAKE_* variable is a typo.
SETTINGS = {
    "FORGE": "local (default), github, gitea or forgejo",
    "REPO": "local: path of the git repository (default .); github/gitea: owner/name",
    "SPOOL": "spool directory (default for local: inside the repository's .git directory)",
    "SECRET": f"at least {MIN_SECRET} characters; signs form tokens (required for remote forges)",
    "BASE_BRANCH": "branch the pull requests target (default: local HEAD, else main)",
    "CONTENT_DIR": "content directory inside the repository (default content)",
    "TAXONOMY": "taxonomy file for the form (default <repo>/<content>/taxonomy.yml, or ./content/taxonomy.yml)",
    "GITHUB_TOKEN": "GitHub token with contents and pull requests write access",
    "GITHUB_APP_ID": "GitHub App ID (instead of a token)",
    "GITHUB_APP_PRIVATE_KEY": "GitHub App private key (PEM text)",
    "GITHUB_APP_PRIVATE_KEY_FILE": "GitHub App private key file",
    "GITHUB_INSTALLATION_ID": "GitHub App installation ID",
    "GITHUB_API_URL": "GitHub API URL (default https://api.github.com)",
    "GITEA_URL": "Gitea or Forgejo base URL, e.g. https://codeberg.org",
    "GITEA_TOKEN": "Gitea or Forgejo access token",
    "RATE": "submissions per client per window, COUNT/SECONDS (default 30/600)",
    "MAX_BODY": "largest request body in bytes (default 262144)",
    "TRUST_PROXY": "1 if a reverse proxy sets X-Forwarded-For (used only, hashed, for rate limiting)",
    "ORIGIN": "public origin, e.g. https://intake.example.org (checked against the Origin header)",
    "TOKEN_TTL": "seconds a form stays valid (default 10800)",
    "WORKER_INTERVAL": "seconds between spool sweeps (default 5)",
    "BATCH_SECONDS": "0 (default): open pull requests at once; N: only every N seconds, in random order",
    "RETRY_MAX": "longest wait between retries of one submission, seconds (default 900)",
    "WRITE_INTERVAL": "seconds between write requests to a remote forge (default 1)",
    "SITE_URL": "the case library's URL, for the link to its track-my-report page",
    "HSTS": "1 to send Strict-Transport-Security (only behind HTTPS)",
    "LOG_LEVEL": "INFO (default), WARNING or ERROR; logs never hold report text or client addresses",
}


class ConfigError(ValueError):
    """The configuration is unusable; the message says which variable and why."""


@dataclass(frozen=True)
class Config:
    """The service's settings. Paths are absolute; secrets are bytes or str hidden from repr()."""

    forge: str = "local"
    repo: str = "."
    spool: Path = Path("spool")
    secret: bytes = field(default=b"", repr=False)
    secret_is_ephemeral: bool = False
    base_branch: str = "main"
    content_dir: str = "content"
    taxonomy: Path = Path("content/taxonomy.yml")
    github_token: str = field(default="", repr=False)
    github_app_id: str = ""
    github_app_key: str = field(default="", repr=False)
    github_installation_id: str = ""
    github_api_url: str = "https://api.github.com"
    gitea_url: str = ""
    gitea_token: str = field(default="", repr=False)
    rate_count: int = 30
    rate_window: int = 600
    max_body: int = 262_144
    trust_proxy: bool = False
    origin: str = ""
    token_ttl: int = 10_800
    worker_interval: float = 5.0
    batch_seconds: int = 0
    retry_max: float = 900.0
    write_interval: float = 1.0
    site_url: str = ""
    hsts: bool = False

    @property
    def owner(self) -> str:
        """Remote forges: the repository's owner."""
        return self.repo.split("/", 1)[0]

    @property
    def repo_name(self) -> str:
        """Remote forges: the repository's name."""
        return self.repo.split("/", 1)[1]


def load_config(environ: Mapping[str, str] | None = None, **overrides: object) -> Config:
    """Read and check the configuration; command-line `overrides` (None = not given) win over the environment."""
    env = dict(os.environ if environ is None else environ)
    _reject_unknown(env)

    def get(name: str, default: str = "") -> str:
        value = overrides.get(name.lower())
        return str(value) if value is not None else env.get(PREFIX + name, default).strip()

    forge = get("FORGE", "local").lower()
    if forge not in FORGES:
        raise ConfigError(f"{PREFIX}FORGE: unknown forge {forge!r}; use one of {', '.join(FORGES)}")
    values: dict[str, object] = {"forge": forge}
    if forge == "local":
        values.update(_local(get))
    else:
        values.update(_remote(forge, get))
    values.update(_secret(forge, get))
    values.update(_limits(get))
    content_dir = get("CONTENT_DIR", "content").strip("/")
    if not content_dir or ".." in content_dir.split("/") or not BRANCH.match(content_dir):
        raise ConfigError(f"{PREFIX}CONTENT_DIR: {content_dir!r} is not a plain relative directory")
    values["content_dir"] = content_dir
    # A local forge reads the vocabularies of the repository it writes to; a remote one, a local checkout's.
    root = Path(str(values["repo"])) if forge == "local" else Path(".")
    default_taxonomy = root / content_dir / "taxonomy.yml"
    taxonomy = Path(get("TAXONOMY") or default_taxonomy).resolve()
    if not taxonomy.is_file():
        raise ConfigError(f"{PREFIX}TAXONOMY: {taxonomy} not found (the form's choices come from it)")
    values["taxonomy"] = taxonomy
    for name in ("ORIGIN", "SITE_URL"):
        url = get(name)
        if url and not re.match(r"^https?://[^\s/]+", url):
            raise ConfigError(f"{PREFIX}{name}: {url!r} is not an http(s) URL")
        values[name.lower()] = url
    return Config(**values)


def _reject_unknown(env: Mapping[str, str]) -> None:
    for key in env:
        if key.startswith(PREFIX) and key[len(PREFIX):] not in SETTINGS:
            hint = did_you_mean(key[len(PREFIX):], SETTINGS)
            raise ConfigError(f"{key}: unknown setting{hint}; known: {', '.join(SETTINGS)}")


def _local(get) -> dict:
    repo = Path(get("REPO", ".")).expanduser().resolve()
    git_dir = _git(repo, "rev-parse", "--absolute-git-dir")
    if git_dir is None:
        raise ConfigError(f"{PREFIX}REPO: {repo} is not a git repository (git init it, or point --repo at one)")
    base = get("BASE_BRANCH") or _git(repo, "symbolic-ref", "--short", "-q", "HEAD") or "main"
    if not BRANCH.match(base):
        raise ConfigError(f"{PREFIX}BASE_BRANCH: {base!r} is not a branch name")
    if _git(repo, "rev-parse", "-q", "--verify", f"refs/heads/{base}^{{commit}}") is None:
        raise ConfigError(f"{PREFIX}BASE_BRANCH: branch {base!r} has no commit in {repo}")
    spool = get("SPOOL") or str(Path(git_dir) / "nearmiss-intake-spool")
    return {"repo": str(repo), "base_branch": base, "spool": Path(spool).expanduser().resolve()}


def _remote(forge: str, get) -> dict:
    repo = get("REPO")
    if not REMOTE_REPO.match(repo):
        raise ConfigError(f"{PREFIX}REPO: set it to owner/name of the private intake repository for {forge}")
    spool = get("SPOOL")
    if not spool:
        raise ConfigError(f"{PREFIX}SPOOL: required for {forge} (a private directory on persistent storage)")
    base = get("BASE_BRANCH", "main")
    # Gitea finds a pull request by /pulls/{base}/{head}, where only the head may contain a slash.
    if not BRANCH.match(base) or (forge != "github" and "/" in base):
        raise ConfigError(f"{PREFIX}BASE_BRANCH: {base!r} is not a branch name {forge} can target")
    values: dict[str, object] = {"repo": repo, "base_branch": base, "spool": Path(spool).expanduser().resolve()}
    values["write_interval"] = _number(get, "WRITE_INTERVAL", "1", float, 0, 60)
    if forge == "github":
        values.update(_github(get))
    else:
        url, token = get("GITEA_URL").rstrip("/"), get("GITEA_TOKEN")
        if not re.match(r"^https?://[^\s/]+", url):
            raise ConfigError(f"{PREFIX}GITEA_URL: set it to the server's URL, e.g. https://codeberg.org")
        if not token:
            raise ConfigError(f"{PREFIX}GITEA_TOKEN: required for {forge}")
        values.update(gitea_url=url, gitea_token=token)
    return values


def _github(get) -> dict:
    token, app_id = get("GITHUB_TOKEN"), get("GITHUB_APP_ID")
    api = get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    if not re.match(r"^https?://[^\s/]+", api):
        raise ConfigError(f"{PREFIX}GITHUB_API_URL: {api!r} is not an http(s) URL")
    if token and app_id:
        raise ConfigError(f"{PREFIX}GITHUB_TOKEN and {PREFIX}GITHUB_APP_ID are both set; use one")
    if token:
        return {"github_token": token, "github_api_url": api}
    if not app_id:
        raise ConfigError(f"{PREFIX}GITHUB_TOKEN or {PREFIX}GITHUB_APP_ID (with its key and installation) "
                          "is required for github")
    key, key_file, installation = get("GITHUB_APP_PRIVATE_KEY"), get("GITHUB_APP_PRIVATE_KEY_FILE"), \
        get("GITHUB_INSTALLATION_ID")
    if key_file and not key:
        try:
            key = Path(key_file).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{PREFIX}GITHUB_APP_PRIVATE_KEY_FILE: cannot read it ({error.__class__.__name__})"
                              ) from None
    if "PRIVATE KEY-----" not in key:
        raise ConfigError(f"{PREFIX}GITHUB_APP_PRIVATE_KEY: a PEM private key is required with GITHUB_APP_ID")
    if not app_id.isdigit() or not installation.isdigit():
        raise ConfigError(f"{PREFIX}GITHUB_APP_ID and {PREFIX}GITHUB_INSTALLATION_ID must be numbers")
    return {"github_app_id": app_id, "github_app_key": key, "github_installation_id": installation,
            "github_api_url": api}


def _secret(forge: str, get) -> dict:
    secret = get("SECRET")
    if not secret:
        if forge != "local":
            raise ConfigError(f"{PREFIX}SECRET: required for {forge} (e.g. python -c "
                              "'import secrets; print(secrets.token_urlsafe(48))')")
        return {"secret": secrets.token_bytes(48), "secret_is_ephemeral": True}
    if len(secret) < MIN_SECRET:
        raise ConfigError(f"{PREFIX}SECRET: too short ({len(secret)} characters); use at least {MIN_SECRET}")
    return {"secret": secret.encode("utf-8"), "secret_is_ephemeral": False}


def _limits(get) -> dict:
    rate = get("RATE", "30/600")
    match = re.fullmatch(r"(\d+)/(\d+)", rate)
    if not match or int(match.group(1)) < 1 or int(match.group(2)) < 1:
        raise ConfigError(f"{PREFIX}RATE: {rate!r} is not COUNT/SECONDS, e.g. 30/600")
    return {
        "rate_count": int(match.group(1)), "rate_window": int(match.group(2)),
        "max_body": _number(get, "MAX_BODY", "262144", int, 4096, 16 * 1024 * 1024),
        "trust_proxy": _flag(get, "TRUST_PROXY"), "hsts": _flag(get, "HSTS"),
        "token_ttl": _number(get, "TOKEN_TTL", "10800", int, 60, 7 * 86400),
        "worker_interval": _number(get, "WORKER_INTERVAL", "5", float, 0.05, 86400),
        "batch_seconds": _number(get, "BATCH_SECONDS", "0", int, 0, 7 * 86400),
        "retry_max": _number(get, "RETRY_MAX", "900", float, 1, 86400),
    }


def _number(get, name: str, default: str, kind, low, high):
    text = get(name, default)
    try:
        value = kind(text)
    except ValueError:
        raise ConfigError(f"{PREFIX}{name}: {text!r} is not a number") from None
    if not low <= value <= high:
        raise ConfigError(f"{PREFIX}{name}: {value} is outside {low}..{high}")
    return value


def _flag(get, name: str) -> bool:
    text = get(name, "0").lower()
    if text not in ("0", "1", "true", "false", "yes", "no", ""):
        raise ConfigError(f"{PREFIX}{name}: {text!r} is not 0 or 1")
    return text in ("1", "true", "yes")


def _git(repo: Path, *args: str) -> str | None:
    if not repo.is_dir():
        return None
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=False)
    return result.stdout.strip() or None if result.returncode == 0 else None
