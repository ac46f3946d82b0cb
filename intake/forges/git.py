"""git plumbing with a neutral identity, for the local forge and `nearmiss review`.

Commits are made with `commit-tree` on a private index file, so neither the repository's working tree, its
index, nor anyone's checkout is touched. The machine user's git configuration is ignored (no name, email or
signing key of theirs can leak into a commit), and commit times are midnight UTC of a given day.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from pathlib import Path

from intake.forges.base import BOT_EMAIL, BOT_NAME

ZERO = "0" * 40
LOCK_STALE = 30.0  # seconds; a ref lock this old was left by a killed process


class GitError(RuntimeError):
    """A git command failed; `stderr` is git's message (it never contains report text)."""

    def __init__(self, args: tuple[str, ...], stderr: str) -> None:
        super().__init__(f"git {args[0]}: {stderr.strip()[:300]}")
        self.stderr = stderr


def neutral_env(day: dt.date | None = None) -> dict[str, str]:
    """The environment for every git call: no inherited GIT_* variables, no user or system config."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0", LC_ALL="C",
               GIT_AUTHOR_NAME=BOT_NAME, GIT_AUTHOR_EMAIL=BOT_EMAIL,
               GIT_COMMITTER_NAME=BOT_NAME, GIT_COMMITTER_EMAIL=BOT_EMAIL)
    if day is not None:
        stamp = f"{day.isoformat()}T00:00:00+0000"
        env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    return env


class Git:
    """One repository, bare or not."""

    def __init__(self, repo: Path | str) -> None:
        self.repo = Path(repo)

    def run(self, *args: str, input: bytes | str | None = None, day: dt.date | None = None,
            env: dict[str, str] | None = None, check: bool = True) -> str:
        """Run git with -c settings that keep hooks and signing out of it; return stdout (stripped of the
        final newline)."""
        command = ["git", "-C", str(self.repo), "-c", "commit.gpgSign=false", "-c", "core.hooksPath=/dev/null",
                   *args]
        data = input.encode("utf-8") if isinstance(input, str) else input
        result = subprocess.run(command, input=data, capture_output=True, env={**neutral_env(day), **(env or {})},
                                check=False)
        if check and result.returncode != 0:
            raise GitError(args, result.stderr.decode("utf-8", "replace"))
        return result.stdout.decode("utf-8", "replace").removesuffix("\n")

    def rev(self, ref: str) -> str | None:
        """The object a ref names, or None."""
        out = self.run("rev-parse", "-q", "--verify", ref, check=False)
        return out or None

    def git_dir(self) -> Path:
        """The repository's git directory."""
        return Path(self.run("rev-parse", "--absolute-git-dir"))

    def blob(self, content: str) -> str:
        """Store `content` as a blob; return its ID."""
        return self.run("hash-object", "-w", "--stdin", input=content)

    def commit_with(self, base: str, changes: dict[str, str | None], message: str, day: dt.date) -> str:
        """A commit on top of `base` that writes (or, for None, deletes) the given paths."""
        with tempfile.TemporaryDirectory(prefix="nearmiss-index-") as scratch:
            index = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
            self.run("read-tree", base, env=index)
            for path, content in changes.items():
                if content is None:
                    self.run("update-index", "--force-remove", "--", path, env=index)
                else:
                    self.run("update-index", "--add", "--cacheinfo", f"100644,{self.blob(content)},{path}",
                             env=index)
            tree = self.run("write-tree", env=index)
        return self.run("commit-tree", tree, "-p", base, "-F", "-", input=message, day=day)

    def create_ref(self, ref: str, sha: str, day: dt.date | None = None) -> bool:
        """Create `ref` only if it does not exist (atomic); False if it already existed. The reflog entry is
        dated `day` (midnight UTC) like the commit, or it would record the exact time of the submission."""
        return self._update_ref(ref, sha, ZERO, day)

    def move_ref(self, ref: str, new: str, old: str, day: dt.date | None = None) -> bool:
        """Compare-and-swap a ref from `old` to `new`; False if it no longer pointed at `old`."""
        return self._update_ref(ref, new, old, day)

    def delete_ref(self, ref: str, old: str | None = None) -> None:
        """Delete a ref (only if it still points at `old`, when given)."""
        self.run("update-ref", "-d", ref, *([old] if old else []))

    def show(self, spec: str) -> str:
        """The content of an object, e.g. `branch:path`."""
        return self.run("show", spec)

    def _update_ref(self, ref: str, new: str, old: str, day: dt.date | None) -> bool:
        for _ in range(2):
            try:
                self.run("update-ref", ref, new, old, day=day)
                return True
            except GitError as error:
                if "cannot lock ref" in error.stderr and self._clear_stale_lock(ref):
                    continue
                if self.rev(ref) not in (None, old) or "reference already exists" in error.stderr:
                    return False
                raise
        return False

    def _clear_stale_lock(self, ref: str) -> bool:
        # A process killed in the middle of update-ref leaves <ref>.lock behind and every later update fails.
        lock = self.git_dir() / f"{ref}.lock"
        try:
            if dt.datetime.now().timestamp() - lock.stat().st_mtime > LOCK_STALE:
                lock.unlink()
                return True
        except FileNotFoundError:
            return True
        return False
