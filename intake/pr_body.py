"""The pull request a reviewer sees: a neutral title, a summary, the findings table and the checklist.

Report text appears here only inside code spans (where forges render no markup, mentions or issue links), and
only for what the reporter chose to keep: the text of an identifier that was removed is never written anywhere.
"""

from __future__ import annotations

from collections import Counter

from generator.pages.render import month_name
from generator.schema import FIELDS_BY_NAME
from generator.taxonomy import Taxonomy
from intake.forms import CleanForm
from intake.screening import Decision

LABELS = ("submission", "needs-deid-review")
FIELD_NAMES = {"title": "Title", "what_happened": "What happened", "lessons_learned": "Lessons learned"}
FACETS = ("event_type", "loss_potential", "contributing_factors", "what_prevented_harm", "time_block", "region",
          "setting", "agency_size", "officers_on_scene", "reporter_role")
CHECKLIST = (
    "Read the whole report for anything that identifies the reporter, a partner, a subject, an agency, a place "
    "or a date, including details only the people who were there would know.",
    "Decide on every finding the reporter kept: remove it, or list it in `deid_reviewed`.",
    "Check that the facets (month, region, setting, agency size, officers on scene) do not single out the "
    "event; coarsen the region if in doubt (`nearmiss check` runs the k-anonymity check).",
    "Rewrite the `summary` (the draft uses the first sentence) and check the title.",
    "Add `tags` where they help readers.",
    "A second reviewer agrees.",
    "Publish: locally `nearmiss review approve {submission}`; on a forge, rename the file to the next free "
    "`NM-YYYY-NNNN`, set `id`, `status: published` and `published:`, then squash-merge.",
    "Never copy text from this pull request anywhere else; reject it (close and delete the branch) if it cannot "
    "be de-identified.",
)


def pr_title(report_id: str) -> str:
    """A title with no report text in it: forges send titles in notification emails."""
    return f"Draft report {report_id} (anonymous submission)"


def code(text: str) -> str:
    """Text as an inert inline code span that fits in a table cell."""
    text = " ".join(text.split()).replace("`", "'").replace("|", "\\|")
    return f"`{text}`" if text else "``"


def pr_body(form: CleanForm, taxonomy: Taxonomy, *, submission_id: str, report_id: str, path: str,
            removed: dict[str, Counter], decisions: list[Decision]) -> str:
    """The Markdown body of the pull request (also the local forge's commit message)."""
    lines = [
        "An anonymous reporter sent this close call through the intake form. **It is a draft: nothing may be "
        "published until two reviewers have de-identified it.**",
        "",
        "| | |",
        "|---|---|",
        f"| Draft | {code(path)} |",
        f"| Submission | {code(submission_id)} |",
        f"| Event month | {month_name(form.event_month)} |",
    ]
    for name in FACETS:
        vocabulary = FIELDS_BY_NAME[name].vocabulary
        value = form.facets[name]
        values = value if isinstance(value, list) else [value]
        labels = ", ".join(taxonomy.label(vocabulary, slug) for slug in values)
        lines.append(f"| {taxonomy[vocabulary].label} | {labels} |")
    lines += ["", "### Identifier scan", ""]
    lines += _findings(removed, decisions)
    lines += ["", "### Reviewer checklist", ""]
    lines += [f"- [ ] {item.format(submission=submission_id)}" for item in CHECKLIST]
    return "\n".join(lines) + "\n"


def _findings(removed: dict[str, Counter], decisions: list[Decision]) -> list[str]:
    rows = []
    for decision in decisions:
        finding = decision.flag.finding
        shown = code(finding.text) if decision.kept else "(removed)"
        verdict = "**kept by the reporter: check it**" if decision.kept else "removed by the reporter"
        rows.append(f"| {decision.flag.number} | {FIELD_NAMES[decision.flag.field]} | {finding.type} | {shown} "
                    f"| {verdict} |")
    for field, counter in removed.items():
        for kind, count in sorted(counter.items()):
            rows.append(f"| – | {FIELD_NAMES[field]} | {kind} × {count} | (removed) | removed automatically |")
    if not rows:
        return ["The scanner found nothing. Read it anyway: the scanner misses things."]
    return ["| # | Where | Type | Text | Decision |", "|---|---|---|---|---|", *rows]
