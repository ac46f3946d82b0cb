"""`nearmiss check`: validate every report; one line per problem; exit 1 on any."""

from __future__ import annotations

import json

import click

from generator.check import format_problem, run_check
from generator.cli.options import (
    content_option,
    jobs_option,
    k_option,
    no_cache_option,
    report_cache_dir,
    resolve_jobs,
    stats_option,
)

OK_MESSAGE = "{count} reports checked, no problems."
FAIL_MESSAGE = "{problems} problem(s) in {files} file(s)."


@click.command()
@content_option
@k_option
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text", show_default=True,
              help="github prints workflow annotations (::error file=...,line=...::).")
@jobs_option
@no_cache_option
@stats_option
def command(content_dir, k, style, jobs, no_cache, stats_file):
    """Validate the reports against the schema and taxonomy, and run the publication gate."""
    result = run_check(content_dir, k=k, cache_dir=report_cache_dir(content_dir, no_cache), jobs=resolve_jobs(jobs))
    if stats_file is not None:
        stats_file.write_text(json.dumps(result.times.as_dict() | {"counts": result.counts}, indent=2),
                              encoding="utf-8")
    problems = result.all_problems
    for problem in problems:
        click.echo(format_problem(problem, style))
    if problems:
        files = len({problem.path for problem in problems})
        click.echo(FAIL_MESSAGE.format(problems=len(problems), files=files), err=True)
        raise SystemExit(1)
    click.echo(OK_MESSAGE.format(count=len(result.corpus.reports)), err=True)
