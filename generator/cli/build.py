"""`nearmiss build`: check the content, then build the complete site with its search index."""

from __future__ import annotations

import json
import time

import click

from generator.build_site import BuildSummary, build_site
from generator.check import CheckResult, format_problem, run_check
from generator.cli.options import (
    config_option,
    content_option,
    jobs_option,
    k_option,
    report_cache_dir,
    resolve_jobs,
    site_option,
    stats_option,
)
from generator.errors import NearmissError
from generator.timing import peak_rss_mb

REFUSED = "Not building: fix the problems above first (nearmiss check lists them)."
GATE_REFUSED = ("Not publishing: the de-identification gate failed. Fix or acknowledge the findings above, or build "
                "an unpublishable preview for reviewers with --preview.")
PREVIEW = "Building a PREVIEW despite {count} gate problem(s): every page is marked unpublishable (banner, noindex)."
SHOWN_PROBLEMS = 50  # beyond this many, a build prints a count; `nearmiss check` lists them all


@click.command()
@content_option
@site_option
@config_option
@k_option
@click.option("--preview", is_flag=True,
              help="Build even if the publication gate fails; every page is marked as an unpublishable preview.")
@jobs_option
@stats_option
def command(content_dir, site_dir, config_file, k, preview, jobs, stats_file):
    """Build the static site (pages and Pagefind search index) into the site directory."""
    started = time.perf_counter()
    jobs = resolve_jobs(jobs)
    result = run_check(content_dir, k=k, cache_dir=report_cache_dir(content_dir, False), jobs=jobs)
    check_seconds = time.perf_counter() - started
    _print_problems(result, preview)
    if result.problems:
        click.echo(REFUSED, err=True)
        raise SystemExit(1)
    if result.gate_problems and not preview:
        click.echo(GATE_REFUSED, err=True)
        raise SystemExit(1)
    if result.gate_problems:
        click.echo(PREVIEW.format(count=len(result.gate_problems)), err=True)
    try:
        summary = build_site(content_dir, site_dir, config_file, preview=preview, k=k, jobs=jobs)
    except NearmissError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    total = time.perf_counter() - started
    if stats_file is not None:
        stats_file.write_text(json.dumps(_stats(result, summary, check_seconds, total), indent=2), encoding="utf-8")
    click.echo(summary_text(summary, result, check_seconds, total))


def _print_problems(result: CheckResult, preview: bool) -> None:
    # A preview of imported data can have thousands of review-tier findings: a reviewer reads them with check.
    problems = result.all_problems
    shown = problems if not (preview and not result.problems) else problems[:SHOWN_PROBLEMS]
    for problem in shown:
        click.echo(format_problem(problem), err=True)
    if len(shown) < len(problems):
        click.echo(f"... and {len(problems) - len(shown)} more (nearmiss check lists them all).", err=True)


def _stats(result: CheckResult, summary: BuildSummary, check_seconds: float, total: float) -> dict:
    return {"seconds": round(total, 3), "check_seconds": round(check_seconds, 3),
            "check_stages": result.times.as_dict()["stages"], "check_peak_rss_mb": round(peak_rss_mb(), 1),
            "site_stages": summary.stages, "notes": summary.notes, "site_seconds": round(summary.seconds, 3),
            "mkdocs_process_peak_rss_mb": max((s["peak_rss_mb"] for s in summary.stages), default=0.0),
            "pages": summary.pages, "reports": len(result.corpus.reports), "warnings": len(summary.warnings),
            "counts": result.counts}


def summary_text(summary: BuildSummary, result: CheckResult, check_seconds: float, total: float) -> str:
    """A one-screen summary of a finished build: what was built, each stage's time and memory, where it is."""
    reports = len(result.corpus.reports)
    lines = [f"Built {summary.pages} pages from {reports} reports in {total:.1f} s "
             f"(check {check_seconds:.1f} s, site {summary.seconds:.1f} s).",
             f"  {'stage':<20}{'seconds':>9}{'peak RSS':>11}"]
    rows = [("check: " + s["stage"], s) for s in result.times.stages]
    notes = summary.notes
    if "startup_seconds" in notes:
        rows.append(("site: start MkDocs", {"seconds": notes["startup_seconds"]}))
    rows += [("site: " + s["stage"], s) for s in summary.stages]
    if "mkdocs_process_seconds" in notes and "startup_seconds" in notes:
        rest = notes["mkdocs_process_seconds"] - notes["startup_seconds"] - sum(s["seconds"] for s in summary.stages)
        rows.append(("site: end MkDocs", {"seconds": rest}))
    if "swap_seconds" in notes:
        rows.append(("site: swap in", {"seconds": notes["swap_seconds"]}))
    for name, stage in rows:
        memory = f"{stage['peak_rss_mb']:>8.0f} MB" if "peak_rss_mb" in stage else ""
        lines.append(f"  {name:<20}{stage['seconds']:>9.2f}{memory}")
    cached = result.counts.get("files", 0) - result.counts.get("parsed", 0)
    lines.append(f"  From the cache (.nearmiss-cache/): {cached} of {result.counts.get('files', 0)} reports, "
                 f"{notes.get('report_pages_from_cache', 0)} of {notes.get('report_pages', 0)} report pages.")
    if "pagefind_pages" in summary.notes:
        lines.append(f"  Pagefind indexed {summary.notes['pagefind_pages']} pages "
                     f"(its peak RSS {summary.notes.get('pagefind_peak_rss_mb', 0):.0f} MB).")
    if result.gate_problems:
        lines.append(f"PREVIEW: {len(result.gate_problems)} gate problem(s); not for publication.")
    if summary.warnings:
        lines.append(f"{len(summary.warnings)} warning(s):")
        lines += [f"  {warning}" for warning in summary.warnings[:5]]
    lines.append(f"Site: {summary.site_dir}")
    return "\n".join(lines)
