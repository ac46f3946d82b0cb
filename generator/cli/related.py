"""`nearmiss related --json`: the related reports of every public report, as other tools read them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.check import format_problem, run_check
from generator.cli.options import content_option

cache_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path),
    help="Where the analysis cache lives (default: .nearmiss-cache/ beside the content directory).",
)
no_cache_option = click.option("--no-cache", is_flag=True,
                               help="Compute from scratch; neither read nor write the cache.")


def load_checked(content_dir: Path, cache_dir: Path | None = None):
    """The corpus, or exit 1 after printing its problems. Analysis needs valid content, not publishable content:
    the publication gate (identifiers, small groups) is `nearmiss check`'s and `build`'s business. Parsed reports
    come from the report cache in `cache_dir` when given."""
    from generator.parallel import default_jobs

    result = run_check(content_dir, gate=False, cache_dir=cache_dir, jobs=default_jobs())
    if not result.ok:
        for problem in result.problems:
            click.echo(format_problem(problem), err=True)
        click.echo("Fix the problems above first (nearmiss check lists them).", err=True)
        raise SystemExit(1)
    return result.corpus


def cache_location(content_dir: Path, cache_dir: Path | None, no_cache: bool) -> Path | None:
    from generator.analysis.cache import default_cache_dir

    return None if no_cache else (cache_dir or default_cache_dir(content_dir))


@click.command()
@content_option
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="Related reports per report.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: report ID -> related reports.")
@cache_option
@no_cache_option
def command(content_dir, k, as_json, cache_dir, no_cache):
    """List the related reports of every public report (withdrawn and draft reports are left out)."""
    from generator.analysis.engine import analyse_corpus
    from generator.analysis.options import AnalysisOptions
    from generator.analysis.related import related_json

    location = cache_location(content_dir, cache_dir, no_cache)
    corpus = load_checked(content_dir, location)
    analysis = analyse_corpus(corpus, AnalysisOptions(k=k), location)
    if as_json:
        click.echo(json.dumps(related_json(analysis.related), ensure_ascii=False))
        return
    for report_id, links in analysis.related.items():
        click.echo(f"{report_id}  {corpus.by_id[report_id].title}")
        for link in links:
            reason = "; ".join(part for part in (", ".join(link.facets), ", ".join(link.terms)) if part)
            click.echo(f"    {link.score:.3f}  {link.id}  {reason}")
    click.echo(f"{len(analysis.related)} reports ({analysis.mode}, {analysis.seconds:.2f} s).", err=True)
