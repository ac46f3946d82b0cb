"""`nearmiss review`: see, approve or reject submissions on the local forge (branches submission/<id>).

On GitHub, Gitea or Forgejo reviewers use the pull requests instead (docs-dev/intake.md says how).
"""

from __future__ import annotations

import click

repo_option = click.option("--repo", default=".", show_default=True, help="The git repository.")
base_option = click.option("--base", "base_branch", default=None, help="Base branch (default: the checked-out one).")
content_option = click.option("--content-dir", default="content", show_default=True,
                              help="Content directory inside the repository.")


@click.group()
def command():
    """Review anonymous submissions on the local forge."""


def _on_forge(repo: str, base_branch: str | None, content_dir: str, action):
    """`action(review)` on the local forge; a bad configuration or a failed review step is a clean CLI error."""
    from intake.config import ConfigError, load_config
    from intake.localreview import LocalReview, ReviewError

    try:
        config = load_config(None, forge="local", repo=repo, base_branch=base_branch, content_dir=content_dir)
        return action(LocalReview(config.repo, config.base_branch, config.content_dir))
    except (ConfigError, ReviewError) as error:
        raise click.ClickException(str(error)) from None


@command.command("list")
@repo_option
@base_option
@content_option
def list_command(repo, base_branch, content_dir):
    """List pending submissions."""
    pending = _on_forge(repo, base_branch, content_dir, lambda review: review.pending())
    if not pending:
        click.echo("No pending submissions.")
    for item in pending:
        click.echo(f"{item.submission_id}  {item.day}  {item.front.get('event_type', '?'):<26} "
                   f"{str(item.front.get('title', ''))[:70]}")


@command.command("show")
@click.argument("submission_id")
@repo_option
@base_option
@content_option
def show_command(submission_id, repo, base_branch, content_dir):
    """Show a submission: the review notes, the draft, and what the scanner finds in it now."""
    from generator.deid import scan

    notes, draft = _on_forge(repo, base_branch, content_dir, lambda review: review.show(submission_id))
    click.echo(notes.rstrip() + "\n\n" + "-" * 72 + "\n" + draft.rstrip())
    body = draft.split("\n---\n", 1)[-1]
    findings = scan(body)
    click.echo("-" * 72 + f"\nScanner findings in the draft now: {len(findings)}")
    for finding in findings:
        click.echo(f"  {finding.tier:<6} {finding.type:<8} {finding.text!r} ({finding.reason})")


@command.command("approve")
@click.argument("submission_id")
@click.option("--id", "report_id", default=None, help="Report ID to publish under (default: next NM-YYYY-NNNN).")
@repo_option
@base_option
@content_option
def approve_command(submission_id, report_id, repo, base_branch, content_dir):
    """Squash-merge a submission as a published report with the next free ID."""
    published = _on_forge(repo, base_branch, content_dir, lambda review: review.approve(submission_id, report_id))
    click.echo(f"Published {published}.")


@command.command("reject")
@click.argument("submission_id")
@repo_option
@base_option
@content_option
def reject_command(submission_id, repo, base_branch, content_dir):
    """Delete a submission's branch; the worker will never re-create it."""
    _on_forge(repo, base_branch, content_dir, lambda review: review.reject(submission_id))
    click.echo(f"Rejected {submission_id}; run `git gc --prune=now` to erase its text from the repository.")
