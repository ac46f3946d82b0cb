"""`nearmiss themes suggest`: print clusters of the corpus for editors to adopt as curated themes."""

from __future__ import annotations

import json

import click
import yaml

from generator.cli.options import content_option
from generator.cli.related import cache_location, cache_option, load_checked, no_cache_option


@click.group("themes")
def command():
    """Curated themes and suggestions for new ones."""


@command.command("suggest")
@content_option
@click.option("--clusters", "count", type=click.IntRange(1, 200), default=12, show_default=True,
              help="How many clusters to look for.")
@click.option("--terms", "top_terms", type=click.IntRange(1, 30), default=8, show_default=True,
              help="Top terms shown per cluster.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of themes.yml-style YAML.")
@cache_option
@no_cache_option
def suggest(content_dir, count, top_terms, as_json, cache_dir, no_cache):
    """Cluster the public reports (fixed seeds: the same content gives the same clusters) and print each
    cluster's top terms and member IDs, closest to the centre first. Nothing is written: copy what you want
    into themes.yml, then give it a real title and description."""
    from generator.analysis.clusters import suggest_clusters
    from generator.analysis.engine import analyse_corpus

    location = cache_location(content_dir, cache_dir, no_cache)
    corpus = load_checked(content_dir, location)
    analysis = analyse_corpus(corpus, cache_dir=location)
    clusters = suggest_clusters(analysis, count, top_terms)
    if as_json:
        click.echo(json.dumps([{"terms": list(c.terms), "members": list(c.members)} for c in clusters],
                              ensure_ascii=False))
        return
    click.echo("# Suggested themes: edit the title and description, keep the seeds that fit, and paste into "
               "themes.yml.")
    for number, cluster in enumerate(clusters, start=1):
        entry = {
            "slug": f"suggested-{number}",
            "title": ", ".join(cluster.terms[:3]).capitalize() or f"Cluster {number}",
            "description": f"{len(cluster.members)} reports about {', '.join(cluster.terms[:5])}.",
            "seeds": list(cluster.terms),
            "pinned": list(cluster.members[:3]),
        }
        click.echo(f"\n# Cluster {number}: {len(cluster.members)} reports")
        text = yaml.safe_dump({"themes": [entry]}, sort_keys=False, allow_unicode=True, width=1000,
                              default_flow_style=None)
        click.echo(text.split("\n", 1)[1].rstrip())
        click.echo("  # members: " + " ".join(cluster.members))
