"""Editorial files beside the reports: training packets (`packets.yml`) and the case of the week (`featured.yml`).

Both are optional. Both are validated like reports: every problem names the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import NearmissError, Problem
from generator.yamlio import item_lines, key_lines, parse_yaml

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True)
class Packet:
    """A training packet: cases chosen by a trainer, with objectives and notes for the facilitator."""

    slug: str
    title: str
    audience: str
    objectives: tuple[str, ...]
    cases: tuple[str, ...]
    facilitator_notes: str
    time: str


@dataclass(frozen=True)
class Feature:
    """'Case of the week': from `start` on (until the next entry), the home page features `case`."""

    start: dt.date
    case: str
    note: str


def load_packets(content_dir: Path, known_ids: set[str]) -> tuple[list[Packet], list[Problem]]:
    """Read `packets.yml`; unknown case IDs and missing fields are problems."""
    items, lines, problems = _load_list(content_dir / "packets.yml", "packets")
    packets, seen = [], set()
    for index, item in enumerate(items):
        where = lines(index)
        found = _require(item, ("slug", "title", "cases"), where, problems)
        if not found:
            continue
        slug = str(item["slug"])
        if not SLUG.match(slug) or slug in seen:
            problems.append(where("slug", f'"{slug}" must be unique, lowercase letters, digits and hyphens'))
        seen.add(slug)
        cases = tuple(str(case) for case in item.get("cases") or ())
        problems += [where("cases", f'unknown case "{case}"') for case in cases if case not in known_ids]
        packets.append(Packet(slug, str(item["title"]), str(item.get("audience", "")),
                              tuple(str(o) for o in item.get("objectives") or ()), cases,
                              str(item.get("facilitator_notes", "")), str(item.get("time", ""))))
    return packets, problems


def load_featured(content_dir: Path, known_ids: set[str]) -> tuple[list[Feature], list[Problem]]:
    """Read `featured.yml`: a dated list of featured cases, in date order."""
    items, lines, problems = _load_list(content_dir / "featured.yml", "featured")
    features = []
    for index, item in enumerate(items):
        where = lines(index)
        if not _require(item, ("from", "case"), where, problems):
            continue
        try:
            start = dt.date.fromisoformat(str(item["from"]))
        except ValueError:
            problems.append(where("from", f'"{item["from"]}" is not a date YYYY-MM-DD'))
            continue
        if str(item["case"]) not in known_ids:
            problems.append(where("case", f'unknown case "{item["case"]}"'))
        features.append(Feature(start, str(item["case"]), str(item.get("note", ""))))
    return sorted(features, key=lambda feature: feature.start), problems


def current_feature(features: list[Feature], today: dt.date | None = None) -> Feature | None:
    """The entry in force on `today` (the build date; SOURCE_DATE_EPOCH pins it for reproducible builds)."""
    today = today or build_date()
    current = [feature for feature in features if feature.start <= today]
    return current[-1] if current else None


def build_date() -> dt.date:
    """Today in UTC, or the date in SOURCE_DATE_EPOCH (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.date()


def _load_list(path: Path, key: str):
    if not path.is_file():
        return [], (lambda index: None), []
    text = path.read_text(encoding="utf-8")
    try:
        data = parse_yaml(text, str(path))
    except NearmissError as error:
        return [], (lambda index: None), error.problems
    items = data.get(key) if isinstance(data, dict) else data
    if not isinstance(items, list):
        return [], (lambda index: None), [Problem(str(path), key_lines(text).get(key, 1), key, "must be a list")]
    starts = item_lines(text, key if isinstance(data, dict) else None)

    def lines(index: int):
        line = starts[index] if index < len(starts) else 1
        return lambda field, message: Problem(str(path), line, f"{key}[{index}].{field}", message)

    return items, lines, []


def _require(item: object, fields: tuple[str, ...], where, problems: list[Problem]) -> bool:
    if not isinstance(item, dict):
        problems.append(where("item", "must be a mapping"))
        return False
    missing = [field for field in fields if not item.get(field)]
    problems += [where(field, "missing required field") for field in missing]
    return not missing
