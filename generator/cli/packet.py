"""`nearmiss packet`: an ad-hoc training packet as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from generator.atomic import write_text_atomic
from generator.check import run_check
from generator.cli.options import content_option
from generator.errors import NearmissError
from generator.pages.packets import standalone_packet

PRINT_HINT = "Wrote {path}. To make a PDF, open it in a browser and print to PDF (it has a print layout)."


@click.command()
@content_option
@click.argument("case_ids", nargs=-1, required=True)
@click.option("--title", required=True, help="Title printed on the packet.")
@click.option("--site-name", default="Near Miss Case Library", show_default=True)
@click.option("--site-url", default="", help="Base URL of the public site, to print each case's address.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="FILE.html")
def command(content_dir, case_ids, title, site_name, site_url, out):
    """Build a printable packet of CASE_IDS (in that order) as a single HTML file."""
    result = run_check(content_dir, gate=False)
    if result.problems:
        raise click.ClickException("the content has problems; run nearmiss check")
    try:
        html = standalone_packet(result.corpus, list(case_ids), title, site_name=site_name, site_url=site_url)
    except NearmissError as error:
        raise click.ClickException(str(error)) from None
    write_text_atomic(out, html)
    click.echo(PRINT_HINT.format(path=out))
