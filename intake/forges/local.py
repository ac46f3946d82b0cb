"""The local forge: a plain git repository, so the system runs with no account anywhere.

A submission is a branch `submission/<id>` with one commit adding the draft; `nearmiss review` lists, shows,
approves (squash-merges) or rejects (deletes) them. A closed submission leaves a tiny marker ref,
`refs/nearmiss/closed/<id>`, holding only "published <ID>" or "rejected", so that a late retry of the worker can
never bring a rejected report back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from intake.forges.base import ForgeError, ForgeUnavailable, Opened, Proposal
from intake.forges.git import Git, GitError

CLOSED = "refs/nearmiss/closed/"


class LocalForge:
    """Branches in a local repository; their "pull request" is the branch itself."""

    name = "local"

    def __init__(self, repo: Path | str, base_branch: str) -> None:
        self.git = Git(repo)
        self.base_branch = base_branch

    def find(self, submission_id: str) -> Opened | None:
        """See Forge.find."""
        branch = f"submission/{submission_id}"
        if self.git.rev(f"refs/heads/{branch}"):
            return Opened(f"branch {branch}")
        closed = self.git.rev(CLOSED + submission_id)
        if closed:
            return Opened(f"closed ({self.git.run('cat-file', 'blob', closed)})")
        return None

    def open(self, proposal: Proposal) -> Opened:
        """See Forge.open: look for the pull request, then the branch; create only what is missing."""
        try:
            found = self.find(proposal.submission_id)
            if found:
                return found
            base = self.git.rev(f"refs/heads/{self.base_branch}^{{commit}}")
            if base is None:
                raise ForgeError(f"base branch {self.base_branch!r} not found")
            commit = self.git.commit_with(base, {proposal.path: proposal.content}, proposal.commit_message,
                                          proposal.day)
            created = self.git.create_ref(f"refs/heads/{proposal.branch}", commit, proposal.day)
            return Opened(f"branch {proposal.branch}", created=created)
        except GitError as error:
            # Lock contention, a full disk: the spool keeps the submission and the worker retries.
            raise ForgeUnavailable(str(error)) from None

    def close_submission(self, submission_id: str, note: str) -> None:
        """Leave the closed marker (idempotent)."""
        self.git.run("update-ref", CLOSED + submission_id, self.git.blob(note + "\n"), day=dt.date.today())

    def close(self) -> None:
        """See Forge.close."""
        pass
