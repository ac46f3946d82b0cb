"""The local forge and `nearmiss review`: one branch per submission, neutral commits, approve and reject."""

from __future__ import annotations

import datetime as dt
import threading

from click.testing import CliRunner

from generator.cli import main
from generator.corpus import load_corpus
from intake.forges.base import Proposal
from intake.forges.local import LocalForge
from intake.spool import Spool
from intake.worker import Worker
from tests.intake.helpers import draft_of, git, receipt_hash, receipt_of, submission_branches, submit


def proposal(submission: str = "0123456789abcdef", day: dt.date = dt.date(2026, 3, 4)) -> Proposal:
    return Proposal(submission, f"submission/{submission}", f"content/reports/NM-2026-S{submission.upper()}.md",
                    "draft text\n", "Draft report\n\nbody\n", "Draft report", "body", day)


def test_a_submission_is_one_branch_with_one_neutral_commit(repo):
    before = git(repo, "status", "--porcelain"), git(repo, "rev-parse", "HEAD")
    opened = LocalForge(repo, "main").open(proposal())
    assert opened.created and opened.url == "branch submission/0123456789abcdef"
    log = git(repo, "log", "--format=%an|%ae|%ad|%cn|%ce|%cd", "--date=iso-strict",
              "main..submission/0123456789abcdef")
    assert log.strip() == ("nearmiss-intake|intake@users.noreply.invalid|2026-03-04T00:00:00+00:00|"
                           "nearmiss-intake|intake@users.noreply.invalid|2026-03-04T00:00:00+00:00")
    path = "content/reports/NM-2026-S0123456789ABCDEF.md"
    assert git(repo, "show", f"submission/0123456789abcdef:{path}") == "draft text\n"
    assert (git(repo, "status", "--porcelain"), git(repo, "rev-parse", "HEAD")) == before  # checkout untouched
    # Not even the branch's reflog records the time of day.
    reflog = git(repo, "reflog", "show", "--format=%gd", "--date=iso-strict", "submission/0123456789abcdef")
    assert reflog.strip() == "submission/0123456789abcdef@{2026-03-04T00:00:00+00:00}"


def test_open_is_idempotent_even_when_racing(repo):
    forge = LocalForge(repo, "main")
    results = []
    threads = [threading.Thread(target=lambda: results.append(forge.open(proposal()))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert submission_branches(repo) == ["submission/0123456789abcdef"]
    assert sum(result.created for result in results) == 1
    assert not forge.open(proposal()).created


def test_user_git_config_never_reaches_a_commit(repo, monkeypatch, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tname = Officer Real Name\n\temail = real@agency.example\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Officer Env Name")
    LocalForge(repo, "main").open(proposal())
    log = git(repo, "log", "-1", "--format=%an %ae %cn %ce", "submission/0123456789abcdef")
    assert "Real" not in log and "Env" not in log and "agency" not in log


def test_worker_and_review_cli_publish_a_submission(client, config, repo):
    _, done = submit(client)
    receipt = receipt_of(done.text)
    worker = Worker(Spool(config.spool), LocalForge(repo, "main"))
    assert worker.sweep().opened == 1 and Spool(config.spool).pending() == []
    [branch] = submission_branches(repo)
    submission = branch.split("/")[1]
    path, text = draft_of(repo, branch)
    assert "status: draft" in text and receipt_hash(receipt) in text

    runner = CliRunner()
    listed = runner.invoke(main, ["review", "list", "--repo", str(repo)])
    assert listed.exit_code == 0 and submission in listed.output and "traffic-stop" in listed.output
    shown = runner.invoke(main, ["review", "show", submission, "--repo", str(repo)])
    assert shown.exit_code == 0 and "Reviewer checklist" in shown.output and "## What happened" in shown.output
    approved = runner.invoke(main, ["review", "approve", submission, "--repo", str(repo)])
    assert approved.exit_code == 0, approved.output
    report_id = approved.output.split()[-1].rstrip(".")
    assert report_id == f"NM-{dt.date.today().year}-0001"
    assert submission_branches(repo) == []
    # The checked-out base branch followed, and the published report passes the schema.
    text = (repo / "content" / "reports" / f"{report_id}.md").read_text()
    assert "status: published" in text and f"id: {report_id}" in text and receipt_hash(receipt) in text
    corpus = load_corpus(repo / "content")
    assert [p for p in corpus.problems if p.field not in ("quasi-identifiers",)] == []
    assert report_id in corpus.by_id
    # A late retry of the worker cannot bring it back.
    assert not LocalForge(repo, "main").open(
        proposal(submission)).created and submission_branches(repo) == []


def test_reject_deletes_the_branch_for_good(client, config, repo):
    submit(client)
    Worker(Spool(config.spool), LocalForge(repo, "main")).sweep()
    [branch] = submission_branches(repo)
    submission = branch.split("/")[1]
    rejected = CliRunner().invoke(main, ["review", "reject", submission, "--repo", str(repo)])
    assert rejected.exit_code == 0 and "git gc --prune=now" in rejected.output
    assert submission_branches(repo) == []
    found = LocalForge(repo, "main").find(submission)
    assert found is not None and "rejected" in found.url
    missing = CliRunner().invoke(main, ["review", "approve", submission, "--repo", str(repo)])
    assert missing.exit_code != 0 and "no pending submission" in missing.output


def test_approve_into_a_base_that_is_not_checked_out(tmp_path, client, config, repo):
    git(repo, "checkout", "-q", "-b", "elsewhere")
    submit(client)
    Worker(Spool(config.spool), LocalForge(repo, "main")).sweep()
    [branch] = submission_branches(repo)
    result = CliRunner().invoke(main, ["review", "approve", branch.split("/")[1], "--repo", str(repo),
                                       "--base", "main", "--id", "NM-2031-0042"])
    assert result.exit_code == 0, result.output
    assert "NM-2031-0042.md" in git(repo, "ls-tree", "--name-only", "main:content/reports")
    assert git(repo, "symbolic-ref", "--short", "HEAD").strip() == "elsewhere"
    assert not (repo / "content" / "reports" / "NM-2031-0042.md").exists()
