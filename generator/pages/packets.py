"""Training packets: printable pages on the site, and single self-contained HTML files (`nearmiss packet`)."""

from __future__ import annotations

from generator.corpus import Corpus
from generator.editorial import Packet
from generator.errors import NearmissError, Problem
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.render import markdown_page, render, render_html
from generator.urls import page_url, public_url, report_src

# What a trainer needs on paper: the lessons and the questions (the full story is one link away).
PACKET_SECTIONS = (("lessons-learned", "Lessons learned"), ("discussion-questions", "Discussion questions"),
                   ("follow-up", "Follow-up"))
STANDALONE_SECTIONS = (("what-happened", "What happened"),) + PACKET_SECTIONS


def packet_cases(corpus: Corpus, ids: list[str] | tuple[str, ...], site_url: str = "") -> list[dict]:
    """The published cases of a packet, in the order given; unknown or unpublished IDs are an error."""
    problems = [Problem("packet", 1, "cases", f'unknown or unpublished case "{case}"') for case in ids
                if case not in corpus.by_id or corpus.by_id[case].status != "published"]
    if problems:
        raise NearmissError(problems)
    return [{"report": corpus.by_id[case], "event_type": corpus.taxonomy.label("event_type", corpus.by_id[case].event_type),
             "url": public_url(site_url, page_url(report_src(case))) if site_url else ""} for case in ids]


def packet_pages(corpus: Corpus, packets: list[Packet], options: SiteOptions) -> list[GeneratedPage]:
    """`/packets/` and one printable page per packet."""
    pages = [GeneratedPage("packets/index.md", markdown_page(
        {"title": "Training packets", "hide": ["toc"]}, render("packets_index.md.j2", "packets/", packets=packets)))]
    for packet in packets:
        src = f"packets/{packet.slug}.md"
        body = render("packet_page.md.j2", page_url(src), packet=packet, cases=packet_cases(corpus, packet.cases),
                      sections=PACKET_SECTIONS)
        pages.append(GeneratedPage(src, markdown_page({"title": packet.title}, body)))
    return pages


def standalone_packet(corpus: Corpus, ids: list[str], title: str, *, site_name: str, site_url: str = "",
                      packet: Packet | None = None) -> str:
    """A packet as one HTML file with its styles inline: no scripts, nothing loaded from anywhere."""
    return render_html("packet.html.j2", title=title, packet=packet, cases=packet_cases(corpus, ids, site_url),
                       sections=STANDALONE_SECTIONS, site_name=site_name)
