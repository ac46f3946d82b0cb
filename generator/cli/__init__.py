"""The `nearmiss` command line. One module per command; this module only assembles them."""

from __future__ import annotations

import importlib

import click

from generator import __version__

# Command modules are imported lazily so that `nearmiss check` does not pay for scikit-learn or Starlette.
COMMANDS = {
    "check": "generator.cli.check:command",
    "build": "generator.cli.build:command",
    "related": "generator.cli.related:command",
    "themes": "generator.cli.themes:command",
    "import": "generator.cli.importer:command",
    "serve": "generator.cli.serve:command",
    "scan": "generator.cli.scan:command",
    "redact": "generator.cli.redact:command",
    "intake": "generator.cli.intake:command",
    "review": "generator.cli.review:command",
    "packet": "generator.cli.packet:command",
    "analyze": "generator.cli.analyze:command",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="nearmiss")
def main() -> None:
    """Publish anonymized near-miss case studies as a searchable static site."""
