"""`nearmiss check`: validate every report; one line per problem; exit 1 on any."""

from __future__ import annotations

import click

from generator.check import format_problem, run_check
from generator.cli.options import content_option

OK_MESSAGE = "{count} reports checked, no problems."
FAIL_MESSAGE = "{problems} problem(s) in {files} file(s)."


@click.command()
@content_option
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text", show_default=True,
              help="github prints workflow annotations (::error file=...,line=...::).")
def command(content_dir, style):
    """Validate the reports in a content directory against the schema and taxonomy."""
    result = run_check(content_dir)
    for problem in result.problems:
        click.echo(format_problem(problem, style))
    if result.problems:
        files = len({problem.path for problem in result.problems})
        click.echo(FAIL_MESSAGE.format(problems=len(result.problems), files=files), err=True)
        raise SystemExit(1)
    click.echo(OK_MESSAGE.format(count=len(result.corpus.reports)), err=True)
