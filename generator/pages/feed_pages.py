"""Atom feeds at stable URLs: /feeds/all.xml, /feeds/event-type/<slug>.xml, /feeds/themes/<slug>.xml."""

from __future__ import annotations

from generator.corpus import Corpus
from generator.feeds import atom_feed
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.render import markdown_page, render
from generator.report import Report

ALL_FEED = "feeds/all.xml"


def feed_pages(corpus: Corpus, options: SiteOptions, themes: list) -> list[GeneratedPage]:
    """Every feed, and the /feeds/ page that lists them. `themes` are ranked curated themes."""
    newest = corpus.newest_first()

    def feed(path: str, title: str, reports: list[Report]) -> GeneratedPage:
        return GeneratedPage(path, atom_feed(title=title, feed_path=path, reports=reports, taxonomy=corpus.taxonomy,
                                             site_url=options.site_url, site_name=options.site_name))

    pages = [feed(ALL_FEED, f"{options.site_name}: all cases", newest)]
    vocabulary = corpus.taxonomy["event_type"]
    for term in vocabulary.terms:
        pages.append(feed(f"feeds/event-type/{term.slug}.xml", f"{options.site_name}: {term.label}",
                          [report for report in newest if report.event_type == term.slug]))
    for result in themes:
        members = {entry.id for entry in result.entries}
        pages.append(feed(f"feeds/themes/{result.theme.slug}.xml", f"{options.site_name}: {result.theme.title}",
                          [report for report in newest if report.id in members]))
    body = render("feeds_index.md.j2", "feeds/", event_type_label=vocabulary.label,
                  event_types=[(term.slug, term.label) for term in vocabulary.terms],
                  themes=[(result.theme.slug, result.theme.title) for result in themes])
    pages.append(GeneratedPage("feeds/index.md", markdown_page({"title": "Feeds"}, body)))
    return pages
