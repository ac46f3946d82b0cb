"""What a site build needs from the analysis: related links for every report and the ranked curated themes."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from generator.analysis.engine import analyse_corpus
from generator.analysis.options import AnalysisOptions
from generator.analysis.related import Related
from generator.analysis.themes import Theme, ThemeResult, load_themes, rank_themes


@dataclass
class SiteAnalysis:
    related: Related
    themes: list[ThemeResult] = field(default_factory=list)
    mode: str = ""


def site_themes(corpus) -> list[Theme]:
    """The curated themes of the corpus's content directory; raises NearmissError for a bad themes.yml."""
    return load_themes(corpus.content_dir, {report.id for report in corpus.reports})


def analyse_for_site(corpus, options: AnalysisOptions | None = None, cache_dir: Path | str | None = None,
                     themes: list[Theme] | None = None, times=None) -> SiteAnalysis:
    """Related links (from the cache when possible) and curated themes (read from themes.yml when not given).

    With `times` (a generator.timing.StageTimes), the two are timed as the stages `related` and `themes`."""
    options = options or AnalysisOptions()
    themes = site_themes(corpus) if themes is None else themes
    with times.stage("related") if times is not None else nullcontext():
        analysis = analyse_corpus(corpus, options, cache_dir)
    with times.stage("themes") if times is not None else nullcontext():
        ranked = rank_themes(themes, analysis, options)
    return SiteAnalysis(analysis.related, ranked, analysis.mode)
