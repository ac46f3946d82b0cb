"""`nearmiss build`: check the content, then build the complete site with its search index."""

from __future__ import annotations

import click

from generator.build_site import BuildSummary, build_site
from generator.check import format_problem, run_check
from generator.cli.options import config_option, content_option, k_option, site_option
from generator.errors import NearmissError

REFUSED = "Not building: fix the problems above first (nearmiss check lists them)."
GATE_REFUSED = ("Not publishing: the de-identification gate failed. Fix or acknowledge the findings above, or build "
                "an unpublishable preview for reviewers with --preview.")
PREVIEW = "Building a PREVIEW despite {count} gate problem(s): every page is marked unpublishable (banner, noindex)."


@click.command()
@content_option
@site_option
@config_option
@k_option
@click.option("--preview", is_flag=True,
              help="Build even if the publication gate fails; every page is marked as an unpublishable preview.")
def command(content_dir, site_dir, config_file, k, preview):
    """Build the static site (pages and Pagefind search index) into the site directory."""
    result = run_check(content_dir, k=k)
    for problem in result.all_problems:
        click.echo(format_problem(problem), err=True)
    if result.problems:
        click.echo(REFUSED, err=True)
        raise SystemExit(1)
    if result.gate_problems and not preview:
        click.echo(GATE_REFUSED, err=True)
        raise SystemExit(1)
    if result.gate_problems:
        click.echo(PREVIEW.format(count=len(result.gate_problems)), err=True)
    try:
        summary = build_site(content_dir, site_dir, config_file, preview=preview, k=k)
    except NearmissError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    click.echo(summary_text(summary, len(result.corpus.reports)))


def summary_text(summary: BuildSummary, reports: int) -> str:
    """A one-screen summary of a finished build."""
    lines = [f"Built {summary.pages} pages from {reports} reports in {summary.seconds:.1f} s."]
    for stage in summary.stages:
        lines.append(f"  {stage['stage']:<10} {stage['seconds']:>8.2f} s")
    if summary.warnings:
        lines.append(f"{len(summary.warnings)} warning(s):")
        lines += [f"  {warning}" for warning in summary.warnings[:10]]
    lines.append(f"Site: {summary.site_dir}")
    return "\n".join(lines)
