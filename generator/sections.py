"""The body of a report: level-2 sections with fixed names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.suggest import did_you_mean

SECTION_TITLES = {
    "what-happened": "What happened",
    "lessons-learned": "Lessons learned",
    "discussion-questions": "Discussion questions",
    "follow-up": "Follow-up",
}
REQUIRED_SECTIONS = ("what-happened", "lessons-learned")
HEADING = re.compile(r"^##(?!#)\s*(.*?)\s*#*\s*$")
_BY_TITLE = {title.lower(): slug for slug, title in SECTION_TITLES.items()}


@dataclass(frozen=True)
class Section:
    """One `## Heading` and the Markdown under it."""

    slug: str
    title: str
    text: str
    line: int


def parse_sections(body: str, first_line: int) -> tuple[dict[str, Section], list[tuple[int, str]]]:
    """Split a body into known sections; return them with (line, message) for every structural problem."""
    sections: dict[str, Section] = {}
    problems: list[tuple[int, str]] = []
    slug, start, buffer = None, first_line, []  # slug "" means: skipping text under a bad heading

    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        match = HEADING.match(line)
        if match is None:
            if slug is None and line.strip():
                problems.append((number, "text before the first '## What happened' heading"))
                slug = ""
            buffer.append(line)
            continue
        if slug:
            sections[slug] = Section(slug, SECTION_TITLES[slug], "\n".join(buffer).strip("\n"), start)
        buffer, start = [], number
        slug = _section_slug(match.group(1), sections, number, problems)
    if slug:
        sections[slug] = Section(slug, SECTION_TITLES[slug], "\n".join(buffer).strip("\n"), start)
    return sections, problems


def _section_slug(title: str, sections: dict, line: int, problems: list[tuple[int, str]]) -> str:
    slug = _BY_TITLE.get(title.lower())
    if slug is None:
        hint = did_you_mean(title, SECTION_TITLES.values())
        allowed = ", ".join(SECTION_TITLES.values())
        problems.append((line, f'unknown section "## {title}"{hint}; allowed: {allowed}'))
        return ""
    if slug in sections:
        problems.append((line, f'section "## {title}" appears twice'))
        return ""
    return slug


def missing_sections(sections: dict[str, Section]) -> list[str]:
    """Required sections that are absent or empty."""
    return [slug for slug in REQUIRED_SECTIONS if not (slug in sections and sections[slug].text.strip())]
