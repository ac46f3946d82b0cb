"""Settings of the analysis, with the values chosen by measurement (bench/related_quality.py, docs-dev/related.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

# Bumped whenever the computation changes in a way that makes cached results stale.
ALGORITHM_VERSION = 1


@dataclass(frozen=True)
class AnalysisOptions:
    """How related reports are scored and selected. Weights sum to the score of identical reports."""

    k: int = 5                      # related reports per report
    min_score: float = 0.1          # below this a "related" report is only noise
    tfidf_weight: float = 0.6       # exact TF-IDF cosine (shared wording)
    lsa_weight: float = 0.4         # latent-semantic cosine (shared topics in different words)
    facet_weight: float = 0.05      # cosine of shared event type and contributing factors
    dimensions: int = 32            # latent-semantic dimensions
    lsa_sample: int = 4000          # reports the latent space is fitted on (evenly spaced by ID)
    pair_budget: int = 60_000_000   # work allowed for the exact TF-IDF product (sum of squared term frequencies)
    buffer: int = 5                 # extra neighbours kept so that incremental updates rarely recompute a row
    refit_fraction: float = 0.05    # refit the model when more than this share of reports changed
    incremental_min: int = 1000     # below this many reports a full computation is fast enough: no reuse
    theme_limit: int = 100          # reports listed on a curated theme page (after the pinned ones)
    theme_min_score: float = 0.08   # TF-IDF cosine a report needs to be listed on a curated theme page

    @property
    def keep(self) -> int:
        """Neighbours kept per report: k plus the buffer."""
        return self.k + self.buffer

    def key(self) -> str:
        """A hash of every option."""
        return _hash(asdict(self) | {"version": ALGORITHM_VERSION})


def _hash(value: dict) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]
