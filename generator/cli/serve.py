"""`nearmiss serve`: build the site, then serve it on 127.0.0.1."""

from __future__ import annotations

import click

from generator.cli import build
from generator.cli.options import config_option, content_option, site_option
from generator.serve import serve_directory


@click.command()
@content_option
@site_option
@config_option
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--prefix", default="/", show_default=True, help="Serve the site under this URL path, e.g. /cases/.")
@click.option("--no-build", is_flag=True, help="Serve the existing site without building it first.")
@click.pass_context
def command(ctx, content_dir, site_dir, config_file, port, prefix, no_build):
    """Build the site and serve it locally (127.0.0.1 only)."""
    if not no_build:
        ctx.invoke(build.command, content_dir=content_dir, site_dir=site_dir, config_file=config_file, k=3,
                   preview=False)
    server = serve_directory(site_dir, port=port, prefix=prefix)
    click.echo(f"Serving {site_dir} at http://127.0.0.1:{server.server_port}{server.prefix} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
