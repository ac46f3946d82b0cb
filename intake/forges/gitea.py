"""Gitea and Forgejo: one "create file on a new branch" call, then the pull request with its labels.

Like the GitHub adapter, each step looks before it creates: the pull request for (base, head), then the branch,
so retries never duplicate either. Gitea takes label IDs, so missing labels are created once and cached.
"""

from __future__ import annotations

import base64
import time

from intake.forges.base import BOT_EMAIL, BOT_NAME, ForgeError, Opened, Proposal
from intake.forges.http import Api, expect

LABEL_COLORS = {"submission": "#1d76db", "needs-deid-review": "#d93f0b"}


class GiteaForge:
    """Pull requests on one Gitea or Forgejo repository (API v1)."""

    def __init__(self, url: str, owner: str, repo: str, base_branch: str, token: str, *,
                 write_interval: float = 1.0, name: str = "gitea", transport=None, sleep=time.sleep) -> None:
        self.api = Api(f"{url.rstrip('/')}/api/v1", {"Authorization": f"token {token}", "Accept": "application/json"},
                       write_interval=write_interval, transport=transport, sleep=sleep)
        self.owner, self.repo, self.base_branch, self.name = owner, repo, base_branch, name
        self.prefix = f"/repos/{owner}/{repo}"
        self._label_ids: dict[str, int] = {}

    def find(self, submission_id: str) -> Opened | None:
        """See Forge.find."""
        pull = self._find_pull(f"submission/{submission_id}")
        return Opened(pull["html_url"], pull["number"]) if pull else None

    def open(self, proposal: Proposal) -> Opened:
        """See Forge.open: look for the pull request, then the branch; create only what is missing."""
        pull, created = self._find_pull(proposal.branch), False
        if pull is None:
            if not self._branch_exists(proposal.branch):
                self._create_branch(proposal)
            pull = self._create_pull(proposal)
            created = pull is not None
            pull = pull or self._find_pull(proposal.branch)
            if pull is None:
                raise ForgeError("POST pulls: refused and no pull request for the branch")
        self._ensure_labels(pull, proposal.labels)
        return Opened(pull["html_url"], pull["number"], created=created)

    def close(self) -> None:
        """See Forge.close."""
        self.api.close()

    def _call(self, method: str, path: str, **kwargs):
        return self.api.request(method, self.prefix + path, **kwargs)

    def _find_pull(self, branch: str) -> dict | None:
        # Any pull request, open or closed, for this base and head: the submission was handled.
        response = self._call("GET", f"/pulls/{self.base_branch}/{branch}")
        if response.status_code == 404:
            return None
        return expect(response, 200)

    def _branch_exists(self, branch: str) -> bool:
        response = self._call("GET", f"/branches/{branch}")
        if response.status_code == 404:
            return False
        expect(response, 200)
        return True

    def _create_branch(self, proposal: Proposal) -> None:
        stamp = proposal.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        person = {"name": BOT_NAME, "email": BOT_EMAIL}
        response = self._call("POST", f"/contents/{proposal.path}", json={
            "content": base64.b64encode(proposal.content.encode("utf-8")).decode("ascii"),
            "message": proposal.commit_message, "branch": self.base_branch, "new_branch": proposal.branch,
            "author": person, "committer": person, "dates": {"author": stamp, "committer": stamp}})
        if response.status_code not in (409, 422):  # the branch or file exists: an earlier attempt made it
            expect(response, 201)

    def _create_pull(self, proposal: Proposal) -> dict | None:
        response = self._call("POST", "/pulls", json={
            "title": proposal.title, "head": proposal.branch, "base": self.base_branch, "body": proposal.body,
            "labels": self._labels(proposal.labels)})
        if response.status_code in (409, 422):
            return None
        return expect(response, 201)

    def _labels(self, names: tuple[str, ...]) -> list[int]:
        if not set(names) <= set(self._label_ids):
            existing = expect(self._call("GET", "/labels", params={"limit": "50"}), 200)
            self._label_ids.update({label["name"]: label["id"] for label in existing})
            for name in names:
                if name not in self._label_ids:
                    label = expect(self._call("POST", "/labels", json={
                        "name": name, "color": LABEL_COLORS.get(name, "#cccccc"),
                        "description": "added by nearmiss intake"}), 201)
                    self._label_ids[name] = label["id"]
        return [self._label_ids[name] for name in names]

    def _ensure_labels(self, pull: dict, names: tuple[str, ...]) -> None:
        present = {label.get("name") for label in pull.get("labels") or []}
        if not set(names) <= present:
            expect(self._call("POST", f"/issues/{pull['number']}/labels", json={"labels": self._labels(names)}), 200)
