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
jobs_option = click.option(
    "--jobs", "jobs", type=click.IntRange(min=1), default=None,
    help="Worker processes for parsing and scanning changed reports (default: NEARMISS_JOBS, else every core).",
)
no_cache_option = click.option(
    "--no-cache", is_flag=True,
    help="Parse and scan every report again; neither read nor write .nearmiss-cache/ beside the content directory.",
)
stats_option = click.option(
    "--stats-file", type=click.Path(dir_okay=False, path_type=Path), default=None, hidden=True,
    help="Write the time and peak memory of each stage as JSON (for bench/scale.py).",
)


def resolve_jobs(jobs: int | None) -> int:
    """The --jobs value, or the default worker count."""
    from generator.parallel import default_jobs

    return jobs or default_jobs()


def report_cache_dir(content_dir: Path, no_cache: bool) -> Path | None:
    """Where the report cache lives for this content directory, or None with --no-cache."""
    from generator.reportcache import default_cache_dir

    return None if no_cache else default_cache_dir(content_dir)
