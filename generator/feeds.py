"""Atom feeds (RFC 4287): all cases, and one per event type and per curated theme, newest first."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from generator.report import Report
from generator.taxonomy import Taxonomy
from generator.urls import page_url, public_url, report_src

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50


def atom_feed(*, title: str, feed_path: str, reports: list[Report], taxonomy: Taxonomy, site_url: str,
              site_name: str) -> str:
    """An Atom document for `reports` (already newest first), published at `feed_path` in the site."""
    root = ET.Element("feed", xmlns=ATOM)
    _text(root, "title", title)
    _text(root, "subtitle", f"Near-miss cases from {site_name}")
    _text(root, "id", _tag_uri(site_url, feed_path))
    _text(root, "updated", _timestamp(reports[0].published if reports else dt.date(2000, 1, 1)))
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=public_url(site_url, feed_path))
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=public_url(site_url, ""))
    author = ET.SubElement(root, "author")
    _text(author, "name", site_name)
    _text(root, "generator", "nearmiss")
    for report in reports[:MAX_ENTRIES]:
        _entry(root, report, taxonomy, site_url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _entry(root: ET.Element, report: Report, taxonomy: Taxonomy, site_url: str) -> None:
    entry = ET.SubElement(root, "entry")
    path = page_url(report_src(report.id))
    _text(entry, "title", report.title)
    _text(entry, "id", _tag_uri(site_url, path))
    _text(entry, "published", _timestamp(report.published))
    _text(entry, "updated", _timestamp(report.published))
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=public_url(site_url, path))
    _text(entry, "summary", report.summary)
    ET.SubElement(entry, "category", term=report.event_type, label=taxonomy.label("event_type", report.event_type))
    for factor in report.contributing_factors:
        ET.SubElement(entry, "category", term=factor, label=taxonomy.label("contributing_factors", factor))


def _tag_uri(site_url: str, path: str) -> str:
    # Atom ids must be permanent IRIs; a tag: URI (RFC 4151) stays the same if the site moves between schemes.
    host = urlsplit(site_url).hostname or "nearmiss.invalid"
    return f"tag:{host},2025:{path or '/'}"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element
