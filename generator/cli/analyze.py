"""`nearmiss analyze`: a filtered analysis as a self-contained HTML report or CSV counts."""

from __future__ import annotations

from pathlib import Path

import click

from generator.analyze import Selection, analysis_csv, analysis_html, validate
from generator.atomic import write_text_atomic
from generator.check import run_check
from generator.cli.options import content_option, k_option
from generator.errors import NearmissError

WROTE = "Wrote {path} ({count} matching case(s))."


@click.command()
@content_option
@k_option
@click.option("--event-type", "event_types", multiple=True, help="Only these event types (slug; repeatable).")
@click.option("--factor", "factors", multiple=True, help="Only cases with any of these contributing factors.")
@click.option("--since", help="Events from this month on (YYYY-MM).")
@click.option("--until", help="Events up to this month (YYYY-MM).")
@click.option("--site-name", default="Near Miss Case Library", show_default=True)
@click.option("--site-url", default="", help="Base URL of the public site, for links to cases.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.html for a report, FILE.csv for counts.")
def command(content_dir, k, event_types, factors, since, until, site_name, site_url, out):
    """Analyse published cases (optionally one event type, factor or period) into HTML or CSV."""
    if out.suffix.lower() not in (".html", ".csv"):
        raise click.BadParameter("must end in .html or .csv", param_hint="--out")
    result = run_check(content_dir, k=k, gate=False)
    if result.problems:
        raise click.ClickException("the content has problems; run nearmiss check")
    selection = Selection(tuple(event_types), tuple(factors), since, until)
    try:
        validate(selection, result.corpus)
    except NearmissError as error:
        raise click.ClickException(str(error)) from None
    if out.suffix.lower() == ".csv":
        text = analysis_csv(result.corpus, selection, k)
    else:
        text = analysis_html(result.corpus, selection, k, site_name=site_name, site_url=site_url)
    write_text_atomic(out, text)
    from generator.analyze import select

    click.echo(WROTE.format(path=out, count=len(select(result.corpus, selection))))
