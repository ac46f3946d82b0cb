"""`nearmiss redact`: replace identifiers with [REDACTED-<TYPE>] markers."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

TIERS = {"auto": ("auto",), "review": ("review",), "all": ("auto", "review")}


def _files(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def _write_atomically(path: Path, text: str) -> None:
    # A crash must leave either the old or the new file, never half of one: write a sibling, then rename.
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--in-place", is_flag=True, help="Rewrite the files instead of printing the redacted text.")
@click.option("--tier", type=click.Choice(sorted(TIERS)), default="auto", show_default=True,
              help="Which findings to redact: auto tier, review tier, or all.")
def command(paths: tuple[Path, ...], in_place: bool, tier: str) -> None:
    """Redact identifiers in report files, or in standard input when no PATH is given.

    Markdown front matter is kept as is, except that the title and summary values are redacted too.
    """
    from generator.deid import redact
    from generator.deid.document import redact_document

    tiers = TIERS[tier]
    if not paths:
        if in_place:
            raise click.UsageError("--in-place needs at least one PATH")
        sys.stdout.write(redact(sys.stdin.read(), tiers=tiers))
        return
    files = _files(paths)
    for path in files:
        text = path.read_text(encoding="utf-8")
        result = redact_document(text, tiers=tiers, markdown=path.suffix.lower() == ".md")
        if in_place:
            if result != text:
                _write_atomically(path, result)
                click.echo(f"redacted {path}", err=True)
        else:
            if len(files) > 1:
                click.echo(f"==> {path} <==")
            sys.stdout.write(result)
