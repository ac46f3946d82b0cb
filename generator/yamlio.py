"""Safe YAML reading with line numbers, shared by taxonomy, themes, packets and front matter.

Only the safe loader is ever used: report text is untrusted, and YAML tags such as `!!python/object` must be an
error, never an object.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import NearmissError, Problem

try:  # libyaml is about ten times faster, which matters at 30,000 reports.
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class SafeLoader(_Base):
    """The safe loader, except that dates stay strings: the schema validates them with a clear message,
    where PyYAML would raise a bare ValueError for "2025-02-30"."""


SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, path: str, first_line: int = 1) -> object:
    """Parse YAML text; raise NearmissError naming the file and line of any syntax error or tag."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        # The context mark ("while parsing a flow sequence") points at the line the writer must fix.
        mark = error.context_mark or error.problem_mark
        line = first_line + (mark.line if mark else 0)
        message = " ".join(str(part) for part in (error.problem, error.context) if part) or "invalid YAML"
        raise NearmissError(Problem(path, line, _key_at(text, line - first_line), message)) from None
    except yaml.YAMLError as error:
        raise NearmissError(Problem(path, first_line, "yaml", str(error))) from None


def _key_at(text: str, index: int) -> str:
    """The top-level key whose entry contains line `index` (0-based), for naming the field of a syntax error."""
    for line in reversed(text.split("\n")[: index + 1]):
        if line[:1] not in ("", " ", "#", "-") and ":" in line:
            return line.split(":", 1)[0].strip()
    return "yaml"


def key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """Map top-level keys, and keys one level down as 'parent.child', to their 1-based line numbers.

    A cheap line scan instead of walking YAML nodes: it is enough to point an error at the right line.
    """
    lines: dict[str, int] = {}
    parent = None
    for offset, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#") or ":" not in stripped or stripped.startswith("- "):
            continue
        key = stripped.split(":", 1)[0].strip().strip("'\"")
        indent = len(line) - len(stripped)
        if indent == 0:
            parent = key
            lines.setdefault(key, first_line + offset)
        elif parent is not None:
            lines.setdefault(f"{parent}.{key}", first_line + offset)
    return lines


def load_yaml(path: Path) -> tuple[object, dict[str, int]]:
    """Read a YAML file; return its data and the line of each key (see `key_lines`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise NearmissError(Problem(str(path), 1, "file", f"cannot read: {error}")) from None
    return parse_yaml(text, str(path)), key_lines(text)


def item_lines(text: str, key: str | None = None) -> list[int]:
    """1-based line of each item of a top-level list (or of the list under `key`), from the YAML node tree."""
    node = yaml.compose(text, Loader=SafeLoader)
    if key is not None and isinstance(node, yaml.MappingNode):
        node = next((value for name, value in node.value if name.value == key), None)
    return [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []
