"""`nearmiss import csv|jsonl FILE --out DIR ...`: make a content directory from an export of real reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.errors import NearmissError

MAX_SHOWN = 50


def _options(word: str):
    """The options both formats share; `word` is "column" (CSV) or "key" (JSONL)."""
    def decorate(function):
        options = [
            click.argument("file", type=click.Path(dir_okay=False, path_type=Path)),
            click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
                         help="Content directory to write (DIR/reports/*.md and DIR/taxonomy.yml)."),
            click.option("--text-column", "text", required=True, help=f"The {word} with the account of what happened."),
            click.option("--title-column", "title", help=f"The {word} with a title (default: the first sentence)."),
            click.option("--id-column", "id_column", help=f"The {word} with the source ID (default: numbered)."),
            click.option("--date-column", "dates", multiple=True,
                         help=f"The {word} with the event date; repeat for fallbacks. Only the month is kept."),
            click.option("--map", "maps", multiple=True, metavar="FIELD=" + word.upper(),
                         help="Fill a facet (event_type, contributing_factors, ...), summary, lessons_learned, "
                              "follow_up or discussion_questions from a " + word + "; repeatable."),
            click.option("--taxonomy", type=click.Path(dir_okay=False, path_type=Path),
                         help="Taxonomy file (default: the law-enforcement taxonomy)."),
            click.option("--published", type=click.DateTime(["%Y-%m-%d"]),
                         help="Publication date of the imported reports (default: today)."),
            click.option("--id-prefix", default="R", show_default=True, help="Prefix of numbered IDs."),
            click.option("--unknown-values", type=click.Choice(["error", "unclassified"]), default="error",
                         show_default=True, help="What a facet value missing from the taxonomy becomes."),
            click.option("--sample", type=int, help="Import only this many rows, evenly spaced through the file."),
            click.option("--replace", is_flag=True, help="Replace reports already in DIR/reports."),
        ]
        for option in reversed(options):
            function = option(function)
        return function
    return decorate


@click.group("import")
def command():
    """Import real reports from a CSV or JSON Lines file into a content directory."""


@command.command("csv")
@_options("column")
def csv_command(**options):
    """Import a CSV file (UTF-8, first line names the columns)."""
    _run("csv", **options)


@command.command("jsonl")
@_options("key")
def jsonl_command(**options):
    """Import a JSON Lines file (one JSON object a line)."""
    _run("jsonl", **options)


def _run(kind, file, out_dir, text, title, id_column, dates, maps, taxonomy, published, id_prefix,
         unknown_values, sample, replace):
    from generator.importer.run import import_file
    from generator.importer.spec import DEFAULT_TAXONOMY, ImportSpec, parse_maps

    try:
        spec = ImportSpec(
            text=text, title=title, id=id_column, dates=tuple(dates), maps=parse_maps(list(maps)),
            taxonomy=taxonomy or DEFAULT_TAXONOMY, published=published.date() if published else dt.date.today(),
            id_prefix=id_prefix, unknown_values=unknown_values, sample=sample,
        )
        result = import_file(kind, file, out_dir, spec, replace=replace)
    except NearmissError as error:
        for problem in error.problems[:MAX_SHOWN]:
            click.echo(str(problem), err=True)
        if len(error.problems) > MAX_SHOWN:
            click.echo(f"... and {len(error.problems) - MAX_SHOWN} more problem(s).", err=True)
        click.echo("Nothing was written.", err=True)
        raise SystemExit(1) from None
    for note, count in sorted(result.notes.items()):
        click.echo(f"note: {count} report(s): {note}", err=True)
    if not result.redacted:
        click.echo("warning: the identifier scanner is not available; text was imported without redaction.",
                   err=True)
    click.echo(f"Imported {result.reports} reports into {result.out_dir}. Check them with: "
               f"nearmiss check --content {result.out_dir}")
