"""GitHub: the Git Data API (ref, blob, tree, commit, new ref), then the pull request and its labels.

Every step first looks for what an earlier attempt may have made (the pull request for the branch, then the
branch), so a retry after a crash or an error at any step ends with exactly one branch and one pull request.
Credentials: a token, or a GitHub App whose installation token is fetched with a short-lived JWT and asked for
only the permissions intake needs, on the intake repository only.
"""

from __future__ import annotations

import base64
import datetime as dt
import time
from collections.abc import Callable

from intake.config import Config
from intake.forges.base import BOT_EMAIL, BOT_NAME, ForgeError, Opened, Proposal
from intake.forges.http import Api, expect

HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
APP_PERMISSIONS = {"contents": "write", "pull_requests": "write"}
TOKEN_MARGIN = 300  # renew an installation token this many seconds before it expires


def token_auth(token: str) -> Callable[[], dict[str, str]]:
    """Headers for a personal access token or fine-grained token."""
    return lambda: {"Authorization": f"Bearer {token}"}


class AppAuth:
    """Installation tokens for a GitHub App, cached until shortly before they expire."""

    def __init__(self, api: Api, app_id: str, private_key: str, installation_id: str, repo_name: str,
                 clock: Callable[[], float] = time.time) -> None:
        self.api, self.app_id, self.installation_id, self.repo_name = api, app_id, installation_id, repo_name
        self._key, self._clock = private_key, clock
        self._token, self._expires = "", 0.0

    def __call__(self) -> dict[str, str]:
        if self._clock() > self._expires - TOKEN_MARGIN:
            self._renew()
        return {"Authorization": f"Bearer {self._token}"}

    def _renew(self) -> None:
        import jwt  # PyJWT[crypto]: only needed with a GitHub App

        now = int(self._clock())
        # iat is backdated a minute for clock drift; GitHub refuses an exp more than ten minutes ahead.
        assertion = jwt.encode({"iat": now - 60, "exp": now + 540, "iss": self.app_id}, self._key, algorithm="RS256")
        response = self.api.request(
            "POST", f"/app/installations/{self.installation_id}/access_tokens",
            json={"repositories": [self.repo_name], "permissions": APP_PERMISSIONS},
            headers={"Authorization": f"Bearer {assertion}"})
        data = expect(response, 201)
        expires = dt.datetime.fromisoformat(str(data["expires_at"]).replace("Z", "+00:00")).timestamp()
        self._token, self._expires = str(data["token"]), expires


def app_auth(config: Config, **options) -> AppAuth:
    """AppAuth from the configuration (its own client: the JWT must not be sent on other calls)."""
    api = Api(config.github_api_url, HEADERS, transport=options.get("transport"))
    return AppAuth(api, config.github_app_id, config.github_app_key, config.github_installation_id,
                   config.repo_name)


class GitHubForge:
    """Pull requests on one GitHub repository."""

    name = "github"

    def __init__(self, api_url: str, owner: str, repo: str, base_branch: str, auth: Callable[[], dict],
                 *, write_interval: float = 1.0, transport=None, sleep=time.sleep, clock=time.monotonic) -> None:
        self.api = Api(api_url, HEADERS, write_interval=write_interval, transport=transport, sleep=sleep,
                       clock=clock)
        self.owner, self.repo, self.base_branch, self.auth = owner, repo, base_branch, auth
        self.prefix = f"/repos/{owner}/{repo}"

    def find(self, submission_id: str) -> Opened | None:
        """See Forge.find."""
        pull = self._find_pull(f"submission/{submission_id}")
        return Opened(pull["html_url"], pull["number"]) if pull else None

    def open(self, proposal: Proposal) -> Opened:
        """See Forge.open: look for the pull request, then the branch; create only what is missing."""
        pull = self._find_pull(proposal.branch)
        if pull is None:
            if self._ref_sha(f"heads/{proposal.branch}") is None:
                self._create_branch(proposal)
            pull = self._create_pull(proposal)
            if pull is None:  # another attempt won the race: use its pull request
                pull = self._find_pull(proposal.branch)
                if pull is None:
                    raise ForgeError("POST pulls: HTTP 422 and no pull request for the branch")
            created = pull.get("_created", False)
        else:
            created = False
        self._ensure_labels(pull, proposal.labels)
        return Opened(pull["html_url"], pull["number"], created=created)

    def close(self) -> None:
        """See Forge.close."""
        self.api.close()

    def _call(self, method: str, path: str, **kwargs):
        return self.api.request(method, self.prefix + path, headers=self.auth(), **kwargs)

    def _find_pull(self, branch: str) -> dict | None:
        response = self._call("GET", "/pulls", params={"head": f"{self.owner}:{branch}", "state": "all",
                                                       "per_page": "10"})
        pulls = expect(response, 200)
        matches = [pull for pull in pulls if pull.get("head", {}).get("ref") == branch]
        return min(matches, key=lambda pull: pull["number"]) if matches else None

    def _ref_sha(self, ref: str) -> str | None:
        response = self._call("GET", f"/git/ref/{ref}")
        if response.status_code == 404:
            return None
        return expect(response, 200)["object"]["sha"]

    def _create_branch(self, proposal: Proposal) -> None:
        base = self._ref_sha(f"heads/{self.base_branch}")
        if base is None:
            raise ForgeError(f"base branch {self.base_branch!r} not found")
        tree = expect(self._call("GET", f"/git/commits/{base}"), 200)["tree"]["sha"]
        content = base64.b64encode(proposal.content.encode("utf-8")).decode("ascii")
        blob = expect(self._call("POST", "/git/blobs", json={"content": content, "encoding": "base64"}), 201)["sha"]
        entry = {"path": proposal.path, "mode": "100644", "type": "blob", "sha": blob}
        new_tree = expect(self._call("POST", "/git/trees", json={"base_tree": tree, "tree": [entry]}), 201)["sha"]
        person = {"name": BOT_NAME, "email": BOT_EMAIL, "date": proposal.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")}
        commit = expect(self._call("POST", "/git/commits", json={
            "message": proposal.commit_message, "tree": new_tree, "parents": [base],
            "author": person, "committer": person}), 201)["sha"]
        response = self._call("POST", "/git/refs", json={"ref": f"refs/heads/{proposal.branch}", "sha": commit})
        if response.status_code != 422:  # 422: "Reference already exists", made by an earlier attempt
            expect(response, 201)

    def _create_pull(self, proposal: Proposal) -> dict | None:
        response = self._call("POST", "/pulls", json={
            "title": proposal.title, "head": proposal.branch, "base": self.base_branch, "body": proposal.body})
        if response.status_code == 422:
            return None
        return {**expect(response, 201), "_created": True}

    def _ensure_labels(self, pull: dict, labels: tuple[str, ...]) -> None:
        present = {label.get("name") for label in pull.get("labels", [])}
        if not set(labels) <= present:
            expect(self._call("POST", f"/issues/{pull['number']}/labels", json={"labels": list(labels)}), 200)
