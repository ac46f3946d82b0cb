"""`data/receipts.json`: receipt hashes of reports on the site, for the "Track my report" page.

The reporter's code is hashed in their browser (overrides/assets/nearmiss/track.js) and looked up in this file,
which the page downloads whole, so the site never learns which code was checked. Only hashes of reports that
reached the site are listed: a draft or a rejected submission has no entry.
"""

from __future__ import annotations

import json

from generator.corpus import Corpus
from generator.pages import GeneratedPage
from generator.urls import page_url, report_src

RECEIPTS_SRC = "data/receipts.json"
# Which entry wins when two reports carry the same receipt (accounts merged by a reviewer).
_PREFERENCE = {"published": 0, "superseded": 1, "withdrawn": 2}


def receipts_page(corpus: Corpus) -> GeneratedPage:
    """The receipts file: {"version": 1, "receipts": {"sha256:<hex>": {"status": ..., "url": ...}}}, sorted."""
    chosen: dict[str, tuple[tuple[int, str], dict]] = {}
    for report in corpus.reports:
        if not report.receipt_hash or report.status not in _PREFERENCE:
            continue
        entry = {"status": report.status}
        if report.is_shown:
            entry["url"] = page_url(report_src(report.id))  # relative to the site root, e.g. reports/NM-.../
        rank = (_PREFERENCE[report.status], report.id)
        if report.receipt_hash not in chosen or rank < chosen[report.receipt_hash][0]:
            chosen[report.receipt_hash] = (rank, entry)
    receipts = {key: entry for key, (_, entry) in sorted(chosen.items())}
    content = json.dumps({"version": 1, "receipts": receipts}, sort_keys=True, indent=1, ensure_ascii=True)
    return GeneratedPage(RECEIPTS_SRC, content + "\n")
