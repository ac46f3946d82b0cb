"""The report cache: each report file parsed and scanned once, keyed by the SHA-256 of its bytes.

`nearmiss check` and the site build (in its MkDocs child process) both need every report parsed and scanned for
identifiers; at 30,000 reports that is most of their time, so it is done once per changed file and shared.

One JSON file per content directory under `.nearmiss-cache/` beside it (never pickle: loading a cache must not be
able to run code), written atomically. The whole file is ignored when the code that parses or scans reports
changed (a hash of its source and data files), or the taxonomy did; a file whose bytes changed is redone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path

import yaml

from generator.atomic import write_text_atomic
from generator.errors import Problem
from generator.report import Report
from generator.sections import SECTION_TITLES, Section

FORMAT = 2
CACHE_DIR_NAME = ".nearmiss-cache"
GENERATOR = Path(__file__).resolve().parent
# Everything a cached entry is computed from: the parser, the schema and the scanner (code and word lists).
# tests/test_reportcache.py checks that every module these import is listed.
CODE_FILES = ("errors.py", "frontmatter.py", "yamlio.py", "sections.py", "schema.py", "report.py", "suggest.py",
              "taxonomy.py", "untrusted.py", "privacy/findings.py", "reportcache.py")
CODE_DIRS = ("deid",)
_FIELDS = tuple(field.name for field in dataclasses.fields(Report) if field.name not in ("path", "sections"))


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code and data that parse and scan a report, and of the YAML library and Python version."""
    digest = hashlib.sha256(f"{FORMAT} {yaml.__version__} {sys.version_info[:2]}".encode())
    paths = [GENERATOR / name for name in CODE_FILES]
    for folder in CODE_DIRS:
        paths += [path for path in (GENERATOR / folder).rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    add_files(digest, paths)
    return digest.hexdigest()[:32]


def add_files(digest, paths) -> None:
    """Feed each file of the generator package, its path and its bytes, to `digest` (in a fixed order): the
    version of the code a cache was computed with."""
    for path in sorted(paths):
        digest.update(str(path.relative_to(GENERATOR)).encode() + b"\0" + path.read_bytes() + b"\0")


def default_cache_dir(content_dir: Path | str) -> Path:
    """`.nearmiss-cache/` in the project that holds the content directory (its parent); every cache lives there."""
    return Path(content_dir).resolve().parent / CACHE_DIR_NAME


def content_cache_file(cache_dir: Path | str, content_dir: Path | str, kind: str, suffix: str) -> Path:
    """`<kind>-<hash of the content directory><suffix>` in `cache_dir`: every cache keeps one file per content
    directory, so that several sites in one project keep their own."""
    name = hashlib.sha256(str(Path(content_dir).resolve()).encode()).hexdigest()[:12]
    return Path(cache_dir) / f"{kind}-{name}{suffix}"


def cache_file(cache_dir: Path | str, content_dir: Path | str) -> Path:
    """The report cache of one content directory."""
    return content_cache_file(cache_dir, content_dir, "reports", ".json")


class ReportCache:
    """Entries by file name: `{"sha", "report" (or null), "problems", "findings" (once scanned)}`.

    With `path` None nothing is read or written (an uncached run uses the same code path).
    """

    def __init__(self, path: Path | None, key: str) -> None:
        self.path, self.key = path, key
        self.entries: dict[str, dict] = self._read() if path is not None else {}
        self.changed = False

    def _read(self) -> dict[str, dict]:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("key") != self.key or not isinstance(stored.get("entries"), dict):
            return {}
        return stored["entries"]

    def lookup(self, name: str, sha: str) -> dict | None:
        """The entry of a file with exactly these bytes, or None."""
        entry = self.entries.get(name)
        return entry if isinstance(entry, dict) and entry.get("sha") == sha else None

    def store(self, name: str, entry: dict) -> None:
        self.entries[name] = entry
        self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Forget files that are gone, so that the cache does not grow with deleted reports."""
        gone = set(self.entries) - names
        for name in gone:
            del self.entries[name]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is only a slower next run."""
        if self.path is None or not self.changed:
            return
        try:
            write_text_atomic(self.path, json.dumps({"key": self.key, "entries": self.entries}, ensure_ascii=False,
                                                    separators=(",", ":")))
        except OSError:
            pass
        self.changed = False


def encode_report(report: Report) -> dict:
    """A report as plain JSON values, without its path; each section as its place in the body (its text is a
    stretch of the body, so it is not stored twice)."""
    data = {}
    for name in _FIELDS:
        value = getattr(report, name)
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    sections, offset = [], 0
    for section in report.sections.values():
        start = report.body.find(section.text, offset) if section.text else offset
        if start < 0:  # cannot happen for a parsed report; never store what would not decode the same
            raise ValueError(f"section {section.slug} is not part of the body of {report.id}")
        sections.append([section.slug, section.line, start, start + len(section.text)])
        offset = start + len(section.text)
    data["sections"] = sections
    return data


def decode_report(data: dict, path: str) -> Report:
    """The report `encode_report` stored, at `path`."""
    values = {name: tuple(value) if isinstance(value, list) else value for name, value in data.items()
              if name != "sections"}
    values["published"] = dt.date.fromisoformat(values["published"])
    body = values["body"]
    sections = {slug: Section(slug, SECTION_TITLES[slug], body[start:end], line)
                for slug, line, start, end in data["sections"]}
    return Report(path=path, sections=sections, **values)


def encode_problems(problems: list[Problem]) -> list[list]:
    """Problems of one file without its path (the same bytes give the same problems wherever the file is)."""
    return [[problem.line, problem.field, problem.message] for problem in problems]


def decode_problems(rows: list[list], path: str) -> list[Problem]:
    return [Problem(path, int(line), str(field), str(message)) for line, field, message in rows]
