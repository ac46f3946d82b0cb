"""`nearmiss check`: every problem in a content directory, and how to print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus import Corpus
from generator.editorial import load_featured, load_packets
from generator.errors import NearmissError, Problem
from generator.loader import load_content
from generator.privacy import DEFAULT_K
from generator.themes_file import load_themes
from generator.timing import StageTimes


@dataclass
class CheckResult:
    """The outcome of checking a content directory.

    `problems` make the content unusable (schema, taxonomy); `gate_problems` make it unpublishable (identifiers,
    small groups) but a reviewer's preview may still be built.
    """

    corpus: Corpus | None
    problems: list[Problem] = field(default_factory=list)
    gate_problems: list[Problem] = field(default_factory=list)
    times: StageTimes = field(default_factory=StageTimes)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.gate_problems

    @property
    def all_problems(self) -> list[Problem]:
        return sorted(self.problems + self.gate_problems)


def run_check(content_dir: Path | str, *, k: int = DEFAULT_K, gate: bool = True, cache_dir: Path | str | None = None,
              jobs: int = 1, label: str = "check") -> CheckResult:
    """Validate every report and the taxonomy, then run the publication gate; reports, never raises.

    With `cache_dir`, files whose bytes were parsed and scanned before (by the same code, with the same taxonomy)
    are not parsed or scanned again; `jobs` worker processes parse and scan the others.
    """
    times = StageTimes()
    try:
        loaded = load_content(content_dir, scan=gate, cache_dir=cache_dir, jobs=jobs, times=times, label=label)
    except NearmissError as error:
        return CheckResult(None, error.problems, times=times)
    corpus = loaded.corpus
    result = CheckResult(corpus, list(corpus.problems) + editorial_problems(corpus), times=times,
                         counts=loaded.counts)
    if gate:
        from generator.privacy.gate import gate_problems

        with times.stage("kanon"):
            result.gate_problems = gate_problems(corpus, k, loaded.findings)
    return result


def editorial_problems(corpus: Corpus) -> list[Problem]:
    """Problems in themes.yml, packets.yml and featured.yml (all optional) beside the reports."""
    ids = set(corpus.by_id)
    problems = load_packets(corpus.content_dir, ids)[1] + load_featured(corpus.content_dir, ids)[1]
    try:
        load_themes(corpus.content_dir, ids)
    except NearmissError as error:
        problems += error.problems
    return problems


def format_problem(problem: Problem, style: str = "text") -> str:
    """One line per problem: `path:line: field: message`, or a GitHub Actions annotation."""
    if style == "github":
        return (f"::error file={_property(problem.path)},line={problem.line},title={_property(problem.field)}::"
                f"{_data(problem.message)}")
    return str(problem)


def _data(text: str) -> str:
    # GitHub's workflow-command escaping: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
