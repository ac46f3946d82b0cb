"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

content_option = click.option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("content"),
    show_default=True, help="Content directory holding reports/*.md and taxonomy.yml.",
)
site_option = click.option(
    "--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
    show_default=True, help="Where the built site is written.",
)
config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=Path("mkdocs.yml"),
    show_default=True, help="The MkDocs configuration of the site.",
)
k_option = click.option(
    "--k", "k", type=click.IntRange(min=1), default=3, show_default=True,
    help="k-anonymity: each published combination of region, period, event type and agency size needs k reports.",
)
