"""Reviewing submissions on the local forge: list, show, approve (squash-merge) and reject (delete).

Approval publishes the draft under the next free `NM-YYYY-NNNN` with `status: published` and today's date, as
one commit on the base branch made with the neutral identity. It is idempotent: the receipt hash names the
submission, so approving twice (or after a crash halfway) never publishes a report twice.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from generator.errors import NearmissError
from generator.frontmatter import split_document
from generator.report import read_report
from generator.schema import FIELDS, NEW_ID_PATTERN
from generator.taxonomy import Taxonomy, load_taxonomy
from intake.forges.git import Git
from intake.forges.local import LocalForge
from intake.ids import SUBMISSION_ID

PREFIX = "refs/heads/submission/"


class ReviewError(Exception):
    """The operation cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Pending:
    """One submission waiting for review."""

    submission_id: str
    commit: str
    path: str
    day: str
    front: dict


class LocalReview:
    """Review operations on one repository, its base branch and content directory."""

    def __init__(self, repo: Path | str, base_branch: str, content_dir: str = "content") -> None:
        self.git = Git(repo)
        self.forge = LocalForge(repo, base_branch)
        self.base_branch, self.content_dir = base_branch, content_dir

    def pending(self) -> list[Pending]:
        """Every submission branch, oldest day first."""
        out = self.git.run("for-each-ref", "--format=%(refname) %(objectname) %(committerdate:short)", PREFIX)
        items = []
        for line in out.splitlines():
            ref, commit, day = line.split(" ")
            submission = ref[len(PREFIX):]
            if SUBMISSION_ID.match(submission):
                path = self._draft_path(commit)
                front = split_document(self.git.show(f"{commit}:{path}"), path).front
                items.append(Pending(submission, commit, path, day, front))
        return sorted(items, key=lambda item: (item.day, item.submission_id))

    def get(self, submission_id: str) -> Pending:
        """The pending submission with this ID; ReviewError if there is none."""
        for item in self.pending():
            if item.submission_id == submission_id:
                return item
        raise ReviewError(f"no pending submission {submission_id!r} (nearmiss review list shows them)")

    def show(self, submission_id: str) -> tuple[str, str]:
        """The pull request text (the first commit's message) and the current draft."""
        item = self.get(submission_id)
        base = self._base()
        first = self.git.run("rev-list", "--reverse", f"{base}..{item.commit}").splitlines()[0]
        return self.git.run("log", "-1", "--format=%B", first), self.git.show(f"{item.commit}:{item.path}")

    def approve(self, submission_id: str, report_id: str | None = None, today: dt.date | None = None) -> str:
        """Publish the draft on the base branch; return its new report ID."""
        item, today = self.get(submission_id), today or dt.date.today()
        base = self._base()
        text = self.git.show(f"{item.commit}:{item.path}")
        published = self._published_with(item.front.get("receipt_hash"), base)
        if published:
            self._close(item, f"published {published}")
            return published
        report_id = report_id or self._next_id(base, today.year)
        if not NEW_ID_PATTERN.match(report_id) or self._exists(base, report_id):
            raise ReviewError(f"{report_id!r} is not a free ID of the form NM-YYYY-NNNN")
        final = publish_text(text, report_id, today)
        problems = self._check(final, report_id, base)
        if problems:
            raise ReviewError("the report does not pass the schema; fix it on the branch first:\n" + problems)
        target = str(PurePosixPath(self.content_dir, "reports", f"{report_id}.md"))
        commit = self.git.commit_with(base, {target: final},
                                      f"Publish {report_id}\n\nApproved submission {submission_id}.\n", today)
        self._advance_base(base, commit)
        self._close(item, f"published {report_id}")
        return report_id

    def reject(self, submission_id: str) -> None:
        """Delete the submission: its branch goes, and a marker stops the worker from ever re-creating it."""
        self._close(self.get(submission_id), "rejected")

    def _close(self, item: Pending, note: str) -> None:
        self.forge.close_submission(item.submission_id, note)
        # The branch's reflog goes with it; the objects stay until `git gc --prune=now` (docs-dev/intake.md).
        self.git.delete_ref(PREFIX + item.submission_id, item.commit)

    def _base(self) -> str:
        base = self.git.rev(f"refs/heads/{self.base_branch}^{{commit}}")
        if base is None:
            raise ReviewError(f"base branch {self.base_branch!r} not found")
        return base

    def _draft_path(self, commit: str) -> str:
        merge_base = self.git.run("merge-base", self._base(), commit)
        changed = self.git.run("diff", "--name-only", "--no-renames", merge_base, commit).splitlines()
        drafts = [path for path in changed if path.startswith(f"{self.content_dir}/reports/") and path.endswith(".md")]
        if len(drafts) != 1 or len(changed) != 1:
            raise ReviewError(f"the branch of {commit[:10]} must change exactly one report file; it changes "
                              f"{len(changed)} file(s)")
        return drafts[0]

    def _reports(self, base: str) -> list[str]:
        out = self.git.run("ls-tree", "--name-only", f"{base}:{self.content_dir}/reports", check=False)
        return [name[:-3] for name in out.splitlines() if name.endswith(".md")]

    def _exists(self, base: str, report_id: str) -> bool:
        return report_id.lower() in {name.lower() for name in self._reports(base)}

    def _next_id(self, base: str, year: int) -> str:
        numbers = [int(match.group(1)) for name in self._reports(base)
                   if (match := re.fullmatch(rf"NM-{year}-(\d{{4,}})", name))]
        return f"NM-{year}-{max(numbers, default=0) + 1:04d}"

    def _published_with(self, receipt_hash: object, base: str) -> str | None:
        if not isinstance(receipt_hash, str) or not re.fullmatch(r"sha256:[0-9a-f]{64}", receipt_hash):
            return None
        out = self.git.run("grep", "-l", "-F", f"receipt_hash: {receipt_hash}", base, "--",
                           f"{self.content_dir}/reports/", check=False)
        # Output lines are "<commit>:<path>"; drafts live only on submission branches, so any hit is published.
        names = [PurePosixPath(line.split(":", 1)[1]).stem for line in out.splitlines() if ":" in line]
        return names[0] if names else None

    def _check(self, text: str, report_id: str, base: str) -> str:
        taxonomy = self._taxonomy(base)
        _, problems = read_report(PurePosixPath(f"{report_id}.md"), taxonomy, text=text)
        return "\n".join(f"  {problem.field}: {problem.message}" for problem in problems)

    def _taxonomy(self, base: str) -> Taxonomy:
        with tempfile.TemporaryDirectory(prefix="nearmiss-review-") as scratch:
            path = Path(scratch) / "taxonomy.yml"
            path.write_text(self.git.show(f"{base}:{self.content_dir}/taxonomy.yml"), encoding="utf-8")
            try:
                return load_taxonomy(path)
            except NearmissError as error:
                raise ReviewError(f"the base branch's taxonomy is invalid:\n{error}") from None

    def _advance_base(self, old: str, new: str) -> None:
        # With the base branch checked out in a working tree, move it like a fast-forward merge so the checkout
        # follows; otherwise compare-and-swap the ref, so a concurrent change is never overwritten.
        head = self.git.run("symbolic-ref", "-q", "HEAD", check=False)
        bare = self.git.run("rev-parse", "--is-bare-repository") == "true"
        if head == f"refs/heads/{self.base_branch}" and not bare:
            self.git.run("merge", "--ff-only", "-q", new)
        elif not self.git.move_ref(f"refs/heads/{self.base_branch}", new, old, dt.date.today()):
            raise ReviewError(f"{self.base_branch!r} changed while approving; run the command again")


def publish_text(text: str, report_id: str, today: dt.date) -> str:
    """The draft with its final ID, `status: published` and today's publication date."""
    document = split_document(text, report_id)
    front = dict(document.front)
    front.update(id=report_id, status="published", published=today.isoformat())
    ordered = {spec.name: front[spec.name] for spec in FIELDS if spec.name in front}
    ordered.update({key: value for key, value in front.items() if key not in ordered})
    header = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    return f"---\n{header}---\n{document.body}"
