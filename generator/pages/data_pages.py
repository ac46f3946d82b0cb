"""`/data/`: the open-data downloads and a data dictionary generated from the schema and the taxonomy."""

from __future__ import annotations

from dataclasses import dataclass

from generator.corpus import Corpus
from generator.exports import COLUMNS, LIST_COLUMNS, exported_reports, reports_csv, reports_json
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.render import markdown_page, render
from generator.schema import FIELDS_BY_NAME

# Columns that are not front-matter fields, or whose schema help is written for editors rather than readers.
MEANINGS = {
    "id": "Permanent case ID; also the last part of the case's URL.",
    "url": "Permanent address of the case page.",
    "title": "Headline written by the reviewers.",
    "summary": "One-sentence synopsis.",
    "published": "Date the case was published (YYYY-MM-DD), not the date of the event.",
    "event_month": "Month of the event (YYYY-MM), or a quarter (YYYY-Qn) or year (YYYY) where it was coarsened "
                   "to protect the reporter. Never a day.",
    "what_happened": "The account, in Markdown.",
    "lessons_learned": "What the reporter learned, in Markdown.",
    "discussion_questions": "Questions for training, in Markdown (may be empty).",
    "follow_up": "The agency's response or what changed, in Markdown (may be empty).",
}


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    values: str
    vocabulary: str | None


def dictionary_columns(corpus: Corpus) -> list[Column]:
    """Every exported column with its meaning and allowed values."""
    columns = []
    for name in COLUMNS:
        field = FIELDS_BY_NAME.get(name)
        vocabulary = field.vocabulary if field else None
        if vocabulary:
            meaning = corpus.taxonomy[vocabulary].description
            values = ("list of " if name in LIST_COLUMNS else "one of ") + f"{len(corpus.taxonomy[vocabulary].terms)} values"
        else:
            meaning, values = MEANINGS.get(name, field.help if field else ""), "text"
        columns.append(Column(name, meaning, values, vocabulary))
    return columns


def data_pages(corpus: Corpus, options: SiteOptions) -> list[GeneratedPage]:
    """The dictionary page and the two download files."""
    body = render("data_dictionary.md.j2", "data/", count=len(exported_reports(corpus)), taxonomy=corpus.taxonomy,
                  columns=dictionary_columns(corpus), vocabularies=list(corpus.taxonomy.vocabularies.values()))
    return [
        GeneratedPage("data/index.md", markdown_page({"title": "Open data"}, body)),
        GeneratedPage("data/reports.json", reports_json(corpus, options.site_url)),
        GeneratedPage("data/reports.csv", reports_csv(corpus, options.site_url)),
    ]
