"""`nearmiss scan`: report identifiers that must not be published."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

DEFAULT_DIR = Path("content/reports")


def _files(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def _scan_files(paths: tuple[Path, ...]) -> int:
    from generator.deid.document import scan_document

    if not paths:
        if not DEFAULT_DIR.is_dir():
            raise click.UsageError(f"no PATH given and {DEFAULT_DIR}/ does not exist")
        paths = (DEFAULT_DIR,)
    files = _files(paths)
    counts = {"auto": 0, "review": 0, "acknowledged": 0}
    for path in files:
        text = path.read_text(encoding="utf-8")
        for item in scan_document(text, markdown=path.suffix.lower() == ".md"):
            f = item.finding
            note = " [acknowledged]" if item.acknowledged else ""
            click.echo(f'{path}:{item.line}:{item.column}: {f.type} {f.tier} {f.confidence:.2f} '
                       f'{json.dumps(f.text, ensure_ascii=False)} ({f.reason}){note}')
            counts["acknowledged" if item.acknowledged else f.tier] += 1
    open_count = counts["auto"] + counts["review"]
    click.echo(f"{len(files)} file(s) scanned: {open_count} finding(s) to fix or acknowledge "
               f"({counts['auto']} auto, {counts['review']} review), {counts['acknowledged']} acknowledged")
    return 1 if open_count else 0


def _scan_jsonl() -> int:
    from generator.deid import scan

    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
        except ValueError as error:
            sys.stdout.flush()
            click.echo(f"error: stdin line {number}: malformed input: {error}", err=True)
            return 2
        findings = [f.to_dict() for f in scan(record["text"])]
        sys.stdout.write(json.dumps({"id": record.get("id"), "findings": findings}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--jsonl", is_flag=True, help='Read {"id", "text"} JSON lines from stdin; write findings as JSON lines.')
def command(paths: tuple[Path, ...], jsonl: bool) -> None:
    """Scan report files (default: content/reports/) for identifying information.

    Prints one line per finding as path:line:col and exits 1 when any finding is not acknowledged in the
    report's front matter (deid_reviewed: [...]).
    """
    if jsonl and paths:
        raise click.UsageError("--jsonl reads standard input; do not give PATHs")
    sys.exit(_scan_jsonl() if jsonl else _scan_files(paths))
